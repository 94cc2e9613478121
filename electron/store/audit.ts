// The audit trail: append-only, each entry carrying the SHA-256 of the one before it. Every state
// change in the store writes one entry inside the same transaction as the change itself.
import { createHash } from 'node:crypto';
import type { Database as Db, Statement } from 'better-sqlite3';
import type { AuditEntryView } from '../../shared/ipc/views';

/** An entry as the table holds it; the screens and `audit list --json` see it as it is. */
export type AuditEntry = AuditEntryView;

export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([e.id, e.at, e.user, e.action, e.subject, e.details, e.prev_hash]))
    .digest('hex');
}

export interface AuditWrite {
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

export class AuditLog {
  private readonly head: Statement;
  private readonly insert: Statement;
  private readonly setHead: Statement;

  constructor(
    private readonly db: Db,
    private readonly user: () => string,
    private readonly now: () => Date,
  ) {
    this.head = db.prepare('SELECT last_id, last_hash FROM audit_head WHERE singleton = 1');
    this.insert = db.prepare(
      'INSERT INTO audit_log (id, at, user, action, subject, details, prev_hash, hash) VALUES (@id, @at, @user, @action, @subject, @details, @prev_hash, @hash)',
    );
    this.setHead = db.prepare(
      'INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, ?, ?) ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash',
    );
  }

  /** Must run inside the caller's transaction, so the change and its entry commit together. */
  append(w: AuditWrite): AuditEntry {
    if (!this.db.inTransaction)
      throw new Error('audit entries are written inside the change transaction');
    const head = this.head.get() as { last_id: number; last_hash: string } | undefined;
    const base = {
      id: (head?.last_id ?? 0) + 1,
      at: this.now().toISOString(),
      user: this.user(),
      action: w.action,
      subject: w.subject,
      details: JSON.stringify(w.details ?? {}),
      prev_hash: head?.last_hash ?? GENESIS_HASH,
    };
    const entry = { ...base, hash: entryHash(base) };
    this.insert.run(entry);
    this.setHead.run(entry.id, entry.hash);
    return entry;
  }

  list(subject?: string, limit = 200): AuditEntry[] {
    return (
      subject
        ? this.db
            .prepare('SELECT * FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT ?')
            .all(subject, limit)
        : this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit)
    ) as AuditEntry[];
  }
}

export type AuditVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBad: { id: number; problem: string } };

/** Walks the whole chain: ids contiguous from 1, each link and hash intact, the head matching. */
export function verifyAudit(db: Db): AuditVerdict {
  let expectedId = 1;
  let prev = GENESIS_HASH;
  let count = 0;
  const bad = (id: number, problem: string): AuditVerdict => ({
    ok: false,
    entries: count,
    firstBad: { id, problem },
  });
  for (const row of db
    .prepare('SELECT * FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<AuditEntry>) {
    if (row.id !== expectedId)
      return bad(expectedId, `entry ${expectedId} is missing (the next entry is ${row.id})`);
    if (row.prev_hash !== prev)
      return bad(row.id, `entry ${row.id} does not link to entry ${row.id - 1}`);
    if (entryHash(row) !== row.hash)
      return bad(row.id, `entry ${row.id} was changed after it was written`);
    prev = row.hash;
    expectedId++;
    count++;
  }
  const head = db.prepare('SELECT last_id, last_hash FROM audit_head WHERE singleton = 1').get() as
    { last_id: number; last_hash: string } | undefined;
  const lastId = expectedId - 1;
  if ((head?.last_id ?? 0) !== lastId || (head?.last_hash ?? GENESIS_HASH) !== prev) {
    return bad(
      head?.last_id ?? lastId,
      `the trail ends at entry ${lastId} but ${head?.last_id ?? 0} entries were written: entries were removed from the end`,
    );
  }
  return { ok: true, entries: count };
}
