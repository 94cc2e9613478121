// A destination's upload areas: one account may reach several (the GUA, the ILR amendment area, a
// portal), each joined with its own group key. Added here with its key, removed after a question;
// main refuses the last area and one with an upload not yet finished or verified, and says why.
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { DestinationView } from '../../../shared/ipc/views';
import { useApi } from '../../app/hooks';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';
import { SecretField } from '../../components/SecretFields';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

const keyText = (a: DestinationView['areas'][number]) =>
  a.groupKeyStored
    ? 'group key stored'
    : a.groupKeyForSession
      ? 'group key for this session only (not remembered after ReturnDesk closes)'
      : 'no group key stored';

interface Props {
  destination: DestinationView;
  vaultAvailable: boolean;
  changed: () => void;
}

export function DestinationAreas({ destination: d, vaultAvailable, changed }: Props) {
  const s = useStyles();
  const section = useSectionStyles();
  const api = useApi();
  const [adding, setAdding] = useState(false);
  const [area, setArea] = useState('');
  const [groupKey, setGroupKey] = useState('');
  const [tried, setTried] = useState(false);
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const problem = area.trim() === '' ? 'Enter the name of the upload area.' : undefined;

  const add = async () => {
    setTried(true);
    if (problem) return;
    setBusy(true);
    const r = await api['destinations.addArea']({
      destinationId: d.id,
      area: area.trim(),
      groupKey: groupKey === '' ? undefined : groupKey,
    });
    setBusy(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The area was not added'));
    const outcome = r.value.groupKey;
    setNotice(
      outcome && !outcome.stored
        ? { intent: 'warning', text: `Area “${area.trim()}” added. ${outcome.message ?? ''}` }
        : { intent: 'success', text: `Area “${area.trim()}” added.` },
    );
    setAdding(false);
    setArea('');
    setGroupKey('');
    setTried(false);
    changed();
    addButton.current?.focus();
  };

  const remove = async (name: string) => {
    setBusy(true);
    const r = await api['destinations.removeArea']({ destinationId: d.id, area: name });
    setBusy(false);
    setAsking(null);
    if (!r.ok) return setNotice(fromError(r.error, 'The area was not removed'));
    setNotice({
      intent: 'success',
      text: `Area “${r.value.removed}” removed; receipts of what was sent there keep its name.`,
    });
    changed();
    addButton.current?.focus();
  };

  return (
    <div className={s.form}>
      <ul className={s.list} aria-label={`Upload areas of ${d.name}`}>
        {d.areas.map((a) => (
          <li key={a.name} className={s.item}>
            <span>
              {a.name} ({keyText(a)})
            </span>
            {d.areas.length > 1 && asking !== a.name && (
              <Button size="small" icon={<DeleteRegular />} onClick={() => setAsking(a.name)}>
                Remove area…
              </Button>
            )}
            {asking === a.name && (
              <>
                <span>
                  Remove “{a.name}” from {d.name}?
                </span>
                <Button
                  size="small"
                  appearance="primary"
                  disabledFocusable={busy}
                  onClick={() => void remove(a.name)}
                >
                  Remove
                </Button>
                <Button size="small" onClick={() => setAsking(null)}>
                  Keep it
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      {!adding && (
        <div className={section.actions}>
          <Button ref={addButton} icon={<AddRegular />} onClick={() => setAdding(true)}>
            Add an area…
          </Button>
        </div>
      )}
      {adding && (
        <form
          className={s.form}
          aria-label={`Add an upload area to ${d.name}`}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Field
            label="Upload area"
            required
            hint="Its name as the extranet or portal shows it; the same account and password are used."
            validationState={tried && problem ? 'error' : 'none'}
            validationMessage={tried ? problem : undefined}
          >
            <Input autoFocus value={area} onChange={(_, v) => setArea(v.value)} maxLength={200} />
          </Field>
          <SecretField
            label="Group key"
            hint="Needed only if this account has not joined the area yet."
            value={groupKey}
            onChange={setGroupKey}
            vaultAvailable={vaultAvailable}
          />
          <div className={section.actions}>
            <Button type="submit" appearance="primary" disabledFocusable={busy}>
              Add area
            </Button>
            <Button
              onClick={() => {
                setAdding(false);
                setTried(false);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}
      <LiveNotice notice={notice} />
    </div>
  );
}
