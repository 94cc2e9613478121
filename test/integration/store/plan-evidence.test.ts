// The e-mail or letter kept with a plan step, got back out: through the channel the app calls
// (the same bytes and SHA-256; a missing plan, step or evidence is NOT_FOUND; a kept copy altered
// on disk is CORRUPT) and through `plan evidence`, which never writes over a different file.
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionPlan } from '../../../shared/history/types';
import { useHistories } from './support/folders';
import { draftPlanThroughApp, useApp } from './support/app';
import { expectOneLineRefusal, json, returndesk } from './support/cli';
import { draftPlan } from './support/plan-draft';

const histories = useHistories('returndesk-plan-evidence-');
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('plans.evidence', () => {
  let data = '';
  const app = useApp(() => (data = histories.folder()));

  it('hands back the kept bytes and SHA-256, NOT_FOUND for what is not there, CORRUPT once altered', async () => {
    const { ok, call } = app();
    const plan = await draftPlanThroughApp(ok);
    // Bytes that are not text, to show nothing is decoded on the way.
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x0a, 0x80]);
    const submitted = await ok('plans.move', {
      planId: plan.id,
      action: 'submit',
      evidence: { fileName: 'Approval.pdf', base64: pdf.toString('base64') },
    });
    const approved = await ok('plans.move', { planId: plan.id, action: 'approve' });
    const [sent, approval] = approved.steps;
    expect(sent?.id).toBe(submitted.steps[0]?.id);

    expect(await ok('plans.evidence', { planId: plan.id, stepId: sent?.id })).toEqual({
      fileName: 'Approval.pdf',
      base64: pdf.toString('base64'),
      sha256: sha256(pdf),
      bytes: pdf.length,
    });

    const refused = async (input: unknown) => {
      const r = await call('plans.evidence', input);
      return r.ok ? r : r.error;
    };
    expect(await refused({ planId: 999, stepId: sent?.id })).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no action plan 999.',
    });
    expect(await refused({ planId: plan.id, stepId: 999 })).toEqual({
      code: 'NOT_FOUND',
      message: `Plan ${plan.id} has no step 999.`,
    });
    expect(await refused({ planId: plan.id, stepId: approval?.id })).toEqual({
      code: 'NOT_FOUND',
      message: `Step ${approval?.id} of plan ${plan.id} has no e-mail or letter kept as evidence.`,
    });
    expect(await refused({ planId: plan.id, stepId: 0 })).toMatchObject({ code: 'INVALID_INPUT' });

    // The same number of bytes, one of them changed: only the SHA-256 can tell.
    const kept = join(data, 'content', sha256(pdf));
    chmodSync(kept, 0o600);
    const altered = Buffer.from(pdf);
    altered[0] = 0x26;
    writeFileSync(kept, altered);
    const corrupt = await refused({ planId: plan.id, stepId: sent?.id });
    expect(corrupt).toEqual({
      code: 'CORRUPT',
      message: expect.stringMatching(
        new RegExp(
          `^The kept copy of Approval\\.pdf \\(step ${sent?.id} of plan ${plan.id}\\) has changed since it was recorded`,
        ),
      ),
    });
    expect(JSON.stringify(corrupt)).not.toContain(data);
    // Gone altogether: the same refusal, still without the history's folder in it.
    rmSync(kept);
    expect(await refused({ planId: plan.id, stepId: sent?.id })).toEqual({
      code: 'CORRUPT',
      message: `The kept copy of Approval.pdf (step ${sent?.id} of plan ${plan.id}) is missing or has changed since it was recorded: the history was altered. Restore it from a backup.`,
    });
  });
});

describe('plan evidence', () => {
  it('writes the kept e-mail under its name, shows step ids, and never writes over another file', async () => {
    const data = histories.folder();
    const id = String(await draftPlan(data));
    const mailBytes = 'From: hefce@hefce.ac.uk\r\nSubject: Plan R14 approved\r\n\r\nApproved.\r\n';
    const mail = join(data, 'approved.eml');
    writeFileSync(mail, mailBytes);
    await json(data, ['plan', 'submit', '--plan', id, '--date', '2019-04-03']);
    const p = await json<ActionPlan>(data, [
      ...['plan', 'approve', '--plan', id, '--date', '2019-04-09', '--evidence', mail],
    ]);
    const step = String(p.steps[1]?.id);

    const show = await returndesk(data, ['plan', 'show', '--plan', id]);
    expect(show.stdout).toContain(`  Step ${step}, 9 Apr 2019: marked as approved by `);

    const out = join(data, 'out');
    const args = ['plan', 'evidence', '--plan', id, '--step', step, '--out', out];
    const wrote = await returndesk(data, args);
    const path = join(out, 'approved.eml');
    expect(wrote.stderr).toBe('');
    expect(wrote.stdout).toBe(`Wrote ${path} (SHA-256 ${sha256(mailBytes)}).\n`);
    expect(readFileSync(path, 'utf8')).toBe(mailBytes);
    // The same bytes again: nothing to refuse.
    expect(await json(data, args)).toEqual({
      plan: Number(id),
      step: Number(step),
      name: 'approved.eml',
      path,
      sha256: sha256(mailBytes),
      bytes: mailBytes.length,
    });

    writeFileSync(path, 'my own notes');
    expectOneLineRefusal(
      await returndesk(data, args),
      1,
      /approved\.eml already exists with other content\. Move it away, or write the copy into another folder\./,
    );
    expect(readFileSync(path, 'utf8')).toBe('my own notes');

    expectOneLineRefusal(
      await returndesk(data, [
        'plan',
        'evidence',
        '--plan',
        id,
        '--step',
        String(p.steps[0]?.id),
        '--out',
        out,
      ]),
      2,
      /has no e-mail or letter kept as evidence\. 'returndesk plan show --plan ID' lists its steps/,
    );
  });
});
