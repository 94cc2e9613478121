// What passes between an operation and the import worker (worker.ts): the untrusted file the user
// chose or received (its path on this computer, or its bytes) and what reading it gave. Files read
// whole by the operations (action plan workbooks, request schedules, file-format specifications)
// are parsed in that worker, under a memory limit, and so are the checks of amendment and ILR XML
// files and the XML amendment worked out from two files, so a crafted file can fail but never take
// the app or browser mode's server with it. So are the MIS extracts compared or built into an
// amendment file, which can be far larger than any of those and get a larger heap. What comes back is small and structured (a report's
// findings and counts) or bytes handed over whole.
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/ipc/result';
import type { FileReport } from '../../../shared/amd';
import type { AmendedXml, AmendXmlOptions } from '../amend-xml';
import type { CheckFileOptions } from '../check-file';
import type { FileFormatResult } from '../../../shared/portal/file-format';
import type { ScheduleRow } from '../request-schedule';
import type { ComparedExtracts } from '../../../shared/ipc/files';
import type { ExtractPair } from '../../operations/compare-pair';
import type { ExtractFile, ExtractFileRequest, FileTarget } from '../../operations/file-parts';
import type { WorkbookPlan } from '../plan-workbook-read';

/** What each kind of import gives back. */
export interface ImportResults {
  'plan-workbook': WorkbookPlan;
  'request-schedule': { ok: true; rows: ScheduleRow[] } | { ok: false; problems: string[] };
  /** The specification's text (kept in the history as imported) and what it says. */
  'file-format': { text: string; spec: FileFormatResult };
  /** The offline check of an .amd or ILR XML file (by its extension). */
  'check-file': FileReport;
  /** The amendment from the file as returned (`returned`) and the corrected one (the file). */
  'xml-amend': AmendedXml;
  /** The data as returned (`returned`) compared with the corrected extract (the file). */
  compare: ComparedExtracts;
  /** An amendment file built from the corrected extract (the file), against `returned` if given. */
  'extract-file': ExtractFile;
}

/** What each kind of job needs besides its file. */
export interface JobOptions {
  'check-file': CheckFileOptions;
  'xml-amend': AmendXmlOptions & { returned: WorkerFile };
  compare: Omit<ExtractPair, 'returned' | 'corrected'> & { returned: WorkerFile };
  'extract-file': Omit<ExtractFileRequest, 'fileName' | 'base64' | 'source' | 'returned'> & {
    returned?: WorkerFile;
    target: FileTarget;
  };
}

/** A file as the worker is handed it: read from its path, or its bytes handed over. */
export interface WorkerFile {
  fileName: string;
  /** Read by the worker itself (the command line's files, the history's copies). */
  path?: string;
  /** The bytes the user chose in the app, moved to the worker rather than copied where they can be. */
  bytes?: Uint8Array;
}

export type ImportKind = keyof ImportResults;

export interface ImportWorkerInput extends WorkerFile {
  kind: ImportKind;
  /** For the kinds in JobOptions, what that kind needs. */
  job?: JobOptions[keyof JobOptions];
}

/**
 * The worker's one message. `refused` is a one-line reason the file cannot be imported (what is
 * wrong with it); anything else that failed carries its message and, for a file error, its code.
 */
export type ImportWorkerResult =
  | { ok: true; value: ImportResults[ImportKind] }
  /** `code`: the operation's own refusal (a file that would not be valid), else INVALID_INPUT. */
  | { ok: false; refused: string; code?: ErrorCode }
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
 * MIS extracts have no size a college could not reach (every aim of every learner), and a file
 * built from one holds its records: a heap well above what the largest college's extracts need,
 * still one a crafted extract can exhaust without troubling the computer.
 */
export const EXTRACT_RESOURCE_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 1536,
  maxYoungGenerationSizeMb: 32,
};

/**
 * Starts the worker thread, always a file esbuild built: beside the bundle of the app or of the
 * command line (bundled-worker.ts), or, for code run from the sources (tests, benchmarks), the
 * one beside the command line's bundle (built-worker.ts).
 */
export type StartImportWorker = (
  input: ImportWorkerInput,
  limits: ResourceLimits,
  /** Buffers of `input` moved to the worker, not copied. */
  transferList?: ArrayBuffer[],
) => Worker;
