// From an MIS extract to a checked file: which columns become fields, which field carries the
// checksum ('auto' follows the guide), and the validator's last word before a file is written.
import { describe, expect, it } from 'vitest';
import type {
  AmendmentFileSpec,
  Extract,
  ExtractPlan,
  ExtractPlanOptions,
} from '../../../shared/amd';
import {
  buildAmendmentFile,
  buildAndCheck,
  chooseChecksumField,
  planFromExtract,
} from '../../../shared/amd';
import { CAT_2010_11 } from './drafts';
import { ADD_SPEC, CHANGE_SPEC, readGolden, withRecordValue } from './specs';

/** The examples' extract, columns in MIS order, with a column that is no ILR field. */
const EXTRACT: Extract = {
  header: ['A01', 'A03', 'A05', 'A48a', 'A48B', 'A09', 'A27', 'A11a', 'MIS_NAME', 'L05'],
  rows: [
    ['012345', '000012345678', '01', '', '', '50087876', '01092010', '105', 'Ann Example', '1'],
    ['012345', '000012345678', '02', '', '', '60012345', '01092010', '105', 'Ann Example', '1'],
    ['012345', '000098765432', '01', 'HNC', '', '50087876', '15092010', '107', 'Bob Example', '2'],
  ],
};

function plan(o: Partial<ExtractPlanOptions>, ex: Extract = EXTRACT): ExtractPlan {
  const r = planFromExtract(ex, {
    kind: 'CHANGE',
    dataSet: 'A',
    changed: ['A27'],
    checksumField: 'auto',
    ...o,
  });
  if (!r.ok) throw new Error(r.message);
  return r.plan;
}

const column = (field: string, ...values: string[]) => ({ field, values });
describe('planning a file from an extract', () => {
  it('takes the recommended keys, the changed fields and a named checksum field, in that order', () => {
    const p = plan({ checksumField: 'A11a' });
    expect(p.fields).toEqual(['A01', 'A03', 'A05', 'A48a', 'A48b', 'A27', 'A11a']);
    expect(p.uniqueFields).toEqual(['A01', 'A03', 'A05', 'A48a', 'A48b']);
    expect(p.checksum).toMatchObject({ field: 'A11a', added: true });
    expect(p.records[2]).toEqual(['012345', '000098765432', '01', 'HNC', '', '15092010', '107']);
    expect(p.ignoredColumns).toEqual(['A09', 'MIS_NAME', 'L05']);
  });

  it('plans exactly the change golden file', () => {
    const p = plan({ checksumField: 'A11a' });
    const spec: AmendmentFileSpec = { ...CHANGE_SPEC, ...p, checksumField: p.checksum.field };
    const r = buildAmendmentFile(spec);
    expect(r.ok && r.file.text).toBe(readGolden('chg012345A01.amd').toString('latin1'));
  });

  it("takes an addition file's fields from the extract's columns of its data set, in their order", () => {
    const p = plan({ kind: 'ADD', dataSet: 'A', additionType: 2, changed: undefined });
    expect(p.fields).toEqual(['A01', 'A03', 'A05', 'A48a', 'A48b', 'A09', 'A27', 'A11a']);
    expect(p.uniqueFields).toEqual([]);
    expect(p.changedFields).toEqual([]);
  });

  it('with auto, chooses the first small whole-number field of the file', () => {
    expect(plan({}).checksum).toMatchObject({ field: 'A05', added: false });
  });

  it('with auto, takes the provider field of the file before adding a column', () => {
    expect(plan({ keys: ['A01', 'A03'] }).checksum).toMatchObject({ field: 'A01', added: false });
  });

  it('with auto, adds a column of the same data set solely for the checksum when no field suits', () => {
    const ex: Extract = {
      header: ['L05', 'MIS_NAME', 'A01', 'A03', 'A27', 'A09', 'A11a'],
      rows: [
        ['1', 'Ann', '105432', '000012345678', '01092010', '50087876', '105'],
        ['2', 'Bob', '105432', '000098765432', '15092010', '50087876', '107'],
      ],
    };
    const p = plan({ keys: ['A01', 'A03'] }, ex);
    expect(p.checksum.field).toBe('A11a');
    expect(p.checksum.added).toBe(true);
    expect(p.checksum.reason).toContain('solely for the checksum');
    expect(p.fields).toEqual(['A01', 'A03', 'A27', 'A11a']);
    expect(p.records).toEqual([
      ['105432', '000012345678', '01092010', '105'],
      ['105432', '000098765432', '15092010', '107'],
    ]);
  });

  it('with auto, refuses when neither the file nor the extract has a suitable column', () => {
    const ex: Extract = {
      header: ['A01', 'A03', 'A27', 'L05'],
      rows: [['105432', '000012345678', '01092010', '1']],
    };
    const r = planFromExtract(ex, {
      kind: 'CHANGE',
      dataSet: 'A',
      keys: ['A01', 'A03'],
      changed: ['A27'],
      checksumField: 'auto',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('no checksum can be computed');
      expect(r.message).toContain('A11a');
      expect(r.message).toMatch(/, or choose a checksum field yourself\.$/);
      expect(r.message).not.toMatch(/--[a-z]/);
    }
  });

  it('names the missing column when a recommended key is not in the extract', () => {
    const ex: Extract = { header: ['A01', 'A03', 'A27'], rows: [['012345', '1', '01092010']] };
    const r = planFromExtract(ex, {
      kind: 'CHANGE',
      dataSet: 'A',
      changed: ['A27'],
      checksumField: 'auto',
    });
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringContaining('no column A05, A48a, A48b'),
    });
    expect(!r.ok && r.message).toMatch(
      /add the column to the extract or choose other unique fields\.$/,
    );
  });

  // Every door shows these as they are: the app's wizard and finalise, and the command line,
  // which adds the flag after them (electron/cli/hints/extracts.ts).
  it('says what to choose without naming a command-line flag', () => {
    const unchanged = planFromExtract(EXTRACT, {
      kind: 'CHANGE',
      dataSet: 'A',
      changed: [],
      checksumField: 'auto',
    });
    expect(unchanged).toEqual({
      ok: false,
      message: 'A change file needs the fields being corrected: choose them.',
    });
    const built = buildAmendmentFile({ ...CHANGE_SPEC, uniqueFields: [], changedFields: [] });
    expect(!built.ok && built.problems).toEqual(
      expect.arrayContaining([
        'A change or deletion file needs unique fields (line 5).',
        'A change file needs changed fields (line 6).',
      ]),
    );
    expect(!built.ok && built.problems.join(' ')).not.toMatch(/--[a-z]/);
  });
});

