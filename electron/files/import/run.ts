// Runs one import's reading (or one check, one XML amendment) in the import worker (worker.ts) and
// waits for what it gives, so that a crafted file fails there, never in the app's main process or
// browser mode's server. Whatever
// ends the worker (a refusal, an error, running out of its memory) becomes one ImportRefused
// sentence naming the file; the worker is always terminated before this settles.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { readAll } from '../../../shared/ipc/source';
import type { FileSource } from '../../../shared/ipc/source';
import { BUNDLED_IMPORT_WORKER_FILE, startBundledImportWorker } from './bundled-worker';
import { EXTRACT_RESOURCE_LIMITS, IMPORT_RESOURCE_LIMITS } from './protocol';
import type { ErrorCode } from '../../../shared/ipc/result';
import type {
  ImportKind,
  ImportResults,
  ImportWorkerInput,
  ImportWorkerResult,
  JobOptions,
  StartImportWorker,
  WorkerFile,
} from './protocol';

export class ImportRefused extends Error {
  constructor(
    message: string,
    /** The operation's own refusal made in the worker (a file that would not be valid). */
    readonly code?: ErrorCode,
  ) {
    super(message);
  }
}

export interface ImportOptions<K extends ImportKind = ImportKind> {
  /** Defaults to the worker built beside the bundle (the app's or the CLI's), else the source's. */
  start?: StartImportWorker;
  resourceLimits?: ResourceLimits;
  /** What the kind needs besides its file (see JobOptions). */
  job?: K extends keyof JobOptions ? JobOptions[K] : never;
}

/** What a file of each kind is, and what did not happen to it, for the one sentence of a failure. */
const WHAT: Record<ImportKind, (fileName: string) => { what: string; not: string; and: string }> = {
  'plan-workbook': () => ({ what: 'action plan', ...was('imported') }),
  'request-schedule': () => ({ what: 'schedule of data requests', ...was('imported') }),
  'file-format': () => ({ what: 'file-format specification', ...was('imported') }),
  'check-file': (name) => ({
    what: /\.xml$/i.test(name) ? 'ILR XML file' : 'amendment file',
    ...was('checked'),
  }),
  'xml-amend': () => ({
    what: 'ILR XML file',
    not: 'no amendment was made',
    and: 'no amendment was made',
  }),
  compare: () => ({
    what: 'MIS extract',
    not: 'the extracts were not compared',
    and: 'and the extracts were not compared',
  }),
  'extract-file': () => ({
    what: 'MIS extract',
    not: 'no file was built',
    and: 'and no file was built',
  }),
};

/** The worker's heap for each kind (see protocol.ts). */
const LIMITS: Partial<Record<ImportKind, ResourceLimits>> = {
  compare: EXTRACT_RESOURCE_LIMITS,
  'extract-file': EXTRACT_RESOURCE_LIMITS,
};

function was(done: string) {
  return { not: `it was not ${done}`, and: `and was not ${done}` };
}

/** The worker beside this bundle, or the one built beside the command line's (built-worker.ts). */
async function defaultStart(): Promise<StartImportWorker> {
  if (typeof __dirname === 'string' && existsSync(join(__dirname, BUNDLED_IMPORT_WORKER_FILE)))
    return startBundledImportWorker;
  // Imported by a name esbuild does not follow, so it stays out of both bundles (see
  // electron/portal/check-csv.ts).
  const built: string = './built-worker.ts';
  return ((await import(built)) as { startBuiltImportWorker: StartImportWorker })
    .startBuiltImportWorker;
}

/**
 * A file for the worker: one on disk is read by the worker itself; bytes in memory are moved to it
 * (the caller's copy is then gone: a source is read once), or copied when they share a buffer
 * with other data (Node's small-buffer pool), which only small files do.
 */
export async function workerFile(file: FileSource, transfer: ArrayBuffer[]): Promise<WorkerFile> {
  const { fileName } = file;
  if (file.path !== undefined) return { fileName, path: file.path };
  let bytes = await readAll(file);
  const whole =
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  if (!whole) bytes = bytes.slice();
  transfer.push(bytes.buffer as ArrayBuffer);
  return { fileName, bytes };
}

export async function importInWorker<K extends ImportKind>(
  kind: K,
  file: FileSource,
  options: ImportOptions<K> = {},
): Promise<ImportResults[K]> {
  return runInWorker(kind, file, options, []);
}

/** As importInWorker, with buffers of `options.job` (its files' bytes) to move along. */
export async function runInWorker<K extends ImportKind>(
  kind: K,
  file: FileSource,
  options: ImportOptions<K>,
  transfer: ArrayBuffer[],
): Promise<ImportResults[K]> {
  const { fileName } = file;
  const start = options.start ?? (await defaultStart());
  const input: ImportWorkerInput = {
    kind,
    ...(await workerFile(file, transfer)),
    ...(options.job === undefined ? {} : { job: options.job }),
  };
  const worker: Worker = start(
    input,
    options.resourceLimits ?? LIMITS[kind] ?? IMPORT_RESOURCE_LIMITS,
    transfer,
  );
  const result = await new Promise<ImportWorkerResult | Error>((resolve) => {
    worker.once('message', (m: ImportWorkerResult) => resolve(m));
    worker.once('error', (e) => resolve(e));
    worker.once('exit', (code) => resolve(new Error(`exit code ${code}`)));
  });
  worker.removeAllListeners();
  // A late error from the terminating worker changes nothing: the outcome is decided.
  worker.on('error', () => {});
  await worker.terminate();
  const { what, not, and } = WHAT[kind](fileName);
  // Two files read together: either may be the one at fault.
  const returned = (options.job as { returned?: WorkerFile } | undefined)?.returned?.fileName;
  const subject = returned === undefined ? fileName : `${returned} or ${fileName}`;
  if (result instanceof Error) {
    const code = (result as NodeJS.ErrnoException).code;
    throw new ImportRefused(
      code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `${subject} needs more memory to read than any ${what} would, ${and}.`
        : `Reading ${subject} stopped unexpectedly (${result.message.split('\n')[0]}); ${not}.`,
    );
  }
  if (result.ok) return result.value as ImportResults[K];
  if ('refused' in result) throw new ImportRefused(result.refused, result.code);
  throw new ImportRefused(
    `${subject} cannot be read (${result.error.code ?? result.error.message}); ${not}.`,
  );
}
