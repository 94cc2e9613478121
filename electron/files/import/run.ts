// Runs one import's reading in the import worker (worker.ts) and waits for what it gives, so that
// a crafted file fails there, never in the app's main process or browser mode's server. Whatever
// ends the worker (a refusal, an error, running out of its memory) becomes one ImportRefused
// sentence naming the file; the worker is always terminated before this settles.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { readAll } from '../../../shared/ipc/source';
import type { FileSource } from '../../../shared/ipc/source';
import { BUNDLED_IMPORT_WORKER_FILE, startBundledImportWorker } from './bundled-worker';
import { IMPORT_RESOURCE_LIMITS } from './protocol';
import type { ImportKind, ImportResults, ImportWorkerResult, StartImportWorker } from './protocol';

export class ImportRefused extends Error {}

export interface ImportOptions {
  /** Defaults to the worker built beside the bundle (the app's or the CLI's), else the source's. */
  start?: StartImportWorker;
  resourceLimits?: ResourceLimits;
}

const WHAT: Record<ImportKind, string> = {
  'plan-workbook': 'action plan',
  'request-schedule': 'schedule of data requests',
  'file-format': 'file-format specification',
};

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

export async function importInWorker<K extends ImportKind>(
  kind: K,
  file: FileSource,
  options: ImportOptions = {},
): Promise<ImportResults[K]> {
  const { fileName } = file;
  const start = options.start ?? (await defaultStart());
  // A file on disk is read by the worker itself; bytes the user chose in the app are copied over.
  const input =
    file.path !== undefined
      ? { kind, fileName, path: file.path }
      : { kind, fileName, bytes: await readAll(file) };
  const worker: Worker = start(input, options.resourceLimits ?? IMPORT_RESOURCE_LIMITS);
  const result = await new Promise<ImportWorkerResult | Error>((resolve) => {
    worker.once('message', (m: ImportWorkerResult) => resolve(m));
    worker.once('error', (e) => resolve(e));
    worker.once('exit', (code) => resolve(new Error(`exit code ${code}`)));
  });
  worker.removeAllListeners();
  // A late error from the terminating worker changes nothing: the outcome is decided.
  worker.on('error', () => {});
  await worker.terminate();
  if (result instanceof Error) {
    const code = (result as NodeJS.ErrnoException).code;
    throw new ImportRefused(
      code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `${fileName} needs more memory to read than any ${WHAT[kind]} would, and was not imported.`
        : `Reading ${fileName} stopped unexpectedly (${result.message.split('\n')[0]}); it was not imported.`,
    );
  }
  if (result.ok) return result.value as ImportResults[K];
  if ('refused' in result) throw new ImportRefused(result.refused);
  throw new ImportRefused(
    `${fileName} cannot be read (${result.error.code ?? result.error.message}); it was not imported.`,
  );
}
