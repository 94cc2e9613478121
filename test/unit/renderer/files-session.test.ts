import { describe, expect, it } from 'vitest';
import { buildAmendmentFile } from '../../../shared/amd';
import { parseExtractText } from '../../../renderer/screens/files/engine/extract-parse';
import { ExtractSession } from '../../../renderer/screens/files/engine/extract-session';
import type { PreviewSpec } from '../../../renderer/screens/files/engine/extract-session';
import {
  extractHandlers,
  payloadBytes,
} from '../../../renderer/screens/files/workers/extract-handlers';
import { validateHandlers } from '../../../renderer/screens/files/workers/validate-handlers';
import type { Progress } from '../../../renderer/screens/files/workers/rpc';

const EXTRACT = [
  'UPIN,A03,A05,A48a,A48b,A09,A27,A11a,MIS_NAME',
  '105432,000012345678,01,,,50087876,01092010,105,Ann Example',
  '105432,000012345678,02,,,60012345,01092010,105,Ann Example',
  '105432,000098765432,01,HNC,,50087876,15092010,107,"Example, Bob"',
].join('\r\n');

const CODES = ['A01', 'A03', 'A05', 'A48a', 'A48b', 'A09', 'A27', 'A11a', ''];

const spec = (over: Partial<PreviewSpec> = {}): PreviewSpec => ({
  kind: 'CHANGE',
  dataSet: 'A',
  keys: ['A01', 'A03', 'A05', 'A48a', 'A48b'],
  changed: ['A27'],
  checksum: 'auto',
  provider: '105432',
  createdOn: { year: 2011, month: 3, day: 14 },
  description: 'Start dates - reference number 1',
  notes: ['', ''],
  year: '2010-11',
  ...over,
});

const session = () => new ExtractSession(parseExtractText(EXTRACT));
const all = (n: number) => new Uint8Array(n).fill(1);

describe('an extract session', () => {
  it('builds exactly what the engine builds from the chosen records, with mapped columns', () => {
    const r = session().preview(CODES, spec(), all(3));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const direct = buildAmendmentFile({
      kind: 'CHANGE',
      dataSet: 'A',
      provider: '105432',
      seq: 1,
      createdOn: { year: 2011, month: 3, day: 14 },
      description: 'Start dates - reference number 1',
      notes: ['', ''],
      fields: ['A01', 'A03', 'A05', 'A48a', 'A48b', 'A27'],
      uniqueFields: ['A01', 'A03', 'A05', 'A48a', 'A48b'],
      changedFields: ['A27'],
      checksumField: 'A05',
      records: [
        ['105432', '000012345678', '01', '', '', '01092010'],
        ['105432', '000012345678', '02', '', '', '01092010'],
        ['105432', '000098765432', '01', 'HNC', '', '15092010'],
      ],
    });
    expect(direct.ok && r.text).toBe(direct.ok && direct.file.text);
    expect(r.name).toBe('chg105432A01.amd');
    expect(r.report.errors).toBe(0);
    expect(r.plan.checksum.field).toBe('A05');
  });

  it('writes only the chosen records', () => {
    const r = session().preview(CODES, spec(), Uint8Array.from([0, 0, 1]));
    expect(r.ok && r.report.records).toBe(1);
    expect(r.ok && r.text).toContain('000098765432');
    expect(r.ok && r.text).not.toContain('000012345678');
  });

  it('shows the validator’s findings, e.g. keys that no longer tell records apart', () => {
    const r = session().preview(CODES, spec({ keys: ['A01', 'A03'] }), all(3));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.findings.map((f) => f.rule)).toContain('AMD_DUPLICATE_KEY');
    expect(r.report.errors).toBeGreaterThan(0);
  });

  it('leaves a column mapped to nothing out of the file, so its commas cannot refuse the build', () => {
    const r = session().plan(CODES, spec(), all(3));
    expect(r.ok && r.plan.fields).not.toContain('MIS_NAME');
  });

  it('refuses a chosen record with a value count unlike the header, naming its row', () => {
    const s = new ExtractSession(parseExtractText('A01,A03,A05,A27\n105432,1,01\n105432,2,01,x\n'));
    const codes = ['A01', 'A03', 'A05', 'A27'];
    const choices = spec({ keys: ['A01', 'A03', 'A05'] });
    const bad = s.plan(codes, choices, all(2));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]).toMatch(/^Row 2 of the extract has 3 values/);
    expect(s.plan(codes, choices, Uint8Array.from([0, 1])).ok).toBe(true);
  });

  it('says what to do in the wizard’s words, not the command line’s', () => {
    const r = session().plan(CODES, spec({ changed: [] }), all(3));
    expect(!r.ok && r.problems[0]).toBe(
      'A change file needs the fields being corrected: choose them under “Changed fields”.',
    );
    // No key field ticked: the line number the wizard's "Key fields (line 5)" shows.
    const preview = session().preview(CODES, spec({ keys: [] }), all(3));
    expect(!preview.ok && preview.problems).toContain(
      'A change or deletion file needs unique fields (line 5).',
    );
    expect(!preview.ok && preview.problems.join(' ')).not.toMatch(/--[a-z]/);
  });

  it('refuses when nothing is chosen', () => {
    const r = session().plan(CODES, spec(), new Uint8Array(3));
    expect(r).toEqual({ ok: false, problems: ['No records are selected.'] });
  });
});

