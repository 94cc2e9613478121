// The portal's side of a CSV file sent against a data request: the header must be the template's
// columns, in order, and every row must have one value per column. Written from the protocol alone
// and sharing no code with ReturnDesk, so a bug in ReturnDesk's own file check cannot hide itself here.
// Streamed record by record: a large return is checked in constant memory.
import { checkOther } from './amd-check';
import { LineTooLong, MAX_LINE_BYTES, Report, linesOf } from './check-support';
import type { VerificationMessage } from './state';

/**
 * Messages for a CSV file answering a request; an empty list means it passed. Without `columns` the
 * request only asks for a file that is not empty.
 */
export async function checkCsv(
  path: string,
  bytes: number,
  columns: readonly string[] | null,
): Promise<VerificationMessage[]> {
  if (bytes === 0 || columns === null) return checkOther(bytes);
  const report = new Report();
  let lineNo = 0;
  // A value in double quotes may hold a line break: the record then goes on over the next line.
  let record: string | null = null;
  let startsAt = 0;
  let quoteOpen = false;
  const check = (text: string, line: number) => {
    if (line === 1) checkHeader(text, columns, report);
    else if (text.trim() !== '') checkRow(text, line, columns.length, report);
  };
  try {
    for await (const line of linesOf(path, 'utf8')) {
      lineNo++;
      const text = lineNo === 1 ? line.replace(/^\uFEFF/, '') : line;
      if (record === null) {
        record = text;
        startsAt = lineNo;
      } else {
        record += `\n${text}`;
        if (record.length > MAX_LINE_BYTES) throw new LineTooLong();
      }
      // Counted line by line, not over the whole record, so a long record costs no more per line.
      if (oddQuotes(text)) quoteOpen = !quoteOpen;
      if (quoteOpen) continue;
      check(record, startsAt);
      record = null;
    }
    // A quote never closed: what there is is still checked, as one last record.
    if (record !== null) check(record, startsAt);
  } catch (e) {
    if (!(e instanceof LineTooLong)) throw e;
    const at = record === null ? lineNo + 1 : startsAt;
    report.add(
      'LINE_TOO_LONG',
      record === null
        ? `Line ${at} is longer than ${MAX_LINE_BYTES} bytes.`
        : `The record that starts on line ${at} runs on for more than ${MAX_LINE_BYTES} bytes; is a closing quote missing?`,
      at,
    );
  }
  return report.finish();
}

function checkHeader(text: string, columns: readonly string[], report: Report): void {
  const found = valuesOf(text);
  const same = found.length === columns.length && found.every((v, i) => v === columns[i]);
  if (!same) {
    report.add(
      'HEADER',
      `Line 1 should be the template's header "${columns.join(',')}"; it is "${found.join(',')}".`,
      1,
    );
  }
}

function checkRow(text: string, line: number, expected: number, report: Report): void {
  const count = valuesOf(text).length;
  if (count !== expected) {
    report.add(
      'COLUMN_COUNT',
      `Line ${line} has ${count} values, but the template has ${expected} columns.`,
      line,
    );
  }
}

/** Whether a line opens or closes a quoted value: every `""` inside one counts twice. */
function oddQuotes(text: string): boolean {
  let quotes = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) quotes++;
  return quotes % 2 === 1;
}

/** Values split at commas outside double quotes, trimmed, unquoted (`""` in quotes is one `"`). */
export function valuesOf(text: string): string[] {
  const raw: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      raw.push(text.slice(start, i));
      start = i + 1;
    }
  }
  raw.push(text.slice(start));
  return raw.map((v) => {
    const t = v.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"')
      ? t.slice(1, -1).replaceAll('""', '"')
      : t;
  });
}
