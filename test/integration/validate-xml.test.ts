// `returndesk validate` with ILR 2011-12 XML files, as a user runs it: exit codes, the human report,
// --json and --report in the same shapes as for .amd files, .amd and XML files in one run, and
// the encodings XML files arrive in.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RULESET_VERSION } from '../../shared/amd';
import { XML_RULESET_VERSION } from '../../shared/ilr-xml';
import { ilrDoc, ilrName, ilrText, positionOf } from '../support/ilr-xml';
import { aimChangeLines, crlf, expectNoStackTrace, runCli, useTempDirs, writeIn } from './cli';

const tempDir = useTempDirs();
const GOOD_NAME = ilrName();
const AMD_FINDING_KEYS = ['field', 'line', 'message', 'rule', 'severity', 'value'];

interface JsonFinding {
  rule: string;
  severity: string;
  line: number | null;
  column?: number | null;
  field: string | null;
  value: string | null;
  message: string;
}
interface JsonReport {
  files: { file: string; valid: boolean; findings: JsonFinding[]; xml?: Record<string, unknown> }[];
  summary: { files: number; valid: number; errors: number; warnings: number };
  ruleset: { version: string; catalogue: string | null };
}

async function validateJson(args: string[]) {
  const r = await runCli(['validate', '--json', ...args]);
  return { ...r, report: JSON.parse(r.stdout) as JsonReport };
}

const DUPLICATE_DOC = ilrDoc({ learners: ['A1', 'B2', 'A1'] });
const DUPLICATE_TEXT = ilrText(DUPLICATE_DOC);