describe('the extract worker’s handlers', () => {
  it('load, serve rows, search, preview with progress, and give the records to finalise', async () => {
    const h = extractHandlers();
    const seen: Progress[] = [];
    const progress = (p: Progress) => seen.push(p);
    const loaded = await h.load({ file: new Blob([EXTRACT]) }, progress);
    expect(loaded).toMatchObject({ rows: 3, encoding: 'UTF-8', delimiter: ',', unevenCount: 0 });
    expect(loaded.sample[2]?.[8]).toBe('Example, Bob');
    expect(seen.map((p) => p.phase)).toContain('Reading records');
    expect(await h.rows({ indices: Uint32Array.from([2]) }, progress)).toEqual([
      ['105432', '000098765432', '01', 'HNC', '', '50087876', '15092010', '107', 'Example, Bob'],
    ]);
    expect([...(await h.search({ query: 'hnc' }, progress))]).toEqual([2]);
    const preview = await h.preview({ codes: CODES, spec: spec(), selected: all(3) }, progress);
    expect(preview.ok && preview.lineCount).toBe(15);
    expect(seen.map((p) => p.phase)).toContain('Checking the file');
    expect(await h.lines({ from: 0, to: 1 }, progress)).toEqual(['chg105432A01']);
    const planned = await h.records({ codes: CODES, choices: spec(), selected: all(3) }, progress);
    expect(planned.records).toHaveLength(3);
    expect(planned.checksum.field).toBe('A05');
  });

  it('estimates the finalise request’s size as JSON would write the records', () => {
    const r = session().preview(CODES, spec(), all(3));
    if (!r.ok) throw new Error('no preview');
    const records = r.text
      .split('\r\n')
      .slice(12, -1)
      .map((l) => l.split(','));
    expect(payloadBytes(r.text)).toBe(JSON.stringify(records).length);
  });

  it('refuse to answer for an extract before one is loaded', async () => {
    const h = extractHandlers();
    expect(() => h.rows({ indices: new Uint32Array() }, () => undefined)).toThrow(/No extract/);
  });
});

describe('the validation worker’s handlers', () => {
  it('check a dropped file’s bytes, warn about a byte-order mark, and serve its lines', async () => {
    const h = validateHandlers(() => new Date('2011-03-20T12:00:00Z'));
    const text = EXAMPLE.replace(/\n/g, '\r\n');
    const file = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), text]);
    const r = await h.validate(
      { name: 'chg105432A01.amd', file, year: '2010-11' },
      () => undefined,
    );
    expect(r.encoding).toBe('UTF-8 with BOM');
    expect(r.report.findings.map((f) => f.rule)).toEqual(['AMD_BOM']);
    expect(r.report.catalogue).not.toBeNull();
    expect(r.lineCount).toBe(13);
    expect(await h.lines({ from: 12, to: 13 }, () => undefined)).toEqual([
      '105432,000012345678,01,,,01092010',
    ]);
  });

  it('check text from the history as it is, with no catalogue when no year is given', async () => {
    const h = validateHandlers(() => new Date('2011-03-20T12:00:00Z'));
    const r = await h.validate(
      { name: 'chg105432A01.amd', text: EXAMPLE, year: null },
      () => undefined,
    );
    expect(r.encoding).toBeNull();
    expect(r.report.catalogue).toBeNull();
    expect(r.report.findings.map((f) => f.rule)).toEqual(['AMD_LINE_ENDINGS']);
  });
});

const EXAMPLE = [
  'chg105432A01',
  '14032011',
  'Start dates - reference number 1',
  'CHANGE',
  'A01,A03,A05,A48a,A48b',
  'A27',
  '1',
  'A05',
  '1',
  '',
  '',
  'A01,A03,A05,A48a,A48b,A27',
  '105432,000012345678,01,,,01092010',
  '',
].join('\n');
