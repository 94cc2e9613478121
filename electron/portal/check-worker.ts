// The worker thread that checks one data file (see check-protocol.ts). It runs as CommonJS in the
// bundles (the app's and the command line's) and under tsx's require hook (source-worker.ts), so
// neither it nor anything it imports may use top-level await or import.meta.
import { parentPort, workerData } from 'node:worker_threads';
import { CsvChecker } from '../../shared/portal/csv-check';
import { PROGRESS_PASS } from './check-protocol';
import type { CheckWorkerInput, CheckWorkerResult } from './check-protocol';
import { checkDataFile } from './stream-check';

async function run(input: CheckWorkerInput): Promise<CheckWorkerResult> {
  const progress = new Int32Array(input.progress);
  try {
    const report = await checkDataFile(input.dataPath, () => {
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
  void run(workerData as CheckWorkerInput).then((result) => port.postMessage(result));
}
