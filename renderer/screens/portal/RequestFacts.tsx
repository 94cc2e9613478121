// The request a dialog is about, as the guide lists it under its question: Reporting Period,
// Template and Due Date.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { DataRequestView } from '../../../shared/ipc/portal';
import { confirmFacts } from './upload-model';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

export function RequestFacts({ request }: { request: DataRequestView | null }) {
  const s = useStyles();
  if (!request) return null;
  return (
    <dl className={s.facts}>
      {confirmFacts(request).map(([term, value]) => (
        <div key={term} className={s.pair}>
          <dt className={s.term}>{term}</dt>
          <dd className={s.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
