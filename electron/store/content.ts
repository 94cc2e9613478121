// File contents by SHA-256: small files built by ReturnDesk live in the database (blobs); files
// uploaded from disk are copied into DATA/content/<sha256>, hashed while they are copied, so a
// large file is never held in memory and what was sent can always be shown later.
import { createHash, randomBytes } from 'node:crypto';
import {
  writeFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StoreContext } from './context';
import { inTransaction, read } from './context';
import { StoreError } from './errors';
import {
  PRIVATE_FILE,
  PRIVATE_READ_ONLY,
  makePrivateFile,
  makePrivateFolder,
} from './private-files';

/** A copy on its way in: `.incoming-<pid>-<random>`, the pid saying which process writes it. */
const INCOMING = /^\.incoming-(\d+)-/;
/** A copy in progress is written to continuously; one left alone this long is not in progress. */
const IDLE_MS = 60_000;
/** Past this a copy is stale whoever wrote it (its pid may since have been reused). */
const ABANDONED_MS = 24 * 3_600_000;

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

  /** Copies a stream (a file a door hands over as a source) into the history, hashing it. */
  async putStream(chunks: AsyncIterable<Uint8Array>): Promise<{ sha256: string; size: number }> {
    const tmp = this.incoming();
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
        createWriteStream(tmp, { flags: 'wx', mode: PRIVATE_FILE }),
      );
      return this.adopt(tmp, hash.digest('hex'), size);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  }

  /** Copies bytes the user handed over (a file chosen in the app) into the history. */
  async putBytes(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const tmp = this.incoming();
    writeFileSync(tmp, bytes, { flag: 'wx', mode: PRIVATE_FILE });
    return this.adopt(tmp, createHash('sha256').update(bytes).digest('hex'), bytes.length);
  }

  /** A fresh name for a copy on its way in (random: two copies in one millisecond stay apart). */
  private incoming(): string {
    makePrivateFolder(this.folder);
    return join(this.folder, `.incoming-${process.pid}-${randomBytes(8).toString('hex')}`);
  }

  /**
   * Removes copies left by a process killed while copying a file in. A copy is stale when the
   * process named in it is no longer running here and it has not been written to for a minute (a
   * history on a share may be in use from another computer, whose processes this one cannot
   * see), or when nothing has written to it for a day. Returns how many were removed.
   */
  removeStaleIncoming(now = Date.now()): number {
    let names: string[];
    try {
      names = readdirSync(this.folder).filter((f) => INCOMING.test(f));
    } catch {
      return 0; // no content folder yet
    }
    let removed = 0;
    for (const name of names) {
      const path = join(this.folder, name);
      try {
        const idle = now - statSync(path).mtimeMs;
        const pid = Number(INCOMING.exec(name)?.[1]);
        if (idle > ABANDONED_MS || (idle > IDLE_MS && !isRunning(pid))) {
          rmSync(path, { force: true });
          removed++;
        }
      } catch {
        // Adopted or removed by its own process meanwhile: nothing to clear.
      }
    }
    return removed;
  }

  /** Moves a fully written temporary file to its content address and records it. */
  private adopt(tmp: string, sha256: string, size: number): { sha256: string; size: number } {
    const target = join(this.folder, sha256);
    if (existsSync(target)) rmSync(tmp);
    else {
      renameSync(tmp, target);
      makePrivateFile(target, PRIVATE_READ_ONLY);
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

/** Whether a process with this id runs on this computer (signal 0 only asks). */
function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
