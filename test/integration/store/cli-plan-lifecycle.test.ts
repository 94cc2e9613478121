// A plan's lifecycle with its evidence, and HEFCE's loop after a batch is accepted, as a data
// officer runs them on the command line against a real history.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store';
import type { ActionPlan } from '../../../shared/history/types';
import type { BatchOutcomeView } from '../../../shared/ipc/loop';
import { buildDashboard } from '../../../electron/operations/dashboard';
import { steppingClock, useHistories } from './support/folders';
import { useApp } from './support/app';
import { buildArgs, expectOneLineRefusal, json, returndesk } from './support/cli';

const histories = useHistories('returndesk-plan-steps-');

async function draftPlan(data: string): Promise<number> {
  await json(data, ['provider', 'add', '--upin', '105432', '--name', 'Riverside']);
  const plan = await json<ActionPlan>(data, [
    'plan',
    'create',
    '--provider',
    '105432',
    '--year',
    '2010-11',
    '--title',
    'R14',
  ]);
  await json(data, [
    'plan',
    'add-row',
    '--plan',
    String(plan.id),
    '--kind',
    'CHANGE',
    '--description',
    'Start dates',
    '--fields',
    'A27',
    '--records',
    '3',
    '--due',
    '2011-03-31',
  ]);
  return plan.id;
}

