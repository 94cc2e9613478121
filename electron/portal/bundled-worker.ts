// The check worker in the app: scripts/build-electron.mjs builds check-worker.ts into
// portal-check-worker.cjs beside main.cjs, and __dirname in the CommonJS bundle is that folder.
// (Electron reads worker files inside app.asar since version 18.) The command line and the tests
// use source-worker.ts instead.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StartCheckWorker } from './check-protocol';

export const BUNDLED_WORKER_FILE = 'portal-check-worker.cjs';

export const startBundledWorker: StartCheckWorker = (input) =>
  new Worker(join(__dirname, BUNDLED_WORKER_FILE), { workerData: input });
