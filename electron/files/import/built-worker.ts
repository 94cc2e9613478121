// The import worker for code run from the TypeScript sources (the tests, the benchmarks): the one
// the command line's build writes beside its bundle (dist/cli/), as for the data-portal check
// (electron/portal/built-worker.ts). Never part of a bundle: import.meta, used here, does not exist
// in the app's CommonJS bundle.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StartImportWorker } from './protocol';
import { BUNDLED_IMPORT_WORKER_FILE } from './bundled-worker';

const BUILT = fileURLToPath(
  new URL(`../../../dist/cli/${BUNDLED_IMPORT_WORKER_FILE}`, import.meta.url),
);

export const startBuiltImportWorker: StartImportWorker = (input, resourceLimits, transferList) => {
  if (!existsSync(BUILT))
    throw new Error('The import worker is not built; run npm run build:cli first.');
  return new Worker(BUILT, { workerData: input, resourceLimits, transferList });
};
