// The check worker for code run from the TypeScript sources (the tests, the benchmarks): the one the
// command line's build writes beside its bundle (dist/cli/; `npm ci`, `npm run build:cli` and every
// test run build it). The worker is thus loaded one way everywhere, as a built file, never through
// tsx. Never part of a bundle: the app and the command line start the worker beside them
// (bundled-worker.ts), and import.meta, used here, does not exist in the app's CommonJS bundle.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StartCheckWorker } from './check-protocol';
import { BUNDLED_WORKER_FILE } from './bundled-worker';

const BUILT = fileURLToPath(new URL(`../../dist/cli/${BUNDLED_WORKER_FILE}`, import.meta.url));

export const startBuiltWorker: StartCheckWorker = (input) => {
  if (!existsSync(BUILT))
    throw new Error('The data-portal check worker is not built; run npm run build:cli first.');
  return new Worker(BUILT, { workerData: input });
};
