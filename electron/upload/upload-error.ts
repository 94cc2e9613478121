// An upload's failure with a stable code and a message that says what to do. In a file of its own
// so that what maps errors for every door (electron/operations/errors.ts) does not load the client.

export type UploadErrorCode =
  | 'BAD_CREDENTIALS'
  | 'BAD_GROUP_KEY'
  | 'UNKNOWN_AREA'
  | 'NOT_A_MEMBER'
  | 'NO_PASSWORD'
  | 'SERVER_ERROR'
  | 'PROTOCOL'
  | 'INTEGRITY'
  | 'GAVE_UP'
  /** The portal refused the action in its current state (not open, closed, pending). */
  | 'REFUSED'
  | 'UNKNOWN_REQUEST';

export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    message: string,
    readonly status?: number,
    /** For INTEGRITY: the server's SHA-256 of what it received, kept as evidence. */
    readonly serverSha256?: string | null,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}
