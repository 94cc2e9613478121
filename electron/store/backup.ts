// Backups through SQLite's online backup API, which copies a consistent snapshot even while the
// history is in use (a file copy of a WAL database can capture half a transaction). Automatic
// backups run once a day on first use and keep the newest seven.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StoreError, translateSqliteError } from './errors';

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
  const s = statSync(destination);
  return {
    name: basename(destination),
    path: destination,
    createdAt: s.mtime.toISOString(),
    bytes: s.size,
  };
}

/** Backups this process has started, to name each one's partial file apart. */
let partials = 0;

/** Makes today's backup if there is none yet, then prunes to the newest seven. */
export async function dailyBackup(
  db: Db,
  folder: string,
  today: string,
): Promise<string | undefined> {
  const dir = join(folder, BACKUP_FOLDER);
  const target = join(dir, `returndesk-${today}.db`);
  if (existsSync(target)) return undefined;
  mkdirSync(dir, { recursive: true });
  removeStalePartials(dir);
  // One partial file per backup: two commands starting at once, in two processes or in one (the
  // tests run the command line in theirs), must not write the same one.
  const partial = `${target}.${process.pid}.${++partials}.partial`;
  await db.backup(partial);
  // Rename last, so a backup interrupted halfway never looks like a finished one.
  renameSync(partial, target);
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
  mkdirSync(dir, { recursive: true });
  const name = `returndesk-${label}-${stamp(now)}.db`;
  const target = join(dir, name);
  const partial = `${target}.${process.pid}.partial`;
  await db.backup(partial);
  renameSync(partial, target);
  const s = statSync(target);
  return { name, path: target, createdAt: s.mtime.toISOString(), bytes: s.size };
}

/**
 * Replaces the history with a backup, through SQLite's backup API. The history must be closed.
 * The backup is checked first (a real, intact ReturnDesk history no newer than this version);
 * the current history is itself backed up before it is replaced.
 */
export async function restoreBackup(
  folder: string,
  livePath: string,
  name: string,
  now: Date,
  latestVersion: number,
): Promise<{ safetyBackup: string }> {
  const source = listBackups(folder).find((b) => b.name === name);
  if (!source)
    throw new StoreError('NOT_FOUND', `There is no backup named ${name} in the backups folder.`);
  let backup: Db;
  try {
    backup = new Database(source.path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw translateSqliteError(e, source.path);
  }
  try {
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new StoreError(
        'CORRUPT',
        `The backup ${name} is damaged (${String(check)}); choose another.`,
      );
    const version = backup.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion)
      throw new StoreError(
        'NEWER_DATABASE',
        `The backup ${name} was made by a newer ReturnDesk; it cannot be restored here.`,
      );
    const live = new Database(livePath);
    let safety: BackupFile;
    try {
      safety = await manualBackup(live, folder, now, 'before-restore');
    } finally {
      live.close();
    }
    await backup.backup(livePath);
    return { safetyBackup: safety.name };
  } catch (e) {
    throw translateSqliteError(e, source.path);
  } finally {
    backup.close();
  }
}
