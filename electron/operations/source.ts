// The file an operation was handed, as one FileSource whichever door it came through.
import type { FileBytes } from '../../shared/ipc/common';
import { bytesSource, readAll } from '../../shared/ipc/source';
import type { FileSource } from '../../shared/ipc/source';
import { StoreError } from '../store/errors';

export function sourceOf(f: FileBytes): FileSource {
  if (f.source !== undefined && f.base64 === undefined) return f.source;
  if (f.base64 !== undefined && f.source === undefined)
    return bytesSource(f.fileName, Buffer.from(f.base64, 'base64'));
  throw new StoreError('INVALID_INPUT', `Choose the file ${f.fileName} once.`);
}

/** The whole file, for formats read whole (workbooks, schedules, specifications). */
export async function bytesOf(f: FileBytes): Promise<Buffer> {
  const bytes = await readAll(sourceOf(f));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
