// A plan's lifecycle with its evidence, as a data officer records it on the command line and in
// the app: the day, a note, an e-mail kept by SHA-256, "marked as", and undo until a file is
// finalised against the plan.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store';
import type { ActionPlan } from '../../../shared/history/types';
import { useHistories } from './support/folders';
import { draftPlanThroughApp, useApp } from './support/app';
import { buildArgs, expectOneLineRefusal, json, returndesk } from './support/cli';
import { draftPlan } from './support/plan-draft';

const histories = useHistories('returndesk-plan-steps-');

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

describe('evidence handed over by the app', () => {
  const app = useApp(histories.folder);

  it('keeps an e-mail chosen in the app by its SHA-256, and refuses other files and large ones with the reason', async () => {
    const { ok, call } = app();
    const plan = await draftPlanThroughApp(ok, 'Missing learners');
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