describe('returndesk validate FILE.XML: exit codes', () => {
  it.each([GOOD_NAME, GOOD_NAME.replace('.XML', '.xml')])(
    'exits 0 for a valid file: %s',
    async (name) => {
      const file = await writeIn(await tempDir(), name, ilrText());
      const r = await runCli(['validate', file]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(
        `${name}: valid - 0 errors, 0 warnings, 3 learners, 0 learners affected`,
      );
      expect(r.stdout).toContain(
        'UKPRN 10007928, serial 01, transmission type A, prepared 2012-03-14',
      );
      expect(r.stdout).toContain(`Rule set ${XML_RULESET_VERSION}.`);
    },
  );

  it('exits 0 for a file shaped like a real MIS export: SerialNo 1 for NN 01, TransmissionNumber', async () => {
    const text = ilrText(ilrDoc({ header: { SerialNo: '1', TransmissionNumber: '0013' } }));
    const { code, report } = await validateJson([await writeIn(await tempDir(), GOOD_NAME, text)]);
    expect(code).toBe(0);
    expect(report.files[0]?.findings).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('exits 0 for a 2012-13 file, saying once that its later year is not checked', async () => {
    const doc = ilrDoc({
      namespace: 'http://www.theia.org.uk/ILR/2012-13/1',
      header: { Year: '1213' },
    });
    const name = 'ILR-A-10007928-1213-0013-01.XML';
    const r = await runCli(['validate', await writeIn(await tempDir(), name, ilrText(doc))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${name}: valid - 0 errors, 1 warning`);
    expect(r.stdout).toContain('XML_LATER_YEAR');
    expect(r.stdout).toContain('a later ILR year, not checked by these rules');
  });

  it('exits 1 for a file with errors, naming line and column', async () => {
    const file = await writeIn(await tempDir(), GOOD_NAME, DUPLICATE_TEXT);
    const r = await runCli(['validate', file]);
    const second = positionOf(DUPLICATE_TEXT, '<LearnRefNumber>A1', 2);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${GOOD_NAME}: NOT VALID - 1 error`);
    expect(r.stdout).toContain(
      `XML_DUPLICATE_LEARNER (line ${second.line}, column ${second.column},`,
    );
    expectNoStackTrace(r);
  });

  it('exits 1 for a file that is not XML at all, with the place it stops', async () => {
    const text = ilrText().replace('<Sex>M</Sex>', '<Sex>M</Sx>');
    const file = await writeIn(await tempDir(), GOOD_NAME, text);
    const { code, report } = await validateJson([file]);
    expect(code).toBe(1);
    expect(report.files[0]?.findings).toEqual([
      expect.objectContaining({
        rule: 'XML_NOT_WELL_FORMED',
        line: positionOf(text, '</Sx>').line,
      }),
    ]);
  });

  it('exits 2 for a missing XML file and still reports the others', async () => {
    const dir = await tempDir();
    const good = await writeIn(dir, GOOD_NAME, ilrText());
    const missing = join(dir, 'ILR-A-10007928-1112-0013-02.XML');
    const r = await runCli(['validate', good, missing]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${missing}: no such file or folder; check the path.`,
    ]);
    expect(r.stdout).toContain(`${GOOD_NAME}: valid`);
    expectNoStackTrace(r);
  });

  it('lists XML files in its help', async () => {
    const r = await runCli(['validate', '--help']);
    expect(r.stdout).toMatch(/ILR 2011-12 \.XML files/);
  });
});

describe('returndesk validate: .amd and XML files in one run', () => {
  async function mixed() {
    const dir = await tempDir();
    const amd = await writeIn(
      dir,
      'chg105432A01.amd',
      crlf(aimChangeLines(['105432,000012345678,01,,,01092010'])),
    );
    const xml = await writeIn(
      dir,
      'ILR-A-10007928-1112-0013-02.XML',
      ilrText(ilrDoc({ serialNo: '02' })),
    );
    const bad = await writeIn(dir, GOOD_NAME, DUPLICATE_TEXT);
    return [amd, xml, bad];
  }

  it('reports each with its own checker and totals them', async () => {
    const r = await runCli(['validate', ...(await mixed())]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'chg105432A01.amd: valid - 0 errors, 0 warnings, 1 record, 0 records affected',
    );
    expect(r.stdout).toContain(
      'ILR-A-10007928-1112-0013-02.XML: valid - 0 errors, 0 warnings, 3 learners',
    );
    expect(r.stdout).toContain(
      `${GOOD_NAME}: NOT VALID - 1 error, 0 warnings, 3 learners, 1 learner affected`,
    );
    expect(r.stdout).toContain('3 files checked: 2 valid, 1 error, 0 warnings.');
    expect(r.stdout).toContain(
      `Rule sets ${RULESET_VERSION}, ${XML_RULESET_VERSION}; no ILR catalogue`,
    );
  });

  it('prints the .amd JSON shape, adding xml and column for XML files only', async () => {
    const { code, stdout, report } = await validateJson(await mixed());
    expect(code).toBe(1);
    expect(stdout.endsWith('}\n')).toBe(true);
    expect(Object.keys(report).sort()).toEqual(['files', 'ruleset', 'summary']);
    expect(report.summary).toEqual({ files: 3, valid: 2, errors: 1, warnings: 0 });
    expect(report.ruleset).toEqual({
      version: `${RULESET_VERSION}, ${XML_RULESET_VERSION}`,
      catalogue: null,
    });
    const [amd, xml, bad] = report.files;
    expect(Object.keys(amd ?? {}).sort()).toEqual(['file', 'findings', 'valid']);
    expect(Object.keys(xml ?? {}).sort()).toEqual(['file', 'findings', 'valid', 'xml']);
    expect(xml?.xml).toEqual({
      ukprn: '10007928',
      serialNo: '02',
      transmissionType: 'A',
      preparationDate: '2012-03-14',
      learners: 3,
      learningDeliveries: 6,
    });
    const second = positionOf(DUPLICATE_TEXT, '<LearnRefNumber>A1', 2);
    expect(bad?.findings).toEqual([
      {
        rule: 'XML_DUPLICATE_LEARNER',
        severity: 'error',
        line: second.line,
        column: second.column,
        field: 'Message/Learner/LearnRefNumber',
        value: 'A1',
        message: expect.stringContaining(
          `at line ${positionOf(DUPLICATE_TEXT, '<LearnRefNumber>A1').line}`,
        ),
      },
    ]);
    expect(Object.keys(bad?.findings[0] ?? {}).sort()).toEqual(
      [...AMD_FINDING_KEYS, 'column'].sort(),
    );
  });

  it('writes XML findings to --report with their column', async () => {
    const files = await mixed();
    const csvPath = join(await tempDir(), 'findings.csv');
    const { code } = await validateJson(['--report', csvPath, ...files]);
    expect(code).toBe(1);
    const parsed = Papa.parse<Record<string, string>>(await readFile(csvPath, 'utf8'), {
      header: true,
      skipEmptyLines: 'greedy',
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      expect.objectContaining({
        File: GOOD_NAME,
        Rule: 'XML_DUPLICATE_LEARNER',
        Column: String(positionOf(DUPLICATE_TEXT, '<LearnRefNumber>A1', 2).column),
        'Rule set': XML_RULESET_VERSION,
      }),
    ]);
  });
});

describe('returndesk validate FILE.XML: encodings', () => {
  const withName = (value: string) => ilrText().replace('O&apos;Neil', value);

  it('reads UTF-8 with a byte-order mark, é and € included', async () => {
    const file = await writeIn(await tempDir(), GOOD_NAME, `\ufeff${withName('Café Crème €5')}`);
    const { code, report } = await validateJson([file]);
    expect(code).toBe(0);
    expect(report.files[0]?.findings).toEqual([]);
  });

  it('refuses Windows-1252 bytes in a file that declares UTF-8', async () => {
    const bytes = iconv.encode(withName('Café'), 'win1252');
    const file = await writeIn(await tempDir(), GOOD_NAME, bytes);
    const { code, report } = await validateJson([file]);
    expect(code).toBe(1);
    expect(report.files[0]?.findings).toEqual([
      expect.objectContaining({ rule: 'XML_ENCODING', line: 1, column: 1 }),
    ]);
  });

  it('accepts Windows-1252 bytes in a file that declares windows-1252', async () => {
    const text = withName('Café').replace('encoding="utf-8"', 'encoding="windows-1252"');
    const file = await writeIn(await tempDir(), GOOD_NAME, iconv.encode(text, 'win1252'));
    const { code, report } = await validateJson([file]);
    expect(code).toBe(0);
    expect(report.files[0]?.findings).toEqual([]);
  });
});
