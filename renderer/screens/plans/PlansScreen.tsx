// Routes #/plans to the list and #/plans/ID to one plan. Each plan page is keyed by its id, so
// following a link to another version loads that version afresh.
import { PlanPage } from './PlanPage';
import { PlansListScreen } from './PlansListScreen';

export function PlansScreen({ params }: { params: string[] }) {
  const id = Number(params[0]);
  if (params[0] !== undefined && Number.isInteger(id) && id > 0)
    return <PlanPage key={id} planId={id} />;
  return <PlansListScreen />;
}
