// The history commands as a data officer runs them: what `--json` prints, and that the stored
// file, the exported copy and the backup are the real thing.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { seedApprovedPlan } from './support/history';
import type { BuiltAmendmentFile } from '../../../shared/ipc/files';
import { AIMS_EXTRACT, buildArgs, expectOneLineRefusal, json, returndesk } from './support/cli';

const histories = useHistories('returndesk-cli-');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** What `build --json` prints: the contract's built file, and where the command line wrote it. */
type Built = BuiltAmendmentFile & { path?: string };

describe('returndesk history commands with --json', () => {
  it('print the created provider, plan and row, each with its id', async () => {
    const data = histories.folder();
    expect(
      await json(data, [
        'provider',
        'add',
        '--upin',
        '012345',
        '--name',
        'Riverside',
        '--ukprn',
        '10007928',
      ]),
    ).toMatchObject({ id: 1, upin: '012345', ukprn: '10007928', name: 'Riverside' });
    const plan = await json(data, [
      'plan',
      'create',
      '--provider',
      '012345',
      '--year',
      '2010-11',
      '--title',
      'R14',
      '--heifes',
    ]);
    expect(plan).toMatchObject({ id: 1, status: 'draft', variant: 'heifes', version: 1, rows: [] });
    const row = await json(data, [
      'plan',
      'add-row',
      '--plan',
      '1',
      '--kind',
      'CHANGE',
      '--description',
      'Start dates, "A27"',
      '--fields',
      'A27,A28',
      '--records',
      '3',
      '--due',
      '2011-03-31',
      '--error-type',
      'Keying',
      '--cause',
      'Typing',
    ]);
    expect(row).toMatchObject({
      id: 1,
      ref: 1,
      fields: 'A27, A28',
      errorType: 'Keying',
      cause: 'Typing',
    });
    const shown = await json<{ rows: unknown[] }>(data, ['plan', 'show', '--plan', '1']);
    expect(shown.rows).toEqual([row]);
  });

  it('build against a plan row: the NN comes from history, line 3 names the reference number', async () => {
    const data = histories.folder();
    const planId = seedApprovedPlan(data);
    const out = histories.folder();
    const first = await json<Built>(data, buildArgs(`${planId}:1`, ['--out', out]));
    expect(first).toMatchObject({
      name: 'chg105432A01.amd',
      seq: 1,
      records: 3,
      checksumField: 'A05',
      checksum: '4',
      path: join(out, 'chg105432A01.amd'),
    });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    const copy = readFileSync(join(out, first.name));
    expect(sha256(copy)).toBe(first.sha256);
    expect(copy.toString('latin1').split('\r\n')[2]).toBe(
      'Learning start dates (A27) corrected - reference number 1',
    );
    const second = await json<Built>(data, buildArgs(`${planId}:1`));
    expect(second).toMatchObject({ name: 'chg105432A02.amd', seq: 2 });

    const list = await json<Record<string, unknown>[]>(data, ['files', 'list']);
    expect(
      list.map(({ name, seq, status, sha256: s }) => ({ name, seq, status, sha256: s })),
    ).toEqual([
      { name: first.name, seq: 1, status: 'final', sha256: first.sha256 },
      { name: second.name, seq: 2, status: 'final', sha256: second.sha256 },
    ]);
    const exported = histories.folder();
    await json(data, ['files', 'export', second.name, '--out', exported]);
    expect(sha256(readFileSync(join(exported, second.name)))).toBe(second.sha256);
    const shown = await json<{ header: string[] }>(data, ['files', 'show', first.name]);
    expect(shown.header[0]).toBe('chg105432A01');
  });

  it('refuse an explicit --seq the history already holds, writing nothing', async () => {
    const data = histories.folder();
    const planId = seedApprovedPlan(data);
    await json(data, buildArgs(`${planId}:1`));
    const out = histories.folder();
    const r = await returndesk(data, buildArgs(`${planId}:1`, ['--seq', '01', '--out', out]));
    expectOneLineRefusal(r, 1, /NN 01 is already used by chg105432A01\.amd/);
    expect(await json<unknown[]>(data, ['files', 'list'])).toHaveLength(1);
    expect(readdirSync(out)).toEqual([]);
  });

  it('discard the newest file and give its NN out again', async () => {
    const data = histories.folder();
    const planId = seedApprovedPlan(data);
    const built = await json<Built>(data, buildArgs(`${planId}:1`));
    expect(await json(data, ['files', 'discard', built.name])).toMatchObject({
      released: true,
      file: { name: built.name, status: 'discarded' },
    });
    expect(await json<Built>(data, buildArgs(`${planId}:1`))).toMatchObject({ seq: 1 });
  });

  it('build without a plan row: the file is written with the NN given, and no history is opened', async () => {
    const data = join(histories.folder(), 'history');
    const out = histories.folder();
    const built = await json<Built>(data, [
      'build',
      '--kind',
      'change',
      '--dataset',
      'A',
      '--changed',
      'A27',
      '--checksum-field',
      'auto',
      '--from',
      AIMS_EXTRACT,
      '--provider',
      '105432',
      '--seq',
      '03',
      '--description',
      'Learning start dates (A27) corrected - reference number 1',
      '--out',
      out,
    ]);
    expect(built).toMatchObject({ name: 'chg105432A03.amd', seq: 3, path: join(out, built.name) });
    expect(sha256(readFileSync(join(out, built.name)))).toBe(built.sha256);
    expect(existsSync(data)).toBe(false);
  });

  it('mark a file submitted outside ReturnDesk; a wrong status or an unknown file is one line', async () => {
    const data = histories.folder();
    const planId = seedApprovedPlan(data);
    const built = await json<Built>(data, buildArgs(`${planId}:1`));
    const mark = ['files', 'mark', built.name, '--status', 'submitted', '--note', 'By e-mail'];
    expect(await json(data, mark)).toMatchObject({ name: built.name, status: 'submitted' });
    expect(await json<Built[]>(data, ['files', 'list', '--status', 'submitted'])).toMatchObject([
      { name: built.name },
    ]);
    expectOneLineRefusal(
      await returndesk(data, ['files', 'mark', built.name, '--status', 'sent']),
      2,
      /--status: The status must be submitted, accepted or rejected/,
    );
    expectOneLineRefusal(
      await returndesk(data, ['files', 'mark', 'chg105432A09.amd', '--status', 'accepted']),
      2,
      /no amendment file named chg105432A09\.amd in the history\. 'returndesk files list' shows them\./,
    );
  });

  it('create, fill and sign off a batch, and re-sign after a change', async () => {
    const data = histories.folder();
    const planId = seedApprovedPlan(data);
    const a = await json<Built>(data, buildArgs(`${planId}:1`));
    const b = await json<Built>(data, buildArgs(`${planId}:1`));
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
    expect(batch).toMatchObject({ id: 1, status: 'draft', planId, files: [] });
    const id = String(batch.id);
    await json(data, ['batch', 'add', '--batch', id, a.name]);
    const signed = await json(data, ['batch', 'sign-off', '--batch', id, '--by', 'Jo Bloggs']);
    expect(signed).toMatchObject({ status: 'signed_off', signedOffBy: 'Jo Bloggs' });
    const changed = await json(data, ['batch', 'add', '--batch', id, b.name]);
    expect(changed).toMatchObject({ status: 'draft', signedOffBy: null });
    expect(await json(data, ['batch', 'show', '--batch', id])).toMatchObject({
      files: [
        { position: 1, name: a.name },
        { position: 2, name: b.name },
      ],
    });
    const r = await returndesk(data, ['audit', 'list', '--subject', `batch:${id}`, '--json']);
    expect((JSON.parse(r.stdout) as { action: string }[]).map((e) => e.action)).toEqual([
      'batch.sign_off_withdrawn',
      'batch.file_added',
      'batch.signed_off',
      'batch.file_added',
      'batch.created',
    ]);
  });

  it("set a provider's UKPRN, list the providers, and show that change in the audit trail", async () => {
    const data = histories.folder();
    await json(data, ['provider', 'add', '--upin', '012345', '--name', 'Riverside']);
    await json(data, ['provider', 'add', '--upin', '105432', '--name', 'Hillside']);
    expect(
      await json(data, ['provider', 'update', '--upin', '012345', '--ukprn', '00007928']),
    ).toMatchObject({ upin: '012345', ukprn: '00007928', name: 'Riverside' });
    const updated = await returndesk(data, [
      'provider',
      'update',
      '--upin',
      '105432',
      '--name',
      'Hillside College',
    ]);
    expect(updated).toMatchObject({ code: 0, stdout: 'Provider 105432 Hillside College.\n' });
    expect(await json(data, ['provider', 'list'])).toMatchObject([
      { upin: '012345', ukprn: '00007928', name: 'Riverside' },
      { upin: '105432', ukprn: null, name: 'Hillside College' },
    ]);
    const listed = await returndesk(data, ['provider', 'list']);
    expect(listed.stdout.split('\n')[1]).toMatch(/^012345\s+00007928\s+Riverside$/);
    const entries = await json<{ action: string; subject: string; details: string }[]>(data, [
      'audit',
      'list',
      '--subject',
      'provider:012345',
    ]);
    expect(entries.map((e) => e.action)).toEqual(['provider.updated', 'provider.added']);
    expect(JSON.parse(entries[0]!.details)).toMatchObject({ after: { ukprn: '00007928' } });
    expect(entries[0]).toMatchObject({
      id: 3,
      prev_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await json(data, ['audit', 'list', '--limit', '1'])).toMatchObject([
      { action: 'provider.updated', subject: 'provider:105432' },
    ]);
  });

  it('make one daily backup, with no warning, when two commands in one process open a history together', async () => {
    for (let i = 0; i < 5; i++) {
      const data = histories.folder();
      seedApprovedPlan(data);
      const runs = await Promise.all([
        returndesk(data, ['plan', 'list']),
        returndesk(data, ['files', 'list']),
      ]);
      expect(runs.map((r) => [r.code, r.stderr])).toEqual([
        [0, ''],
        [0, ''],
      ]);
      expect(readdirSync(join(data, 'backups'))).toEqual([
        expect.stringMatching(/^returndesk-\d{4}-\d{2}-\d{2}\.db$/),
      ]);
    }
  });

  it('back up the history with the online backup API into a complete SQLite file', async () => {
    const data = histories.folder();
    const planId = seedApprovedPlan(data);
    await json(data, buildArgs(`${planId}:1`));
    const to = join(histories.folder(), 'copy.db');
    expect(await json(data, ['backup', '--to', to])).toEqual({ backup: to });
    const db = new Database(to, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT name FROM amendment_files').pluck().all()).toEqual([
        'chg105432A01.amd',
      ]);
    } finally {
      db.close();
    }
    // The copy opens as a history of its own, with the whole audit trail intact.
    const restored = histories.folder();
    copyFileSync(to, join(restored, 'returndesk.db'));
    const original = await json(data, ['audit', 'verify']);
    expect(original).toMatchObject({ ok: true, entries: 8 });
    expect(await json(restored, ['audit', 'verify'])).toEqual(original);
  });
});
