// "Check for verification results", the same on the dashboard and Uploads: main says per
// destination whether the server was asked, and where it could not be (no password, or one the
// server refused) the password is asked for here, then the check runs again. Where this computer
// has no credential vault, main holds the password for this session only, and says so.
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Output } from '../../shared/ipc/contract';
import type { DestinationCheck } from '../../shared/ipc/views';
import { useApi, useLoaded } from '../app/hooks';
import { refreshOutcome } from '../screens/dashboard/dashboard-model';
import { LiveNotice, fromError } from './Notice';
import type { NoticeMessage } from './Notice';
import { SecretField } from './SecretFields';
import { useSectionStyles } from './ScreenTitle';

const useStyles = makeStyles({
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  ask: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    margin: `${tokens.spacingVerticalS} 0`,
  },
});

function noticeOf(r: Output<'uploads.refresh'>): NoticeMessage {
  const { intent, lines } = refreshOutcome(r);
  return { intent, text: lines.length === 1 ? lines[0] : <LinesList lines={lines} /> };
}

function LinesList({ lines }: { lines: string[] }) {
  const s = useStyles();
  return (
    <ul className={s.lines}>
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

export function VerificationCheck({
  primary,
  onChecked,
  children,
}: {
  primary?: boolean;
  onChecked: () => void;
  /** More actions beside the button (the dashboard's notifications, today's date). */
  children?: ReactNode;
}) {
  const api = useApi();
  const s = useSectionStyles();
  const [checking, setChecking] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [asking, setAsking] = useState<DestinationCheck[]>([]);
  // What became of a password given below; kept once its form has gone (the check then worked).
  const [given, setGiven] = useState<NoticeMessage | null>(null);

  const check = async () => {
    setChecking(true);
    setNotice({ intent: 'info', text: 'Asking the upload servers for verification results…' });
    const r = await api['uploads.refresh']();
    setChecking(false);
    if (!r.ok) return setNotice(fromError(r.error, 'Could not check for results'));
    setNotice(noticeOf(r.value));
    setAsking(r.value.destinations.filter((d) => d.needsPassword));
    onChecked();
  };

  return (
    <>
      <div className={s.actions}>
        <Button
          appearance={primary ? 'primary' : 'secondary'}
          icon={checking ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
          disabledFocusable={checking}
          onClick={() => void check()}
        >
          Check for verification results
        </Button>
        {children}
      </div>
      <LiveNotice notice={notice} />
      {asking.map((d) => (
        <PasswordAsk
          key={d.destinationId}
          check={d}
          onGiven={(outcome) => {
            setGiven(outcome);
            void check();
          }}
        />
      ))}
      <LiveNotice notice={given} />
    </>
  );
}

/** The password for one destination, given here and checked by logging in before it is kept. */
function PasswordAsk({
  check,
  onGiven,
}: {
  check: DestinationCheck;
  onGiven: (outcome: NoticeMessage) => void;
}) {
  const api = useApi();
  const s = useStyles();
  const info = useLoaded((a) => a['app.info']());
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const submit = async () => {
    if (password === '') {
      setNotice({ intent: 'error', text: `Enter the password for ${check.destination}.` });
      return;
    }
    setBusy(true);
    const r = await api['destinations.setPassword']({
      destinationId: check.destinationId,
      password,
      verify: true,
    });
    setBusy(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The password was not accepted'));
    setPassword('');
    setNotice(null);
    onGiven(
      r.value.stored
        ? {
            intent: 'success',
            text: `The password for ${check.destination} is kept in this computer’s credential vault.`,
          }
        : {
            intent: 'warning',
            title: `The password for ${check.destination}`,
            text: r.value.message ?? 'Not remembered after ReturnDesk closes.',
          },
    );
  };
  return (
    <form
      aria-label={`Password for ${check.destination}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className={s.ask}>
        <SecretField
          label={`Password for ${check.destination}`}
          required
          value={password}
          onChange={setPassword}
          vaultAvailable={info.value?.vault.available ?? true}
          withNote={info.value !== undefined}
        />
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          Check with this password
        </Button>
      </div>
      <LiveNotice notice={notice} />
    </form>
  );
}
