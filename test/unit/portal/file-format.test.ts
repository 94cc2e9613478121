import { describe, expect, it } from 'vitest';
import { parseFileFormat } from '../../../shared/portal/file-format';
import type { FileFormat } from '../../../shared/portal/file-format';
import { CsvChecker } from '../../../shared/portal/csv-check';

/** Shaped like Ofqual's published "Specification codes" file format (more columns than needed). */
const SPEC = [
  ['Name', 'Description', 'Position', 'Validation Regular Expression', 'Validation Description'],
  ['Year', 'Year of the award', '1', '^\\d{4}$', 'four digits'],
  ['ReportingDate', 'Date of the data', '2', '^\\d{4}-\\d{2}-\\d{2}$', 'yyyy-mm-dd'],
  ['AwardingOrganisation', 'Name', '3', '^.{1,100}$', '1-100 characters'],
  ['QAN', 'Qualification number', '4', '^\\d{8}$', 'eight digits'],
  ['Applied', 'Applied qualification', '5', 'Y|N', 'Y or N'],
];

function format(rows = SPEC): FileFormat {
  const r = parseFileFormat(rows);
  if (!r.ok) throw new Error(r.problems.join(' '));
  return r.format;
}

function check(rows: string[][], f = format()) {
  const c = new CsvChecker(f);
  for (const row of rows) c.row(row);
  return c.end();
}

const HEADER = ['Year', 'ReportingDate', 'AwardingOrganisation', 'QAN', 'Applied'];

describe('file-format specifications', () => {
  it('reads Name, Description, Position and the expression, ignoring other columns, in position order', () => {
    const shuffled = [
      SPEC[0] ?? [],
      SPEC[3] ?? [],
      SPEC[1] ?? [],
      SPEC[5] ?? [],
      SPEC[2] ?? [],
      SPEC[4] ?? [],
    ];
    expect(format(shuffled).columns.map((c) => c.name)).toEqual(HEADER);
  });

  it.each([
    [
      'a missing column',
      [['Name', 'Position', 'Validation Regular Expression']],
      /no 'Description' column/,
    ],
    [
      'a broken expression',
      [...SPEC, ['Tier', 'Tier', '6', '^(F|H$', '']],
      /not a valid regular expression/,
    ],
    [
      'duplicate positions',
      [...SPEC, ['Tier', 'Tier', '5', '^F|H$', '']],
      /Position 5 is given to more than one column/,
    ],
    ['a gap in positions', [...SPEC, ['Tier', 'Tier', '7', '^F|H$', '']], /no gaps/],
    ['a repeated name', [...SPEC, ['QAN', 'again', '6', '^x$', '']], /QAN appears more than once/],
    [
      'an expression that can take unbounded time',
      [...SPEC, ['Tier', 'Tier', '6', '^(a+)+$', '']],
      /unbounded time/,
    ],
    [
      'a row with more values than headings (an unquoted comma)',
      [...SPEC, ['Centre', 'Centre name', '6', '^.{1', '200}$', '1-200 characters']],
      /^Row 7 of the specification \(Centre\) has 6 values but the first row names 5 columns; a value containing a comma, such as the expression \^\.\{1,200\}\$, must be in double quotes\.$/,
    ],
  ])('refuses %s with a clear message', (_what, rows, says) => {
    const r = parseFileFormat(rows);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join(' ')).toMatch(says);
  });
});

