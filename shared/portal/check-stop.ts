// The findings that end a check stopped at a time limit. Either limit ends the check: one value
// keeping its column's expression running too long (such an expression backtracks without bound
// on some values), or the whole check running too long (a slow expression on many rows, or a very
// large file). Either way the findings made before the stop are reported with these.
import type { CsvFinding } from './csv-check';
import type { ColumnSpec } from './file-format';

const seconds = (ms: number): string =>
  `${Number((ms / 1000).toFixed(3))} second${ms === 1000 ? '' : 's'}`;

/**
 * One value kept its column's expression running past the limit for a value. The format itself
 * needs correcting; the value may also be far from what the column expects.
 */
export function expressionTimeout(row: number, column: ColumnSpec, limitMs: number): CsvFinding {
  return {
    rule: 'CSV_EXPRESSION_TIMEOUT',
    severity: 'error',
    row,
    column: column.name,
    value: null,
    message: `Row ${row}, ${column.name}: the file format's expression ${column.pattern} takes too long on this value (more than ${seconds(limitMs)}), so the check stopped here; the rows after it were not checked. The format must be corrected: ask the regulator for a simpler expression. Also look at the value; it may be far longer than the column allows.`,
  };
}

/** Where the check was when its time limit for the whole file ran out. */
export type StopPoint =
  /** Testing a value: the row and the column whose expression was running. */
  | { row: number; column: ColumnSpec }
  /** Between rows: the last row checked (null before the first data row). */
  | { row: number | null; column: null };

/** The whole check ran past its time limit; it stopped where `at` says. */
export function checkTimeout(at: StopPoint, limitMs: number): CsvFinding {
  const limit = `the check stopped after ${seconds(limitMs)}, its time limit for the whole file`;
  const before = 'the findings listed before this one were made before it stopped';
  if (at.column) {
    const { row, column } = at;
    return {
      rule: 'CSV_CHECK_TIMEOUT',
      severity: 'error',
      row,
      column: column.name,
      value: null,
      message: `Row ${row}, ${column.name}: ${limit}, while testing this value against the file format's expression ${column.pattern}; rows from ${row} on were not checked, and ${before}. Allow the check more time, or ask the regulator for a simpler expression if this one is slow.`,
    };
  }
  const where = at.row === null ? 'before the first data row' : `after row ${at.row}`;
  return {
    rule: 'CSV_CHECK_TIMEOUT',
    severity: 'error',
    row: at.row,
    column: null,
    value: null,
    message: `${limit.charAt(0).toUpperCase()}${limit.slice(1)}, ${where}; the rows after it were not checked, and ${before}. Allow the check more time, or check the file in smaller parts.`,
  };
}
