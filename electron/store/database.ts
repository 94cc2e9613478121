// Opening the history: one SQLite file in the data folder, WAL (except on network shares),
// synchronous=FULL so a committed sequence number survives a power cut, foreign keys on, and a
// busy timeout so two windows wait for each other instead of failing.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError, translateSqliteError } from './errors';
import { isNetworkFolder } from './data-folder';
import { migrate, refuseNewerDatabase } from './migrate';
import {
  makePrivateFolder,
  reservePrivateFile,
  tightenDataFolder,
  tightenFile,
} from './private-files';

export const DATABASE_FILE = 'returndesk.db';
const SQLITE_MAGIC = 'SQLite format 3\0';
const BUSY_TIMEOUT_MS = 10_000;

export interface OpenedDatabase {
  db: Db;
  path: string;
  folder: string;
  /** Things the user should know about the folder, e.g. that WAL is off on a network share. */
  warnings: string[];
}

export interface OpenOptions {
  /** Skip migrations (for tests of migration itself). */
  migrate?: boolean;
}

export function openDatabase(folder: string, opts: OpenOptions = {}): OpenedDatabase {
  const path = join(folder, DATABASE_FILE);
  const warnings: string[] = [];
  try {
    // Before it is (perhaps) created private: a folder an earlier ReturnDesk made open to others.
    if (existsSync(folder)) {
      const tightened = tightenDataFolder(folder);
      if (tightened) warnings.push(tightened);
    }
    makePrivateFolder(folder);
  } catch (e) {
    throw new StoreError(
      'CANNOT_OPEN',
      `The data folder ${folder} cannot be created (${(e as NodeJS.ErrnoException).code ?? 'error'}). Choose another data folder.`,
    );
  }
  refuseForeignFile(path);
  // A new history starts as an empty private file (SQLite reads a 0-byte file as a new database and
  // gives its -wal and -shm files the same mode); an existing one, and its -wal and -shm, are
  // narrowed if an earlier ReturnDesk left them readable by others.
  try {
    if (!reservePrivateFile(path))
      for (const f of [path, `${path}-wal`, `${path}-shm`]) tightenFile(f);
  } catch {
    // Not ours to change (another user's file, a read-only folder): SQLite's own error follows.
  }
  const network = isNetworkFolder(folder);
  let db: Db | undefined;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // Before the journal mode is set: that writes to the file, and a newer history must stay as it was.
    refuseNewerDatabase(db, path);
    if (network) {
      warnings.push(
        `The data folder ${folder} is on a network share, where SQLite's write-ahead log is unsafe: the history is opened without it. A local folder is faster and safer.`,
      );
      db.pragma('journal_mode = DELETE');
    } else {
      db.pragma('journal_mode = WAL');
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (opts.migrate !== false) migrate(db, path);
    return { db, path, folder, warnings };
  } catch (e) {
    db?.close();
    throw translateSqliteError(e, path);
  }
}

/** A file that is not SQLite is reported and left alone: never opened, never overwritten. */
function refuseForeignFile(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return;
  }
  if (size === 0) return;
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') !== SQLITE_MAGIC) {
    throw new StoreError(
      'CORRUPT',
      `${path} is not a ReturnDesk history (not an SQLite database). It was left untouched; move it away or choose another data folder.`,
    );
  }
}
