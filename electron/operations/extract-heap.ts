// How much memory the import worker may use for MIS extracts (files/import/protocol.ts),
// when a college's extracts need more than the default (or a test wants a crafted extract to
// exhaust it quickly): RETURNDESK_EXTRACT_HEAP_MB, read by each door and handed to the operations
// on their host. A value that is not a number of megabytes in range is refused, naming the range.
export const EXTRACT_HEAP_VARIABLE = 'RETURNDESK_EXTRACT_HEAP_MB';
const MIN_MB = 32;
const MAX_MB = 16384;

export class ExtractHeapError extends Error {}

/** The heap the environment asks for, in megabytes; undefined for the default. */
export function extractHeapFrom(
  env: Readonly<Record<string, string | undefined>>,
): number | undefined {
  const given = env[EXTRACT_HEAP_VARIABLE];
  if (given === undefined || given.trim() === '') return undefined;
  const mb = /^\s*\d{1,6}\s*$/.test(given) ? Number(given) : NaN;
  if (mb >= MIN_MB && mb <= MAX_MB) return mb;
  throw new ExtractHeapError(
    `${EXTRACT_HEAP_VARIABLE} must be a whole number of megabytes from ${MIN_MB} to ${MAX_MB}; unset it to use the default.`,
  );
}
