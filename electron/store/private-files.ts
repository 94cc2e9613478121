// Who may read the history. It holds learners' personal data, so on Linux and macOS the data folder
// and its subfolders are 0700 and every file in it 0600 (stored file contents 0400: they never
// change), set explicitly after creation so a permissive umask cannot widen them. SQLite creates
// the -wal, -shm and journal files with the database file's own mode, so they follow it.
// On Windows the data folder is under %LOCALAPPDATA%, whose ACL admits only the user (with SYSTEM
// and administrators); Node's chmod there can only toggle the read-only attribute, so nothing here
// issues a mode change on win32 and the inherited ACL stays as it is.
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PRIVATE_FOLDER = 0o700;
export const PRIVATE_FILE = 0o600;
/** Stored contents are immutable: readable by their owner only, writable by no one. */
export const PRIVATE_READ_ONLY = 0o400;

/** Modes are set only where the platform has them (not on Windows, see above). */
export function hasModes(platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32';
}

/** Group and others: the bits that must stay clear. */
const SHARED_BITS = 0o077;

/**
 * Creates FOLDER if need be, private to its owner. Missing parents are made as any program makes a
 * folder (the umask decides): they are the user's folders, not the history's, and may be shared.
 */
export function makePrivateFolder(folder: string, platform = process.platform): void {
  mkdirSync(dirname(folder), { recursive: true });
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER });
  if (hasModes(platform) && (statSync(folder).mode & 0o777) !== PRIVATE_FOLDER)
    chmodSync(folder, PRIVATE_FOLDER);
}

/** Sets a file ReturnDesk has just written to MODE (0600 unless said otherwise). */
export function makePrivateFile(
  path: string,
  mode = PRIVATE_FILE,
  platform = process.platform,
): void {
  if (hasModes(platform)) chmodSync(path, mode);
}

/**
 * Creates an empty file, private from the start, for SQLite to write into (a backup, the history):
 * SQLite would otherwise create it under the umask. False when it already exists.
 */
export function reservePrivateFile(path: string, platform = process.platform): boolean {
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  makePrivateFile(path, PRIVATE_FILE, platform);
  return true;
}

/** Narrows an existing file that others may read or write; leaves a private one alone. */
export function tightenFile(path: string, platform = process.platform): void {
  if (!hasModes(platform)) return;
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    return; // not there: nothing to narrow
  }
  if ((mode & SHARED_BITS) !== 0) chmodSync(path, mode & 0o700);
}

/**
 * Makes a data folder made by an earlier ReturnDesk (or by hand) private: when the folder itself
 * lets group or others in, it and everything in it are narrowed to the owner. Returns the warning
 * to show once (the next opening finds it private and says nothing), or undefined.
 */
export function tightenDataFolder(folder: string, platform = process.platform): string | undefined {
  if (!hasModes(platform)) return undefined;
  const mode = statSync(folder).mode & 0o777;
  if ((mode & SHARED_BITS) === 0) return undefined;
  const was = mode.toString(8).padStart(4, '0');
  try {
    narrowTree(folder);
  } catch (e) {
    return `The data folder ${folder} can be read by other users of this computer (mode ${was}) and could not be made private (${(e as NodeJS.ErrnoException).code ?? 'error'}). It holds learners' personal data: make it readable by you alone.`;
  }
  return `The data folder ${folder} could be read by other users of this computer (mode ${was}); it and its files are now private to you (0700 and 0600).`;
}

/**
 * What ReturnDesk keeps in a data folder: the history and its journal files, the backups, stored
 * copies and the app window's own profile. Only these are narrowed: a folder chosen with
 * --data-dir may hold the user's other files, which are not ReturnDesk's to change.
 */
const OWN = /^(returndesk\.db(-wal|-shm|-journal)?|backups|content|chromium)$/;

function narrowTree(folder: string, all = false): void {
  chmodSync(folder, PRIVATE_FOLDER);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!all && !OWN.test(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) narrowTree(path, true);
    else if (entry.isFile()) tightenFile(path);
  }
}