describe('plan submit, approve and undo', () => {
  it('record the date, note and e-mail, say "marked as", and undo until a file is finalised', async () => {
    const data = histories.folder();
    const id = String(await draftPlan(data));
    const mail = join(data, 'sent to HEFCE.eml');
    const mailBytes = 'From: data@college.ac.uk\r\nSubject: Action plan R14\r\n\r\nAttached.\r\n';
    writeFileSync(mail, mailBytes);

    // A future day, a day that does not exist and a file that is not an e-mail are refused.
    expectOneLineRefusal(
      await returndesk(data, ['plan', 'submit', '--plan', id, '--date', '2999-01-01']),
      2,
      /in the future/,
    );
    expectOneLineRefusal(
      await returndesk(data, ['plan', 'submit', '--plan', id, '--date', '2019-02-30']),
      2,
      /--date: Give a date that exists/,
    );
    const notMail = join(data, 'plan.xlsx');
    writeFileSync(notMail, 'x');
    expectOneLineRefusal(
      await returndesk(data, ['plan', 'submit', '--plan', id, '--evidence', notMail]),
      2,
      /plan\.xlsx cannot be kept as evidence: attach .*\.eml, \.msg, \.pdf, \.txt/,
    );

    const text = await returndesk(data, [
      'plan',
      'submit',
      '--plan',
      id,
      '--date',
      '2019-04-03',
      '--note',
      'Sent by e-mail to the data team',
      '--evidence',
      mail,
    ]);
    expect(text.stderr).toBe('');
    const sha = createHash('sha256').update(mailBytes).digest('hex');
    expect(text.stdout).toBe(
      `Plan ${id}: marked as submitted on 3 Apr 2019. Kept sent to HEFCE.eml (SHA-256 ${sha}) with it.\n`,
    );
    expect(text.stdout).not.toMatch(/Submitted to HEFCE/i);

    // Approval cannot be dated before the submission it answers.
    expectOneLineRefusal(
      await returndesk(data, ['plan', 'approve', '--plan', id, '--date', '2019-04-02']),
      2,
      /before the previous step \(submitted on 3 Apr 2019\)/,
    );
    const approved = await json<ActionPlan>(data, [
      'plan',
      'approve',
      '--plan',
      id,
      '--date',
      '2019-04-09',
    ]);
    expect(approved.status).toBe('approved');
    expect(approved.steps.map((s) => [s.action, s.date, s.note, s.evidence])).toEqual([
      [
        'submit',
        '2019-04-03',
        'Sent by e-mail to the data team',
        { name: 'sent to HEFCE.eml', sha256: sha, bytes: mailBytes.length },
      ],
      ['approve', '2019-04-09', null, null],
    ]);

    // Undo says what the plan returns to; the step is kept, marked undone.
    const undo = await returndesk(data, ['plan', 'undo', '--plan', id]);
    expect(undo.stdout).toBe(
      `Undid "approved" (9 Apr 2019): plan ${id} is marked as submitted on 3 Apr 2019 again.\n`,
    );
    const show = await returndesk(data, ['plan', 'show', '--plan', id]);
    expect(show.stdout).toContain('marked as submitted on 3 Apr 2019');
    expect(show.stdout).toMatch(/9 Apr 2019: marked as approved by .* \(undone by /);
    await json(data, ['plan', 'approve', '--plan', id, '--date', '2019-04-10']);

    // Once a file is finalised against the plan, its approval stands.
    const built = await returndesk(data, buildArgs(`${id}:1`, ['--out', data]));
    expect(built.code).toBe(0);
    expectOneLineRefusal(
      await returndesk(data, ['plan', 'undo', '--plan', id]),
      1,
      new RegExp(
        `Plan ${id} cannot go back: chg105432A01\\.amd was finalised against its row 1, so its approval stands\\.`,
      ),
    );
    const store = new Store(data, { user: 'test' });
    try {
      const actions = store.audit
        .list()
        .map((e) => e.action)
        .filter((a) => a.startsWith('plan.'))
        .reverse();
      expect(actions).toEqual([
        'plan.created',
        'plan.row_added',
        'plan.submitted',
        'plan.approved',
        'plan.undone',
        'plan.approved',
      ]);
    } finally {
      store.close();
    }
  });
});

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

describe('evidence handed over by the app', () => {
  const app = useApp(histories.folder);

  it('keeps an e-mail chosen in the app by its SHA-256, and refuses other files and large ones with the reason', async () => {
    const { ok, call } = app();
    await ok('providers.add', { upin: '105432', name: 'Riverside' });
    const plan = await ok('plans.create', {
      upin: '105432',
      year: '2010-11',
      title: 'R14',
      variant: 'general',
    });
    await ok('plans.addRow', {
      planId: plan.id,
      row: {
        kind: 'ADD',
        description: 'Missing learners',
        fields: 'all',
        records: 1,
        due: '2011-03-31',
      },
    });
    const pdf = Buffer.from('%PDF-1.4 approval letter');
    const docx = await call('plans.move', {
      planId: plan.id,
      action: 'submit',
      evidence: { fileName: 'letter.docx', base64: pdf.toString('base64') },
    });
    expect(docx).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/^letter\.docx cannot be kept as evidence/),
      },
    });
    const huge = await call('plans.move', {
      planId: plan.id,
      action: 'submit',
      evidence: {
        fileName: 'mailbox.eml',
        source: { fileName: 'mailbox.eml', size: 21 * 1024 * 1024, open: async function* () {} },
      },
    });
    expect(huge).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/mailbox\.eml is 21 MB; evidence is limited to 20 MB/),
      },
    });
    // Nothing was recorded by the refusals.
    expect((await ok('plans.get', { planId: plan.id })).steps).toEqual([]);

    const submitted = await ok('plans.move', {
      planId: plan.id,
      action: 'submit',
      evidence: { fileName: 'Approval.PDF', base64: pdf.toString('base64') },
    });
    expect(submitted.steps[0]?.evidence).toEqual({
      name: 'Approval.PDF',
      sha256: createHash('sha256').update(pdf).digest('hex'),
      bytes: pdf.length,
    });
    // Today, in England, when no date is given.
    expect(submitted.steps[0]?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const undone = await ok('plans.undo', { planId: plan.id });
    expect(undone.plan.status).toBe('draft');
    expect(undone.undone).toMatchObject({ action: 'submit', undoneBy: expect.any(String) });
    expect(await call('plans.undo', { planId: plan.id })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_STATE',
        message: `Plan ${plan.id} is a draft: there is no step to undo.`,
      },
    });
  });
});
