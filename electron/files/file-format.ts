// The regulator's file-format CSV as text → the parsed specification (or the reasons it cannot be
// used). One reader for the command line, the app and the stored copies, so they never disagree.
import Papa from 'papaparse';
import { parseFileFormat } from '../../shared/portal/file-format';
import type { FileFormatResult } from '../../shared/portal/file-format';

export function readFileFormat(text: string): FileFormatResult {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: 'greedy',
  }).data;
  return parseFileFormat(rows);
}
