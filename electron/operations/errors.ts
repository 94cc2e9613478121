// Every failure leaves main as an AppError with a stable code and a message a data officer can act
// on. Unexpected errors are logged for support (never with secrets) and reported generically.
import { ZodError } from 'zod';
import type { AppError, ErrorCode } from '../../shared/ipc/result';
import { StoreError } from '../store/errors';
import { VaultUnavailableError } from '../../shared/ports';
import { UploadError } from '../upload/upload-error';
import { NetworkError } from '../upload/transport';
import { OperationError } from './refusal';

const UPLOAD_CODES: Record<string, ErrorCode> = {
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  BAD_GROUP_KEY: 'BAD_GROUP_KEY',
  UNKNOWN_AREA: 'UNKNOWN_AREA',
  NOT_A_MEMBER: 'NOT_A_MEMBER',
  NO_PASSWORD: 'NO_PASSWORD',
  INTEGRITY: 'INTEGRITY',
  SERVER_ERROR: 'SERVER_ERROR',
  PROTOCOL: 'SERVER_ERROR',
  GAVE_UP: 'NETWORK',
  REFUSED: 'INVALID_STATE',
  UNKNOWN_REQUEST: 'NOT_FOUND',
};

export function toAppError(
  e: unknown,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): AppError {
  if (e instanceof ZodError) {
    return { code: 'INVALID_INPUT', message: e.issues.map((i) => i.message).join(' ') };
  }
  if (e instanceof StoreError) return { code: e.code, message: e.message };
  if (e instanceof OperationError) return { code: e.code, message: e.message };
  if (e instanceof VaultUnavailableError) return { code: 'VAULT_UNAVAILABLE', message: e.message };
  if (e instanceof UploadError)
    return { code: UPLOAD_CODES[e.code] ?? 'SERVER_ERROR', message: e.message };
  if (e instanceof NetworkError)
    return {
      code: e.problem === 'TLS_UNTRUSTED' ? 'TLS_UNTRUSTED' : 'NETWORK',
      message: e.message,
    };
  log(
    `[returndesk] unexpected error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
  );
  return {
    code: 'INTERNAL',
    message:
      'Something went wrong inside ReturnDesk and the action was not completed; nothing was changed. If it happens again, note what you did and contact support.',
  };
}
