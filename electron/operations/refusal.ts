// An operation's own refusal, with the contract's error code: for what is neither the store's,
// the vault's nor a transfer's to say (a file that would not be valid, a file chosen twice). Light
// on purpose: the operations that check files load it without the history.
import type { ErrorCode } from '../../shared/ipc/result';

export class OperationError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OperationError';
  }
}
