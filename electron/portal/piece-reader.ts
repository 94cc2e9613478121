// The starting thread's side of the check worker's reads (check-protocol.ts): the data file from its
// source, cut into pieces of at most 32 KiB, each copied into a buffer of its own so it can be
// transferred to the worker. A source that yields the whole file at once (bytes the user chose in
// the app) is cut the same way, so the worker never decodes more than a piece at a time.
import { createReadStream } from 'node:fs';
import type { FileSource } from '../../shared/ipc/source';

/** As streamText reads files (electron/files/text.ts): small chunks die young. */
const PIECE = 1 << 15;

export class PieceReader {
  private chunks: AsyncIterator<Uint8Array> | undefined;
  private rest: Uint8Array = new Uint8Array(0);

  constructor(private readonly open: () => AsyncIterable<Uint8Array>) {}

  /** The data file's first piece (opened again from the start), or its next; null at its end. */
  async read(which: 'first' | 'next'): Promise<Uint8Array<ArrayBuffer> | null> {
    if (which === 'first' || !this.chunks) {
      await this.close();
      this.chunks = this.open()[Symbol.asyncIterator]();
    }
    while (this.rest.byteLength === 0) {
      const next = await this.chunks.next();
      if (next.done) return null;
      this.rest = next.value;
    }
    // A copy (Buffer's slice would share the source's memory, which cannot be transferred).
    const piece = new Uint8Array(this.rest.subarray(0, PIECE));
    this.rest = this.rest.subarray(piece.byteLength);
    return piece;
  }

  /** Lets go of the source (its file handle), e.g. when the check ended before the file did. */
  async close(): Promise<void> {
    const chunks = this.chunks;
    this.chunks = undefined;
    this.rest = new Uint8Array(0);
    await chunks?.return?.();
  }
}

/** The reader of a source, or of a file on disk named by its path (tests, benchmarks). */
export function pieceReader(data: FileSource | string): PieceReader {
  return new PieceReader(
    typeof data === 'string'
      ? () => createReadStream(data, { highWaterMark: PIECE }) as AsyncIterable<Uint8Array>
      : () => data.open(),
  );
}
