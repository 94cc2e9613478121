// A file handed to an operation: its name and a way to read it. The command line streams it from
// disk in constant memory; the app and browser mode hand over bytes the user chose. Pure: the
// opener is whatever the door supplies.

export interface FileSource {
  /** The file's own name (never a path shown to the renderer). */
  readonly fileName: string;
  /** Size in bytes when known before reading. */
  readonly size: number | null;
  /** A fresh stream of the file's bytes each time it is called. */
  open(): AsyncIterable<Uint8Array>;
  /**
   * Where the file is on this computer, when the door that made the source opened it from disk
   * (the command line), so that a worker thread can read it there itself rather than be handed
   * it piece by piece. Never from the renderer: a source cannot cross IPC or HTTP.
   */
  readonly path?: string;
}

export function isFileSource(v: unknown): v is FileSource {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as FileSource).fileName === 'string' &&
    typeof (v as FileSource).open === 'function'
  );
}

/** A source over bytes already in memory. */
export function bytesSource(fileName: string, bytes: Uint8Array): FileSource {
  return {
    fileName,
    size: bytes.byteLength,
    async *open() {
      yield bytes;
    },
  };
}

/** The whole file in memory, for the formats that must be read whole (workbooks, schedules). */
export async function readAll(source: FileSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source.open()) {
    parts.push(chunk);
    total += chunk.byteLength;
  }
  if (parts.length === 1 && parts[0]) return parts[0];
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return all;
}
