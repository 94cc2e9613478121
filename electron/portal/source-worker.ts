// The check worker from the TypeScript sources, for what runs them under vitest or tsx: the tests
// and the benchmarks. Never part of a bundle (the app's or the command line's, which start the
// worker built beside them: bundled-worker.ts), and tsx is only a development dependency.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StartCheckWorker } from './check-protocol';

const TSX_CJS_API = createRequire(import.meta.url).resolve('tsx/cjs/api');
const ENTRY = fileURLToPath(new URL('./check-worker.ts', import.meta.url));

/**
 * The starting thread's tsx does not reach a worker (Node 20 keeps loader hooks per thread, and a
 * worker given `--import tsx/esm` still refuses a .ts entry), so a small script registers tsx in
 * the worker first. tsx's require hook rather than its ESM loader: the ESM loader runs its hooks
 * on one more thread and took about 250 ms to start a check against about 110 ms for this. The
 * worker's modules therefore must not use import.meta or top-level await, as for the app's
 * CommonJS bundle.
 */
const BOOTSTRAP = `require(${JSON.stringify(TSX_CJS_API)}).register();
require(${JSON.stringify(ENTRY)});`;

export const startSourceWorker: StartCheckWorker = (input) =>
  new Worker(BOOTSTRAP, { eval: true, workerData: input });
