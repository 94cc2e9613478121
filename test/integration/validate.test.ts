// `returndesk validate` as a user runs it: exit codes, the human report, --json, --report and the
// encodings and line endings files arrive in.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RULESET_VERSION } from '../../shared/amd';
import { catalogueFor } from '../../shared/ilr/catalogue';
import { aimChangeLines, crlf, expectNoStackTrace, runCli, useTempDirs, writeIn } from './cli';
import type { Draft } from '../unit/amd/drafts';
import { render } from '../unit/amd/drafts';
import {
  deletionExample,
  example1Set,
  heChangeExample,
  tableAChange,
  tableADeletion,
} from '../unit/amd/guide-examples';

const tempDir = useTempDirs();
const CATALOGUE_VERSION = catalogueFor('2010-11')?.version ?? 'missing';

const GOOD_RECORDS = [
  '105432,000012345678,01,,,01092010',
  '105432,000012345678,02,,,01092010',
  '105432,000098765432,01,HNC,,15092010',
];

/** Two errors (line 7 count, line 13 exponent) and one warning (line 3, no reference number). */
function damagedFile(name = 'chg105432A01.amd'): string {
  return crlf(
    aimChangeLines(['105432,9.91E+12,01,,,01092010'], {
      name,
      count: '2',
      description: 'Learning start dates corrected',
    }),
  );
}

async function validFile(dir: string, name = 'chg105432A01.amd'): Promise<string> {
  return writeIn(dir, name, crlf(aimChangeLines(GOOD_RECORDS, { name })));
}

interface JsonReport {
  files: {
    file: string;
    valid: boolean;
    findings: {
      rule: string;
      severity: string;
      line: number | null;
      field: string | null;
      value: string | null;
      message: string;
    }[];
  }[];
  summary: { files: number; valid: number; errors: number; warnings: number };
  ruleset: { version: string; catalogue: string | null };
}

async function validateJson(args: string[]) {
  const r = await runCli(['validate', '--json', ...args]);
  return { ...r, report: JSON.parse(r.stdout) as JsonReport };
}

describe('returndesk validate: exit codes', () => {
  it('exits 0 for a valid file and says it is valid', async () => {
    const file = await validFile(await tempDir());
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      'chg105432A01.amd: valid - 0 errors, 0 warnings, 3 records, 0 records affected',
    );
  });

  it('exits 1 for a file with errors', async () => {
    const file = await writeIn(await tempDir(), 'chg105432A01.amd', damagedFile());
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('chg105432A01.amd: NOT VALID');
    expectNoStackTrace(r);
  });

  it('exits 2 for a missing file, naming it on one line, and still reports the others', async () => {
    const dir = await tempDir();
    const good = await validFile(dir);
    const missing = join(dir, 'chg105432A02.amd');
    const r = await runCli(['validate', good, missing]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${missing}: no such file or folder; check the path.`,
    ]);
    expect(r.stdout).toContain('chg105432A01.amd: valid');
    expectNoStackTrace(r);
  });

  it.each([
    ['an unknown option', ['validate', '--strict', 'x.amd'], /unknown option '--strict'/],
    ['no file named', ['validate'], /missing required argument 'files'/],
    [
      'an unknown --year',
      ['validate', '--year', '2099-00', 'x.amd'],
      /--year: There is no ILR catalogue for 2099-00.*2010-11/,
    ],
    ['--year without its value', ['validate', 'x.amd', '--year'], /argument missing/],
  ])('exits 2 with one clear message for %s', async (_what, args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expectNoStackTrace(r);
  });
});

describe('returndesk validate: the human report', () => {
  it('gives a summary line per file, errors before warnings, and names the rule set', async () => {
    const file = await writeIn(await tempDir(), 'chg105432A01.amd', damagedFile());
    const r = await runCli(['validate', file]);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'chg105432A01.amd: NOT VALID - 2 errors, 1 warning, 1 record, 1 record affected',
    );
    const findings = lines.filter((l) => /^ {2}(ERROR|warning)/.test(l));
    expect(findings.map((l) => /AMD_[A-Z_]+/.exec(l)?.[0])).toEqual([
      'AMD_RECORD_COUNT',
      'AMD_EXCEL_EXPONENT',
      'AMD_DESCRIPTION_NO_REFERENCE',
    ]);
    // The warning is on line 3, before both errors in the file: it is listed last all the same.
    expect(findings[2]).toMatch(/^ {2}warning AMD_DESCRIPTION_NO_REFERENCE \(line 3\)/);
    expect(findings[1]).toContain("(line 13, field A03): Line 13: A03 '9.91E+12'");
    expect(r.stdout).toContain(`Rule set ${RULESET_VERSION}; no ILR catalogue`);
  });

  it('names the ILR catalogue when --year is given', async () => {
    const file = await validFile(await tempDir());
    const r = await runCli(['validate', '--year', '2010-11', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Rule set ${RULESET_VERSION}; ILR catalogue ${CATALOGUE_VERSION}.`);
  });

  it('checks several files at once, one summary line each, and totals them', async () => {
    const dir = await tempDir();
    const a = await validFile(dir, 'chg105432A01.amd');
    const b = await writeIn(dir, 'chg105432A02.amd', damagedFile('chg105432A02.amd'));
    const c = await validFile(dir, 'chg105432A03.amd');
    const r = await runCli(['validate', a, b, c]);
    expect(r.code).toBe(1);
    const summaries = r.stdout.split('\n').filter((l) => /^chg\S+\.amd: /.test(l));
    expect(summaries).toEqual([
      'chg105432A01.amd: valid - 0 errors, 0 warnings, 3 records, 0 records affected',
      'chg105432A02.amd: NOT VALID - 2 errors, 1 warning, 1 record, 1 record affected',
      'chg105432A03.amd: valid - 0 errors, 0 warnings, 3 records, 0 records affected',
    ]);
    expect(r.stdout).toContain('3 files checked: 2 valid, 2 errors, 1 warning.');
  });
});

