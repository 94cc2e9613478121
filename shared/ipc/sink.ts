// A place on this computer where an operation is to write a file the user named: `returndesk
// backup --to FILE`. Only the command line, in the same process as the operations, hands one over.
// The place is behind a function on purpose: a function survives neither IPC's structured clone
// nor JSON, so the app's window and a browser page (which never hand main a path) cannot pass one,
// and a compromised page cannot make main write anywhere. Pure: the door supplies the place.

export interface FileSink {
  /** The file's own name, for what the operation returns (never a path shown to the renderer). */
  readonly fileName: string;
  /** Where to write it; asked for by the operation when it writes. */
  path(): string;
}

export function isFileSink(v: unknown): v is FileSink {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as FileSink).fileName === 'string' &&
    typeof (v as FileSink).path === 'function'
  );
}
