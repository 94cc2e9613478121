// Errors cross the process boundary as data: Electron forwards only a thrown error's message, and
// the renderer must be able to tell "wrong password" from "disk full" by a stable code.

export type ErrorCode =
  | 'INVALID_INPUT'
  /** A file built or handed over breaks its format's rules; nothing was kept or written. */
  | 'INVALID_FILE'
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'CONFLICT'
  | 'NEWER_DATABASE'
  | 'CORRUPT'
  | 'LOCKED'
  | 'READ_ONLY'
  | 'DISK_FULL'
  | 'CANNOT_OPEN'
  | 'VAULT_UNAVAILABLE'
  | 'BAD_CREDENTIALS'
  | 'BAD_GROUP_KEY'
  | 'UNKNOWN_AREA'
  | 'NOT_A_MEMBER'
  | 'NO_PASSWORD'
  | 'NETWORK'
  | 'TLS_UNTRUSTED'
  | 'SERVER_ERROR'
  | 'INTEGRITY'
  | 'UNKNOWN_CHANNEL'
  | 'FORBIDDEN'
  | 'INTERNAL';

export interface AppError {
  code: ErrorCode;
  /** Plain English: what happened and what to do. Never a stack trace, never a secret. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
