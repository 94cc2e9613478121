// The import worker of a bundle: scripts/build-electron.mjs builds worker.ts into import-worker.cjs
// beside the app's main.cjs, and scripts/build-cli.mjs beside the command line's cli.mjs, exactly
// as the data-portal check worker (electron/portal/bundled-worker.ts, which says why __dirname).
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StartImportWorker } from './protocol';

export const BUNDLED_IMPORT_WORKER_FILE = 'import-worker.cjs';

export const startBundledImportWorker: StartImportWorker = (input, resourceLimits, transferList) =>
  new Worker(join(__dirname, BUNDLED_IMPORT_WORKER_FILE), {
    workerData: input,
    resourceLimits,
    transferList,
  });
