// Processes finalising files for the same provider, kind and data set at the same moment never
// get the same NN: the NN is allocated inside an IMMEDIATE transaction.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { providerWithPlan, seedApprovedPlan } from './support/history';
import { runTs } from './support/children';
import { buildArgs, returndeskProcess } from './support/cli';
import type { CliResult } from './support/cli';

const histories = useHistories('returndesk-concurrent-');
const PROCESSES = 8;

describe('eight processes finalising at once', () => {
  it('get eight distinct, consecutive NNs 01-08 through the Store API', async () => {
    const data = histories.folder();
    const setup = histories.open(data);
    const plan = providerWithPlan(setup);
    setup.close();
    const go = join(histories.folder(), 'go');
    const children = Array.from({ length: PROCESSES }, () =>
      runTs('test/integration/store/children/finalise-one.ts', [data, go, String(plan.id)]),
    );
    await Promise.all(children.map((c) => c.ready));
    writeFileSync(go, 'go');
    const exits = await Promise.all(children.map((c) => c.exit));
    for (const e of exits) expect(e, e.stderr).toMatchObject({ code: 0, stderr: '' });
    const results = exits.map(
      (e) => JSON.parse(e.stdout.split('\n')[1] ?? '') as { name: string; seq: number },
    );
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(results.map((r) => r.name)).size).toBe(PROCESSES);

    const store = histories.open(data);
    const files = store.files.list();
    expect(files.map((f) => f.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(files.map((f) => f.name)).toEqual(files.map((f) => `chg105432A0${f.seq}.amd`));
    const finalisers = store.audit
      .list(undefined, 100)
      .filter((e) => e.action === 'file.finalised')
      .map((e) => e.user);
    expect(new Set(finalisers).size).toBe(PROCESSES);
    expect(store.verifyAudit().ok).toBe(true);
  });

  it('get eight distinct, consecutive NNs 01-08 through `returndesk build --plan-row`', async () => {
    const data = histories.folder();
    const planId = seedApprovedPlan(data);
    const runs: CliResult[] = await Promise.all(
      Array.from({ length: PROCESSES }, () =>
        returndeskProcess(data, buildArgs(`${planId}:1`, ['--json'])),
      ),
    );
    for (const r of runs) expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    const built = runs.map((r) => JSON.parse(r.stdout) as { name: string; seq: number });
    expect(built.map((b) => b.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(built.map((b) => b.name)).size).toBe(PROCESSES);
    const store = histories.open(data);
    expect(store.files.list().map((f) => f.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(store.verifyAudit().ok).toBe(true);
  });

  it('make one complete daily backup when eight commands open a fresh history together', async () => {
    const data = histories.folder();
    // A history of some size, so that the backups take long enough to overlap.
    const store = histories.open(data);
    const plan = providerWithPlan(store);
    store.files.finalise({
      providerId: plan.providerId,
      year: plan.year,
      kind: 'CHANGE',
      dataSet: 'A',
      planRowId: plan.rows[0]!.id,
      build: (seq) => ({
        name: `chg105432A0${seq}.amd`,
        bytes: Buffer.alloc(20_000_000, 'x'),
        records: 1,
        checksumField: 'A05',
        checksum: '1',
      }),
    });
    store.close();
    const runs = await Promise.all(
      Array.from({ length: PROCESSES }, () => returndeskProcess(data, ['plan', 'list', '--json'])),
    );
    for (const r of runs) expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
    const backups = readdirSync(join(data, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^returndesk-\d{4}-\d{2}-\d{2}\.db$/);
    const db = new Database(join(data, 'backups', backups[0] ?? ''), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM action_plans').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});
