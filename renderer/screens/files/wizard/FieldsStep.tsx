// Key fields (recommended ones ticked), the fields being changed, and the checksum field, with
// the engine's own suggestion and its reason worked out in the worker over the chosen records.
import {
  Checkbox,
  Field,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DataSet } from '../../../../shared/amd';
import { RECOMMENDED_KEYS } from '../../../../shared/ilr/catalogue';
import { LiveNotice } from '../../../components/Notice';
import { useSectionStyles } from '../../../components/ScreenTitle';
import type { PlanSummary } from '../workers/extract-calls';
import type { ExtractWorkers } from '../workers/registry';
import { dataSetCodes, missingRecommendedKeys } from './defaults';
import { CHANGED_EXPLAINED, CHECKSUM_EXPLAINED, KEYS_EXPLAINED } from './explain';
import type { WizardAction, WizardState } from './wizard-state';
import { changedOf, choicesOf, keysOf } from './wizard-steps';

const useStyles = makeStyles({
  boxes: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
  },
  explain: { maxWidth: '52rem' },
});

interface Props {
  state: WizardState;
  dataSet: DataSet;
  dispatch: (a: WizardAction) => void;
  workers: ExtractWorkers;
}

function usePlan(
  workers: ExtractWorkers,
  state: WizardState,
  dataSet: DataSet,
  /** null: nothing to ask. */
  checksum: string | null,
): PlanSummary | null {
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const part = state.parts[dataSet];
  const key = checksum === null ? null : JSON.stringify({ ...choicesOf(state, dataSet), checksum });
  useEffect(() => {
    const worker = workers.get(dataSet);
    const selected = part.selection?.bits;
    if (!worker || !selected || key === null) return;
    let live = true;
    setPlan(null);
    const t = setTimeout(() => {
      worker.rpc
        .call('plan', { codes: part.codes, choices: JSON.parse(key), selected })
        .then((r) => live && setPlan(r))
        .catch((e: Error) => live && setPlan({ ok: false, problems: [e.message] }));
    }, 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [workers, dataSet, key, part.codes, part.selection]);
  return plan;
}

export function FieldsStep({ state, dataSet, dispatch, workers }: Props) {
  const s = useStyles();
  const section = useSectionStyles();
  const part = state.parts[dataSet];
  const kind = state.row?.kind ?? 'CHANGE';
  const codes = dataSetCodes(part.codes, dataSet);
  const keys = keysOf(state, dataSet);
  const changed = changedOf(state, dataSet);
  // A deletion worked out from the data as returned has its records there, not in this extract:
  // its checksum field is worked out with the file (see the preview).
  const fromReturned = part.returned !== null && kind === 'DELETE';
  const suggestion = usePlan(workers, state, dataSet, fromReturned ? null : 'auto');
  const chosen = usePlan(
    workers,
    state,
    dataSet,
    part.checksum === 'auto' || fromReturned ? null : part.checksum,
  );
  const missing = missingRecommendedKeys(part.codes, dataSet);
  const toggle = (list: string[], code: string, on: boolean) =>
    on ? codes.filter((c) => c === code || list.includes(c)) : list.filter((c) => c !== code);

  return (
    <>
      {kind === 'ADD' ? (
        <Text block className={s.explain}>
          An addition file carries every field of its data set, in the extract’s order:{' '}
          {codes.join(', ')}. Addition files have no key or changed fields (lines 5 and 6 stay
          blank).
        </Text>
      ) : part.returned ? (
        <Text block className={s.explain}>
          Key fields (line 5): {part.returned.keys.join(', ')}, the fields the records were matched
          on in the comparison with the data as returned. To match on other fields, stop comparing
          in the Records step.
        </Text>
      ) : (
        <Field label="Key fields (line 5)" hint={KEYS_EXPLAINED}>
          <div className={s.boxes} role="group" aria-label="Key fields">
            {codes.map((c) => (
              <Checkbox
                key={c}
                label={RECOMMENDED_KEYS[dataSet].includes(c) ? `${c} (recommended)` : c}
                checked={keys.includes(c)}
                onChange={(_, d) =>
                  dispatch({ type: 'keys', dataSet, keys: toggle(keys, c, d.checked === true) })
                }
              />
            ))}
          </div>
        </Field>
      )}
      {kind !== 'ADD' && missing.length > 0 && (
        <Text className={section.muted}>
          HEFCE recommends {RECOMMENDED_KEYS[dataSet].join(', ')} as the keys; the extract has no{' '}
          {missing.join(', ')} column. If the others still pick out each record on their own, that
          is fine; otherwise add the column to the extract.
        </Text>
      )}
      {kind === 'CHANGE' && (
        <Field label="Changed fields (line 6)" hint={CHANGED_EXPLAINED}>
          <div className={s.boxes} role="group" aria-label="Changed fields">
            {codes
              .filter((c) => !keys.includes(c))
              .map((c) => (
                <Checkbox
                  key={c}
                  label={c}
                  checked={changed.includes(c)}
                  onChange={(_, d) =>
                    dispatch({
                      type: 'changed',
                      dataSet,
                      changed: toggle(changed, c, d.checked === true),
                    })
                  }
                />
              ))}
          </div>
        </Field>
      )}
      <Field label="Checksum field (line 8)" hint={CHECKSUM_EXPLAINED}>
        <Select
          value={part.checksum}
          onChange={(_, d) => dispatch({ type: 'checksum', dataSet, checksum: d.value })}
        >
          <option value="auto">
            Choose for me
            {suggestion?.ok ? ` (suggested: ${suggestion.plan.checksum.field})` : ''}
          </option>
          {codes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <div role="status">
        {fromReturned && (
          <Text block>With “Choose for me”, the field is chosen when the file is built.</Text>
        )}
        {!suggestion && !fromReturned && (
          <Spinner size="tiny" label="Working out the suggestion…" />
        )}
        {suggestion?.ok && (
          <Text block>
            <strong>Suggested: {suggestion.plan.checksum.field}.</strong>{' '}
            {suggestion.plan.checksum.reason}
          </Text>
        )}
        {part.checksum !== 'auto' && chosen?.ok && (
          <Text block>Your choice: {chosen.plan.checksum.reason}</Text>
        )}
      </div>
      {part.checksum === 'auto' && suggestion && !suggestion.ok && (
        <LiveNotice
          notice={{ intent: 'warning', title: 'No file yet', text: suggestion.problems.join(' ') }}
        />
      )}
      {part.checksum !== 'auto' && chosen && !chosen.ok && (
        <LiveNotice
          notice={{ intent: 'warning', title: 'No file yet', text: chosen.problems.join(' ') }}
        />
      )}
    </>
  );
}
