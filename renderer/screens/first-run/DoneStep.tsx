// Step 3: what was set up, what was not, and the way into the app.
import { Button, Text } from '@fluentui/react-components';
import type { DestinationView, Provider } from '../../../shared/ipc/views';
import { LiveNotice } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';

interface Props {
  provider: Provider | null;
  destination: DestinationView | null;
  secrets: NoticeMessage | null;
  onFinished: () => void;
}

export function DoneStep({ provider, destination, secrets, onFinished }: Props) {
  const s = useSectionStyles();
  return (
    <>
      <ul>
        {provider && (
          <li>
            Provider: {provider.name}, UPIN {provider.upin}
            {provider.ukprn ? `, UKPRN ${provider.ukprn}` : ''}.
          </li>
        )}
        {destination ? (
          <li>
            Upload destination: {destination.name} ({destination.area}), password{' '}
            {destination.passwordStored
              ? 'stored in the credential vault'
              : destination.passwordForSession
                ? 'held for this session only (not remembered after ReturnDesk closes)'
                : 'not stored'}
            .
          </li>
        ) : (
          <li>No upload destination yet: add one in Settings when you are ready to upload.</li>
        )}
      </ul>
      <LiveNotice notice={secrets} />
      <Text block>
        {destination
          ? 'In Settings you can test the connection to the destination and manage backups.'
          : 'Settings is also where you manage backups and check the audit trail.'}
      </Text>
      <div className={s.actions}>
        <Button appearance="primary" onClick={onFinished}>
          Go to the dashboard
        </Button>
      </div>
    </>
  );
}
