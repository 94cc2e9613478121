// The report of a check stopped at a time limit, made in the thread that watches the worker: the
// findings the worker posted before the stop, the count of those past the listing cap, and the
// finding that says where and why it stopped. The worker is asked to stop before its next row; one
// stuck in an expression cannot hear it, and is terminated by the caller once this is settled.
import { setTimeout as delay } from 'node:timers/promises';
import {
  CSV_RULES,
  PROGRESS_COLUMN,
  PROGRESS_ROW,
  PROGRESS_STOP,
  notListed,
} from '../../shared/portal/csv-check';
import type { CsvFinding, CsvReport, CsvRule } from '../../shared/portal/csv-check';
import { PROGRESS_COUNTS, PROGRESS_PARKED, PROGRESS_SENT } from './check-protocol';

/** How long a worker that is not stuck may take to reach the end of the value it is testing. */
const GRACE_MS = 250;
/** How long messages already posted may take to arrive; they are queued, so this is ample. */
const DRAIN_MS = 2000;
const TICK_MS = 5;

export interface StoppedCheck {
  /** Stopped because one value is stuck: the worker will not reach a row boundary. */
  stuck: boolean;
  /** How many finding messages have arrived so far, and the findings they hold. */
  received: () => number;
  found: () => readonly CsvFinding[];
  /** The finding saying why it stopped, given the row and column (-1 between values) reached. */
  finding: (row: number, column: number) => CsvFinding | null;
}

async function until(done: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; !done() && waited < ms; waited += TICK_MS) await delay(TICK_MS);
}

export async function stoppedReport(progress: Int32Array, stop: StoppedCheck): Promise<CsvReport> {
  Atomics.store(progress, PROGRESS_STOP, 1);
  if (!stop.stuck) await until(() => Atomics.load(progress, PROGRESS_PARKED) === 1, GRACE_MS);
  await until(() => stop.received() >= Atomics.load(progress, PROGRESS_SENT), DRAIN_MS);
  const row = Atomics.load(progress, PROGRESS_ROW);
  const parked = Atomics.load(progress, PROGRESS_PARKED) === 1;
  const column = parked ? -1 : Atomics.load(progress, PROGRESS_COLUMN);
  const counts = new Map<CsvRule, number>(
    CSV_RULES.map((rule, i) => [rule, Atomics.load(progress, PROGRESS_COUNTS + i)]),
  );
  const last = stop.finding(row, column);
  return {
    valid: false,
    // Data rows read so far, one under test included (the header is row 1).
    rows: Math.max(0, row - 1),
    findings: [...stop.found(), ...notListed(counts), ...(last ? [last] : [])],
  };
}
