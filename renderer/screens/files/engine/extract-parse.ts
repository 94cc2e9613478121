// Parses an MIS extract's text with papaparse, every value kept as text (dynamicTyping off is what
// keeps 00123 and 9.91E+12 exactly as the MIS wrote them). The text is fed in slices so the worker
// can report progress; the line break and separator are decided once, from the start of the text,
// rather than guessed again from each slice.
import Papa from 'papaparse';
import { ColumnStore } from './column-store';

export interface ParsedExtract {
  header: string[];
  store: ColumnStore;
  /** ',' normally; ';' or a tab from some locales' spreadsheet exports. */
  delimiter: string;
  /** Rows (numbered as in the file, the header being row 1) whose value count differs. */
  unevenRows: number[];
  unevenCount: number;
}

const SHOWN_UNEVEN = 5;

export function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const nl = text.indexOf('\n');
  if (nl > 0 && text.charCodeAt(nl - 1) === 13) return '\r\n';
  if (nl >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/** The separator the header row uses most: comma, semicolon or tab (commas when in doubt). */
export function detectDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t']) {
    const n = first.split(d).length - 1;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

export function parseExtractText(
  text: string,
  onProgress: (done: number, total: number) => void = () => undefined,
  chunkSize = 1 << 20,
): ParsedExtract {
  const delimiter = detectDelimiter(text);
  let header: string[] | undefined;
  let store: ColumnStore | undefined;
  let done = 0;
  // With a string and a chunk callback papaparse works through the text synchronously, a slice
  // at a time (its types only mention files for chunk; its StringStreamer does the same).
  Papa.parse<string[]>(text, {
    worker: false,
    delimiter,
    newline: detectNewline(text),
    dynamicTyping: false,
    skipEmptyLines: 'greedy',
    header: false,
    chunkSize,
    complete: () => undefined,
    chunk: (results: Papa.ParseResult<string[]>) => {
      let rows = results.data;
      if (!header) {
        const first = rows[0] ?? [];
        header = first;
        store = new ColumnStore(first.length);
        rows = rows.slice(1);
      }
      store?.append(rows);
      done = Math.min(text.length, done + chunkSize);
      onProgress(done, text.length);
    },
  });
  const finished = (store ?? new ColumnStore(0)).finish();
  const unevenRows = [...finished.uneven.keys()].slice(0, SHOWN_UNEVEN).map((r) => r + 2);
  return {
    header: header ?? [],
    store: finished,
    delimiter,
    unevenRows,
    unevenCount: finished.uneven.size,
  };
}
