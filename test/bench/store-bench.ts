// The history at the size of a busy college's decade: 100,000 amendment files and a million audit
// entries. Times opening (with the migration check) and the dashboard's queries, each beside a
// reference measured in the same run, and shows SQLite's plan for every query.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Store } from '../../electron/store';
import { DATABASE_FILE } from '../../electron/store/database';
import type { DashboardQuery } from '../../electron/store/dashboard';

export interface StoreBenchRow {
  figure: string;
  value: string;
  reference: string;
  ratio: string;
  goal: string;
  met: boolean;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function timeMs(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function sample(n: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(timeMs(() => fn(i)));
  return out;
}

const usesIndex = (plan: string[]) =>
  plan.every((step) => !/^SCAN \w+$/.test(step) || /USING/.test(step)) &&
  plan.some((s) => /USING (COVERING )?INDEX|PRIMARY KEY/.test(s));

export function runStoreBench(
  log: (line: string) => void,
  files = 100_000,
  auditEntries = 1_000_000,
): StoreBenchRow[] {
  const folder = mkdtempSync(join(tmpdir(), 'returndesk-store-bench-'));
  try {
    log(
      `Seeding a history with ${files.toLocaleString('en-GB')} files and ${auditEntries.toLocaleString('en-GB')} audit entries...`,
    );
    const seeding = new Store(folder, { user: 'bench' });
    seeding.seedForBenchmark({ files, auditEntries });
    seeding.close();

    const rows: StoreBenchRow[] = [];
    const opens = sample(21, () => new Store(folder, { user: 'bench' }).close());
    const raw = sample(21, () => {
      const db = new Database(join(folder, DATABASE_FILE));
      db.prepare('SELECT 1').get();
      db.close();
    });
    const openMs = percentile(opens, 50);
    const rawMs = percentile(raw, 50);
    rows.push({
      figure: 'open + migration check (median)',
      value: `${openMs.toFixed(2)} ms`,
      reference: `${rawMs.toFixed(2)} ms raw open`,
      ratio: (openMs / rawMs).toFixed(2),
      goal: '< 150 ms',
      met: openMs < 150,
    });

    const store = new Store(folder, { user: 'bench' });
    try {
      const n = 500;
      const ref = sample(n, (i) => store.dashboard.fileById(1 + ((i * 7919) % files)));
      const refP95 = percentile(ref, 95);
      const queries: [string, DashboardQuery, (i: number) => void][] = [
        [
          'files by status (newest 50)',
          'filesByStatus',
          (i) =>
            store.dashboard.filesByStatus(
              (['final', 'submitted', 'accepted', 'rejected'] as const)[i % 4] ?? 'final',
            ),
        ],
        [
          'next NN',
          'nextSequence',
          (i) => store.dashboard.nextSequence(1 + (i % 150), 'CHANGE', 'A'),
        ],
        ['a batch with its files', 'batchFiles', (i) => store.batches.get(1 + ((i * 31) % 1000))],
      ];
      for (const [label, name, fn] of queries) {
        for (let i = 0; i < 50; i++) fn(i);
        const p95 = percentile(sample(n, fn), 95);
        const plan = store.dashboard.explain(name);
        const indexed = usesIndex(plan);
        rows.push({
          figure: `${label} (p95)`,
          value: `${p95.toFixed(3)} ms`,
          reference: `${refP95.toFixed(3)} ms by primary key`,
          ratio: (p95 / refP95).toFixed(1),
          goal: '< 5 ms, index',
          met: p95 < 5 && indexed,
        });
        log(`  plan for ${label}: ${plan.join(' | ')}`);
      }
    } finally {
      store.close();
    }
    return rows;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
