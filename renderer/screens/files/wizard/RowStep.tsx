// Step 1: which approved action-plan row the file is for. The row decides the kind of file; the
// user picks the data set (or, for an addition, the type T and so the whole set of files).
import {
  Checkbox,
  Field,
  Input,
  Link,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { DataSet } from '../../../../shared/amd';
import type { ActionPlan, PlanRow } from '../../../../shared/history/types';
import { formatDate } from '../../../app/format';
import type { Loaded } from '../../../app/hooks';
import { LiveNotice, fromError } from '../../../components/Notice';
import { useSectionStyles } from '../../../components/ScreenTitle';
import { rowDataSet } from './defaults';
import {
  ADDITION_TYPES,
  DATA_SET_LABELS,
  DELETE_DATA_SET_EXPLAINED,
  DESCRIPTION_EXPLAINED,
  HE_FILE_EXPLAINED,
  HE_FILE_LABEL,
  KIND_EXPLAINED,
  SET_EXPLAINED,
} from './explain';
import type { ChosenRow, WizardAction, WizardState } from './wizard-state';
import { descriptionOf } from './wizard-steps';

const useStyles = makeStyles({
  plan: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  two: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    columnGap: tokens.spacingHorizontalL,
  },
  explain: { maxWidth: '48rem' },
});

export function chosenRow(plan: ActionPlan, row: PlanRow): ChosenRow {
  return {
    planId: plan.id,
    ref: row.ref,
    upin: plan.upin,
    year: plan.year,
    kind: row.kind,
    description: row.description,
    fields: row.fields,
    records: row.records,
  };
}

function rowLabel(row: PlanRow): string {
  const records = `${row.records} record${row.records === 1 ? '' : 's'}`;
  return `Row ${row.ref}: ${row.kind} – ${row.description} (${row.fields}; ${records}; due ${formatDate(row.due)})`;
}

interface Props {
  state: WizardState;
  dispatch: (a: WizardAction) => void;
  plans: Loaded<ActionPlan[]>;
}

export function RowStep({ state, dispatch, plans }: Props) {
  const s = useStyles();
  const section = useSectionStyles();
  // A plan that has been revised waits for its revision's approval: HEFCE takes files only against that.
  const approved = (plans.value ?? []).filter(
    (p) => p.status === 'approved' && p.revisedById === null,
  );
  const chosen = state.row ? `${state.row.planId}:${state.row.ref}` : '';

  const choose = (value: string) => {
    const [planId, ref] = value.split(':').map(Number);
    const plan = approved.find((p) => p.id === planId);
    const row = plan?.rows.find((r) => r.ref === ref);
    if (plan && row)
      dispatch({ type: 'row', row: chosenRow(plan, row), dataSet: rowDataSet(row.fields) });
  };

  if (!plans.value) {
    return plans.error ? (
      <LiveNotice notice={fromError(plans.error, 'The action plans could not be loaded')} />
    ) : (
      <Spinner label="Loading the approved action plans…" />
    );
  }
  if (approved.length === 0) {
    return (
      <Text block>
        There is no approved action plan yet. HEFCE accepts amendment files only for an approved
        plan: create one on the <Link href="#/plans">Action plans</Link> screen, submit it, and
        record its approval there.
      </Text>
    );
  }
  return (
    <>
      <Field label="Approved plan row" required>
        <RadioGroup value={chosen} onChange={(_, d) => choose(d.value)}>
          {approved.map((plan) => (
            <div key={plan.id} className={s.plan} role="group" aria-label={planName(plan)}>
              <Text weight="semibold">{planName(plan)}</Text>
              {plan.rows.map((row) => (
                <Radio key={row.ref} value={`${plan.id}:${row.ref}`} label={rowLabel(row)} />
              ))}
            </div>
          ))}
        </RadioGroup>
      </Field>
      {state.row && (
        <>
          <Text block className={s.explain}>
            {KIND_EXPLAINED[state.row.kind]}
          </Text>
          {state.row.kind === 'ADD' ? (
            <>
              <Field label="What is being added" hint={SET_EXPLAINED} required>
                <RadioGroup
                  value={String(state.additionType)}
                  onChange={(_, d) =>
                    dispatch({ type: 'additionType', additionType: Number(d.value) as 1 | 2 | 3 })
                  }
                >
                  {ADDITION_TYPES.map((t) => (
                    <Radio key={t.type} value={String(t.type)} label={`${t.label}. ${t.detail}`} />
                  ))}
                </RadioGroup>
              </Field>
              {state.additionType !== 1 && (
                <Field hint={HE_FILE_EXPLAINED}>
                  <Checkbox
                    label={HE_FILE_LABEL}
                    checked={state.withHe}
                    onChange={(_, d) => dispatch({ type: 'withHe', withHe: d.checked === true })}
                  />
                </Field>
              )}
            </>
          ) : (
            <Field
              label="Data set"
              hint={
                state.row.kind === 'DELETE'
                  ? DELETE_DATA_SET_EXPLAINED
                  : 'The ILR data set whose records the file changes.'
              }
              required
            >
              <RadioGroup
                layout="horizontal"
                value={state.dataSet}
                onChange={(_, d) => dispatch({ type: 'dataSet', dataSet: d.value as DataSet })}
              >
                {(['L', 'A', 'H'] as const).map((d) => (
                  <Radio key={d} value={d} label={DATA_SET_LABELS[d]} />
                ))}
              </RadioGroup>
            </Field>
          )}
          <Field label="Description (line 3)" hint={DESCRIPTION_EXPLAINED}>
            <Input
              value={state.description}
              placeholder={state.row.description}
              onChange={(_, d) => dispatch({ type: 'description', text: d.value })}
            />
          </Field>
          <Text className={section.muted}>Line 3 will read: {descriptionOf(state)}</Text>
          <div className={s.two}>
            {([0, 1] as const).map((i) => (
              <Field key={i} label={`Note (line ${10 + i})`} hint="Optional.">
                <Input
                  value={state.notes[i]}
                  onChange={(_, d) => dispatch({ type: 'note', index: i, text: d.value })}
                />
              </Field>
            ))}
          </div>
        </>
      )}
    </>
  );
}

function planName(plan: ActionPlan): string {
  return `${plan.title} – provider ${plan.upin}, ${plan.year}, version ${plan.version}`;
}
