// Upload destinations: each with its details and actions, and a form to add another.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { useApiEvent, useDraft, useLoaded } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';
import { AddDestinationForm, secretsOutcome } from './AddDestinationForm';
import { DestinationCard } from './DestinationCard';
import { PasswordDialog } from './PasswordDialog';
import type { PasswordRequest } from './PasswordDialog';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export function DestinationsSection({ vaultAvailable }: { vaultAvailable: boolean }) {
  const s = useSectionStyles();
  const own = useStyles();
  const headingId = useId();
  const destinations = useLoaded((a) => a['destinations.list']());
  useApiEvent('history.changed', destinations.reload);
  const [{ open: adding }, setOpen] = useDraft('settings.destination.open', { open: false });
  const [request, setRequest] = useState<PasswordRequest | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        Upload destinations
      </h2>
      <Text className={s.muted}>
        Where files are uploaded: an extranet upload area or a data portal. Passwords and group keys
        are kept in this computer&apos;s credential vault (where it has none, in memory until
        ReturnDesk closes), never in ReturnDesk&apos;s own files.
      </Text>
      <LiveNotice notice={destinations.error && fromError(destinations.error)} />
      {destinations.value?.length === 0 && <Text>No upload destinations yet.</Text>}
      <div className={own.list}>
        {destinations.value?.map((d) => (
          <DestinationCard
            key={d.id}
            destination={d}
            vaultAvailable={vaultAvailable}
            askPassword={setRequest}
            changed={destinations.reload}
            removed={(n) => {
              setNotice(n);
              destinations.reload();
            }}
          />
        ))}
      </div>
      {adding ? (
        <AddDestinationForm
          draftKey="settings.destination"
          title="Add a destination"
          vaultAvailable={vaultAvailable}
          saveLabel="Add destination"
          otherLabel="Cancel"
          onOther={() => setOpen({ open: false })}
          onSaved={(added) => {
            setOpen({ open: false });
            setNotice(
              secretsOutcome(added) ?? {
                intent: 'success',
                text: `Added ${added.destination.name}. Use Test connection to check it.`,
              },
            );
            destinations.reload();
          }}
        />
      ) : (
        <div className={s.actions}>
          <Button icon={<AddRegular />} onClick={() => setOpen({ open: true })}>
            Add a destination…
          </Button>
        </div>
      )}
      <LiveNotice notice={notice} />
      <PasswordDialog
        request={request}
        vaultAvailable={vaultAvailable}
        onClose={() => setRequest(null)}
      />
    </section>
  );
}
