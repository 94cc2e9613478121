// What the page can ask the extract worker, and what comes back. Only summaries and the rows on
// screen cross over; the extract itself stays in the worker.
import type { FileReport } from '../../../../shared/amd';
import type { TextEncodingName } from '../../../../shared/extract';
import type { FileChoices, PlannedFile, PreviewSpec } from '../engine/extract-session';

export interface LoadedExtract {
  header: string[];
  rows: number;
  encoding: TextEncodingName;
  delimiter: string;
  unevenRows: number[];
  unevenCount: number;
  /** The first few rows, so the column step can show examples without asking again. */
  sample: string[][];
}

export type PlanSummary =
  | { ok: true; plan: Omit<PlannedFile, 'records'>; records: number }
  | { ok: false; problems: string[] };

export type PreviewSummary =
  | { ok: false; problems: string[] }
  | {
      ok: true;
      name: string;
      /** About how many bytes the records take as files.finalise's JSON input. */
      payloadBytes: number;
      lineCount: number;
      report: FileReport;
      plan: Omit<PlannedFile, 'records'>;
    };

export type ExtractCalls = {
  load: { input: { file: Blob }; output: LoadedExtract };
  rows: { input: { indices: Uint32Array }; output: string[][] };
  search: { input: { query: string }; output: Uint32Array };
  plan: {
    input: { codes: string[]; choices: FileChoices; selected: Uint8Array };
    output: PlanSummary;
  };
  preview: {
    input: { codes: string[]; spec: PreviewSpec; selected: Uint8Array };
    output: PreviewSummary;
  };
  lines: { input: { from: number; to: number }; output: string[] };
  records: {
    input: { codes: string[]; choices: FileChoices; selected: Uint8Array };
    output: PlannedFile;
  };
};
