// `returndesk build` refusing what would make an invalid file (exit 1) and rejecting wrong
// arguments (exit 2): one clear message, no stack trace, and never a file written.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildOptions, CliResult } from './cli';
import { buildArgs, crlf, expectNoStackTrace, filesIn, runCli, useTempDirs, writeIn } from './cli';

const tempDir = useTempDirs();

const HEADER = 'A01,A03,A05,A48a,A48b,A27';
const GOOD_ROW = '012345,000012345678,01,,,01092010';

async function buildFrom(
  extract: readonly string[],
  options: BuildOptions = {},
): Promise<{ r: CliResult; written: string[] }> {
  const dir = await tempDir();
  const from = await writeIn(dir, 'extract.csv', crlf(extract));
  const out = join(dir, 'out');
  const r = await runCli(buildArgs(from, out, options));
  return { r, written: await filesIn(out) };
}

/** The message lines on stderr, without blank ones. */
function messageLines(r: CliResult): string[] {
  return r.stderr.split('\n').filter((l) => l.trim() !== '');
}

describe('returndesk build refuses, with exit 1, what would make an invalid file', () => {
  it.each<[string, string[], BuildOptions, RegExp]>([
    [
      'a value holding a comma inside quotes',
      [HEADER, '012345,000012345678,01,"Smith, J",,01092010'],
      {},
      /Record 1, field A48a: the value 'Smith, J' contains a comma/,
    ],
    [
      'two records with the same key',
      [HEADER, GOOD_ROW, GOOD_ROW],
      {},
      /AMD_DUPLICATE_KEY.*same unique fields as line 13 \(A01=012345, A03=000012345678, A05=01/,
    ],
    [
      "a learner reference in Excel's exponent form",
      [HEADER, '012345,9.91E+12,01,,,01092010'],
      {},
      /AMD_EXCEL_EXPONENT.*A03 '9\.91E\+12' is in Excel's exponent form/,
    ],
    [
      'a provider that lost its leading zeros',
      [HEADER, '5432,000012345678,01,,,01092010'],
      { provider: '005432' },
      /AMD_PROVIDER_MISMATCH.*A01 is 5432 but the file name's UPIN is 005432: the leading zeros were lost/,
    ],
    [
      'no field fit to be the checksum',
      ['A01,A03,A48a,A48b,A27', '105432,000012345678,,,01092010'],
      { provider: '105432', keys: 'A01,A03' },
      /no checksum can be computed\. Add such a column .*, or choose a checksum field yourself\. Name the checksum field with --checksum-field\.$/,
    ],
    [
      'a recommended key that is not a column, the flag to name others after the message',
      ['A01,A03,A27', '012345,000012345678,01092010'],
      {},
      /A05, A48a, A48b are among the recommended unique fields .*; add the column to the extract or choose other unique fields\. Name the unique fields with --keys\.$/,
    ],
    [
      'a hand-picked checksum field that is not a column',
      [HEADER, GOOD_ROW],
      { 'checksum-field': 'A11a' },
      /The checksum field A11a is not a column of the extract/,
    ],
  ])('%s', async (_what, extract, options, message) => {
    const { r, written } = await buildFrom(extract, options);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(written).toEqual([]);
    const lines = messageLines(r);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^returndesk: /);
    expect(lines[0]).toMatch(message);
    expectNoStackTrace(r);
  });
});

describe('returndesk build rejects wrong arguments with exit 2', () => {
  it.each<[string, BuildOptions, RegExp]>([
    [
      'a five-digit provider',
      { provider: '12345' },
      /--provider: The UPIN must be six digits, leading zeros included/,
    ],
    ['sequence number 00', { seq: '00' }, /--seq must be a sequence number from 01 to 99/],
    [
      'a date that does not exist',
      { date: '31022011' },
      /--date: Write the date as eight digits, ddmmyyyy, for a day that exists/,
    ],
    [
      'an addition without --addition-type',
      { kind: 'add', changed: undefined },
      /--addition-type: An addition file needs its addition type: 1, 2 or 3/,
    ],
    ['an unknown --kind', { kind: 'amend' }, /--kind must be change, add or delete/],
    ['an unknown --year', { year: '2099-00' }, /--year: There is no ILR catalogue for 2099-00/],
    [
      '--notes three times',
      { notes: ['a', 'b', 'c'] },
      /--notes: There are at most two notes lines/,
    ],
    ['no --from', { from: undefined }, /required option '--from <extract\.csv>' not specified/],
  ])('%s', async (_what, options, message) => {
    const { r, written } = await buildFrom([HEADER, GOOD_ROW], options);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(written).toEqual([]);
    expect(messageLines(r)[0]).toMatch(message);
    expect(messageLines(r).length).toBeLessThanOrEqual(2);
    expectNoStackTrace(r);
  });

  it('names a --from file that does not exist', async () => {
    const dir = await tempDir();
    const missing = join(dir, 'no-such-extract.csv');
    const out = join(dir, 'out');
    const r = await runCli(buildArgs(missing, out));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(messageLines(r)).toEqual([
      `returndesk: ${missing}: no such file or folder; check the path.`,
    ]);
    expect(await filesIn(out)).toEqual([]);
    expectNoStackTrace(r);
  });

  it('refuses an extract with a quote that is never closed', async () => {
    const { r, written } = await buildFrom([HEADER, '012345,000012345678,01,"HNC,,01092010']);
    expect(r.code).toBe(2);
    expect(written).toEqual([]);
    expect(messageLines(r)).toEqual([
      expect.stringMatching(/: line 2 has a quote that is never closed; check the extract/),
    ]);
    expectNoStackTrace(r);
  });
});