describe('choosing the checksum field', () => {
  it('prefers any suitable field to the provider field, whatever the order', () => {
    const r = chooseChecksumField(
      [column('A01', '000123', '000123'), column('A05', '01', '02')],
      [],
      'A',
    );
    expect(r).toMatchObject({ ok: true, choice: { field: 'A05', added: false } });
  });

  it('takes the provider field last, before adding a column', () => {
    const r = chooseChecksumField(
      [column('A01', '000123'), column('A03', '000012345678')],
      [column('A11a', '105')],
      'A',
    );
    expect(r).toMatchObject({ ok: true, choice: { field: 'A01', added: false } });
  });

  it('accepts 20000 and rejects 20001, blanks, signs and decimals', () => {
    expect(chooseChecksumField([column('A05', '20000')], [], 'A').ok).toBe(true);
    for (const bad of ['20001', '', '-1', '1.0', ' 1']) {
      expect(chooseChecksumField([column('A05', '1', bad)], [], 'A').ok, bad).toBe(false);
    }
  });

  it('never adds a column of another data set', () => {
    const r = chooseChecksumField(
      [column('A03', 'X1')],
      [column('L05', '1'), column('A11b', '7')],
      'A',
    );
    expect(r).toMatchObject({ ok: true, choice: { field: 'A11b', added: true } });
  });
});

describe('building and checking before writing', () => {
  it('writes a file the validator accepts', () => {
    const r = buildAndCheck(ADD_SPEC, { catalogue: CAT_2010_11 });
    expect(r.ok).toBe(true);
    expect(r.ok && r.report.findings).toEqual([]);
  });

  it('refuses two records with the same unique fields, naming the line', () => {
    const r = buildAndCheck(withRecordValue(CHANGE_SPEC, 2, 'A05', '01'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^AMD_DUPLICATE_KEY \(.*line 14.*\): /);
    expect(r.problems[0]).toContain('Line 14 has the same unique fields as line 13');
  });

  it('refuses a provider field that lost its leading zeros, naming the line', () => {
    const r = buildAndCheck(withRecordValue(CHANGE_SPEC, 3, 'A01', '12345'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^AMD_PROVIDER_MISMATCH \(.*line 15.*\): /);
    expect(r.problems[0]).toContain('the leading zeros were lost');
  });

  it("passes the builder's own refusals through unchanged", () => {
    const r = buildAndCheck({ ...CHANGE_SPEC, provider: '12345' });
    expect(r).toEqual({
      ok: false,
      problems: ["The provider UPIN '12345' must be six digits, leading zeros included."],
    });
  });
});
