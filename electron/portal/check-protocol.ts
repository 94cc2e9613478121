// What the check worker and the thread that starts it say to each other. The worker runs the CSV
// check so that an expression that backtracks without bound freezes only the worker, which the
// starting thread's watchdog can then terminate (see check-csv.ts).
import type { Worker } from 'node:worker_threads';
import { PROGRESS_SLOTS } from '../../shared/portal/csv-check';
import type { CsvReport } from '../../shared/portal/csv-check';
import type { FileFormat } from '../../shared/portal/file-format';

/**
 * After the checker's own slots (PROGRESS_ROW, PROGRESS_COLUMN): how many times the worker has
 * started reading the file. A Windows-1252 file is read twice, from row 1 again, and the watchdog
 * must not take a row and column seen in the first pass for the same value in the second.
 */
export const PROGRESS_PASS = PROGRESS_SLOTS;
export const PROGRESS_LENGTH = PROGRESS_SLOTS + 1;

export interface CheckWorkerInput {
  /** Cloned into the worker; RegExp survives structured cloning. */
  format: FileFormat;
  dataPath: string;
  /** Int32Array(PROGRESS_LENGTH) shared with the watchdog. */
  progress: SharedArrayBuffer;
}

/** An error as data: a worker's thrown error would lose its `code` (ENOENT, EACCES) in transit. */
export interface CheckWorkerFailure {
  message: string;
  code?: string;
}

export type CheckWorkerResult =
  { ok: true; report: CsvReport } | { ok: false; error: CheckWorkerFailure };

/**
 * Starts the worker thread. Where its code is differs by how the code runs: the TypeScript source
 * under vitest or tsx (tests, benchmarks: source-worker.ts) or the file esbuild built beside the
 * bundle of the app or of the command line (bundled-worker.ts). Each is annotated with this type so they cannot
 * drift apart.
 */
export type StartCheckWorker = (input: CheckWorkerInput) => Worker;
