// The tus FileStore, plus the drop-after fault and the receipt's SHA-256. Bytes stay on disk only:
// the FileStore streams each PATCH body to the upload's file, and its offset is the file's size, so
// memory does not grow with the upload and a restart resumes from exactly what was stored.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';

/** What the wrapper around @tus/server knows about the request being handled. */
export interface TusRequestContext {
  user: string;
  method: string;
  socket: Socket;
  /** Set when the drop-after fault cut this request: the errors that follow are expected. */
  cut?: boolean;
  creation?: {
    areaId: string;
    fileName: string;
    clientSha256: string | null;
    /** The data request the upload answers, if any. */
    request: string | null;
    /** The client's audit head when it started the upload, kept as sent. */
    auditHead: { entry: number; seal: string } | null;
  };
}

// tus hands its hooks and the store a Web Request and an upload, not our Node request; the context
// travels alongside in async-local storage instead of in a map that concurrent requests could mix up.
export const tusContext = new AsyncLocalStorage<TusRequestContext>();

export class UploadStore extends FileStore {
  constructor(
    directory: string,
    private readonly dropAfter: number | undefined,
  ) {
    super({ directory });
    // The protocol is tus core + creation: say so in OPTIONS instead of FileStore's longer list.
    this.extensions = ['creation'];
  }

  override async write(
    readable: IncomingMessage | Readable,
    fileId: string,
    offset: number,
  ): Promise<number> {
    const ctx = tusContext.getStore();
    if (this.dropAfter === undefined || ctx?.method !== 'PATCH') {
      return super.write(readable, fileId, offset);
    }
    let cut = false;
    const limited = Readable.from(
      firstBytes(readable, this.dropAfter, () => (cut = true)),
      { objectMode: false },
    );
    // Store the bytes before the cut first, then cut: a cut while they are still in a write buffer
    // would lose them and the offset would never advance.
    const stored = await super.write(limited, fileId, offset);
    if (cut) {
      console.error(`[extranet] drop-after: cut PATCH ${fileId} at offset ${stored}`);
      ctx.cut = true;
      ctx.socket.destroy();
      // Also end tus's side of the body: left waiting for bytes that will never come, it would hold
      // the upload's lock and the next HEAD would wait for it.
      readable.destroy();
    }
    return stored;
  }
}

/** The first `limit` bytes of a body; leaves the rest unread (the connection is cut instead). */
async function* firstBytes(
  source: AsyncIterable<Buffer>,
  limit: number,
  onCut: () => void,
): AsyncGenerator<Buffer> {
  // Iterated by hand: a for-await loop would destroy the request on exit, and tus would answer
  // with an error response before the connection is cut.
  const it = source[Symbol.asyncIterator]();
  let seen = 0;
  for (;;) {
    const next = await it.next();
    if (next.done === true) return;
    const chunk = next.value;
    // A body of at most `limit` bytes is never cut: only more bytes than that trigger the fault.
    if (seen + chunk.length > limit) {
      if (limit > seen) yield chunk.subarray(0, limit - seen);
      onCut();
      return;
    }
    seen += chunk.length;
    yield chunk;
  }
}

/**
 * The corrupt fault: inverts the bits of the middle byte of a stored file, in place, the way a
 * damaged disk or a faulty proxy would. False for an empty file, which has no byte to damage.
 */
export async function flipOneByte(path: string): Promise<boolean> {
  const file = await open(path, 'r+');
  try {
    const { size } = await file.stat();
    if (size === 0) return false;
    const at = Math.floor(size / 2);
    const byte = Buffer.alloc(1);
    await file.read(byte, 0, 1, at);
    byte[0] = (byte[0] ?? 0) ^ 0xff;
    await file.write(byte, 0, 1, at);
    await file.sync();
    return true;
  } finally {
    await file.close();
  }
}

/** SHA-256 of a stored file, streamed: 1 GiB is hashed in the same memory as 1 KiB. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}
