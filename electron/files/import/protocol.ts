// What passes between an operation and the import worker (worker.ts): the untrusted file the user
// chose (its path on this computer, or its bytes) and what reading it gave. Files read whole by the
// operations (action plan workbooks, request schedules, file-format specifications) are parsed in
// that worker, under a memory limit, so a crafted file can fail its import but never take the app
// or browser mode's server with it.
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { FileFormatResult } from '../../../shared/portal/file-format';
import type { ScheduleRow } from '../request-schedule';
import type { WorkbookPlan } from '../plan-workbook-read';

/** What each kind of import gives back. */
export interface ImportResults {
  'plan-workbook': WorkbookPlan;
  'request-schedule': { ok: true; rows: ScheduleRow[] } | { ok: false; problems: string[] };
  /** The specification's text (kept in the history as imported) and what it says. */
  'file-format': { text: string; spec: FileFormatResult };
}

export type ImportKind = keyof ImportResults;

export interface ImportWorkerInput {
  kind: ImportKind;
  fileName: string;
  /** Read by the worker itself (the command line's files). */
  path?: string;
  /** A copy of the bytes the user chose in the app. */
  bytes?: Uint8Array;
}

/**
 * The worker's one message. `refused` is a one-line reason the file cannot be imported (what is
 * wrong with it); anything else that failed carries its message and, for a file error, its code.
 */
export type ImportWorkerResult =
  | { ok: true; value: ImportResults[ImportKind] }
  | { ok: false; refused: string }
  | { ok: false; error: { message: string; code?: string } };

/**
 * A heap far above what the largest file under the limits needs, far below what would trouble
 * the computer: a file that needs more ends the worker, not the process.
 */
export const IMPORT_RESOURCE_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 32,
};

/**
 * Starts the worker thread, always a file esbuild built: beside the bundle of the app or of the
 * command line (bundled-worker.ts), or, for code run from the sources (tests, benchmarks), the
 * one beside the command line's bundle (built-worker.ts).
 */
export type StartImportWorker = (input: ImportWorkerInput, limits: ResourceLimits) => Worker;
