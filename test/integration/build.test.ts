// `returndesk build` from MIS extracts as colleges export them: columns in any order, extra columns,
// leading zeros, Windows-1252 or UTF-8 with a byte-order mark, ';' as separator.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { BuildJson, BuildOptions } from './cli';
import { buildArgs, crlf, expectNoStackTrace, filesIn, runCli, useTempDirs, writeIn } from './cli';

const tempDir = useTempDirs();

/** Columns in the MIS's order, not the file's, with columns the file does not use. */
const AIMS_EXTRACT = [
  'MIS_NAME,A27,A05,A03,A01,A48b,A09,A48a,A11a',
  'Ann Example,01092010,01,000012345678,012345,,50087876,,105',
  'Ann Example,01092010,02,000012345678,012345,,60012345,,105',
  'Bob Example,15092010,01,000098765432,012345,,50087876,HNC,107',
];

const HEADER_START = [
  'chg012345A01',
  '14032011',
  'Learning start dates (A27) corrected - reference number 1',
  'CHANGE',
];

const CHANGE_RECORDS = [
  '012345,000012345678,01,,,01092010',
  '012345,000012345678,02,,,01092010',
  '012345,000098765432,01,HNC,,15092010',
];

interface Built {
  json: BuildJson;
  bytes: Buffer;
  text: string;
  from: string;
  out: string;
}

