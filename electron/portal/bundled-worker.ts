// The check worker of a bundle: scripts/build-electron.mjs builds check-worker.ts into
// portal-check-worker.cjs beside the app's main.cjs, and scripts/build-cli.mjs beside the command
// line's cli.mjs. __dirname is that folder: in the app's CommonJS bundle by itself, in the command
// line's ESM bundle from the banner the build puts at the top of each file. (Electron reads worker
// files inside app.asar since version 18.) The tests and benchmarks, which run the TypeScript
// sources, start the command line's (built-worker.ts).
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StartCheckWorker } from './check-protocol';

export const BUNDLED_WORKER_FILE = 'portal-check-worker.cjs';

export const startBundledWorker: StartCheckWorker = (input) =>
  new Worker(join(__dirname, BUNDLED_WORKER_FILE), { workerData: input });
