// Backups through SQLite's online backup API, which copies a consistent snapshot even while the
// history is in use (a file copy of a WAL database can capture half a transaction). Automatic
// backups run once a day on first use and keep the newest seven.
import type { Database as Db } from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const BACKUP_FOLDER = 'backups';
export const BACKUPS_KEPT = 7;
const DAILY = /^returndesk-(\d{4}-\d{2}-\d{2})\.db$/;

export async function backupTo(db: Db, destination: string): Promise<void> {
  await db.backup(destination);
}

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
  const partial = `${target}.partial`;
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