/** Writes the extract, builds from it with --json, and reads the written file back. */
async function build(extract: string | Buffer, options: BuildOptions = {}): Promise<Built> {
  const dir = await tempDir();
  const from = await writeIn(dir, 'extract.csv', extract);
  const out = join(dir, 'out');
  const r = await runCli(buildArgs(from, out, { json: true, ...options }));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as BuildJson;
  expect(await filesIn(out)).toEqual([json.name]);
  const bytes = await readFile(join(out, json.name));
  return { json, bytes, text: iconv.decode(bytes, 'win1252'), from, out };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('returndesk build: change files', () => {
  it('writes the exact file: leading zeros kept, extra columns ignored, any column order', async () => {
    const { json, bytes, text } = await build(crlf(AIMS_EXTRACT), {
      notes: ['Prepared by the MIS team', 'Checked by the data officer'],
    });
    expect(text).toBe(
      crlf([
        ...HEADER_START,
        'A01,A03,A05,A48a,A48b',
        'A27',
        '3',
        'A05',
        '4',
        'Prepared by the MIS team',
        'Checked by the data officer',
        'A01,A03,A05,A48a,A48b,A27',
        ...CHANGE_RECORDS,
      ]),
    );
    expect(json).toMatchObject({
      name: 'chg012345A01.amd',
      seq: 1,
      records: 3,
      checksumField: 'A05',
      checksum: '4',
      checksumAdded: false,
      encoding: 'windows-1252',
    });
    expect(json.ignoredColumns).toEqual(expect.arrayContaining(['MIS_NAME', 'A09', 'A11a']));
    expect(json.sha256).toBe(sha256(bytes));
  });

  it('uses CRLF for every line, ends with CRLF, and the written file re-validates', async () => {
    const { bytes, out, json } = await build(AIMS_EXTRACT.join('\n') + '\n');
    const text = bytes.toString('latin1');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(12 + 3 + 1);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const r = await runCli(['validate', '--json', join(out, json.name)]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { files: { valid: boolean; findings: unknown[] }[] };
    expect(report.files[0]).toMatchObject({ valid: true, findings: [] });
  });

  it('uses the recommended keys by default and the given ones with --keys', async () => {
    const byDefault = await build(crlf(AIMS_EXTRACT));
    expect(byDefault.text.split('\r\n')[4]).toBe('A01,A03,A05,A48a,A48b');
    const chosen = await build(crlf(AIMS_EXTRACT), {
      keys: 'A01,A03,A05',
      'checksum-field': 'A05',
    });
    const lines = chosen.text.split('\r\n');
    expect(lines[4]).toBe('A01,A03,A05');
    expect(lines[11]).toBe('A01,A03,A05,A27');
    expect(lines[12]).toBe('012345,000012345678,01,01092010');
  });

  it('adds an explicit --checksum-field from the extract to the file for the checksum', async () => {
    const { json, text } = await build(crlf(AIMS_EXTRACT), { 'checksum-field': 'A11a' });
    const lines = text.split('\r\n');
    expect(lines.slice(7, 9)).toEqual(['A11a', '317']);
    expect(lines[11]).toBe('A01,A03,A05,A48a,A48b,A27,A11a');
    expect(lines[12]).toBe('012345,000012345678,01,,,01092010,105');
    expect(json).toMatchObject({ checksumField: 'A11a', checksum: '317', checksumAdded: true });
  });

  it('with auto, adds a suitable extract column when no field of the file will do', async () => {
    // Provider 105432, learner and aim references and dates all exceed 20000; the extract's A05 does
    // not, and is the first such column of the data set in the extract.
    const extract = AIMS_EXTRACT.map((l) => l.replace(/,012345,/, ',105432,'));
    const { json, text } = await build(crlf(extract), { provider: '105432', keys: 'A01,A03,A09' });
    expect(json).toMatchObject({ checksumField: 'A05', checksum: '4', checksumAdded: true });
    const lines = text.split('\r\n');
    expect(lines.slice(7, 9)).toEqual(['A05', '4']);
    expect(lines[11]).toBe('A01,A03,A09,A27,A05');
    expect(lines[12]).toBe('105432,000012345678,50087876,01092010,01');
  });
});

describe('returndesk build: addition and deletion files', () => {
  it('writes an addition file with every data-set column of the extract and blank lines 5-6', async () => {
    const extract = [
      'L01,' + (AIMS_EXTRACT[0] ?? ''),
      ...AIMS_EXTRACT.slice(1).map((l) => `012345,${l}`),
    ];
    const { json, text } = await build(crlf(extract), {
      kind: 'add',
      'addition-type': '2',
      changed: undefined,
      seq: '07',
      description: 'Missing aims added - reference number 3',
    });
    expect(json.name).toBe('add012345A207.amd');
    expect(text).toBe(
      crlf([
        'add012345A207',
        '14032011',
        'Missing aims added - reference number 3',
        'ADD',
        '',
        '',
        '3',
        // A05 is a key (01, 02, 01): the suggestion prefers A11a, not a key, whose values vary.
        'A11a',
        '317',
        '',
        '',
        'A27,A05,A03,A01,A48b,A09,A48a,A11a',
        '01092010,01,000012345678,012345,,50087876,,105',
        '01092010,02,000012345678,012345,,60012345,,105',
        '15092010,01,000098765432,012345,,50087876,HNC,107',
      ]),
    );
    expect(json.ignoredColumns).toEqual(expect.arrayContaining(['L01', 'MIS_NAME']));
  });

  it('writes a deletion file with the keys and checksum field only', async () => {
    const { json, text } = await build(crlf(AIMS_EXTRACT), {
      kind: 'delete',
      changed: undefined,
      'checksum-field': 'A05',
      seq: '12',
      description: 'Duplicate aims deleted - reference number 4',
    });
    expect(json.name).toBe('del012345A12.amd');
    expect(text).toBe(
      crlf([
        'del012345A12',
        '14032011',
        'Duplicate aims deleted - reference number 4',
        'DELETE',
        'A01,A03,A05,A48a,A48b',
        '',
        '3',
        'A05',
        '4',
        '',
        '',
        'A01,A03,A05,A48a,A48b',
        '012345,000012345678,01,,',
        '012345,000012345678,02,,',
        '012345,000098765432,01,HNC,',
      ]),
    );
  });
});

describe('returndesk build: extract encodings and separators', () => {
  const accented = [
    'A01,A03,A05,A48a,A48b,A27,MIS_NAME',
    '012345,000012345678,01,Zoë €10,,01092010,Zoë Müller',
  ];
  const accentedFile = crlf([
    ...HEADER_START,
    'A01,A03,A05,A48a,A48b',
    'A27',
    '1',
    'A05',
    '1',
    '',
    '',
    'A01,A03,A05,A48a,A48b,A27',
    '012345,000012345678,01,Zoë €10,,01092010',
  ]);

  /** ë and € as Windows-1252 bytes (0xEB, 0x80): the file is not UTF-8. */
  function expectWindows1252(bytes: Buffer): void {
    expect(bytes.includes(Buffer.from('Zo\xeb \x8010', 'latin1'))).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  }

  it('reads a Windows-1252 extract and writes a Windows-1252 file', async () => {
    const { bytes, text } = await build(iconv.encode(crlf(accented), 'win1252'));
    expect(text).toBe(accentedFile);
    expectWindows1252(bytes);
  });

  it('reads a UTF-8 extract with a byte-order mark and writes a Windows-1252 file', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf(accented))]);
    const { bytes, text } = await build(withBom);
    expect(text).toBe(accentedFile);
    expect(bytes[0]).toBe('c'.charCodeAt(0));
    expectWindows1252(bytes);
  });

  it("reads a ';'-separated extract", async () => {
    const { text } = await build(crlf(AIMS_EXTRACT.map((l) => l.replace(/,/g, ';'))));
    expect(text.split('\r\n').slice(12, 15)).toEqual(CHANGE_RECORDS);
  });
});

describe('returndesk build: an existing file', () => {
  it('leaves an identical file in place and succeeds', async () => {
    const first = await build(crlf(AIMS_EXTRACT));
    const again = await runCli(buildArgs(first.from, first.out, { json: true }));
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as BuildJson).sha256).toBe(first.json.sha256);
    expect(sha256(await readFile(join(first.out, first.json.name)))).toBe(first.json.sha256);
  });

  it('never overwrites a different file of the same name', async () => {
    const dir = await tempDir();
    const from = await writeIn(dir, 'extract.csv', crlf(AIMS_EXTRACT));
    const out = join(dir, 'out');
    const first = await runCli(buildArgs(from, out));
    expect(first.code).toBe(0);
    const before = await readFile(join(out, 'chg012345A01.amd'));
    const r = await runCli(buildArgs(from, out, { changed: 'A27', keys: 'A01,A03,A05' }));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/chg012345A01\.amd already exists with other content/);
    expect(r.stderr).toContain('--seq');
    expectNoStackTrace(r);
    expect(await readFile(join(out, 'chg012345A01.amd'))).toEqual(before);
    expect(await filesIn(out)).toEqual(['chg012345A01.amd']);
  });
});
