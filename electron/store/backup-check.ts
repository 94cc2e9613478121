// What a backup holds, and whether it may replace the history. Anything in the backups folder
// named like a backup is read as a stranger's file until it proves to be a whole ReturnDesk
// history: an SQLite file that passes integrity_check, made by these very migrations (their
// SHA-256s recorded in schema_migrations), with every table they create.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { StoreError } from './errors';
import { hashOf } from './migrate';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

const SQLITE_MAGIC = 'SQLite format 3\0';

export interface BackupContents {
  /** The history version (migrations applied) it was made at. */
  version: number;
  providers: number;
  /** Action plans, every version of each. */
  plans: number;
  /** Amendment files and ILR XML files. */
  files: number;
  uploads: number;
  /** When its newest audit entry was written; null when it has none. */
  newestEntryAt: string | null;
  /** True when it holds the history's tables and nothing else: no provider, plan, file or entry. */
  empty: boolean;
}

/** Reads what the backup at PATH (called NAME to the user) holds, refusing one unfit to restore. */
export function inspectBackup(path: string, name: string): BackupContents {
  const refuse = (why: string) =>
    new StoreError('CORRUPT', `The backup ${name} ${why}; it cannot be restored. Choose another.`);
  const { size } = statSync(path);
  if (size === 0) throw refuse('is empty (0 bytes): it holds no history at all');
  if (readHead(path) !== SQLITE_MAGIC)
    throw refuse('is not a ReturnDesk backup (not an SQLite database)');
  let backup: OpenBackup;
  try {
    backup = openBackup(path);
  } catch {
    throw refuse('cannot be read as a database');
  }
  try {
    return contentsOf(backup.db, size, name, refuse);
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw refuse('is damaged (SQLite cannot read all of it)');
  } finally {
    backup.close();
  }
}

export interface OpenBackup {
  db: Db;
  close(): void;
}

/** What SQLite puts beside a database in WAL mode, even one opened only to read. */
const SIDE_FILES = ['-wal', '-shm'] as const;

/**
 * A backup opened to read. Backups made by earlier versions are in WAL mode, and SQLite makes a
 * -wal and a -shm file beside such a database even to read it: those it made for this reading
 * (an empty -wal, the -shm) are removed on closing, so reading a backup leaves the folder as it was.
 */
export function openBackup(path: string): OpenBackup {
  const before = SIDE_FILES.filter((s) => existsSync(path + s));
  const db = new Database(path, { readonly: true, fileMustExist: true });
  return {
    db,
    close() {
      db.close();
      for (const side of SIDE_FILES) {
        const file = path + side;
        if (before.includes(side) || !existsSync(file)) continue;
        if (side === '-wal' && statSync(file).size > 0) continue;
        rmSync(file, { force: true });
      }
    },
  };
}

function contentsOf(
  db: Db,
  size: number,
  name: string,
  refuse: (why: string) => StoreError,
): BackupContents {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  if (size < pages * pageSize) throw refuse('is cut short (smaller than its own header says)');
  const check = db.pragma('integrity_check', { simple: true });
  if (check !== 'ok') throw refuse(`is damaged (${String(check)})`);
  const tables = new Set(
    (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name),
  );
  if (tables.size === 0)
    throw refuse('is an empty database: it holds no history, not even its tables');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_VERSION)
    throw new StoreError(
      'NEWER_DATABASE',
      `The backup ${name} was made by a newer ReturnDesk (history version ${version}; this one understands up to ${LATEST_VERSION}); it cannot be restored here.`,
    );
  if (version === 0 || !tables.has('schema_migrations'))
    throw refuse('is not a ReturnDesk backup (an SQLite database without its tables)');
  checkMigrations(db, version, refuse);
  const missing = tablesMadeBy(version).filter((t) => !tables.has(t));
  if (missing.length > 0)
    throw refuse(`lacks tables every ReturnDesk history has (${missing.join(', ')})`);
  const count = (sql: string, table: string) =>
    tables.has(table) ? (db.prepare(sql).pluck().get() as number) : 0;
  const providers = count('SELECT count(*) FROM providers', 'providers');
  const plans = count('SELECT count(*) FROM action_plans', 'action_plans');
  const files =
    count('SELECT count(*) FROM amendment_files', 'amendment_files') +
    count('SELECT count(*) FROM xml_files', 'xml_files');
  const uploads = count('SELECT count(*) FROM uploads', 'uploads');
  const newestEntryAt = db
    .prepare('SELECT at FROM audit_log ORDER BY id DESC LIMIT 1')
    .pluck()
    .get() as string | undefined;
  return {
    version,
    providers,
    plans,
    files,
    uploads,
    newestEntryAt: newestEntryAt ?? null,
    empty: providers + plans + files + uploads === 0 && newestEntryAt === undefined,
  };
}

/** Migrations 1..VERSION, each recorded once with the name and SHA-256 of this ReturnDesk's own. */
function checkMigrations(db: Db, version: number, refuse: (why: string) => StoreError): void {
  const applied = db
    .prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version')
    .all() as { version: number; name: string; sha256: string }[];
  const expected = MIGRATIONS.filter((m) => m.version <= version);
  const differs = expected.find((m, i) => {
    const a = applied[i];
    return !a || a.version !== m.version || a.name !== m.name || a.sha256 !== hashOf(m.sql);
  });
  if (differs || applied.length !== expected.length)
    throw refuse(
      differs
        ? `was not made by this ReturnDesk's migrations (migration ${differs.version} differs or is missing)`
        : `was not made by this ReturnDesk's migrations (it records ${applied.length} for history version ${version})`,
    );
}

const tablesAt = new Map<number, string[]>();

/** The tables migrations 1..VERSION create, as an empty history in memory shows them. */
function tablesMadeBy(version: number): string[] {
  let tables = tablesAt.get(version);
  if (!tables) {
    const mem = new Database(':memory:');
    try {
      for (const m of MIGRATIONS.filter((x) => x.version <= version)) mem.exec(m.sql);
      tables = (
        mem.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]
      ).filter((t) => !t.startsWith('sqlite_'));
    } finally {
      mem.close();
    }
    tablesAt.set(version, tables);
  }
  return tables;
}

function readHead(path: string): string {
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1');
}
