// When an upload stops because the account has not joined the upload area (or the key was
// refused), the group key is asked for here rather than sending the user elsewhere: main keeps it
// (in the credential vault, or for this session only where there is none) and the upload retries.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { SecretField } from '../../components/SecretFields';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalS} 0`,
  },
});

/** The codes after which a group key would let the upload go on. */
export const GROUP_KEY_CODES: ReadonlySet<string> = new Set(['NOT_A_MEMBER', 'BAD_GROUP_KEY']);

interface Props {
  destinationId: number;
  area: string;
  vaultAvailable: boolean;
  /** Told what became of the key: this form goes once the upload retries, so the caller says it. */
  onKept: (notice: NoticeMessage) => void;
}

export function GroupKeyAsk({ destinationId, area, vaultAvailable, onKept }: Props) {
  const api = useApi();
  const s = useStyles();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const submit = async () => {
    if (key === '') return setNotice({ intent: 'error', text: `Enter the group key for ${area}.` });
    setBusy(true);
    // The key of the area this upload went to (a destination may reach several).
    const r = await api['destinations.setGroupKey']({ destinationId, groupKey: key, area });
    setBusy(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The group key was not kept'));
    setKey('');
    const outcome = r.value;
    setNotice(null);
    onKept(
      outcome && !outcome.stored
        ? { intent: 'warning', text: outcome.message ?? 'Not remembered after ReturnDesk closes.' }
        : { intent: 'success', text: 'The group key is kept in this computer’s credential vault.' },
    );
  };
  return (
    <form
      aria-label={`Group key for ${area}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className={s.row}>
        <SecretField
          label={`Group key for ${area}`}
          required
          value={key}
          onChange={setKey}
          vaultAvailable={vaultAvailable}
          withNote
        />
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          Keep it and retry
        </Button>
      </div>
      <LiveNotice notice={notice} />
    </form>
  );
}
