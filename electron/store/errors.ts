// Store failures as data with stable codes, each message saying what happened and what to do.
// SQLite's own codes never reach the user.
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';

export type StoreErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'INVALID_STATE'
  | 'CONFLICT'
  | 'NEWER_DATABASE'
  | 'CORRUPT'
  | 'LOCKED'
  | 'READ_ONLY'
  | 'DISK_FULL'
  | 'CANNOT_OPEN';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** SQLite reports a full disk as an I/O error when the shared-memory or journal file cannot grow. */
function diskIsFull(where: string): boolean {
  for (const path of [where, dirname(where)]) {
    try {
      const s = statfsSync(path);
      return Number(s.bavail) * Number(s.bsize) < 256 * 1024;
    } catch {
      // Not there (yet): try its folder.
    }
  }
  return false;
}

/** Maps a better-sqlite3 error to a StoreError a user can act on; passes others through. */
export function translateSqliteError(e: unknown, where: string): unknown {
  if (e instanceof StoreError) return e;
  const code = (e as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return e;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      'LOCKED',
      `The history in ${where} is busy: another ReturnDesk window or command is writing to it. Try again in a moment.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new StoreError(
      'READ_ONLY',
      `The history in ${where} cannot be written: the folder or file is read-only. Check its permissions or choose another data folder.`,
    );
  }
  if (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && diskIsFull(where))) {
    return new StoreError(
      'DISK_FULL',
      `The disk holding ${where} is full; nothing was saved. Free some space and try again.`,
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError(
      'CORRUPT',
      `${where} is not a ReturnDesk history or is damaged. It was left untouched; restore a backup (see the backups folder) or choose another data folder.`,
    );
  }
  if (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_PERM')
  ) {
    return new StoreError(
      'CANNOT_OPEN',
      `${where} cannot be opened or written (${code}). Check that the folder exists and you may write to it.`,
    );
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new StoreError(
      'CONFLICT',
      `The change conflicts with the history (${(e as Error).message}); nothing was saved.`,
    );
  }
  return e;
}
