import { createHash } from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { StoreError } from './errors';

export function hashOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

function version(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Refuses a history written by a newer ReturnDesk. Called before anything writes to the file
 * (setting the journal mode writes its header), so a refused history is left byte for byte.
 */
export function refuseNewerDatabase(db: Db, where: string, v = version(db)): void {
  if (v > LATEST_VERSION) {
    throw new StoreError(
      'NEWER_DATABASE',
      `${where} was written by a newer ReturnDesk (history version ${v}; this one understands up to ${LATEST_VERSION}). Install the newer ReturnDesk, or open another data folder; nothing was changed.`,
    );
  }
}

/** Brings the database to the latest schema, or refuses one written by a newer ReturnDesk. */
export function migrate(db: Db, where: string): void {
  const refuseNewer = (v: number) => refuseNewerDatabase(db, where, v);
  refuseNewer(version(db));
  if (version(db) < LATEST_VERSION) {
    // IMMEDIATE: two processes opening a new history at once must not both run migration 1.
    db.transaction(() => {
      const current = version(db);
      refuseNewer(current);
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
      const record = db.prepare(
        'INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)',
      );
      for (const m of MIGRATIONS.filter((x) => x.version > current)) {
        db.exec(m.sql);
        record.run(m.version, m.name, hashOf(m.sql), new Date().toISOString());
        db.pragma(`user_version = ${m.version}`);
      }
    }).immediate();
  }
  const applied = db
    .prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version')
    .all() as { version: number; name: string; sha256: string }[];
  for (const a of applied) {
    const m = MIGRATIONS.find((x) => x.version === a.version);
    if (m && hashOf(m.sql) !== a.sha256) {
      throw new StoreError(
        'CORRUPT',
        `Migration ${a.version} (${a.name}) differs from the one that created ${where}. A released migration was edited; restore it and add a new migration instead.`,
      );
    }
  }
}
