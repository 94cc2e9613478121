// The worker thread that checks one data file (see check-protocol.ts). It runs as CommonJS in the
// bundles (the app's and the command line's) and under tsx's require hook (source-worker.ts), so
// neither it nor anything it imports may use top-level await or import.meta.
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { CsvChecker } from '../../shared/portal/csv-check';
import { PROGRESS_PASS } from './check-protocol';
import type {
  CheckWorkerInput,
  CheckWorkerPiece,
  CheckWorkerRead,
  CheckWorkerResult,
} from './check-protocol';
import { checkDataFile } from './stream-check';

/** The data file's bytes from the starting thread, one piece per request, from the start. */
function fromStartingThread(port: MessagePort): () => AsyncIterable<Uint8Array> {
  const ask = (read: CheckWorkerRead['read']) =>
    new Promise<CheckWorkerPiece>((resolve) => {
      port.once('message', resolve);
      port.postMessage({ read } satisfies CheckWorkerRead);
    });
  return async function* () {
    for (let answer = await ask('first'); 'piece' in answer; answer = await ask('next'))
      yield answer.piece;
  };
}

async function run(port: MessagePort, input: CheckWorkerInput): Promise<CheckWorkerResult> {
  const progress = new Int32Array(input.progress);
  try {
    const report = await checkDataFile(fromStartingThread(port), () => {
      progress[PROGRESS_PASS] = (progress[PROGRESS_PASS] ?? 0) + 1;
      return new CsvChecker(input.format, progress);
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
