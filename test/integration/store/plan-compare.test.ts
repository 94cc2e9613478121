// The app's path from a comparison to a draft action plan: files.compare on the bytes the user
// chose, the rows it proposes, and plans.addRows adding them in one transaction.
import { describe, expect, it } from 'vitest';
import { proposedPlanRows } from '../../../shared/compare';
import {
  CORRECTED_CSV,
  RETURNED_CSV,
  withoutRepeatedKeys,
  extractBytes,
} from '../../support/compare-pair';
import { useHistories } from './support/folders';
import { useApp } from './support/app';
import { UPIN, YEAR, addProvider } from './support/history';

const histories = useHistories('returndesk-plan-compare-');

function draftPlan() {
  const data = histories.folder();
  const store = histories.open(data);
  addProvider(store);
  const plan = store.plans.create({ upin: UPIN, year: YEAR, title: 'After R14' });
  store.close();
  return { data, planId: plan.id };
}

describe('rows proposed from a comparison', () => {
  const app = useApp(() => current);
  let current = '';

  it('name the fields and counts, and are added to a draft plan together', async () => {
    const { data, planId } = draftPlan();
    current = data;
    const { ok } = app();
    const compared = await ok('files.compare', {
      dataSet: 'A',
      returned: extractBytes('returned.csv', withoutRepeatedKeys(RETURNED_CSV)),
      corrected: extractBytes('corrected.csv', withoutRepeatedKeys(CORRECTED_CSV)),
    });
    const proposed = proposedPlanRows(compared);
    expect(proposed).toEqual([
      {
        kind: 'CHANGE',
        description: 'Learning aim (A) fields A27, A09, A11a corrected (3 records)',
        fields: ['A27', 'A09', 'A11a'],
        records: 3,
      },
      {
        kind: 'ADD',
        description: 'Learning aim (A) records missing from the return added (1 record)',
        fields: 'all',
        records: 1,
      },
      {
        kind: 'DELETE',
        description: 'Learning aim (A) records returned in error deleted (1 record)',
        fields: 'all',
        records: 1,
      },
    ]);
    const rows = proposed.map((r) => ({ ...r, due: '2011-03-31' }));
    const plan = await ok('plans.addRows', { planId, rows });
    expect(plan.rows.map((r) => [r.ref, r.kind, r.records])).toEqual([
      [1, 'CHANGE', 3],
      [2, 'ADD', 1],
      [3, 'DELETE', 1],
    ]);
  });

  it('are all refused when one is, leaving the plan as it was', async () => {
    const { data, planId } = draftPlan();
    current = data;
    const { call, ok } = app();
    const good = {
      kind: 'ADD',
      description: 'Added',
      fields: 'all',
      records: 1,
      due: '2011-03-31',
    };
    // Past the contract, refused by the history after the first row went in.
    const bad = { ...good, kind: 'CHANGE' };
    const r = await call('plans.addRows', { planId, rows: [good, bad] });
    expect(r.ok ? null : r.error.message).toMatch(/A CHANGE row must name the fields/);
    expect((await ok('plans.get', { planId })).rows).toEqual([]);
  });
});
