// The checks of files a user chose or received, run where a crafted file can fail but never take
// the app with it: in the import worker (files/import), under its memory limit, for the app and
// browser mode's server; in the process itself only for the command line's `validate`
// (host.readsFilesInProcess). Whatever ends the worker becomes one sentence naming the file.
import type { CalendarDate, FileReport } from '../../shared/amd';
import type { FileSource } from '../../shared/ipc/source';
import { createReadStream } from 'node:fs';
import { checkFile } from '../files/check-file';
import type { CheckFileOptions } from '../files/check-file';
import { ImportRefused, importInWorker } from '../files/import/run';
import type { OperationHost } from './host';
import { OperationError } from './refusal';

/** A job in the worker, its refusal as the operation's own (INVALID_INPUT unless it said). */
export async function inWorker<T>(job: () => Promise<T>): Promise<T> {
  try {
    return await job();
  } catch (e) {
    if (e instanceof ImportRefused) throw new OperationError(e.code ?? 'INVALID_INPUT', e.message);
    throw e;
  }
}

/** The offline check of an .amd or ILR XML file (by its extension). */
export async function checkUntrusted(
  host: Pick<OperationHost, 'readsFilesInProcess'>,
  file: FileSource,
  o: CheckFileOptions,
): Promise<FileReport> {
  if (host.readsFilesInProcess) return checkFile(file, file.fileName, o);
  return inWorker(() => importInWorker('check-file', file, { job: o }));
}

/** The check of an ILR XML file's copy in the history (store/xml-intake.ts), read from its path. */
export function xmlCheckOf(
  host: Pick<OperationHost, 'readsFilesInProcess'>,
): (path: string, fileName: string, today?: CalendarDate) => Promise<FileReport> {
  return (path, fileName, today) =>
    checkUntrusted(
      host,
      { fileName, size: null, path, open: () => createReadStream(path) },
      { ...(today ? { today } : {}), format: 'xml' },
    );
}
