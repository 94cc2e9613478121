// HEFCE's loop after an accepted batch, on the command line against a real history: outputs
// available, then not as expected (a revised draft plan with the rows carried over) and round
// again to impact confirmed; what the dashboard says at each step; all of it audited.
import { describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store';
import type { ActionPlan } from '../../../shared/history/types';
import type { BatchOutcomeView } from '../../../shared/ipc/loop';
import { buildDashboard } from '../../../electron/operations/dashboard';
import { steppingClock, useHistories } from './support/folders';
import { buildArgs, expectOneLineRefusal, json, returndesk } from './support/cli';
import { draftPlan } from './support/plan-draft';

const histories = useHistories('returndesk-batch-outcomes-');

/** An accepted batch of one file built against row 1 of an approved plan: its id. */
async function acceptedBatch(data: string, planId: number, on: string): Promise<number> {
  const built = await returndesk(data, buildArgs(`${planId}:1`, ['--out', data]));
  expect(built.code).toBe(0);
  const batch = await json<{ id: number }>(data, [
    'batch',
    'create',
    '--provider',
    '105432',
    '--year',
    '2010-11',
    '--plan',
    String(planId),
  ]);
  await json(data, ['batch', 'add', '--batch', String(batch.id), 'chg105432A01.amd']);
  await json(data, ['batch', 'sign-off', '--batch', String(batch.id), '--by', 'Jo Bloggs']);
  // Sending and HEFCE's verdict, as the upload code records them, on the day given.
  const store = new Store(data, { user: 'jo.bloggs', clock: steppingClock(`${on}T09:00:00.000Z`) });
  try {
    store.batches.setStatus(batch.id, 'uploading');
    store.batches.setStatus(batch.id, 'uploaded');
    store.batches.setStatus(batch.id, 'accepted');
  } finally {
    store.close();
  }
  return batch.id;
}

describe("HEFCE's loop after an accepted batch", () => {
  it('goes outputs available → not as expected → a revised draft plan, then round again to impact confirmed', async () => {
    const data = histories.folder();
    const planId = await draftPlan(data);
    await json(data, ['plan', 'submit', '--plan', String(planId), '--date', '2019-04-03']);
    await json(data, ['plan', 'approve', '--plan', String(planId), '--date', '2019-04-09']);
    const batchId = await acceptedBatch(data, planId, '2019-04-20');
    const b = String(batchId);

    const dashboardOf = () => {
      const store = new Store(data, { user: 'jo.bloggs' });
      try {
        return buildDashboard(store, new Date());
      } finally {
        store.close();
      }
    };
    const item = () => dashboardOf().items.find((i) => i.title.startsWith(`Batch ${b} `));
    expect(item()).toMatchObject({
      tab: 'current',
      status: "Accepted: awaiting HEFCE's updated outputs",
    });
    // The plan row's date (31/03/2011) has passed without an accepted file: HEFCE will ask.
    const row = dashboardOf().items.find(
      (i) => i.title === `105432 plan ${planId}, reference 1: CHANGE`,
    );
    expect(row).toMatchObject({
      tab: 'current',
      tone: 'danger',
      status: expect.stringMatching(/^Overdue by /),
    });
    expect(row?.detail).toMatch(/HEFCE contacts colleges that miss the date given in the plan$/);

    // The impact cannot be judged before the outputs are there.
    expectOneLineRefusal(
      await returndesk(data, ['batch', 'impact', '--batch', b, '--confirmed', '--by', 'Jo']),
      1,
      /HEFCE's updated outputs are not yet recorded as available/,
    );
    expectOneLineRefusal(
      await returndesk(data, ['batch', 'impact', '--batch', b]),
      2,
      /Give either --confirmed \(with --by NAME\) or --not-as-expected TEXT/,
    );
    const outputs = await json<BatchOutcomeView>(data, [
      'batch',
      'outputs',
      '--batch',
      b,
      '--date',
      '2019-05-01',
    ]);
    expect(outputs).toMatchObject({
      state: 'awaiting-confirmation',
      outputs: { date: '2019-05-01' },
    });
    expect(item()).toMatchObject({ tab: 'current', status: 'Awaiting confirmation of impact' });
    expectOneLineRefusal(
      await returndesk(data, ['batch', 'outputs', '--batch', b]),
      1,
      /already recorded as available on 1 May 2019/,
    );

    const missed = await returndesk(data, [
      'batch',
      'impact',
      '--batch',
      b,
      '--not-as-expected',
      'Funding for 3 learners unchanged',
      '--date',
      '2019-05-03',
    ]);
    expect(missed.stderr).toBe('');
    const revisedId = planId + 1;
    expect(missed.stdout).toBe(
      `Batch ${b} (105432 2010-11, plan ${planId}): not as expected on 3 May 2019 (Funding for 3 learners unchanged). Plan ${revisedId} is the revised action plan, a draft with the rows carried over: change its rows, then submit it.\n`,
    );
    const original = await json<ActionPlan>(data, ['plan', 'show', '--plan', String(planId)]);
    const revised = await json<ActionPlan>(data, ['plan', 'show', '--plan', String(revisedId)]);
    expect(revised).toMatchObject({ status: 'draft', version: 2, revisesId: planId });
    expect(revised.rows.map((r) => [r.ref, r.kind, r.fields, r.records, r.description])).toEqual(
      original.rows.map((r) => [r.ref, r.kind, r.fields, r.records, r.description]),
    );
    expect(item()).toMatchObject({ tab: 'previous', status: 'Not as expected' });

    // Round again: the revised plan is approved, its batch accepted, the impact confirmed.
    const r = String(revisedId);
    await json(data, ['plan', 'submit', '--plan', r, '--date', '2019-05-03']);
    await json(data, ['plan', 'approve', '--plan', r, '--date', '2019-05-07']);
    const second = String(await acceptedBatch(data, revisedId, '2019-05-20'));
    await json(data, ['batch', 'outputs', '--batch', second, '--date', '2019-06-01']);
    expectOneLineRefusal(
      await returndesk(data, [
        'batch',
        'impact',
        '--batch',
        second,
        '--confirmed',
        '--date',
        '2019-05-31',
        '--by',
        'Jo',
      ]),
      2,
      /before the outputs were available \(1 Jun 2019\)/,
    );
    const confirmed = await returndesk(data, [
      'batch',
      'impact',
      '--batch',
      second,
      '--confirmed',
      '--by',
      'Jo Bloggs',
      '--date',
      '2019-06-04',
    ]);
    expect(confirmed.stdout).toBe(
      `Batch ${second} (105432 2010-11, plan ${revisedId}): impact confirmed by Jo Bloggs on 4 Jun 2019.\n`,
    );
    const store = new Store(data, { user: 'test' });
    try {
      expect(
        store.audit
          .list()
          .reverse()
          .filter((e) => e.action.startsWith('batch.') && /outputs|impact/.test(e.action))
          .map((e) => [e.action, e.subject]),
      ).toEqual([
        ['batch.outputs_available', `batch:${b}`],
        ['batch.impact_not_as_expected', `batch:${b}`],
        ['batch.outputs_available', `batch:${second}`],
        ['batch.impact_confirmed', `batch:${second}`],
      ]);
    } finally {
      store.close();
    }
  });
});
