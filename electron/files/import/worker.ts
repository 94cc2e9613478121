// The worker thread that reads one untrusted file for an import (see protocol.ts). It runs as
// CommonJS, built beside the app's bundle and beside the command line's (which the tests start
// too: built-worker.ts), so neither it nor anything it imports may use top-level await or
// import.meta. Each kind's reader is loaded when a job of that kind comes, so a check of a small
// file does not wait for the workbook reader to load.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { AmendInputError } from '../../../shared/ilr-xml/amend-read';
import { bytesSource } from '../../../shared/ipc/source';
import type { FileSource } from '../../../shared/ipc/source';
import { WorkbookError } from '../workbook-error';
import { OperationError } from '../../operations/refusal';
import { decodeBytes } from '../text';
import type {
  ImportResults,
  ImportWorkerInput,
  ImportWorkerResult,
  JobOptions,
  WorkerFile,
} from './protocol';

/**
 * Schedules and specifications are a few kilobytes of CSV; they are read whole, so anything far
 * larger is refused before it is read.
 */
export const TEXT_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

class Refused extends Error {}

async function textOf(input: ImportWorkerInput, what: string): Promise<string> {
  const size = input.path !== undefined ? (await stat(input.path)).size : input.bytes?.byteLength;
  if (size !== undefined && size > TEXT_IMPORT_MAX_BYTES)
    throw new Refused(
      `${input.fileName} is ${Math.ceil(size / 1048576)} MB, far larger than any ${what} (at most ${TEXT_IMPORT_MAX_BYTES / 1048576} MB), and was not read.`,
    );
  const bytes = input.path !== undefined ? await readFile(input.path) : input.bytes;
  return decodeBytes(bytes ?? new Uint8Array()).text;
}

/** A file streamed by the checks: from its path, or over the bytes handed over. */
const streamed = (f: WorkerFile): string | FileSource =>
  f.path ?? bytesSource(f.fileName, f.bytes ?? new Uint8Array());

/** A file as an operation is handed one, streamed from its path or over the bytes handed over. */
function handed(f: WorkerFile): { fileName: string; source: FileSource } {
  const { fileName, path } = f;
  const source: FileSource =
    path === undefined
      ? bytesSource(fileName, f.bytes ?? new Uint8Array())
      : { fileName, size: null, path, open: () => createReadStream(path) };
  return { fileName, source };
}

async function read(input: ImportWorkerInput): Promise<ImportResults[typeof input.kind]> {
  switch (input.kind) {
    case 'plan-workbook': {
      const { readPlanWorkbook, readPlanWorkbookBytes } = await import('../plan-workbook-read');
      return input.path !== undefined
        ? readPlanWorkbook(input.path)
        : readPlanWorkbookBytes(input.bytes ?? new Uint8Array(), input.fileName);
    }
    case 'request-schedule': {
      const { readSchedule } = await import('../request-schedule');
      return readSchedule(await textOf(input, 'schedule of data requests'));
    }
    case 'file-format': {
      const { readFileFormat } = await import('../file-format');
      const text = await textOf(input, 'file-format specification');
      return { text, spec: readFileFormat(text) };
    }
    case 'check-file': {
      const { checkFile } = await import('../check-file');
      const job = input.job as JobOptions['check-file'];
      return checkFile(streamed(input), input.fileName, job);
    }
    case 'xml-amend': {
      const { amendXml } = await import('../amend-xml');
      const { returned, ...job } = input.job as JobOptions['xml-amend'];
      return amendXml(
        streamed(returned),
        streamed(input),
        { returned: returned.fileName, corrected: input.fileName },
        job,
      );
    }
    case 'compare': {
      const { comparePair, comparedView } = await import('../../operations/compare-pair');
      const { returned, ...pair } = input.job as JobOptions['compare'];
      return comparedView(
        await comparePair({ ...pair, returned: handed(returned), corrected: handed(input) }),
      );
    }
    case 'extract-file': {
      const { buildFromExtract } = await import('../../operations/file-parts');
      const { returned, target, ...request } = input.job as JobOptions['extract-file'];
      return buildFromExtract(
        { ...request, ...handed(input), ...(returned ? { returned: handed(returned) } : {}) },
        target,
      );
    }
  }
}

async function run(input: ImportWorkerInput): Promise<ImportWorkerResult> {
  try {
    return { ok: true, value: await read(input) };
  } catch (e) {
    if (e instanceof Refused || e instanceof WorkbookError || e instanceof AmendInputError)
      return { ok: false, refused: e.message };
    if (e instanceof OperationError) return { ok: false, refused: e.message, code: e.code };
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: code === undefined ? { message } : { message, code } };
  }
}

/** An amendment's bytes, moved to the caller rather than copied when they are a buffer whole. */
function transferOf(result: ImportWorkerResult): ArrayBuffer[] {
  if (!result.ok) return [];
  const { value } = result;
  const bytes = 'bytes' in value ? value.bytes : 'built' in value ? value.built.bytes : undefined;
  const whole =
    bytes !== undefined &&
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  return whole ? [bytes.buffer as ArrayBuffer] : [];
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as ImportWorkerInput).then((result) =>
    port.postMessage(result, transferOf(result)),
  );
}
