// The bytes of a file the user chose, read in slices so the worker can show how far it has got.
// Which encoding they are in, and their text, is shared/extract's rule, the command line's too.
import type { ByteSource, TextEncodingName } from '../../../../shared/extract';

/** Plain words for the extract step: what was detected, and why it matters. */
export function describeEncoding(e: TextEncodingName): string {
  switch (e) {
    case 'UTF-8 with BOM':
      return 'UTF-8 (with a byte-order mark, as Excel writes it)';
    case 'UTF-8':
      return 'UTF-8';
    case 'UTF-16':
      return 'UTF-16 (Excel’s “Unicode text”)';
    case 'Windows-1252':
      return 'Windows-1252 (“ANSI”, as Excel and older MIS exports write it)';
  }
}

/** Reads a Blob in slices, reporting the bytes read so far. */
export async function readBlob(
  blob: Blob,
  onProgress: (done: number, total: number) => void,
  slice = 4 << 20,
): Promise<Uint8Array> {
  const out = new Uint8Array(blob.size);
  for (let at = 0; at < blob.size; at += slice) {
    const part = new Uint8Array(await blob.slice(at, at + slice).arrayBuffer());
    out.set(part, at);
    onProgress(Math.min(at + slice, blob.size), blob.size);
  }
  if (blob.size === 0) onProgress(0, 0);
  return out;
}

/** A Blob as a source shared/extract streams (and opens again to read as Windows-1252). */
export function blobSource(
  blob: Blob,
  onProgress: (done: number, total: number) => void,
  slice = 1 << 20,
): ByteSource {
  return async function* () {
    for (let at = 0; at < blob.size; at += slice) {
      yield new Uint8Array(await blob.slice(at, at + slice).arrayBuffer());
      onProgress(Math.min(at + slice, blob.size), blob.size);
    }
    if (blob.size === 0) onProgress(0, 0);
  };
}
