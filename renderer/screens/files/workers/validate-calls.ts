// What the page can ask the validation worker: check one amendment file (chosen, dropped, or
// read from the history) and then show its lines.
import type { FileReport } from '../../../../shared/amd';
import type { TextEncodingName } from '../../../../shared/extract';

export interface CheckedFile {
  report: FileReport;
  lineCount: number;
  encoding: TextEncodingName | null;
}

export type ValidateCalls = {
  validate: {
    input: { name: string; file?: Blob; text?: string; year: string | null };
    output: CheckedFile;
  };
  lines: { input: { from: number; to: number }; output: string[] };
};
