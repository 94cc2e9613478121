// Where the user is in the wizard: the plan row, then each file's steps, then finalising. Steps
// already within reach are links back (or on); the current one is marked for screen readers.
import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, CircleRegular } from '@fluentui/react-icons';
import type { DataSet } from '../../../../shared/amd';
import { DATA_SET_LABELS } from './explain';
import type { Step } from './wizard-steps';
import { STEP_LABELS } from './wizard-steps';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    listStyle: 'none',
    padding: 0,
    margin: `0 0 ${tokens.spacingVerticalM}`,
  },
  group: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  groupName: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  inner: { margin: 0, flexWrap: 'nowrap' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  step: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS },
  current: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  later: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  steps: Step[];
  at: number;
  furthest: number;
  /** After finalising nothing before can change: the steps are shown, not offered. */
  locked: boolean;
  onGo: (i: number) => void;
}

/** Consecutive steps of one data set form a group. */
function groups(steps: Step[]): { dataSet: DataSet | null; items: { step: Step; i: number }[] }[] {
  const out: { dataSet: DataSet | null; items: { step: Step; i: number }[] }[] = [];
  steps.forEach((step, i) => {
    const last = out[out.length - 1];
    if (last && last.dataSet === step.dataSet && step.dataSet !== null)
      last.items.push({ step, i });
    else out.push({ dataSet: step.dataSet, items: [{ step, i }] });
  });
  return out;
}

export function StepList({ steps, at, furthest, locked, onGo }: Props) {
  const s = useStyles();
  return (
    <ol className={s.list} aria-label="Steps">
      {groups(steps).map((g) => (
        <li key={g.items[0]?.i} className={s.group}>
          {g.dataSet && (
            <span className={s.groupName}>
              <span aria-hidden>{g.dataSet} file:</span>
              <span className={s.hidden}>{DATA_SET_LABELS[g.dataSet]} file:</span>
            </span>
          )}
          <ol className={mergeClasses(s.list, s.inner)}>
            {g.items.map(({ step, i }) => {
              const label = STEP_LABELS[step.id];
              const name = step.dataSet ? `${label}, ${DATA_SET_LABELS[step.dataSet]} file` : label;
              return (
                <li
                  key={i}
                  className={mergeClasses(s.step, i === at && s.current, i > furthest && s.later)}
                  aria-current={i === at ? 'step' : undefined}
                >
                  {i < at ? <CheckmarkCircleRegular aria-hidden /> : <CircleRegular aria-hidden />}
                  {i !== at && i <= furthest && !locked ? (
                    <Link as="button" aria-label={`Go to step: ${name}`} onClick={() => onGo(i)}>
                      {label}
                    </Link>
                  ) : (
                    <span>{label}</span>
                  )}
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
}
