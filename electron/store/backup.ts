// Backups through SQLite's online backup API, which copies a consistent snapshot even while the
// history is in use (a file copy of a WAL database can capture half a transaction). Automatic
// backups run once a day on first use and keep the newest seven.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StoreError, translateSqliteError } from './errors';
import { inspectBackup, openBackup } from './backup-check';
import type { OpenBackup } from './backup-check';
import type { BackupContents } from './backup-check';
import { makePrivateFile, makePrivateFolder, reservePrivateFile } from './private-files';

export const BACKUP_FOLDER = 'backups';
export const BACKUPS_KEPT = 7;
const DAILY = /^returndesk-(\d{4}-\d{2}-\d{2})\.db$/;

/** A backup written where the user named (the command line's `backup --to FILE`). */
export async function backupTo(db: Db, destination: string): Promise<BackupFile> {
  const folder = dirname(destination);
  if (!existsSync(folder))
    throw new StoreError(
      'CANNOT_OPEN',
      `The backup cannot be written to ${destination}: the folder ${folder} does not exist. Choose a folder that does.`,
    );
  await db.backup(destination);
  // It holds what the history holds: private to its owner, wherever it was written (unless the
  // file was another user's, whose permissions are theirs to set).
  try {
    makePrivateFile(destination);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') throw e;
  }
  const s = statSync(destination);
  return {
    name: basename(destination),
    path: destination,
    createdAt: s.mtime.toISOString(),
    bytes: s.size,
  };
}

/**
 * Writes a backup to a partial file of its own (a random name: two backups at once, in one process
 * or in two, never share one), private from the start, and gives it its name last, so a backup
 * interrupted halfway never looks like a finished one. With `orNext`, a name already taken (two
 * backups in one second) becomes NAME-2.db, NAME-3.db, ...; without it, the backup is not needed
 * (another process made today's) and undefined is returned.
 */
async function writeBackup(
  db: Db,
  dir: string,
  base: string,
  orNext: boolean,
): Promise<string | undefined> {
  makePrivateFolder(dir);
  removeStalePartials(dir);
  const partial = join(dir, `${base}.${randomBytes(8).toString('hex')}.partial`);
  reservePrivateFile(partial);
  try {
    await db.backup(partial);
    // The copy carries the history's WAL mode; as a file at rest it needs none, and reading it in
    // WAL mode would leave -wal and -shm files beside it in the backups folder.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    makePrivateFile(partial);
    for (let n = 1; ; n++) {
      const target = join(dir, n === 1 ? `${base}.db` : `${base}-${n}.db`);
      if (claim(partial, target)) return target;
      if (!orNext) return undefined;
    }
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Gives the finished partial file the name TARGET unless that name is taken. A hard link fails
 * when the name exists, so two processes cannot both claim it; where links are not supported (a
 * FAT disk, some shares) a check and a rename do, with a race no worse than before.
 */
function claim(partial: string, target: string): boolean {
  try {
    linkSync(partial, target);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
  }
  if (existsSync(target)) return false;
  renameSync(partial, target);
  return true;
}

/** Makes today's backup if there is none yet, then prunes to the newest seven. */
export async function dailyBackup(
  db: Db,
  folder: string,
  today: string,
): Promise<string | undefined> {
  const dir = join(folder, BACKUP_FOLDER);
  if (existsSync(join(dir, `returndesk-${today}.db`))) return undefined;
  const target = await writeBackup(db, dir, `returndesk-${today}`, false);
  if (!target) return undefined;
  const daily = readdirSync(dir)
    .filter((f) => DAILY.test(f))
    .sort();
  for (const old of daily.slice(0, Math.max(0, daily.length - BACKUPS_KEPT)))
    rmSync(join(dir, old), { force: true });
  return target;
}

/** A backup interrupted by a crash leaves its .partial file; clear those an hour old or more. */
function removeStalePartials(dir: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.partial')) continue;
    try {
      if (statSync(join(dir, f)).mtimeMs < hourAgo) rmSync(join(dir, f), { force: true });
    } catch {
      // Another process may have just renamed or removed it: nothing to clear.
    }
  }
}

export interface BackupFile {
  name: string;
  path: string;
  createdAt: string;
  bytes: number;
}

/** The backups in the data folder, newest first. */
export function listBackups(folder: string): BackupFile[] {
  const dir = join(folder, BACKUP_FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.db'))
    .map((name) => {
      const s = statSync(join(dir, name));
      return { name, path: join(dir, name), createdAt: s.mtime.toISOString(), bytes: s.size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** A backup made on request, kept beside the daily ones (and never pruned with them). */
export async function manualBackup(
  db: Db,
  folder: string,
  now: Date,
  label = 'manual',
): Promise<BackupFile> {
  const dir = join(folder, BACKUP_FOLDER);
  const target = await writeBackup(db, dir, `returndesk-${label}-${stamp(now)}`, true);
  if (!target) throw new Error('unreachable: a manual backup always takes the next free name');
  const s = statSync(target);
  return { name: basename(target), path: target, createdAt: s.mtime.toISOString(), bytes: s.size };
}

/** The backup called NAME in the backups folder, or NOT_FOUND. */
function findBackup(folder: string, name: string): BackupFile {
  const found = listBackups(folder).find((b) => b.name === name);
  if (!found)
    throw new StoreError('NOT_FOUND', `There is no backup named ${name} in the backups folder.`);
  return found;
}

/** What the backup called NAME holds, read without changing it; refused if unfit to restore. */
export function describeBackup(folder: string, name: string): BackupFile & BackupContents {
  const b = findBackup(folder, name);
  return { ...b, ...inspectBackup(b.path, name) };
}

/**
 * Replaces the history with a backup, through SQLite's backup API. The history must be closed.
 * The backup is checked first (see backup-check.ts: a whole ReturnDesk history, no newer than
 * this version); the current history is itself backed up before it is replaced, and that safety
 * backup is kept.
 */
export async function restoreBackup(
  folder: string,
  livePath: string,
  name: string,
  now: Date,
): Promise<{ safetyBackup: string; contents: BackupContents }> {
  const source = findBackup(folder, name);
  const contents = inspectBackup(source.path, name);
  let backup: OpenBackup;
  try {
    backup = openBackup(source.path);
  } catch (e) {
    throw translateSqliteError(e, source.path);
  }
  try {
    const live = new Database(livePath);
    let safety: BackupFile;
    try {
      safety = await manualBackup(live, folder, now, 'before-restore');
    } finally {
      live.close();
    }
    await backup.db.backup(livePath);
    makePrivateFile(livePath);
    return { safetyBackup: safety.name, contents };
  } catch (e) {
    throw translateSqliteError(e, source.path);
  } finally {
    backup.close();
  }
}
