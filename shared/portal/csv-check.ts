// Checks a data CSV against the regulator's file format, row by row as the caller parses it, so a
// million rows are checked in constant memory. Findings name the row (the header is row 1), the
// column, the value, and say what is wrong and what to do, with a stable code.
import type { FileFormat } from './file-format';
import { plural } from '../history/wording';

export const CSV_RULES = [
  'CSV_HEADER',
  'CSV_COLUMN_COUNT',
  'CSV_VALUE_PATTERN',
  'CSV_NO_DATA',
  'CSV_ENCODING',
  'CSV_EXCEL_EXPONENT',
  'CSV_LEADING_ZEROS',
  'CSV_EXCEL_DATE',
  'CSV_EXPRESSION_TIMEOUT',
  'CSV_CHECK_TIMEOUT',
] as const;

export type CsvRule = (typeof CSV_RULES)[number];

export interface CsvFinding {
  rule: CsvRule;
  severity: 'error' | 'warning';
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export interface CsvReport {
  valid: boolean;
  rows: number;
  findings: CsvFinding[];
}

/** How long one value may keep its column's expression running: far beyond any sane expression. */
export const DEFAULT_TIME_LIMIT_MS = 5000;

/** How long the whole check may run before it stops and reports what it found so far. */
export const DEFAULT_CHECK_TIME_LIMIT_MS = 60_000;

/** Past this many findings of one rule the rest are counted, not listed. */
export const CSV_FINDINGS_PER_RULE = 1000;

/**
 * Where the checker says which value it is testing, in an Int32Array that may sit on a
 * SharedArrayBuffer: a watchdog in another thread reads it to tell an expression stuck on one value
 * (the same row and column for too long) from a check that is merely long. The column is -1 between
 * rows, so time spent reading and parsing the file is never blamed on an expression. The watchdog
 * sets PROGRESS_STOP to ask the checker to stop before its next row (see CheckListener.stop).
 */
export const PROGRESS_ROW = 0;
export const PROGRESS_COLUMN = 1;
export const PROGRESS_STOP = 2;
export const PROGRESS_SLOTS = 3;

/**
 * What a watched checker tells its watcher as it goes, so that a check stopped at a time limit can
 * still report the findings made before it.
 */
export interface CheckListener {
  /** Every finding as it is made: `count` of its rule so far, `listed` when within the cap. */
  finding(rule: CsvRule, count: number, listed: CsvFinding | null): void;
  /** Asked to stop (PROGRESS_STOP set): returns only if the checker should go on. */
  stop(): void;
}

const EXPONENT = /^[+-]?\d+(?:\.\d+)?[eE][+-]\d+$/;
const SLASH_DATE = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;

export class CsvChecker {
  private readonly findings: CsvFinding[] = [];
  private readonly counts = new Map<CsvRule, number>();
  private dataRows = 0;
  private sawHeader = false;

  /** `progress` (see PROGRESS_ROW) defaults to a private array nobody watches. */
  constructor(
    private readonly format: FileFormat,
    private readonly progress: Int32Array = new Int32Array(PROGRESS_SLOTS),
    private readonly listener?: CheckListener,
  ) {}

  /** The decoder could not read the bytes as the expected text. */
  encoding(message: string): void {
    this.add(
      'CSV_ENCODING',
      'error',
      null,
      null,
      null,
      `${message} Save the file as CSV UTF-8 and upload it again.`,
    );
  }

