// File contents by SHA-256: small files built by ReturnDesk live in the database (blobs); files
// uploaded from disk are copied into DATA/content/<sha256>, hashed while they are copied, so a
// large file is never held in memory and what was sent can always be shown later.
import { createHash } from 'node:crypto';
import {
  writeFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  chmodSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';

export interface ContentSource {
  sha256: string;
  size: number;
  /** A fresh stream of the content from `offset`, for (resumed) uploads. */
  open(offset: number): Readable;
}

export class ContentStore {
  private readonly folder: string;

  constructor(
    private readonly ctx: StoreContext,
    dataFolder: string,
  ) {
    this.folder = join(dataFolder, 'content');
  }

  /** Copies a file from disk into the history, hashing it on the way. */
  putFile(path: string): Promise<{ sha256: string; size: number }> {
    return this.putStream(createReadStream(path));
  }

  /** Copies a file streamed from anywhere (a door's file source) into the history, hashing it. */
  async putStream(chunks: AsyncIterable<Uint8Array>): Promise<{ sha256: string; size: number }> {
    mkdirSync(this.folder, { recursive: true });
    const tmp = join(this.folder, `.incoming-${process.pid}-${Date.now()}`);
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        chunks,
        async function* (source: AsyncIterable<Uint8Array>) {
          for await (const chunk of source) {
            hash.update(chunk);
            size += chunk.byteLength;
            yield chunk;
          }
        },
        createWriteStream(tmp, { flags: 'wx' }),
      );
      return this.adopt(tmp, hash.digest('hex'), size);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  }

  /** Copies bytes the user handed over (a file chosen in the app) into the history. */
  async putBytes(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    mkdirSync(this.folder, { recursive: true });
    const tmp = join(this.folder, `.incoming-${process.pid}-${Date.now()}`);
    writeFileSync(tmp, bytes, { flag: 'wx' });
    return this.adopt(tmp, createHash('sha256').update(bytes).digest('hex'), bytes.length);
  }

  /** Moves a fully written temporary file to its content address and records it. */
  private adopt(tmp: string, sha256: string, size: number): { sha256: string; size: number } {
    const target = join(this.folder, sha256);
    if (existsSync(target)) rmSync(tmp);
    else {
      renameSync(tmp, target);
      chmodSync(target, 0o444);
    }
    inTransaction(this.ctx, () => {
      this.ctx.db
        .prepare(
          'INSERT INTO stored_content (sha256, size, stored_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
        )
        .run(sha256, size, this.ctx.now().toISOString());
    });
    return { sha256, size };
  }

  /** The content with this SHA-256, wherever it is kept. */
  source(sha256: string): ContentSource {
    const blob = read(
      this.ctx,
      () =>
        this.ctx.db.prepare('SELECT size FROM blobs WHERE sha256 = ?').get(sha256) as
          { size: number } | undefined,
    );
    if (blob) {
      return {
        sha256,
        size: blob.size,
        open: (offset) => {
          const { content } = this.ctx.db
            .prepare('SELECT content FROM blobs WHERE sha256 = ?')
            .get(sha256) as { content: Buffer };
          return Readable.from([content.subarray(offset)]);
        },
      };
    }
    const path = join(this.folder, sha256);
    const stored = read(
      this.ctx,
      () =>
        this.ctx.db.prepare('SELECT size FROM stored_content WHERE sha256 = ?').get(sha256) as
          { size: number } | undefined,
    );
    if (!stored || !existsSync(path) || statSync(path).size !== stored.size) {
      throw new StoreError(
        'CORRUPT',
        `The stored copy of file ${sha256} is missing or damaged in ${this.folder}.`,
      );
    }
    return {
      sha256,
      size: stored.size,
      open: (offset) => createReadStream(path, { start: offset, highWaterMark: 1 << 20 }),
    };
  }
}
