// Finalising: main builds and checks the file again, allocates its NN inside the history's
// transaction and stores it. An addition set's files are finalised one after another, each after
// the first naming the NN the first was given, so they share one NN whichever files the set has.
// Afterwards the user can save a copy where they choose.
import { BROWSER_MODE_MAX_REQUEST_BYTES } from '../../../../shared/ipc/limits';
import {
  Button,
  Checkbox,
  Field,
  Link,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, CheckmarkCircleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { DataSet } from '../../../../shared/amd';
import { formatDdMmYyyy, formatSeq } from '../../../../shared/amd';
import { calendarDateIn } from '../../../../shared/dates';
import { formatBytes } from '../../../app/format';
import { useApi, useLoaded } from '../../../app/hooks';
import { LiveNotice, fromError } from '../../../components/Notice';
import type { NoticeMessage } from '../../../components/Notice';
import { useSectionStyles } from '../../../components/ScreenTitle';
import { base64ToBytes, downloadBlob } from '../download';
import { fileHref } from '../files-route';
import type { ExtractWorkers } from '../workers/registry';
import { DATA_SET_LABELS, SET_EXPLAINED } from './explain';
import type { WizardAction, WizardState } from './wizard-state';
import { finaliseChosen, finaliseCompared } from './finalise-calls';
import { choicesOf, descriptionOf, partsOf } from './wizard-steps';
import { needsReason, notesWithReason } from './row-match';

/**
 * Browser mode sends the records to ReturnDesk's local service as one JSON request; the rest of
 * the request needs a little room too.
 */
export const BROWSER_LIMIT = BROWSER_MODE_MAX_REQUEST_BYTES - 1024 * 1024;

interface Props {
  state: WizardState;
  dispatch: (a: WizardAction) => void;
  workers: ExtractWorkers;
  onRestart: () => void;
}

export function FinaliseStep({ state, dispatch, workers, onRestart }: Props) {
  const section = useSectionStyles();
  const api = useApi();
  const parts = partsOf(state);
  const [busy, setBusy] = useState<DataSet | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const done = parts.every((d) => state.parts[d].finalised);
  const row = state.row;
  const info = useLoaded((a) => a['app.info']());
  const tooLarge = parts.find((d) => {
    const p = state.parts[d];
    return !p.finalised && p.preview?.ok && p.preview.payloadBytes > BROWSER_LIMIT;
  });
  const blocked = info.value?.mode === 'browser' && tooLarge !== undefined;
  const [reason, setReason] = useState('');
  const [reasonInNotes, setReasonInNotes] = useState(false);
  const pending = parts.filter((d) => !state.parts[d].finalised);
  const counts = pending.map((d) => {
    const p = state.parts[d].preview;
    return p?.ok ? p.report.records : 0;
  });
  const askReason = row !== null && needsReason(row, counts);
  const withReason = askReason ? notesWithReason(state.notes, reason) : null;
  const noReason = askReason && reason.trim() === '';

  const finalise = async () => {
    if (!row) return;
    setNotice(null);
    const createdOn = formatDdMmYyyy(calendarDateIn(new Date()));
    const lines = reasonInNotes && withReason ? withReason : state.notes;
    const notes = lines.some((n) => n.trim() !== '') ? lines : undefined;
    const conflicts: string[] = [];
    // Kept here, not read from the state: this loop's `state` does not see its own dispatches.
    let setSeq: number | undefined;
    const joinSet = (seq: number | null | undefined) => {
      if (row.kind === 'ADD') setSeq ??= seq ?? undefined;
    };
    for (const d of parts) joinSet(state.parts[d].finalised?.seq);
    for (const d of parts) {
      const part = state.parts[d];
      if (part.finalised) continue;
      const worker = workers.get(d);
      if (!worker || !part.selection) {
        setNotice({ intent: 'error', text: `Load the ${DATA_SET_LABELS[d]} extract again.` });
        return;
      }
      setBusy(d);
      try {
        const choices = choicesOf(state, d);
        const common = {
          planId: row.planId,
          ref: row.ref,
          kind: row.kind,
          dataSet: d,
          additionType: choices.additionType,
          description: descriptionOf(state),
          notes,
          createdOn,
          seq: setSeq,
          reason: askReason ? reason.trim() : undefined,
        };
        const r = part.returned
          ? await finaliseCompared(api, common, part, workers, d)
          : await finaliseChosen(api, common, part, worker, choices);
        if (!r.ok) {
          setNotice(fromError(r.error, `The ${DATA_SET_LABELS[d]} file was not finalised`));
          return;
        }
        joinSet(r.value.seq);
        const previewed = part.preview?.ok ? part.preview.name : null;
        if (previewed && previewed !== r.value.name)
          conflicts.push(
            `The preview named ${previewed}, but that NN was taken while you worked (a file was finalised elsewhere meanwhile): this file is ${r.value.name}.`,
          );
        dispatch({ type: 'finalised', dataSet: d, file: r.value });
      } catch (e) {
        setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
        return;
      } finally {
        setBusy(null);
      }
    }
    setNotice(
      conflicts.length > 0
        ? { intent: 'warning', title: 'Finalised with another NN', text: conflicts.join(' ') }
        : { intent: 'success', text: 'Finalised. The files are in your history.' },
    );
  };

  const saveCopy = async (name: string) => {
    const r = await api['files.content']({ name });
    if (!r.ok) return setNotice(fromError(r.error, `${name} could not be saved`));
    downloadBlob(
      r.value.fileName,
      new Blob([base64ToBytes(r.value.base64)], { type: 'text/plain' }),
    );
  };

  return (
    <>
      <Text block>
        Finalising stores the file in your history and gives it its sequence number (NN): the next
        unused one, never reused even if a file is discarded later. The file is built and checked
        once more as it is stored.
        {parts.length > 1 && ` ${SET_EXPLAINED}`}
      </Text>
      <Table size="small" aria-label="Files to finalise">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Data set</TableHeaderCell>
            <TableHeaderCell>File</TableHeaderCell>
            <TableHeaderCell>NN</TableHeaderCell>
            <TableHeaderCell>Records</TableHeaderCell>
            <TableHeaderCell>Copy</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {parts.map((d) => {
            const p = state.parts[d];
            const f = p.finalised;
            const preview = p.preview?.ok ? p.preview : null;
            return (
              <TableRow key={d}>
                <TableCell>{DATA_SET_LABELS[d]}</TableCell>
                <TableCell>
                  {f ? (
                    <Link href={fileHref(f.name)}>{f.name}</Link>
                  ) : busy === d ? (
                    <Spinner size="tiny" label="Finalising…" />
                  ) : (
                    `${preview?.name ?? '(not built)'} (NN reserved when you finalise)`
                  )}
                </TableCell>
                <TableCell>{f?.seq ? formatSeq(f.seq) : '–'}</TableCell>
                <TableCell>
                  {(f?.records ?? preview?.report.records ?? 0).toLocaleString('en-GB')}
                </TableCell>
                <TableCell>
                  {f && (
                    <Button
                      size="small"
                      icon={<ArrowDownloadRegular />}
                      aria-label={`Save a copy… (${f.name})`}
                      onClick={() => void saveCopy(f.name)}
                    >
                      Save a copy…
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <LiveNotice notice={notice} />
      {blocked && tooLarge && (
        <LiveNotice
          notice={{
            intent: 'warning',
            title: 'Too large to finalise in this browser window',
            text: `The ${DATA_SET_LABELS[tooLarge]} file's records come to about ${formatBytes(state.parts[tooLarge].preview?.ok ? state.parts[tooLarge].preview.payloadBytes : 0)}; ReturnDesk in a browser can pass at most 32 MB to its service. Finalise it in the ReturnDesk desktop app, which has no such limit.`,
          }}
        />
      )}
      {done ? (
        <>
          <Text block role="status">
            <CheckmarkCircleRegular aria-hidden />{' '}
            {parts.length === 1
              ? `Finalised as ${state.parts[parts[0] as DataSet].finalised?.name}.`
              : `All ${parts.length} files of the set are finalised with NN ${formatSeq(state.parts[parts[0] as DataSet].finalised?.seq ?? 0)}.`}{' '}
            Add {parts.length === 1 ? 'it' : 'them'} to a batch on the{' '}
            <Link href="#/batches">Batches</Link> screen to send to HEFCE.
          </Text>
          <div className={section.actions}>
            <Button appearance="primary" onClick={onRestart}>
              Make another file
            </Button>
            <Link href="#/files">See all amendment files</Link>
          </div>
        </>
      ) : (
        <>
          {askReason && (
            <div>
              <Field
                label="Why does the file hold a different number of records from the plan row?"
                hint="Kept in the history's audit trail with the file."
                required
              >
                <Textarea value={reason} onChange={(_, v) => setReason(v.value)} />
              </Field>
              <Checkbox
                checked={reasonInNotes}
                disabled={withReason === null}
                onChange={(_, v) => setReasonInNotes(v.checked === true)}
                label={
                  withReason === null
                    ? 'Both notes lines are used, so the reason cannot go on the file.'
                    : 'Also write the reason on the file’s notes line (line 10 or 11).'
                }
              />
            </div>
          )}
          <div className={section.actions}>
            <Button
              appearance="primary"
              disabledFocusable={busy !== null || blocked || noReason}
              onClick={() => void finalise()}
            >
              Finalise
            </Button>
            <Text className={section.muted}>
              {noReason && 'State the reason for the different number of records first. '}
              {parts.length > 1
                ? `Finalises the ${parts.filter((d) => !state.parts[d].finalised).length} remaining files of the set, one after another.`
                : 'Finalises this file.'}
            </Text>
          </div>
        </>
      )}
    </>
  );
}
