// Every version of the plan, linked: a returned plan is revised into the next version, and the
// older versions stay as they were sent, read-only.
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { StatusBadge } from '../../components/StatusBadge';
import type { ActionPlan } from '../../../shared/history/types';
import { formatDateTime } from '../../app/format';
import { PLAN_STATUS } from './plan-model';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  item: { marginBottom: tokens.spacingVerticalS },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  note: { display: 'block', color: tokens.colorNeutralForeground2 },
});

export function PlanVersions({ plan, chain }: { plan: ActionPlan; chain: ActionPlan[] }) {
  const s = useStyles();
  return (
    <ol className={s.list} aria-label="Versions of this plan">
      {chain.map((v) => {
        const label = `Version ${v.version} (plan ${v.id})`;
        return (
          <li key={v.id} className={s.item}>
            <span className={s.line}>
              {v.id === plan.id ? (
                <Text weight="semibold" aria-current="page">
                  {label}, shown here
                </Text>
              ) : (
                <Link href={`#/plans/${v.id}`}>{label}</Link>
              )}
              <StatusBadge {...PLAN_STATUS[v.status]} />
              <Text size={200}>since {formatDateTime(v.statusChangedAt)}</Text>
            </span>
            {v.statusNote && <Text className={s.note}>Note: {v.statusNote}</Text>}
          </li>
        );
      })}
    </ol>
  );
}
