// Adding several rows to a draft action plan at once (the rows a comparison of the data as
// returned with the corrected data proposed, as the user kept them): one transaction, so a row
// refused leaves the plan as it was. Apart from plans.ts, which the plan lifecycle shapes.
import type { OperationHost } from './host';
import type { OperationTableOf } from './table';

export function planRowOperations(host: OperationHost): OperationTableOf<'plans.addRows'> {
  return {
    'plans.addRows': ({ planId, rows }) => host.store().plans.addRows(planId, rows),
  };
}
