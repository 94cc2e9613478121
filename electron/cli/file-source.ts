// A file named on the command line, handed to an operation as a source it streams from disk: the
// command line never reads a large file into memory to pass it on.
import { constants, createReadStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { FileSource } from '../../shared/ipc/source';
import { UsageError, describeFileError } from './output';

export async function fileFromDisk(path: string): Promise<FileSource> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    // Found but not readable is said here, with the path, not halfway through an operation.
    await access(path, constants.R_OK);
    size = s.size;
  } catch (e) {
    throw new UsageError(describeFileError(path, e));
  }
  return {
    fileName: basename(path),
    path: resolve(path),
    size,
    open: () => createReadStream(path) as AsyncIterable<Uint8Array>,
  };
}

/** The contract's shape for a file: its name and its source. */
export async function fileInput(path: string): Promise<{ fileName: string; source: FileSource }> {
  const source = await fileFromDisk(path);
  return { fileName: source.fileName, source };
}