  /** Each parsed row in order; the first is the header. */
  row(values: readonly string[]): void {
    if (!this.sawHeader) {
      this.sawHeader = true;
      this.header(values);
      return;
    }
    const progress = this.progress;
    if (progress[PROGRESS_STOP] !== 0) this.listener?.stop();
    this.dataRows++;
    const n = this.dataRows + 1;
    const cols = this.format.columns;
    // Plain stores, not Atomics.store: the watchdog needs to see them within seconds, not in order,
    // and each is a real store since a regex call follows it. Atomics.store (a fence each) added
    // about 40% to this loop's own time, plain stores about 4%.
    progress[PROGRESS_ROW] = n;
    if (values.length !== cols.length) {
      this.add(
        'CSV_COLUMN_COUNT',
        'error',
        n,
        null,
        null,
        `Row ${n} has ${values.length} values but the file format has ${cols.length} columns. Check for a comma inside a value that is not in quotes, or a missing value.`,
      );
      return;
    }
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i];
      const v = values[i] ?? '';
      progress[PROGRESS_COLUMN] = i;
      if (!c || c.regex.test(v)) continue;
      this.explain(n, c.name, c.pattern, c.regex, v);
    }
    progress[PROGRESS_COLUMN] = -1;
  }

  end(): CsvReport {
    if (!this.sawHeader || this.dataRows === 0) {
      this.add(
        'CSV_NO_DATA',
        'error',
        null,
        null,
        null,
        this.sawHeader
          ? 'The file has a header row but no data. If there is nothing to report, use "No data to submit" instead of uploading.'
          : 'The file is empty. Export the data again, or use "No data to submit" if there is nothing to report.',
      );
    }
    const listed = [...this.findings, ...notListed(this.counts)];
    return {
      valid: !listed.some((f) => f.severity === 'error'),
      rows: this.dataRows,
      findings: listed,
    };
  }

  private header(values: readonly string[]): void {
    const expected = this.format.columns.map((c) => c.name);
    const got = values.map((v, i) => (i === 0 ? v.replace(/^\uFEFF/, '') : v).trim());
    if (
      got.length === expected.length &&
      got.every((g, i) => g.toLowerCase() === (expected[i] ?? '').toLowerCase())
    )
      return;
    const missing = expected.filter((e) => !got.some((g) => g.toLowerCase() === e.toLowerCase()));
    const extra = got.filter((g) => !expected.some((e) => e.toLowerCase() === g.toLowerCase()));
    const why =
      missing.length || extra.length
        ? `${missing.length ? `missing ${missing.join(', ')}` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `not in the format: ${extra.join(', ')}` : ''}`
        : 'the same names in another order';
    this.add(
      'CSV_HEADER',
      'error',
      1,
      null,
      got.join(','),
      `The header row does not match the file format (${why}). It must be exactly: ${expected.join(', ')}. Start from the regulator's template.`,
    );
  }

  /** Says why a value fails its column's expression, naming Excel's damage where it is the cause. */
  private explain(row: number, column: string, pattern: string, regex: RegExp, v: string): void {
    const zeros = zerosToMatch(v, regex);
    if (EXPONENT.test(v)) {
      this.add(
        'CSV_EXCEL_EXPONENT',
        'error',
        row,
        column,
        v,
        `Row ${row}, ${column}: '${v}' is in Excel's exponent form, so digits are lost. Take the value again from the source system and save the CSV without opening it in Excel.`,
      );
    } else if (lostLeadingZeros(v, zeros)) {
      this.add(
        'CSV_LEADING_ZEROS',
        'error',
        row,
        column,
        v,
        `Row ${row}, ${column}: '${v}' has lost its leading zeros (the format expects ${pattern}). Excel removes them; format the column as text or edit the CSV in a text editor.`,
      );
    } else if (SLASH_DATE.test(v)) {
      this.add(
        'CSV_EXCEL_DATE',
        'error',
        row,
        column,
        v,
        `Row ${row}, ${column}: '${v}' looks like a date rewritten by a spreadsheet; the format expects ${pattern}. Write it as the format says${dateExample(regex)}.`,
      );
    } else {
      this.add(
        'CSV_VALUE_PATTERN',
        'error',
        row,
        column,
        v,
        zeros > 0
          ? `Row ${row}, ${column}: '${v}' has ${plural(v.length, 'digit')}; the format's rule ${pattern} needs more. Write the value in full, as the column's description says.`
          : `Row ${row}, ${column}: '${v}' does not match the format's rule ${pattern}. Check the value against the column's description.`,
      );
    }
  }

  private add(
    rule: CsvRule,
    severity: 'error' | 'warning',
    row: number | null,
    column: string | null,
    value: string | null,
    message: string,
  ): void {
    const n = (this.counts.get(rule) ?? 0) + 1;
    this.counts.set(rule, n);
    const finding =
      n <= CSV_FINDINGS_PER_RULE ? { rule, severity, row, column, value, message } : null;
    if (finding) this.findings.push(finding);
    this.listener?.finding(rule, n, finding);
  }
}

/** 30 June 2019 in the ways formats write dates, the usual first. */
const EXAMPLE_DATES = [
  '2019-06-30',
  '30/06/2019',
  '20190630',
  '30-06-2019',
  '30.06.2019',
  '2019/06/30',
  '30/06/19',
  '06/30/2019',
  '30-Jun-2019',
  '30 Jun 2019',
  '30-JUN-2019',
];

/**
 * An example date written as the column's own expression asks (", e.g. 30/06/2019" for
 * dd/mm/yyyy), or nothing when none of the usual forms matches it: an example that broke the
 * format's rule would mislead.
 */
function dateExample(regex: RegExp): string {
  const example = EXAMPLE_DATES.find((d) => regex.test(d));
  return example === undefined ? '' : `, e.g. ${example}`;
}

/**
 * The fewest zeros (1 to 4) that, put in front of an all-digit value, make it match; 0 when none do
 * (or the value is not all digits).
 */
function zerosToMatch(v: string, regex: RegExp): number {
  if (!/^\d+$/.test(v)) return 0;
  return [1, 2, 3, 4].find((k) => regex.test('0'.repeat(k) + v)) ?? 0;
}

/**
 * CSV_LEADING_ZEROS: the value is a code a spreadsheet stored as a number, so its leading zeros
 * went (a QAN 00600123 saved as 600123). That the expression needs more digits than the value has
 * is not enough: a Year of 19 against ^\d{4}$ would match as 0019, yet no year is written 0019,
 * and a 0 (Ofqual's published guidance asks for a line of zeros where there is no data) would
 * match as 0000. The shape of the value decides, as nothing else is known about the column: a code
 * keeps most of its digits, so the zeros it lost are fewer than the digits left (600123 needs 2
 * for ^\d{8}$), and a value that is all zeros has lost nothing a zero could restore. A value that
 * would need as many zeros as it has digits, or more, is more likely written short (19 for 2019)
 * than stripped: it gets CSV_VALUE_PATTERN saying the rule needs more digits, without the claim.
 * Only the explanation differs: the value fails the format's expression either way, so both are
 * errors.
 */
function lostLeadingZeros(v: string, zeros: number): boolean {
  return zeros > 0 && zeros < v.length && /[1-9]/.test(v);
}

/** One finding per rule that has more findings than are listed, saying how many more. */
export function notListed(counts: ReadonlyMap<CsvRule, number>): CsvFinding[] {
  return [...counts]
    .filter(([, n]) => n > CSV_FINDINGS_PER_RULE)
    .map(([rule, n]) => ({
      rule,
      severity: 'error',
      row: null,
      column: null,
      value: null,
      message: `${n - CSV_FINDINGS_PER_RULE} more ${rule} findings are not listed (the first ${CSV_FINDINGS_PER_RULE} are).`,
    }));
}