describe("returndesk validate: the guide's own examples (issue 13)", () => {
  /** Writes each draft as the guide asks: CRLF line endings and a line break after the last record. */
  async function written(dir: string, drafts: Draft[]): Promise<string[]> {
    return Promise.all(drafts.map((d) => writeIn(dir, d.fileName, render(d))));
  }
  const examples = () => [tableAChange(), deletionExample(), heChangeExample(), ...example1Set()];

  it.each([
    ['without --year', []],
    ['with --year 2010-11', ['--year', '2010-11']],
  ])('accepts Table A, the deletion and H change examples and example 1 %s', async (_, year) => {
    const files = await written(await tempDir(), examples());
    const { code, report } = await validateJson([...year, ...files]);
    expect(report.files.flatMap((f) => f.findings)).toEqual([]);
    expect(report.summary).toMatchObject({ files: 6, valid: 6, errors: 0, warnings: 0 });
    expect(code).toBe(0);
  });

  it('warns when a learner deletion and an aim deletion checked together delete the same learners', async () => {
    const files = await written(await tempDir(), [tableADeletion(), deletionExample()]);
    const { code, report } = await validateJson(files);
    const aims = report.files.find((f) => f.file === 'del105432A01.amd');
    expect(aims?.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['AMD_DELETE_CASCADE', 'warning'],
    ]);
    expect(aims?.findings[0]?.message).toContain('so one file suffices');
    expect(code).toBe(0);
  });
});

