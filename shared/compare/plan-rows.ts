// The rows of an action plan a comparison proposes: one area of difference for each kind of file
// it calls for, its description naming the fields (changes) and its record count the comparison's.
// The user reviews them before they are added to a draft plan.
import type { AmendmentKind } from '../amd/model';
import { DATA_SET_NAMES } from '../amd/model';
import type { Comparison } from './model';

export interface ProposedPlanRow {
  kind: AmendmentKind;
  description: string;
  fields: string[] | 'all';
  records: number;
}

const records = (n: number) => `${n.toLocaleString('en-GB')} record${n === 1 ? '' : 's'}`;

export function proposedPlanRows(c: Comparison): ProposedPlanRow[] {
  const name = DATA_SET_NAMES[c.dataset];
  const what = `${name.charAt(0).toUpperCase()}${name.slice(1)} (${c.dataset})`;
  const rows: ProposedPlanRow[] = [];
  if (c.changed.count > 0)
    rows.push({
      kind: 'CHANGE',
      description: `${what} fields ${c.changedFields.join(', ')} corrected (${records(c.changed.count)})`,
      fields: c.changedFields,
      records: c.changed.count,
    });
  if (c.added.count > 0)
    rows.push({
      kind: 'ADD',
      description: `${what} records missing from the return added (${records(c.added.count)})`,
      fields: 'all',
      records: c.added.count,
    });
  if (c.deleted.count > 0)
    rows.push({
      kind: 'DELETE',
      description: `${what} records returned in error deleted (${records(c.deleted.count)})`,
      fields: 'all',
      records: c.deleted.count,
    });
  return rows;
}
