// The plan's recorded steps, oldest first: the day each happened, who recorded it, the note and
// the e-mail kept as evidence (name and SHA-256), and which were undone.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ActionPlan } from '../../../shared/history/types';
import { dayMonthYear } from '../../../shared/history/plan-wording';
import { formatBytes, formatDateTime } from '../../app/format';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  undone: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  sha: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

export function PlanSteps({ plan }: { plan: ActionPlan }) {
  const s = useStyles();
  if (plan.steps.length === 0) return <Text>No steps recorded yet.</Text>;
  return (
    <ol className={s.list} aria-label={`Steps of plan ${plan.id}`}>
      {plan.steps.map((step) => (
        <li key={step.id}>
          <span className={step.undoneAt ? s.undone : undefined}>
            Marked as {step.to} on {dayMonthYear(step.date)} by {step.user}
          </span>
          {step.undoneAt && ` (undone by ${step.undoneBy ?? ''}, ${formatDateTime(step.undoneAt)})`}
          {step.note && <Text block>Note: {step.note}</Text>}
          {step.evidence && (
            <Text block>
              Evidence: {step.evidence.name} ({formatBytes(step.evidence.bytes)}), SHA-256{' '}
              <span className={s.sha}>{step.evidence.sha256}</span>
            </Text>
          )}
        </li>
      ))}
    </ol>
  );
}
