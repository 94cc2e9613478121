// One table of exit codes, keyed by the operations' error codes, so a script sees the same code for
// the same kind of failure whichever command it ran: 1 when the request was understood and refused
// (or a file has errors), 2 when the input is wrong, cannot be found or read, or the history cannot
// be opened.
import type { ErrorCode } from '../../shared/ipc/result';
import { EXIT } from './output';

export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = {
  INVALID_INPUT: EXIT.usage,
  INVALID_FILE: EXIT.invalid,
  NOT_FOUND: EXIT.usage,
  INVALID_STATE: EXIT.invalid,
  CONFLICT: EXIT.invalid,
  NEWER_DATABASE: EXIT.usage,
  CORRUPT: EXIT.usage,
  LOCKED: EXIT.invalid,
  READ_ONLY: EXIT.invalid,
  DISK_FULL: EXIT.invalid,
  CANNOT_OPEN: EXIT.usage,
  VAULT_UNAVAILABLE: EXIT.invalid,
  BAD_CREDENTIALS: EXIT.invalid,
  BAD_GROUP_KEY: EXIT.invalid,
  UNKNOWN_AREA: EXIT.invalid,
  NOT_A_MEMBER: EXIT.invalid,
  NO_PASSWORD: EXIT.invalid,
  NETWORK: EXIT.invalid,
  TLS_UNTRUSTED: EXIT.invalid,
  SERVER_ERROR: EXIT.invalid,
  INTEGRITY: EXIT.invalid,
  UNKNOWN_CHANNEL: EXIT.usage,
  FORBIDDEN: EXIT.usage,
  INTERNAL: EXIT.usage,
};
