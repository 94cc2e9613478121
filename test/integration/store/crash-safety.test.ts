// Crash safety: a worker finalising files and building batches is killed with SIGKILL at random
// moments, 200 times, on one history. Afterwards the file is intact, no NN is duplicated, every
// stored file matches its SHA-256 and its name, the audit trail verifies, and nothing the worker
// reported as committed was lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { runBundle } from './support/children';
import { REPO_ROOT } from './support/cli';
import { mulberry32 } from '../../support/random';
import { NO_PROBLEMS, checkHistory } from './support/invariants';
import { CHANGE_A, finalise, providerWithPlan } from './support/history';
import { expectStoreError } from './support/expect';

const histories = useHistories('returndesk-crash-');
const KILLS = 200;
const SEED = 20110314;
/** The worker is killed this long after it said "ready": 50-400 ms. */
const killAfterMs = (random: () => number) => 50 + Math.floor(random() * 351);

let bundleDir = '';
let worker = '';

// The worker is bundled once, so each of the 200 lives starts in ~0.1 s instead of compiling
// TypeScript again; esbuild is the bundler tsx itself runs on.
beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'returndesk-crash-worker-'));
  worker = join(bundleDir, 'crash-worker.cjs');
  await build({
    entryPoints: [join(REPO_ROOT, 'test/integration/store/children/crash-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile: worker,
    logLevel: 'silent',
  });
});

afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

interface Committed {
  files: Map<number, { name: string; sha256: string }>;
  batches: Set<number>;
  signOffs: Set<number>;
}

/** The lines the worker printed after each commit; a line cut short by the kill is ignored. */
function readCommitted(stdout: string, into: Committed): void {
  for (const line of stdout.split('\n').slice(0, -1)) {
    const [tag, id, name, sha256] = line.split(' ');
    if (tag === 'F' && name && sha256) into.files.set(Number(id), { name, sha256 });
    if (tag === 'B') into.batches.add(Number(id));
    if (tag === 'S') into.signOffs.add(Number(id));
  }
}

describe('a worker killed with SIGKILL 200 times', () => {
  it(
    'leaves an intact history: integrity ok, no duplicate NN, contents and names right, audit verified',
    { timeout: 240_000 },
    async () => {
      const data = histories.folder();
      const random = mulberry32(SEED);
      const committed: Committed = { files: new Map(), batches: new Set(), signOffs: new Set() };
      for (let life = 0; life < KILLS; life++) {
        const child = runBundle(worker, [data, String(SEED + life)]);
        await child.ready;
        await delay(killAfterMs(random));
        child.process.kill('SIGKILL');
        const exit = await child.exit;
        // A worker that stopped by itself hit an error it should not have: show it.
        expect(exit, `life ${life}: ${exit.stderr}`).toMatchObject({ signal: 'SIGKILL' });
        readCommitted(exit.stdout, committed);
      }

      const store = histories.open(data);
      expect(checkHistory(store.path)).toEqual(NO_PROBLEMS);
      expect(store.verifyAudit().ok).toBe(true);

      // The worker really worked: thousands of files over dozens of providers.
      const files = store.files.list();
      expect(files.length).toBeGreaterThan(KILLS);
      expect(committed.signOffs.size).toBeGreaterThan(0);

      // Nothing reported as committed was lost.
      const byId = new Map(files.map((f) => [f.id, f]));
      for (const [id, f] of committed.files)
        expect(byId.get(id), `file ${id}`).toMatchObject({ name: f.name, sha256: f.sha256 });
      const batches = new Set(store.batches.list().map((b) => b.id));
      for (const id of committed.batches) expect(batches.has(id), `batch ${id}`).toBe(true);
      const signed = new Set(
        store.audit
          .list(undefined, 1_000_000)
          .filter((e) => e.action === 'batch.signed_off')
          .map((e) => Number(e.subject.replace('batch:', ''))),
      );
      for (const id of committed.signOffs) expect(signed.has(id), `sign-off ${id}`).toBe(true);

      // And the history carries on: the next change file takes the NN after the newest live one.
      const plan = store.plans.list().at(-1)!;
      const db = new Database(store.path, { readonly: true });
      const { top } = db
        .prepare(
          "SELECT coalesce(max(seq), 0) AS top FROM sequence_numbers WHERE provider_id = ? AND series = 'CHG-A' AND released_at IS NULL",
        )
        .get(plan.providerId) as { top: number };
      db.close();
      if (top < 99) expect(finalise(store, plan, CHANGE_A).seq).toBe(top + 1);
      else expectStoreError(() => finalise(store, plan, CHANGE_A), 'CONFLICT', /All 99/);
      expect(store.verifyAudit().ok).toBe(true);
    },
  );

  it('would notice a damaged history: the checks above can fail', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    for (let i = 0; i < 3; i++) finalise(store, plan, CHANGE_A);
    expect(checkHistory(store.path)).toEqual(NO_PROBLEMS);
    const db = new Database(store.path);
    db.exec(`DROP TRIGGER blobs_immutable_update; DROP TRIGGER audit_log_no_delete;
      DROP INDEX sequence_numbers_live;
      UPDATE blobs SET content = CAST('chg105432A01' AS BLOB) WHERE rowid = 1;
      UPDATE amendment_files SET seq = 7 WHERE id = 2;
      INSERT INTO sequence_numbers (provider_id, series, seq, allocated_at)
        SELECT provider_id, series, seq, allocated_at FROM sequence_numbers WHERE id = 3;
      DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log);`);
    db.close();
    const problems = checkHistory(store.path);
    expect(problems.badBlobs).toHaveLength(1);
    expect(problems.badNames).toEqual(['2 chg105432A02.amd (NN 7, sequence 2)']);
    expect(problems.duplicateLiveNn).toHaveLength(1);
    expect(problems.auditMismatches).toEqual(['files: 3 rows, 2 entries']);
    expect(store.verifyAudit().ok).toBe(false);
  });
});
