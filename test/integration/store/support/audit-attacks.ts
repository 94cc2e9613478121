// What someone with the history's file but not its audit key can do to the trail: drop the
// triggers that keep it append-only, change rows, and re-hash the plain chain from an entry on.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GENESIS_HASH, entryHash } from '../../../../electron/store/audit';
import type { AuditEntry } from '../../../../electron/store/audit';

/**
 * Drops the triggers, applies `change` to the rows (in order, by id) and recomputes every hash
 * and the head, as a plain chain would need; seals cannot be recomputed without the key.
 */
export function rewriteTrail(
  folder: string,
  change: (row: AuditEntry) => AuditEntry,
  sql = '',
): void {
  const db = new Database(join(folder, 'returndesk.db'));
  try {
    db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${sql}`);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditEntry[];
    let prev = GENESIS_HASH;
    const update = db.prepare(
      'UPDATE audit_log SET details = @details, prev_hash = @prev_hash, hash = @hash, key_id = @key_id, mac = @mac WHERE id = @id',
    );
    for (const row of rows) {
      const e = { ...change({ ...row }), prev_hash: prev };
      e.hash = entryHash(e);
      update.run(e);
      prev = e.hash;
    }
    db.prepare('UPDATE audit_head SET last_hash = ?').run(prev);
  } finally {
    db.close();
  }
}

/** Edits entry `id`'s details and re-hashes the chain. */
export function editAndRehash(folder: string, id: number): void {
  rewriteTrail(folder, (row) =>
    row.id === id ? { ...row, details: '{"seq":1,"records":999}' } : row,
  );
}

/** Removes the seals of entries `from` to `to` (and re-hashes, which the plain chain then needs). */
export function stripSeals(folder: string, from: number, to = Infinity, sql = ''): void {
  rewriteTrail(
    folder,
    (row) => (row.id >= from && row.id <= to ? { ...row, key_id: null, mac: null } : row),
    sql,
  );
}
