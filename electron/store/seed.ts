// Fills a history with a large, realistic volume for the benchmark (100,000 files, a million
// audit entries) in a few seconds. Going through the repositories would cost one fsync per file;
// this writes the same rows in one transaction, with a real hash chain, so the benchmark measures
// the schema and indexes the application really uses.
import { createHash } from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';
import { GENESIS_HASH, entryHash } from './audit';
import { amendmentFileName } from '../../shared/amd/names';
import type { AmendmentKind, DataSet } from '../../shared/amd/model';
import { seriesOf } from './sequence';

const SERIES: { kind: AmendmentKind; dataSet: DataSet }[] = [
  { kind: 'CHANGE', dataSet: 'L' },
  { kind: 'CHANGE', dataSet: 'A' },
  { kind: 'CHANGE', dataSet: 'H' },
  { kind: 'DELETE', dataSet: 'L' },
  { kind: 'DELETE', dataSet: 'A' },
  { kind: 'DELETE', dataSet: 'H' },
];
const STATUSES = [
  'final',
  'submitted',
  'accepted',
  'accepted',
  'accepted',
  'rejected',
  'discarded',
] as const;

export function seedHistory(db: Db, counts: { files: number; auditEntries: number }): void {
  const at = new Date(Date.UTC(2011, 2, 14)).toISOString();
  db.transaction(() => {
    const perProvider = SERIES.length * 99;
    const providers = Math.ceil(counts.files / perProvider);
    const addProvider = db.prepare(
      'INSERT INTO providers (upin, name, created_at) VALUES (?, ?, ?) RETURNING id',
    );
    const addPlan =
      db.prepare(`INSERT INTO action_plans (provider_id, year, title, variant, version, status, created_at, status_changed_at)
      VALUES (?, '2010-11', 'Bench plan', 'general', 1, 'approved', ?, ?) RETURNING id`);
    const addRow =
      db.prepare(`INSERT INTO plan_rows (plan_id, ref, description, kind, fields, records, due_date)
      VALUES (?, ?, 'Bench row', ?, 'All fields', 10, '2011-04-30') RETURNING id`);
    const addSeq = db.prepare(
      'INSERT INTO sequence_numbers (provider_id, series, seq, plan_row_id, allocated_at) VALUES (?, ?, ?, ?, ?) RETURNING id',
    );
    const addBlob = db.prepare('INSERT INTO blobs (sha256, size, content) VALUES (?, ?, ?)');
    const addFile =
      db.prepare(`INSERT INTO amendment_files (provider_id, year, name, kind, data_set, sequence_id, seq, sha256, plan_row_id,
      status, records, checksum_field, checksum, created_at, status_changed_at) VALUES (?, '2010-11', ?, ?, ?, ?, ?, ?, ?, ?, 10, 'A05', '10', ?, ?) RETURNING id`);
    const addBatch =
      db.prepare(`INSERT INTO batches (provider_id, year, destination, plan_id, status, created_at, status_changed_at)
      VALUES (?, '2010-11', 'FAMD General upload area (GUA)', ?, 'accepted', ?, ?) RETURNING id`);
    const addBatchFile = db.prepare(
      'INSERT INTO batch_files (batch_id, file_id, position) VALUES (?, ?, ?)',
    );
    let made = 0;
    for (let p = 0; p < providers && made < counts.files; p++) {
      const upin = String(100000 + p);
      const { id: providerId } = addProvider.get(upin, `College ${p}`, at) as { id: number };
      const { id: planId } = addPlan.get(providerId, at, at) as { id: number };
      let batchId = 0;
      let position = 0;
      for (const [i, s] of SERIES.entries()) {
        const { id: rowId } = addRow.get(planId, i + 1, s.kind) as { id: number };
        for (let seq = 1; seq <= 99 && made < counts.files; seq++, made++) {
          const name = amendmentFileName({ kind: s.kind, provider: upin, dataSet: s.dataSet, seq });
          const content = Buffer.from(`${name}\r\n14032011\r\nBench file ${made}\r\n`);
          const sha = createHash('sha256').update(content).digest('hex');
          addBlob.run(sha, content.length, content);
          const { id: seqId } = addSeq.get(
            providerId,
            seriesOf(s.kind, s.dataSet),
            seq,
            rowId,
            at,
          ) as { id: number };
          const status = STATUSES[made % STATUSES.length] ?? 'final';
          const { id: fileId } = addFile.get(
            providerId,
            name,
            s.kind,
            s.dataSet,
            seqId,
            seq,
            sha,
            rowId,
            status,
            at,
            at,
          ) as { id: number };
          if (position % 10 === 0) {
            batchId = (addBatch.get(providerId, planId, at, at) as { id: number }).id;
            position = 0;
          }
          addBatchFile.run(batchId, fileId, ++position);
        }
      }
    }
    const insert = db.prepare(
      'INSERT INTO audit_log (id, at, user, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const head = db.prepare('SELECT last_id, last_hash FROM audit_head').get() as
      { last_id: number; last_hash: string } | undefined;
    let prev = head?.last_hash ?? GENESIS_HASH;
    let id = head?.last_id ?? 0;
    for (let n = 0; n < counts.auditEntries; n++) {
      const e = {
        id: ++id,
        at,
        user: 'bench',
        action: 'file.finalised',
        subject: `file:bench${n}`,
        details: '{}',
        prev_hash: prev,
      };
      prev = entryHash(e);
      insert.run(e.id, e.at, e.user, e.action, e.subject, e.details, e.prev_hash, prev);
    }
    db.prepare(
      'INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, ?, ?) ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash',
    ).run(id, prev);
  })();
}
