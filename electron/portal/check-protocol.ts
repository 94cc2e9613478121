// What the check worker and the thread that starts it say to each other. The worker runs the CSV
// check so that an expression that backtracks without bound freezes only the worker, which the
// starting thread's watchdog can then terminate (see check-csv.ts). The starting thread reads the
// data file from its source (a file on disk, bytes the user chose) and hands it over one piece
// at a time as the worker asks, so neither thread ever holds more than a piece of it.
import type { Worker } from 'node:worker_threads';
import { CSV_RULES, PROGRESS_SLOTS } from '../../shared/portal/csv-check';
import type { CsvFinding, CsvReport } from '../../shared/portal/csv-check';
import type { FileFormat } from '../../shared/portal/file-format';

/**
 * After the checker's own slots (PROGRESS_ROW, PROGRESS_COLUMN): how many times the worker has
 * started reading the file. A Windows-1252 file is read twice, from row 1 again, and the watchdog
 * must not take a row and column seen in the first pass for the same value in the second.
 */
export const PROGRESS_PASS = PROGRESS_SLOTS;
/**
 * How many CheckWorkerFinding messages the worker has posted, stored after each is posted: once the
 * starting thread has received that many, it holds every finding made so far.
 */
export const PROGRESS_SENT = PROGRESS_SLOTS + 1;
/** Set to 1 by a worker that stopped before a row when asked (PROGRESS_STOP): it will do no more. */
export const PROGRESS_PARKED = PROGRESS_SLOTS + 2;
/** From here, one slot per rule (CSV_RULES order): how many findings of it the current pass made. */
export const PROGRESS_COUNTS = PROGRESS_SLOTS + 3;
export const PROGRESS_LENGTH = PROGRESS_COUNTS + CSV_RULES.length;

export interface CheckWorkerInput {
  /** Cloned into the worker; RegExp survives structured cloning. */
  format: FileFormat;
  /** Int32Array(PROGRESS_LENGTH) shared with the watchdog. */
  progress: SharedArrayBuffer;
  /** The data file on disk, which the worker reads itself; else it asks for the bytes. */
  path?: string;
}

/** An error as data: a worker's thrown error would lose its `code` (ENOENT, EACCES) in transit. */
export interface CheckWorkerFailure {
  message: string;
  code?: string;
}

export type CheckWorkerResult =
  { ok: true; report: CsvReport } | { ok: false; error: CheckWorkerFailure };

/**
 * The worker asks for the data file's next piece, or for its first (to read it again from the
 * start, as Windows-1252 when it turned out not to be UTF-8). It asks again only once answered.
 */
export interface CheckWorkerRead {
  read: 'first' | 'next';
}

/** The answer to a read: the next piece of the file (its own buffer, transferred), or its end. */
export type CheckWorkerPiece = { piece: Uint8Array } | { end: true };

/**
 * Each finding as it is listed, so a check stopped at a time limit can report them; `restart` when
 * the file is read again from the start (as Windows-1252) and the findings so far no longer count.
 */
export type CheckWorkerFinding = { finding: CsvFinding } | { restart: true };

/** Everything the worker sends: reads and findings while it checks, then one result. */
export type CheckWorkerMessage = CheckWorkerRead | CheckWorkerFinding | CheckWorkerResult;

/**
 * Starts the worker thread, always a file esbuild built: beside the bundle of the app or of the
 * command line (bundled-worker.ts), or, for code run from the sources (tests, benchmarks), the
 * one beside the command line's bundle (built-worker.ts). Each is annotated with this type so they
 * cannot drift apart.
 */
export type StartCheckWorker = (input: CheckWorkerInput) => Worker;