describe('returndesk validate --json and --report', () => {
  it('prints exactly the documented JSON shape', async () => {
    const dir = await tempDir();
    const good = await validFile(dir, 'chg105432A01.amd');
    const bad = await writeIn(dir, 'chg105432A02.amd', damagedFile('chg105432A02.amd'));
    const { code, stdout, report } = await validateJson([good, bad]);
    expect(code).toBe(1);
    expect(stdout.endsWith('}\n')).toBe(true);
    expect(Object.keys(report).sort()).toEqual(['files', 'ruleset', 'summary']);
    expect(Object.keys(report.summary).sort()).toEqual(['errors', 'files', 'valid', 'warnings']);
    expect(report.summary).toEqual({ files: 2, valid: 1, errors: 2, warnings: 1 });
    expect(report.ruleset).toEqual({ version: RULESET_VERSION, catalogue: null });
    expect(report.files.map((f) => [f.file, f.valid, f.findings.length])).toEqual([
      ['chg105432A01.amd', true, 0],
      ['chg105432A02.amd', false, 3],
    ]);
    for (const f of report.files) {
      expect(Object.keys(f).sort()).toEqual(['file', 'findings', 'valid']);
      for (const finding of f.findings) {
        expect(Object.keys(finding).sort()).toEqual(
          ['field', 'line', 'message', 'rule', 'severity', 'value'].sort(),
        );
      }
    }
    expect(report.files[1]?.findings[1]).toMatchObject({
      rule: 'AMD_EXCEL_EXPONENT',
      severity: 'error',
      line: 13,
      field: 'A03',
      value: '9.91E+12',
    });
  });

  it('writes one CSV row per finding under a header row with --report', async () => {
    const dir = await tempDir();
    const good = await validFile(dir, 'chg105432A01.amd');
    const bad = await writeIn(dir, 'chg105432A02.amd', damagedFile('chg105432A02.amd'));
    const csvPath = join(dir, 'findings.csv');
    const { code, report } = await validateJson(['--report', csvPath, good, bad]);
    expect(code).toBe(1);
    const parsed = Papa.parse<Record<string, string>>(await readFile(csvPath, 'utf8'), {
      header: true,
      dynamicTyping: false,
      skipEmptyLines: 'greedy',
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(
      expect.arrayContaining(['File', 'Severity', 'Rule', 'Line', 'Field', 'Value', 'Message']),
    );
    const expected = report.files.flatMap((f) =>
      f.findings.map((x) => ({
        File: f.file,
        Severity: x.severity,
        Rule: x.rule,
        Line: x.line === null ? '' : String(x.line),
        Field: x.field ?? '',
        Value: x.value ?? '',
        Message: x.message,
      })),
    );
    expect(parsed.data).toHaveLength(3);
    expect(parsed.data).toEqual(expected.map((row) => expect.objectContaining(row)));
  });
});

describe('returndesk validate: encodings and line endings', () => {
  it('accepts a file with a UTF-8 byte-order mark, with an AMD_BOM warning', async () => {
    const text = '\ufeff' + crlf(aimChangeLines(GOOD_RECORDS));
    const file = await writeIn(await tempDir(), 'chg105432A01.amd', text);
    const { code, report } = await validateJson([file]);
    expect(code).toBe(0);
    expect(report.files[0]?.valid).toBe(true);
    expect(report.files[0]?.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['AMD_BOM', 'warning', 1],
    ]);
  });

  it('accepts a file with LF-only line endings, with an AMD_LINE_ENDINGS warning', async () => {
    const text = aimChangeLines(GOOD_RECORDS).join('\n') + '\n';
    const file = await writeIn(await tempDir(), 'chg105432A01.amd', text);
    const { code, report } = await validateJson([file]);
    expect(code).toBe(0);
    expect(report.files[0]?.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['AMD_LINE_ENDINGS', 'warning', 1],
    ]);
  });

  it('reads a file with CR-only line endings line by line, with an AMD_LINE_ENDINGS warning', async () => {
    const text = aimChangeLines(GOOD_RECORDS).join('\r') + '\r';
    const file = await writeIn(await tempDir(), 'chg105432A01.amd', text);
    const { code, report } = await validateJson([file]);
    expect(code).toBe(0);
    expect(report.files[0]?.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['AMD_LINE_ENDINGS', 'warning', 1],
    ]);
    expect(report.files[0]?.findings[0]?.message).toContain('15 lines end with CR only');
  });

  it('still fails a CR-only file whose line 7 is wrong, with AMD_RECORD_COUNT', async () => {
    const text = aimChangeLines(GOOD_RECORDS, { count: '4' }).join('\r') + '\r';
    const file = await writeIn(await tempDir(), 'chg105432A01.amd', text);
    const { code, report } = await validateJson([file]);
    expect(code).toBe(1);
    expect(report.files[0]?.findings.map((f) => f.rule)).toEqual([
      'AMD_RECORD_COUNT',
      'AMD_LINE_ENDINGS',
    ]);
  });

  it('says of a last record with no line break only that it has none', async () => {
    const text = crlf(aimChangeLines(GOOD_RECORDS)).slice(0, -2);
    const file = await writeIn(await tempDir(), 'chg105432A01.amd', text);
    const { code, report } = await validateJson([file]);
    expect(code).toBe(0);
    expect(report.files[0]?.findings.map((f) => [f.rule, f.line])).toEqual([
      ['AMD_NO_FINAL_BLANK_LINE', 15],
    ]);
  });

  it('accepts line 4 in lower case and A48A for A48a, with warnings, with or without --year', async () => {
    const lines = aimChangeLines(GOOD_RECORDS);
    lines[3] = 'change';
    lines[4] = 'A01,A03,A05,A48A,A48B';
    lines[11] = 'A01,A03,A05,A48A,A48B,A27';
    const file = await writeIn(await tempDir(), 'chg105432A01.amd', crlf(lines));
    for (const year of [[], ['--year', '2010-11']]) {
      const { code, report } = await validateJson([...year, file]);
      expect(code).toBe(0);
      expect(report.files[0]?.findings.map((f) => [f.rule, f.severity, f.line])).toEqual([
        ['AMD_KIND_WORDING', 'warning', 4],
        ['AMD_FIELD_CASE', 'warning', 5],
        ['AMD_FIELD_CASE', 'warning', 12],
      ]);
    }
  });

  it('reads a Windows-1252 file without mangling é or €', async () => {
    const value = 'Café Crème €5';
    const bytes = iconv.encode(
      crlf(aimChangeLines([`105432,000012345678,01,${value},,01092010`])),
      'win1252',
    );
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const file = await writeIn(await tempDir(), 'chg105432A01.amd', bytes);
    // --year adds the length check, whose finding reports the value as read.
    const { code, report } = await validateJson(['--year', '2010-11', file]);
    expect(code).toBe(0);
    expect(report.files[0]?.findings).toEqual([
      expect.objectContaining({
        rule: 'AMD_VALUE_TOO_LONG',
        line: 13,
        field: 'A48a',
        value: value,
        message: expect.stringContaining(`${value.length} characters`),
      }),
    ]);
    expect(report.ruleset.catalogue).toBe(CATALOGUE_VERSION);
  });
});
