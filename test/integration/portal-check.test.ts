// `returndesk portal check` as a data officer runs it before an upload.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { crlf, expectNoStackTrace, runCli, useTempDirs, writeIn } from './cli';

const tempDir = useTempDirs();
const SPEC = [
  'Name,Description,Position,Validation Regular Expression,Validation Description',
  'Year,Year of the award,1,^\\d{4}$,four digits',
  'QAN,Qualification number,2,^\\d{8}$,eight digits',
  'AwardingOrganisation,Name,3,"^.{1,100}$",1-100 characters',
  'Applied,Applied,4,Y|N,Y or N',
].join('\n');

async function files(data: string | Buffer) {
  const dir = await tempDir();
  return { spec: await writeIn(dir, 'spec.csv', SPEC), data: await writeIn(dir, 'data.csv', data) };
}

describe('returndesk portal check', () => {
  it('prints {file, valid, rows, findings} and exits 0 for a file that follows the format', async () => {
    const f = await files(
      crlf([
        'Year,QAN,AwardingOrganisation,Applied',
        '2019,60012345,Example Board,Y',
        '2019,60012346,"Board, Ltd",N',
      ]),
    );
    const r = await runCli(['portal', 'check', '--format', f.spec, f.data, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file: 'data.csv', valid: true, rows: 2, findings: [] });
  });

  it('exits 1 with each finding naming row, column, value and a stable code', async () => {
    const f = await files(
      crlf([
        'Year,QAN,AwardingOrganisation,Applied',
        '2019,600123,X,Y',
        '2019,6.00123E+07,X,Maybe',
        '2019,60012345',
      ]),
    );
    const r = await runCli(['portal', 'check', '--format', f.spec, f.data, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      findings: { rule: string; row: number; column: string | null }[];
    };
    expect(out.findings.map((x) => [x.rule, x.row, x.column])).toEqual([
      ['CSV_LEADING_ZEROS', 2, 'QAN'],
      ['CSV_EXCEL_EXPONENT', 3, 'QAN'],
      ['CSV_VALUE_PATTERN', 3, 'Applied'],
      ['CSV_COLUMN_COUNT', 4, null],
    ]);
  });

  it('says a QAN lost its leading zeros, but a Year of 19 or 0 only that the rule needs more digits', async () => {
    const f = await files(
      crlf(['Year,QAN,AwardingOrganisation,Applied', '19,600123,X,Y', '0,60012345,X,Y']),
    );
    const r = await runCli(['portal', 'check', '--format', f.spec, f.data, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      findings: { rule: string; row: number; column: string | null; message: string }[];
    };
    expect(out.findings.map((x) => [x.rule, x.row, x.column])).toEqual([
      ['CSV_VALUE_PATTERN', 2, 'Year'],
      ['CSV_LEADING_ZEROS', 2, 'QAN'],
      ['CSV_VALUE_PATTERN', 3, 'Year'],
    ]);
    expect(out.findings[0]?.message).toMatch(/'19' has 2 digits; .* needs more/);
    expect(out.findings[2]?.message).toMatch(/'0' has 1 digit; .* needs more/);
  });

  it('reports a Windows-1252 file as CSV_ENCODING and still checks its values', async () => {
    const f = await files(
      iconv.encode(
        crlf(['Year,QAN,AwardingOrganisation,Applied', '2019,60012345,Café Board,Y']),
        'win1252',
      ),
    );
    const r = await runCli(['portal', 'check', '--format', f.spec, f.data, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 1, findings: [{ rule: 'CSV_ENCODING' }] });
  });

  it('refuses a broken specification in one line, exit 2', async () => {
    const dir = await tempDir();
    const spec = await writeIn(
      dir,
      'spec.csv',
      'Name,Description,Position,Validation Regular Expression\nYear,Year,1,^(\\d{4}$\n',
    );
    const data = await writeIn(dir, 'data.csv', 'Year\n2019\n');
    const r = await runCli(['portal', 'check', '--format', spec, data]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be used as a file format: .*not a valid regular expression/);
    expectNoStackTrace(r);
  });

  it('ends at --time-limit with the findings made before it and one saying where it stopped, exit 1', async () => {
    const dir = await tempDir();
    const spec = await writeIn(
      dir,
      'spec.csv',
      crlf([
        'Name,Description,Position,Validation Regular Expression',
        'Year,Year,1,^\\d{4}$',
        'Tier,Tier,2,^\\d*\\d*\\d*\\d*\\d*$',
      ]),
    );
    // Two quick findings, then 100 values each of which keeps the expression running for a minute.
    const stuck = Array.from({ length: 100 }, () => `2019,${'1'.repeat(200)}x`);
    const data = await writeIn(dir, 'data.csv', crlf(['Year,Tier', '19,12', '2019,F', ...stuck]));
    // The command returns at all only if the worker stuck in the expression was terminated.
    const r = await runCli(['portal', 'check', '--format', spec, data, '--time-limit', '3']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('data.csv: NOT VALID - 3 data rows, 3 findings');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}ERROR {3}CSV_VALUE_PATTERN: Row 2, Year: '19'/),
      expect.stringMatching(/^ {2}ERROR {3}CSV_VALUE_PATTERN: Row 3, Tier: 'F'/),
      expect.stringMatching(
        /^ {2}ERROR {3}CSV_CHECK_TIMEOUT: Row 4, Tier: the check stopped after 3 seconds, its time limit for the whole file, while testing this value against the file format's expression \^(\\d\*){5}\$; rows from 4 on were not checked/,
      ),
    ]);
    expect(r.stderr).toBe('');
    expectNoStackTrace(r);
  });

  it('refuses a --time-limit that is not a number of seconds above 0, exit 2', async () => {
    const f = await files(crlf(['Year,QAN,AwardingOrganisation,Applied']));
    const r = await runCli(['portal', 'check', '--format', f.spec, f.data, '--time-limit', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--time-limit: .*a number of seconds above 0/);
    expectNoStackTrace(r);
  });

  it('reports a data file that cannot be read in one line, exit 2', async () => {
    const f = await files('');
    const r = await runCli(['portal', 'check', '--format', f.spec, `${f.data}.missing`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/data\.csv\.missing: no such file or folder/);
    expectNoStackTrace(r);
  });
});
