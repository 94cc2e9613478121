// The worker thread that checks one data file (see check-protocol.ts). It runs as CommonJS, built
// beside the app's bundle and beside the command line's (which the tests and benchmarks start too:
// built-worker.ts), so neither it nor anything it imports may use top-level await or import.meta.
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { CSV_RULES, CsvChecker } from '../../shared/portal/csv-check';
import type { CheckListener, CsvRule } from '../../shared/portal/csv-check';
import { PROGRESS_COUNTS, PROGRESS_PARKED, PROGRESS_PASS, PROGRESS_SENT } from './check-protocol';
import type {
  CheckWorkerFinding,
  CheckWorkerInput,
  CheckWorkerPiece,
  CheckWorkerRead,
  CheckWorkerResult,
} from './check-protocol';
import { checkDataFile } from './stream-check';

/**
 * The data file's bytes from the starting thread, one piece per request, from the start. The next
 * piece is asked for as soon as one arrives, so the starting thread reads it while this one is
 * checked (one request in flight: the answers come back in the order asked).
 */
function fromStartingThread(port: MessagePort): () => AsyncIterable<Uint8Array> {
  // One listener and a queue: answers come in the order asked, and a request can still be in
  // flight when the file is started over (as Windows-1252), whose first piece must not be taken
  // for that earlier answer.
  const waiting: ((answer: CheckWorkerPiece) => void)[] = [];
  port.on('message', (answer: CheckWorkerPiece) => waiting.shift()?.(answer));
  const ask = (read: CheckWorkerRead['read']) =>
    new Promise<CheckWorkerPiece>((resolve) => {
      waiting.push(resolve);
      port.postMessage({ read } satisfies CheckWorkerRead);
    });
  return async function* () {
    let coming = ask('first');
    for (;;) {
      const answer = await coming;
      if (!('piece' in answer)) return;
      coming = ask('next');
      yield answer.piece;
    }
  };
}

/**
 * Tells the starting thread of each finding as it is made (see CheckWorkerFinding), and stops for
 * good when asked: the starting thread then reports what it was told and terminates this thread.
 */
function reporting(port: MessagePort, progress: Int32Array): CheckListener & { restart(): void } {
  let sent = 0;
  const post = (message: CheckWorkerFinding) => {
    port.postMessage(message);
    Atomics.store(progress, PROGRESS_SENT, ++sent);
  };
  const slot = new Map<CsvRule, number>(CSV_RULES.map((r, i) => [r, PROGRESS_COUNTS + i]));
  return {
    finding(rule, count, listed) {
      Atomics.store(progress, slot.get(rule) ?? PROGRESS_COUNTS, count);
      if (listed) post({ finding: listed });
    },
    stop() {
      Atomics.store(progress, PROGRESS_PARKED, 1);
      // Waits until terminated: nothing ever changes the slot back.
      for (;;) Atomics.wait(progress, PROGRESS_PARKED, 1);
    },
    restart() {
      for (const i of slot.values()) Atomics.store(progress, i, 0);
      post({ restart: true });
    },
  };
}

async function run(port: MessagePort, input: CheckWorkerInput): Promise<CheckWorkerResult> {
  const progress = new Int32Array(input.progress);
  const listener = reporting(port, progress);
  try {
    const report = await checkDataFile(input.path ?? fromStartingThread(port), () => {
      progress[PROGRESS_PASS] = (progress[PROGRESS_PASS] ?? 0) + 1;
      if ((progress[PROGRESS_PASS] ?? 0) > 1) listener.restart();
      return new CsvChecker(input.format, progress, listener);
    });
    return { ok: true, report };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: code === undefined ? { message } : { message, code } };
  }
}

if (parentPort) {
  const port = parentPort;
  void run(port, workerData as CheckWorkerInput).then((result) => port.postMessage(result));
}
