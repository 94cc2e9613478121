// One upload destination: its details, whether its password is kept (never the password), and
// the actions on it. Test results are announced where the button is.
import {
  Button,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import {
  DeleteRegular,
  EditRegular,
  KeyRegular,
  PlugConnectedRegular,
} from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { DestinationView } from '../../../shared/ipc/views';
import { useApi } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';
import { NOT_REMEMBERED } from '../../components/SecretFields';
import type { PasswordRequest } from './PasswordDialog';
import { EditDestinationForm } from './EditDestinationForm';
import { RemoveDestinationDialog } from './RemoveDestinationDialog';
import { DestinationAreas } from './DestinationAreas';

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
const kept = (vault: boolean, session: boolean) =>
  vault ? 'yes' : session ? 'for this session only (not remembered after ReturnDesk closes)' : 'no';

interface Props {
  destination: DestinationView;
  vaultAvailable: boolean;
  askPassword: (request: PasswordRequest) => void;
  changed: () => void;
  /** After removal: the card goes, so the list says what became of it. */
  removed: (notice: NoticeMessage) => void;
}

export function DestinationCard({
  destination: d,
  vaultAvailable,
  askPassword,
  changed,
  removed,
}: Props) {
  const s = useStyles();
  const section = useSectionStyles();
  const api = useApi();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
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
            text:
              r.value.areas.length > 1
                ? `Connected: signed in and reached the upload areas ${r.value.areas.map((a) => `"${a}"`).join(', ')}.`
                : `Connected: signed in and reached the upload area "${r.value.area}".`,
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
      explanation: vaultAvailable
        ? 'ReturnDesk keeps it in this computer’s credential vault and uses it to sign in when you upload.'
        : 'ReturnDesk holds it in memory until it closes and uses it to sign in when you upload or check for results; it is not remembered after ReturnDesk closes.',
      confirmLabel: 'Save password',
      keeping: true,
      onConfirm: (password) =>
        void (async () => {
          const r = await api['destinations.setPassword']({
            destinationId: d.id,
            password,
            // Held for the session only where there is no vault: worth checking it first.
            verify: !vaultAvailable,
          });
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
        ? 'Password forgotten. ReturnDesk will ask for it next time.'
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
        <dt className={s.term}>User name</dt>
        <dd className={s.value}>{d.username}</dd>
        <dt className={s.term}>Own CA certificate</dt>
        <dd className={s.value}>{yesNo(d.ca)}</dd>
        <dt className={s.term}>Password stored</dt>
        <dd className={s.value}>{kept(d.passwordStored, d.passwordForSession)}</dd>
      </dl>
      <DestinationAreas destination={d} vaultAvailable={vaultAvailable} changed={changed} />
      <div className={section.actions}>
        <Button
          icon={<PlugConnectedRegular />}
          disabledFocusable={busy}
          onClick={startTest}
          {...restoreFocusTarget}
        >
          Test connection
        </Button>
        <Button icon={<KeyRegular />} onClick={setPassword} {...restoreFocusTarget}>
          {vaultAvailable
            ? d.passwordStored
              ? 'Change password…'
              : 'Set password…'
            : 'Give password for this session…'}
        </Button>
        {(d.passwordStored || d.passwordForSession) && (
          <Button onClick={() => void forget()}>Forget password</Button>
        )}
        <Button icon={<EditRegular />} onClick={() => setEditing(true)} disabled={editing}>
          Change…
        </Button>
        <Button icon={<DeleteRegular />} onClick={() => setRemoving(true)} {...restoreFocusTarget}>
          Remove…
        </Button>
      </div>
      {!vaultAvailable && (
        <Text className={section.muted}>
          {NOT_REMEMBERED}: a password given here is held until ReturnDesk closes, and not
          remembered after.
        </Text>
      )}
      <LiveNotice notice={notice} />
      {editing && (
        <EditDestinationForm
          destination={d}
          vaultAvailable={vaultAvailable}
          onCancel={() => setEditing(false)}
          onDone={(n) => {
            setEditing(false);
            setNotice(n);
            changed();
          }}
        />
      )}
      <RemoveDestinationDialog
        destination={removing ? d : null}
        onClose={() => setRemoving(false)}
        onRemoved={(n) => {
          setRemoving(false);
          removed(n);
        }}
      />
    </section>
  );
}
