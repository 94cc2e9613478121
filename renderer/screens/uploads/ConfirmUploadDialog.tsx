// "Are you sure you want to upload X for this submission?", as the Ofqual portal asks, with the
// destination's area and, where the history knows them, the plan and the row's due date. The
// password is asked for here when none is stored; it lives only in this dialog.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useApi, useLoaded } from '../../app/hooks';
import type { DestinationView } from '../../../shared/ipc/views';
import { passwordProblem } from '../../forms/destination-form';
import { SecretField } from '../../components/SecretFields';
import { confirmQuestion, dueText, sourceNames } from './upload-model';
import type { SubmissionFacts } from './upload-model';
import type { RunRequest } from './upload-run';
import { DiskFileChecks, useDiskChecks } from './DiskFileChecks';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  names: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontFamily: tokens.fontFamilyMonospace,
  },
});

export interface ConfirmRequest {
  request: RunRequest;
  /** Retrying after a failure: the same question, a different button. */
  retry: boolean;
  /** Ask for the password even though one is stored (the server refused it). */
  askPassword: boolean;
}

interface Props {
  confirm: ConfirmRequest | null;
  destination: DestinationView | undefined;
  facts: SubmissionFacts;
  vaultAvailable: boolean;
  /** `area`: the destination's area chosen here (its first unless the user chose another). */
  onConfirm: (password: string | undefined, confirmUnchecked: boolean, area: string) => void;
  onCancel: () => void;
}

export function ConfirmUploadDialog({ confirm, destination, facts, vaultAvailable, ...p }: Props) {
  const s = useStyles();
  const api = useApi();
  // Receipts name the person who sends: asked for here the first time, then kept in Settings.
  const officer = useLoaded((a) => a['dataOfficer.get']());
  const askName = !!confirm && officer.value?.name === null;
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const needPassword =
    !!confirm &&
    (confirm.askPassword || !(destination?.passwordStored || destination?.passwordForSession));
  const problem = needPassword ? passwordProblem(password) : undefined;
  const request = confirm?.request;
  const disk = request?.source.kind === 'disk' ? request.source.files : null;
  const { checks, error } = useDiskChecks(disk);
  const [confirmed, setConfirmed] = useState(false);
  // One account may reach several areas: files are sent to the one chosen here; a batch goes to
  // the area it names, and a retry to where the upload began.
  const [chosenArea, setChosenArea] = useState<string | null>(null);
  const area = chosenArea ?? request?.area ?? '';
  const areas = destination?.areas.map((a) => a.name) ?? [];
  const chooseArea = areas.length > 1 && request?.source.kind !== 'batch' && !confirm?.retry;
  const unchecked = checks?.some((c) => c.kind === 'unchecked') ?? false;
  // Files from this computer are sent only once checked, and those that cannot be, confirmed.
  const held = disk !== null && (checks === null || (unchecked && !confirmed));
  const close = () => {
    setPassword('');
    setTried(false);
    setConfirmed(false);
    setChosenArea(null);
  };
  const names = request ? sourceNames(request.source) : [];
  return (
    <Dialog
      open={confirm !== null}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) {
          close();
          p.onCancel();
        }
      }}
    >
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (problem || held) return;
            const given = needPassword ? password : undefined;
            const sender = name.trim();
            close();
            const acceptUnchecked = unchecked && confirmed;
            // A name that cannot be kept must not stop the upload: the receipt then says whose
            // computer account sent it.
            if (askName && sender !== '')
              void api['dataOfficer.set']({ name: sender }).finally(() => {
                officer.reload();
                p.onConfirm(given, acceptUnchecked, area);
              });
            else p.onConfirm(given, acceptUnchecked, area);
          }}
        >
          <DialogBody>
            <DialogTitle>{request ? confirmQuestion(request.source) : ''}</DialogTitle>
            <DialogContent className={s.content}>
              {names.length > 1 && (
                <ul className={s.names} aria-label="Files to upload">
                  {names.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
              <dl className={s.facts}>
                <dt className={s.term}>Destination</dt>
                <dd className={s.value}>{request?.destinationName}</dd>
                <dt className={s.term}>Upload area</dt>
                <dd className={s.value}>
                  {chooseArea ? (
                    <Select
                      aria-label="Upload area"
                      value={area}
                      onChange={(_, d) => setChosenArea(d.value)}
                    >
                      {areas.map((a) => (
                        <option key={a} value={a}>
                          {a}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    area
                  )}
                </dd>
                <dt className={s.term}>ILR year</dt>
                <dd className={s.value}>{facts.year ?? 'Not known'}</dd>
                <dt className={s.term}>Action plan</dt>
                <dd className={s.value}>
                  {facts.plan
                    ? `Plan ${facts.plan.id}: ${facts.plan.title} (${facts.plan.upin} ${facts.plan.year})`
                    : 'Not known'}
                </dd>
                <dt className={s.term}>Due date</dt>
                <dd className={s.value}>{dueText(facts.due)}</dd>
              </dl>
              {disk && (
                <DiskFileChecks
                  checks={checks}
                  error={error}
                  confirmed={confirmed}
                  onConfirmed={setConfirmed}
                />
              )}
              {askName && (
                <Field
                  label="Your name, as the sender on the receipts"
                  hint={`Kept in Settings for later uploads. Left empty, receipts name this computer's account (${officer.value?.account ?? ''}) instead.`}
                >
                  <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={200} />
                </Field>
              )}
              {confirm?.retry && (
                <Text>What the server already has is kept: the upload continues from there.</Text>
              )}
              {needPassword && (
                <SecretField
                  label={`Password for ${destination?.username ?? 'this destination'}`}
                  hint={
                    vaultAvailable
                      ? 'Used for this upload only; ReturnDesk does not keep it.'
                      : 'Held in memory until ReturnDesk closes, to check the verification results too; not remembered after.'
                  }
                  required
                  value={password}
                  onChange={setPassword}
                  onBlur={() => password !== '' && setTried(true)}
                  error={tried ? problem : undefined}
                  vaultAvailable={vaultAvailable}
                />
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={held}>
                {confirm?.retry ? 'Retry upload' : 'Upload'}
              </Button>
              <Button
                onClick={() => {
                  close();
                  p.onCancel();
                }}
              >
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
