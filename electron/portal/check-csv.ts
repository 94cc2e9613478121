// A data CSV checked against the regulator's file format in a worker thread, watched from the
// calling thread. The format's expressions come from outside: one that backtracks without bound
// ((a|a)*, (\w|\d)+ on a long value) would freeze whichever thread runs it, and JavaScript cannot
// interrupt a running regular expression, only terminate the thread. So the check runs in a worker,
// the checker notes which value it is testing in shared memory and posts each finding as it makes
// it. Two limits end the check: the same value still under test after the limit for a value
// (CSV_EXPRESSION_TIMEOUT), or the whole check running past its own limit (CSV_CHECK_TIMEOUT).
// Either way the worker is terminated and the report holds the findings made before the stop,
// then the one saying where (row, column, expression) and why it stopped.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import {
  DEFAULT_CHECK_TIME_LIMIT_MS,
  DEFAULT_TIME_LIMIT_MS,
  PROGRESS_COLUMN,
  PROGRESS_ROW,
} from '../../shared/portal/csv-check';
import type { CsvFinding, CsvReport } from '../../shared/portal/csv-check';
import { checkTimeout, expressionTimeout } from '../../shared/portal/check-stop';
import type { FileFormat } from '../../shared/portal/file-format';
import { PROGRESS_LENGTH, PROGRESS_PASS } from './check-protocol';
import { stoppedReport } from './stop-check';
import type { CheckWorkerMessage, CheckWorkerPiece, StartCheckWorker } from './check-protocol';
import { BUNDLED_WORKER_FILE, startBundledWorker } from './bundled-worker';
import { pieceReader } from './piece-reader';
import type { FileSource } from '../../shared/ipc/source';

export interface CheckCsvOptions {
  /** How long one value may keep its column's expression running (DEFAULT_TIME_LIMIT_MS). */
  timeLimitMs?: number;
  /**
   * How long the whole check may run (DEFAULT_CHECK_TIME_LIMIT_MS). A value limit at or above it
   * is not watched separately: the whole check's limit comes first.
   */
  checkTimeLimitMs?: number;
  /** Defaults to the worker built beside the bundle (the app's or the CLI's), else the source. */
  start?: StartCheckWorker;
}

/** The worker beside this bundle, or the one built beside the command line's: see built-worker.ts. */
async function defaultStart(): Promise<StartCheckWorker> {
  if (typeof __dirname === 'string' && existsSync(join(__dirname, BUNDLED_WORKER_FILE)))
    return startBundledWorker;
  // built-worker.ts uses import.meta, which the app's CommonJS bundle cannot contain; imported by
  // a name esbuild does not follow, it stays out of both bundles (where the branch above is taken).
  const built: string = './built-worker.ts';
  return ((await import(built)) as { startBuiltWorker: StartCheckWorker }).startBuiltWorker;
}

/**
 * Checks the data file, streamed from its source (or read from disk, given its path), and always
 * terminates the worker before settling. Rejects with the error (with its `code`, e.g. ENOENT)
 * when the file cannot be read.
 */
export async function checkCsvFile(
  format: FileFormat,
  data: FileSource | string,
  options: CheckCsvOptions = {},
): Promise<CsvReport> {
  const limit = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const wholeLimit = options.checkTimeLimitMs ?? DEFAULT_CHECK_TIME_LIMIT_MS;
  const start = options.start ?? (await defaultStart());
  const progress = new Int32Array(new SharedArrayBuffer(PROGRESS_LENGTH * 4));
  progress[PROGRESS_COLUMN] = -1;
  return new Promise<CsvReport>((resolve, reject) => {
    let worker: Worker;
    try {
      // A file on disk is read by the worker itself: handing it over piece by piece costs time
      // and memory that a file the user chose in the app (bytes already here) has to pay.
      const path = typeof data === 'string' ? data : data.path;
      worker = start({ format, progress: progress.buffer as SharedArrayBuffer, path });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    const reader = pieceReader(data);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      clearTimeout(whole);
      void reader.close().catch(() => {});
      worker.removeAllListeners();
      // Swallow a late error event from the terminating worker: the outcome is already decided.
      worker.on('error', () => {});
      void worker.terminate().then(outcome, outcome);
    };
    // The findings the worker has posted in its current pass, and how many messages so far.
    let found: CsvFinding[] = [];
    let received = 0;
    let stopping = false;
    const stop = (stuck: boolean, finding: (row: number, column: number) => CsvFinding | null) => {
      if (stopping || settled) return;
      stopping = true;
      void stoppedReport(progress, {
        stuck,
        received: () => received,
        found: () => found,
        finding,
      }).then((report) => settle(() => resolve(report)));
    };
    const watchdog =
      limit < wholeLimit
        ? watch(progress, limit, (row, column) => {
            const spec = format.columns[column];
            if (spec) stop(true, () => expressionTimeout(row, spec, limit));
          })
        : undefined;
    const whole = setTimeout(
      () =>
        stop(false, (row, column) => {
          const spec = format.columns[column];
          if (spec) return checkTimeout({ row, column: spec }, wholeLimit);
          return checkTimeout({ row: row >= 2 ? row : null, column: null }, wholeLimit);
        }),
      wholeLimit,
    );
    // Reads one at a time, in the order asked: the worker asks for the next piece while it checks
    // one, and starts over from the first when the file turns out not to be UTF-8.
    let reading: Promise<unknown> = Promise.resolve();
    worker.on('message', (message: CheckWorkerMessage) => {
      if ('read' in message) {
        const which = message.read;
        reading = reading
          .then(() => reader.read(which))
          .then(
            (piece) => {
              if (settled) return;
              const answer: CheckWorkerPiece = piece ? { piece } : { end: true };
              worker.postMessage(answer, piece ? [piece.buffer] : []);
            },
            (e: unknown) => settle(() => reject(e instanceof Error ? e : new Error(String(e)))),
          );
        return;
      }
      if ('finding' in message || 'restart' in message) {
        received++;
        if ('finding' in message) found.push(message.finding);
        else found = [];
        return;
      }
      settle(() =>
        message.ok
          ? resolve(message.report)
          : reject(Object.assign(new Error(message.error.message), { code: message.error.code })),
      );
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the check stopped unexpectedly (exit code ${code})`))),
    );
  });
}

/**
 * Calls `stuck` once the same value (pass, row, column) has been under test for `limitMs`. Ticks
 * a few times per limit, so it fires between limitMs and limitMs plus a tick; a tick costs three
 * reads of shared memory.
 */
function watch(
  progress: Int32Array,
  limitMs: number,
  stuck: (row: number, column: number) => void,
): ReturnType<typeof setInterval> {
  let seen = '';
  let since = performance.now();
  const tick = Math.max(10, Math.min(250, limitMs / 5));
  return setInterval(() => {
    const column = Atomics.load(progress, PROGRESS_COLUMN);
    const row = Atomics.load(progress, PROGRESS_ROW);
    const key = `${Atomics.load(progress, PROGRESS_PASS)}:${row}:${column}`;
    const now = performance.now();
    if (column < 0 || key !== seen) {
      seen = key;
      since = now;
    } else if (now - since >= limitMs) stuck(row, column);
  }, tick);
}
