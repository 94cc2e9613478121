import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RefusedError, UsageError, describeFileError } from './output';

/** Why an amendment file is never written over another of its name. */
const SEQUENCE_NEVER_REUSED =
  'A sequence number is never reused: build with the next --seq, or move the old file away if it was never sent.';

/**
 * Writes through a temporary name and renames, so a crash never leaves half a file; an existing
 * file with other content is never replaced (for an amendment file, because a sequence number is
 * never reused; WHAT_TO_DO says what the user can do instead).
 */
export async function writeOnce(
  path: string,
  bytes: Buffer,
  sha256: string,
  whatToDo = SEQUENCE_NEVER_REUSED,
): Promise<void> {
  try {
    const existing = await readFile(path);
    if (createHash('sha256').update(existing).digest('hex') === sha256) return;
    throw new RefusedError(`${path} already exists with other content. ${whatToDo}`);
  } catch (e) {
    if (e instanceof RefusedError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new UsageError(describeFileError(path, e));
  }
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new UsageError(describeFileError(path, e));
  }
}
