// What must hold in any history, however often the process writing it was killed: read straight
// from the SQLite file, so the store's own code is not trusted to check itself.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { parseAmendmentFileName } from '../../../../shared/amd/names';
import { seriesOf } from '../../../../electron/store/sequence';
import type { AmendmentKind, DataSet } from '../../../../shared/amd/model';

export interface Problems {
  integrity: unknown[];
  foreignKeys: unknown[];
  duplicateLiveNn: unknown[];
  badBlobs: string[];
  badNames: string[];
  badSets: string[];
  /** Audit entries that disagree with the rows they describe: a change without its entry. */
  auditMismatches: string[];
}

interface FileRow {
  id: number;
  upin: string;
  name: string;
  kind: AmendmentKind;
  data_set: DataSet;
  addition_type: number | null;
  seq: number;
  sequence_id: number;
  seq_of_sequence: number;
  series: string;
  status: string;
  content: Buffer;
}

export function checkHistory(path: string): Problems {
  const db = new Database(path, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all() as Record<string, unknown>[];
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const integrity = all('PRAGMA integrity_check').filter((r) => r.integrity_check !== 'ok');
    const duplicateLiveNn =
      all(`SELECT provider_id, series, seq, count(*) AS n FROM sequence_numbers
      WHERE released_at IS NULL GROUP BY provider_id, series, seq HAVING n > 1`);

    const badBlobs: string[] = [];
    for (const b of db.prepare('SELECT sha256, size, content FROM blobs').iterate() as Iterable<{
      sha256: string;
      size: number;
      content: Buffer;
    }>) {
      const actual = createHash('sha256').update(b.content).digest('hex');
      if (actual !== b.sha256 || b.size !== b.content.length) badBlobs.push(b.sha256);
    }

    const files = db
      .prepare(
        `SELECT f.id, v.upin, f.name, f.kind, f.data_set, f.addition_type, f.seq, f.sequence_id,
                s.seq AS seq_of_sequence, s.series, f.status, b.content
           FROM amendment_files f JOIN providers v ON v.id = f.provider_id
           JOIN sequence_numbers s ON s.id = f.sequence_id JOIN blobs b ON b.sha256 = f.sha256
          ORDER BY f.id`,
      )
      .all() as FileRow[];
    const badNames: string[] = [];
    const liveBySeries = new Map<string, FileRow[]>();
    for (const f of files) {
      const parsed = parseAmendmentFileName(f.name);
      const line1 = f.content.toString('latin1').split('\r\n')[0];
      const ok =
        parsed.ok &&
        parsed.name.seq === f.seq &&
        parsed.name.provider === f.upin &&
        parsed.name.kind === f.kind &&
        parsed.name.dataSet === f.data_set &&
        (parsed.name.additionType ?? null) === f.addition_type &&
        f.seq_of_sequence === f.seq &&
        f.series === seriesOf(f.kind, f.data_set) &&
        line1 === f.name.slice(0, -4);
      if (!ok) badNames.push(`${f.id} ${f.name} (NN ${f.seq}, sequence ${f.seq_of_sequence})`);
      if (f.status === 'discarded') continue;
      const key = `${f.upin} ${f.series} ${f.seq}`;
      liveBySeries.set(key, [...(liveBySeries.get(key) ?? []), f]);
    }
    // A live NN belongs to one file, or to one addition set with each data set at most once.
    const badSets: string[] = [];
    for (const [key, group] of liveBySeries) {
      const sets = new Set(group.map((f) => f.sequence_id));
      const dataSets = new Set(group.map((f) => f.data_set));
      const single = group[0]?.kind !== 'ADD';
      if (sets.size > 1 || dataSets.size !== group.length || (single && group.length > 1))
        badSets.push(`${key}: ${group.map((f) => f.name).join(', ')}`);
    }

    const entries = (action: string) =>
      count(`SELECT count(*) AS n FROM audit_log WHERE action = '${action}'`);
    const auditMismatches: string[] = [];
    const expectSame = (what: string, rows: number, audited: number) => {
      if (rows !== audited) auditMismatches.push(`${what}: ${rows} rows, ${audited} entries`);
    };
    expectSame('files', files.length, entries('file.finalised'));
    expectSame(
      'discarded files',
      count("SELECT count(*) AS n FROM amendment_files WHERE status = 'discarded'"),
      entries('file.discarded'),
    );
    expectSame(
      'providers',
      count('SELECT count(*) AS n FROM providers'),
      entries('provider.added'),
    );
    expectSame('batches', count('SELECT count(*) AS n FROM batches'), entries('batch.created'));
    expectSame(
      'files in batches',
      count('SELECT count(*) AS n FROM batch_files'),
      entries('batch.file_added'),
    );
    return {
      integrity,
      foreignKeys: all('PRAGMA foreign_key_check'),
      duplicateLiveNn,
      badBlobs,
      badNames,
      badSets,
      auditMismatches,
    };
  } finally {
    db.close();
  }
}

export const NO_PROBLEMS: Problems = {
  integrity: [],
  foreignKeys: [],
  duplicateLiveNn: [],
  badBlobs: [],
  badNames: [],
  badSets: [],
  auditMismatches: [],
};