describe('checking a data file against its format', () => {
  const good = ['2019', '2019-06-30', 'Example Awarding Body', '60012345', 'Y'];

  it('accepts a file that follows the format', () => {
    expect(check([HEADER, good, good])).toEqual({ valid: true, rows: 2, findings: [] });
  });

  it('applies each expression to the whole value', () => {
    const r = check([HEADER, ['2019', '2019-06-30', 'X', '60012345', 'YN']]);
    expect(r.findings).toMatchObject([
      { rule: 'CSV_VALUE_PATTERN', row: 2, column: 'Applied', value: 'YN' },
    ]);
  });

  it('reports header names or order that differ (CSV_HEADER)', () => {
    const swapped = ['ReportingDate', 'Year', 'AwardingOrganisation', 'QAN', 'Applied'];
    expect(check([swapped, good]).findings[0]).toMatchObject({ rule: 'CSV_HEADER', row: 1 });
    expect(check([[...HEADER.slice(0, 4), 'Applies'], good]).findings[0]?.message).toMatch(
      /missing Applied; not in the format: Applies/,
    );
  });

  it('reports rows with the wrong number of values (CSV_COLUMN_COUNT)', () => {
    expect(check([HEADER, good.slice(0, 4)]).findings).toMatchObject([
      { rule: 'CSV_COLUMN_COUNT', row: 2 },
    ]);
  });

  it('reports an empty file and a header with no data (CSV_NO_DATA)', () => {
    expect(check([]).findings).toMatchObject([{ rule: 'CSV_NO_DATA' }]);
    expect(check([HEADER]).findings).toMatchObject([{ rule: 'CSV_NO_DATA' }]);
  });

  it('keeps a quoted expression with a comma whole, and a trailing empty value is no extra value', () => {
    const f = format([...SPEC, ['Centre', 'Centre name', '6', '^.{1,200}$', '', '']]);
    expect(f.columns[5]?.pattern).toBe('^.{1,200}$');
  });

  it("gives the example of a rewritten date in the format's own form", () => {
    const dmy = SPEC.map((r) =>
      r[0] === 'ReportingDate' ? ['ReportingDate', 'Date', '2', '^\\d{2}/\\d{2}/\\d{4}$'] : r,
    );
    const finding = (f: FileFormat) =>
      check([HEADER, ['2019', '6/30/2019', 'X', '60012345', 'Y']], f).findings[0];
    expect(finding(format(dmy))).toMatchObject({ rule: 'CSV_EXCEL_DATE' });
    expect(finding(format(dmy))?.message).toMatch(
      /Write it as the format says, e\.g\. 30\/06\/2019\.$/,
    );
    expect(finding(format())?.message).toMatch(/e\.g\. 2019-06-30\.$/);
    const odd = SPEC.map((r) =>
      r[0] === 'ReportingDate' ? ['ReportingDate', 'Date', '2', '^Q\\d$'] : r,
    );
    expect(finding(format(odd))?.message).toMatch(/Write it as the format says\.$/);
  });

  it("names Excel's damage: exponent form, lost leading zeros, rewritten dates", () => {
    const r = check([
      HEADER,
      ['2019', '30/06/2019', 'X', '6.00123E+07', 'Y'],
      ['2019', '2019-06-30', 'X', '600123', 'Y'],
    ]);
    expect(r.findings.map((f) => [f.rule, f.row, f.column])).toEqual([
      ['CSV_EXCEL_DATE', 2, 'ReportingDate'],
      ['CSV_EXCEL_EXPONENT', 2, 'QAN'],
      ['CSV_LEADING_ZEROS', 3, 'QAN'],
    ]);
  });

  it('says a code lost its leading zeros only when fewer zeros than its digits are missing', () => {
    const r = check([
      HEADER,
      ['2019', '2019-06-30', 'X', '6001234', 'Y'],
      ['2019', '2019-06-30', 'X', '0600123', 'Y'],
      ['2019', '2019-06-30', 'X', '1234', 'Y'],
      ['2019', '2019-06-30', 'X', '000000', 'Y'],
    ]);
    expect(r.findings.map((f) => [f.rule, f.row])).toEqual([
      ['CSV_LEADING_ZEROS', 2],
      ['CSV_LEADING_ZEROS', 3],
      ['CSV_VALUE_PATTERN', 4],
      ['CSV_VALUE_PATTERN', 5],
    ]);
  });

  it('says a Year of 19 or 0 needs more digits, never that it lost leading zeros (still an error)', () => {
    const r = check([
      HEADER,
      ['19', '2019-06-30', 'X', '60012345', 'Y'],
      ['0', '2019-06-30', 'X', '60012345', 'Y'],
    ]);
    expect(r.valid).toBe(false);
    expect(r.findings.map((f) => [f.rule, f.row, f.column, f.severity])).toEqual([
      ['CSV_VALUE_PATTERN', 2, 'Year', 'error'],
      ['CSV_VALUE_PATTERN', 3, 'Year', 'error'],
    ]);
    expect(r.findings[0]?.message).toBe(
      "Row 2, Year: '19' has 2 digits; the format's rule ^\\d{4}$ needs more. Write the value in full, as the column's description says.",
    );
    expect(r.findings[1]?.message).toMatch(/'0' has 1 digit;/);
    expect(r.findings.map((f) => f.message).join(' ')).not.toMatch(/leading zeros/);
  });

  it('passes on an encoding problem the reader found (CSV_ENCODING)', () => {
    const c = new CsvChecker(format());
    c.encoding('The file is not valid UTF-8.');
    for (const row of [HEADER, good]) c.row(row);
    expect(c.end()).toMatchObject({ valid: false, findings: [{ rule: 'CSV_ENCODING' }] });
  });

  it('lists at most 1,000 findings of one rule and counts the rest', () => {
    const rows = [
      HEADER,
      ...Array.from({ length: 1500 }, () => ['MMXIX', '2019-06-30', 'X', '60012345', 'Y']),
    ];
    const r = check(rows);
    expect(r.rows).toBe(1500);
    expect(r.findings).toHaveLength(1001);
    expect(r.findings.at(-1)?.message).toMatch(/500 more CSV_VALUE_PATTERN/);
  });
});
