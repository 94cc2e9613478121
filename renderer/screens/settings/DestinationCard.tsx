// One upload destination: its details, whether its password is kept (never the password), and
// the actions on it. Test results are announced where the button is.
import {
  Button,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { KeyRegular, PlugConnectedRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { DestinationView } from '../../../shared/ipc/views';
import { useApi } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';
import { NOT_REMEMBERED } from '../../components/SecretFields';
import type { PasswordRequest } from './PasswordDialog';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

interface Props {
  destination: DestinationView;
  vaultAvailable: boolean;
  askPassword: (request: PasswordRequest) => void;
  changed: () => void;
}

export function DestinationCard({ destination: d, vaultAvailable, askPassword, changed }: Props) {
  const s = useStyles();
  const section = useSectionStyles();
  const api = useApi();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  // The password dialog is opened from here without a DialogTrigger: these buttons are where
  // focus goes back to when it closes, or a keyboard user is left at the top of the page.
  const restoreFocusTarget = useRestoreFocusTarget();

  const test = async (password?: string) => {
    setBusy(true);
    setNotice({ intent: 'info', text: `Connecting to ${d.url}…` });
    const r = await api['destinations.test']({ destinationId: d.id, password });
    setBusy(false);
    setNotice(
      r.ok
        ? {
            intent: 'success',
            text: `Connected: signed in and reached the upload area "${r.value.area}".`,
          }
        : fromError(r.error, 'The connection test failed'),
    );
  };

  const startTest = () => {
    if (d.passwordStored) return void test();
    askPassword({
      title: `Test the connection to ${d.name}`,
      explanation: `No password is kept for the user name ${d.username} at ${d.name}. Enter it to test the connection; it is used for this test only.`,
      confirmLabel: 'Test connection',
      keeping: false,
      onConfirm: (password) => void test(password),
    });
  };

  const setPassword = () =>
    askPassword({
      title: `Password for ${d.username} at ${d.name}`,
      explanation:
        'ReturnDesk keeps it in this computer’s credential vault and uses it to sign in when you upload.',
      confirmLabel: 'Save password',
      keeping: true,
      onConfirm: (password) =>
        void (async () => {
          const r = await api['destinations.setPassword']({ destinationId: d.id, password });
          if (!r.ok) return setNotice(fromError(r.error, 'The password was not saved'));
          setNotice(
            r.value.stored
              ? { intent: 'success', text: 'Password saved in the credential vault.' }
              : { intent: 'warning', text: r.value.message ?? 'Not remembered on this computer.' },
          );
          changed();
        })(),
    });

  const forget = async () => {
    const r = await api['destinations.forgetPassword']({ destinationId: d.id });
    if (!r.ok) return setNotice(fromError(r.error, 'The password was not forgotten'));
    setNotice({
      intent: 'success',
      text: r.value.forgotten
        ? 'Password removed from the credential vault. ReturnDesk will ask for it next time.'
        : 'No password was kept for this destination.',
    });
    changed();
  };

  return (
    <section className={s.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={s.name}>
        {d.name}
      </h3>
      <dl className={s.facts}>
        <dt className={s.term}>Web address</dt>
        <dd className={s.value}>{d.url}</dd>
        <dt className={s.term}>Upload area</dt>
        <dd className={s.value}>{d.area}</dd>
        <dt className={s.term}>User name</dt>
        <dd className={s.value}>{d.username}</dd>
        <dt className={s.term}>Own CA certificate</dt>
        <dd className={s.value}>{yesNo(d.ca)}</dd>
        <dt className={s.term}>Password stored</dt>
        <dd className={s.value}>{yesNo(d.passwordStored)}</dd>
        <dt className={s.term}>Group key stored</dt>
        <dd className={s.value}>{yesNo(d.groupKeyStored)}</dd>
      </dl>
      <div className={section.actions}>
        <Button
          icon={<PlugConnectedRegular />}
          disabledFocusable={busy}
          onClick={startTest}
          {...restoreFocusTarget}
        >
          Test connection
        </Button>
        {vaultAvailable ? (
          <Button icon={<KeyRegular />} onClick={setPassword} {...restoreFocusTarget}>
            {d.passwordStored ? 'Change password…' : 'Set password…'}
          </Button>
        ) : (
          // Offering to keep a password that cannot be kept would only mislead.
          <Text className={section.muted}>
            {NOT_REMEMBERED}: ReturnDesk asks for the password each time.
          </Text>
        )}
        {d.passwordStored && <Button onClick={() => void forget()}>Forget password</Button>}
      </div>
      <LiveNotice notice={notice} />
    </section>
  );
}
