// The file exactly as finalising will write it, named with the NN the history would give now
// (reserved only at finalise), beside its findings and its plan row. Built and checked in the
// extract's worker, with progress, whenever the choices (or the next free NN) have changed.
import {
  Badge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { DataSet } from '../../../../shared/amd';
import { formatSeq } from '../../../../shared/amd';
import { calendarDateIn } from '../../../../shared/dates';
import { WorkProgress } from '../../../components/WorkProgress';
import type { WorkProgressValue } from '../../../components/WorkProgress';
import { ReportView } from '../report/ReportView';
import type { ExtractWorkers } from '../workers/registry';
import type { WizardAction, WizardState } from './wizard-state';
import { previewSpecOf } from './wizard-steps';
import { RowMatch } from './RowMatch';
import { useNextName } from './use-next-name';
import { useApi } from '../../../app/hooks';
import { previewCompared } from './compared-preview';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: `0 0 ${tokens.spacingVerticalS}`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
});

/** The lines of each preview main made from the data as returned and the corrected extract. */
const COMPARED_LINES = new WeakMap<object, string[]>();

interface Props {
  state: WizardState;
  dataSet: DataSet;
  dispatch: (a: WizardAction) => void;
  workers: ExtractWorkers;
}

export function PreviewStep({ state, dataSet, dispatch, workers }: Props) {
  const s = useStyles();
  const part = state.parts[dataSet];
  const worker = workers.get(dataSet);
  const api = useApi();
  const [progress, setProgress] = useState<WorkProgressValue | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const asked = useRef<{ part: unknown; seq: number | undefined } | null>(null);
  // A preview made by main from the two extracts has its lines here, not in the worker.
  const compared = part.preview ? COMPARED_LINES.get(part.preview) : undefined;
  const preview = part.returned && !compared ? null : part.preview;
  const next = useNextName(state, dataSet);
  const seq = next?.seq;
  // A colleague finalising meanwhile moves the next free NN: the preview is made again for it.
  const stale = preview?.ok === true && next != null && preview.name !== next.name;

  useEffect(() => {
    const selected = part.selection?.bits;
    if ((preview && !stale) || !worker || !selected || next === undefined) return;
    // One request per set of choices (StrictMode runs effects twice in development).
    if (asked.current?.part === part && asked.current.seq === seq) return;
    asked.current = { part, seq };
    setFailure(null);
    setProgress({ phase: 'Building the file', done: 0, total: 1 });
    const spec = { ...previewSpecOf(state, dataSet, calendarDateIn(new Date())), seq };
    const made = part.returned
      ? previewCompared(api, state, dataSet, workers, seq).then(({ preview: p, lines }) => {
          COMPARED_LINES.set(p, lines);
          return p;
        })
      : worker.rpc.call(
          'preview',
          { codes: part.codes, spec, selected },
          { progress: setProgress },
        );
    made
      .then((r) => dispatch({ type: 'preview', dataSet, preview: r }))
      .catch((e: Error) => setFailure(e.message))
      .finally(() => setProgress(null));
  }, [preview, stale, next, seq, worker, part, state, dataSet, dispatch, api, workers]);

  if (progress) return <WorkProgress progress={progress} />;
  if (failure) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The preview could not be made</MessageBarTitle>
          {failure}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!preview || !worker) return null;
  if (!preview.ok) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The file cannot be written yet</MessageBarTitle>
          <ul>
            {preview.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          Go Back to change the records, columns or fields, or correct the extract and load it
          again.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const plan = preview.plan;
  return (
    <>
      <dl className={s.facts}>
        <dt className={s.term}>Fields (line 12)</dt>
        <dd className={s.detail}>{plan.fields.join(', ')}</dd>
        {plan.uniqueFields.length > 0 && (
          <>
            <dt className={s.term}>Keys (line 5)</dt>
            <dd className={s.detail}>{plan.uniqueFields.join(', ')}</dd>
          </>
        )}
        {plan.changedFields.length > 0 && (
          <>
            <dt className={s.term}>Changed (line 6)</dt>
            <dd className={s.detail}>{plan.changedFields.join(', ')}</dd>
          </>
        )}
        <dt className={s.term}>Checksum (line 8)</dt>
        <dd className={s.detail}>
          {plan.checksum.field}
          {plan.checksum.added ? ', added to the file only for the checksum' : ''}.{' '}
          {plan.checksum.reason}
        </dd>
      </dl>
      {state.row && (
        <RowMatch
          row={state.row}
          file={{
            kind: state.row.kind,
            records: preview.report.records,
            changedFields: plan.changedFields,
          }}
        />
      )}
      <ReportView
        fileName={preview.name}
        nameNote={
          next ? (
            <>
              <Badge appearance="tint" color="informative" shape="rounded">
                NN {formatSeq(next.seq)}
              </Badge>
              <Text size={200}>
                The next free NN in your history; it is reserved when you finalise.
              </Text>
            </>
          ) : (
            <>
              <Badge appearance="tint" color="warning" shape="rounded">
                Placeholder NN 01
              </Badge>
              <Text size={200}>
                The history could not say the next NN; it is given when you finalise.
              </Text>
            </>
          )
        }
        report={preview.report}
        lineCount={preview.lineCount}
        source={preview}
        fetchLines={(from, to) =>
          compared
            ? Promise.resolve(compared.slice(from, to))
            : worker.rpc.call('lines', { from, to })
        }
        height="max(240px, calc(100vh - 520px))"
      />
    </>
  );
}
