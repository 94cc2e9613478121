// What to do next, in plain English, for each thing that can go wrong: the receiver's
// verification codes (test/extranet/README.md) and the upload's own failures (AppError codes).

const ADVICE: Record<string, string> = {
  // The receiver's checks of an amendment file.
  HEADER:
    'The 12-line header is not as HEFCE’s guide sets out. Rebuild the file in ReturnDesk rather than editing it by hand, then upload the new file.',
  RECORD_COUNT:
    'Line 7 does not match the number of records. The file was probably changed after it was built (for example saved from Excel): rebuild it from the plan row and upload it again.',
  RECORD_FIELDS:
    'A record has a different number of values from the fields listed on line 12, often because a value contains a comma. Correct the extract, rebuild the file and upload it again.',
  CHECKSUM:
    'The checksum on line 9 does not match the records, or a checksum value is not a whole number. Rebuild the file so ReturnDesk works out the checksum, then upload it again.',
  LINE_TOO_LONG:
    'A line is far longer than any record should be: this is probably not an amendment file. Check that you chose the right file.',
  EMPTY: 'The file is empty. Choose the right file and upload it again.',
  // The upload itself.
  INTEGRITY:
    'The copy the server received was damaged on the way, so it does not count as sent. Upload the file again.',
  BAD_CREDENTIALS:
    'The extranet refused the user name or password. Check them in Settings (or type the password again), then retry.',
  NO_PASSWORD:
    'No password is stored for this destination. Give it when you confirm the upload, or store it in Settings.',
  BAD_GROUP_KEY:
    'The group key did not let you join the upload area. Type the right key below (for the FAMD General upload area (GUA) it is in HEFCE’s guide) and the upload retries.',
  NOT_A_MEMBER:
    'You are not a member of the upload area. Type the area’s group key below and the upload retries.',
  UNKNOWN_AREA:
    'The upload area was not found, or the batch is for a different area. Check the destination’s upload area in Settings and the batch’s area.',
  NETWORK:
    'The connection was lost. What was sent is kept: press Retry to continue from where it stopped.',
  TLS_UNTRUSTED:
    'The server’s certificate is not trusted. If your college uses its own certificate authority, add its CA file to the destination in Settings.',
  SERVER_ERROR:
    'The server had a problem. Wait a few minutes and press Retry; if it keeps happening, contact the receiver’s helpdesk.',
  INVALID_STATE:
    'Something changed since this screen was loaded (for example the batch’s sign-off). Check the batch, then try again.',
  VAULT_UNAVAILABLE:
    'This computer’s credential vault could not be used. Type the password when you confirm the upload.',
};

const FALLBACK =
  'Check the message above. If it is about the file, correct and rebuild it, then upload it again; otherwise press Retry.';

export function adviceFor(code: string): string {
  return ADVICE[code] ?? FALLBACK;
}

/** One line per distinct piece of advice, in the order the codes first appear. */
export function adviceForAll(codes: readonly string[]): string[] {
  return [...new Set(codes.map(adviceFor))];
}

const TITLE: Record<string, string> = {
  INTEGRITY: 'The copy the server received was damaged',
  BAD_CREDENTIALS: 'The extranet refused the user name or password',
  NO_PASSWORD: 'A password is needed',
  VAULT_UNAVAILABLE: 'A password is needed',
  BAD_GROUP_KEY: 'The group key was refused',
  NOT_A_MEMBER: 'You are not a member of the upload area',
  UNKNOWN_AREA: 'The upload area was not found',
  NETWORK: 'The connection was lost',
  TLS_UNTRUSTED: 'The server’s certificate is not trusted',
  SERVER_ERROR: 'The server had a problem',
};

/** A short heading for an upload that did not finish; the server's own message follows it. */
export function failureTitle(code: string): string {
  return TITLE[code] ?? 'The upload did not finish';
}

/** Failures that a fresh password would cure: ask for it again before retrying. */
export const needsPassword = (code: string): boolean =>
  code === 'NO_PASSWORD' || code === 'BAD_CREDENTIALS' || code === 'VAULT_UNAVAILABLE';
