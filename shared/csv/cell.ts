// The one writer of a CSV cell, for every CSV the app or the command line writes: the CLI's
// validation report, the app's downloads of file and portal-check findings. Findings quote the
// officer's own data back, and a file from anywhere can hold a value Excel would run as a formula.

/**
 * A value Excel, LibreOffice or Sheets would read as a formula (or as a formula after trimming a
 * leading tab or carriage return) starts with one of these.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: a formula-like value is kept as text with a leading quote mark; quoted where needed. */
export function csvCell(value: string | number | null | undefined): string {
  const v = value === null || value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(v) ? `'${v}` : v;
  // Quoted also when defused (so the quote mark reads as part of the text) and for a number with
  // a leading zero, which should stay the code it is.
  const quoted = /[",\r\n]/.test(safe) || safe !== v || /^0\d*$/.test(v);
  return quoted ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows of cells as CSV text, CRLF-terminated as Excel writes it. */
export function csvText(
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
