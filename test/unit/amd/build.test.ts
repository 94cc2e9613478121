// The builder writes files exactly as HEFCE's guide lays them out, byte for byte the same as the
// hand-written golden files, and refuses what the format cannot hold, naming row and field.
import { describe, expect, it } from 'vitest';
import type { AmendmentFileSpec, BuiltFile } from '../../../shared/amd';
import { buildAmendmentFile, validateAmendmentText } from '../../../shared/amd';
import { CAT_2010_11 } from './drafts';
import { ADD_SPEC, CHANGE_SPEC, DELETE_SPEC, readGolden, withRecordValue } from './specs';

function built(spec: AmendmentFileSpec): BuiltFile {
  const r = buildAmendmentFile(spec);
  if (!r.ok) throw new Error(`refused: ${r.problems.join(' / ')}`);
  return r.file;
}

function problemsOf(spec: AmendmentFileSpec): string[] {
  const r = buildAmendmentFile(spec);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

const goldens = [
  ['change', CHANGE_SPEC, 'chg012345A01.amd', '317'],
  ['addition (T=3, learner)', ADD_SPEC, 'add012345L301.amd', '3'],
  ['deletion', DELETE_SPEC, 'del012345A02.amd', '212'],
] as const;

describe('building an amendment file', () => {
  it.each(goldens)('writes the %s golden file byte for byte', (_, spec, name, checksum) => {
    const file = built(spec);
    expect(file.name).toBe(name);
    expect(file.records).toBe(spec.records.length);
    expect(file.checksum).toBe(checksum);
    expect(file.text).toBe(readGolden(name).toString('latin1'));
    expect(Buffer.from(file.text, 'latin1').equals(readGolden(name))).toBe(true);
  });

  it.each(goldens)('ends every %s line with CR LF, the final record included', (_, spec) => {
    const { text } = built(spec);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.endsWith('\r\n\r\n')).toBe(false);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n')).toHaveLength(12 + spec.records.length + 1);
  });

  it.each(goldens)('writes a %s file the validator accepts with no finding', (_, spec, name) => {
    const report = validateAmendmentText(built(spec).text, {
      fileName: name,
      catalogue: CAT_2010_11,
    });
    expect(report.findings).toEqual([]);
    expect(report.records).toBe(spec.records.length);
  });

  it('puts unique, changed and checksum fields on line 12 of a change file', () => {
    const lines = built(CHANGE_SPEC).text.split('\r\n');
    expect(lines.slice(3, 9)).toEqual([
      'CHANGE',
      'A01,A03,A05,A48a,A48b',
      'A27',
      '3',
      'A11a',
      '317',
    ]);
    expect(lines[11]).toBe('A01,A03,A05,A48a,A48b,A27,A11a');
  });

  it('leaves line 6 blank and puts unique and checksum fields on line 12 of a deletion file', () => {
    const lines = built(DELETE_SPEC).text.split('\r\n');
    expect(lines.slice(3, 12)).toEqual([
      'DELETE',
      'A01,A03,A05,A48a,A48b',
      '',
      '2',
      'A11a',
      '212',
      'A11a added solely for the check sum',
      'Approved on the action plan of 10 March 2011',
      'A01,A03,A05,A48a,A48b,A11a',
    ]);
  });

  it("leaves lines 5 and 6 blank and puts the extract's fields on line 12 of an addition file", () => {
    const lines = built(ADD_SPEC).text.split('\r\n');
    expect(lines.slice(3, 11)).toEqual(['ADD', '', '', '2', 'L05', '3', '', '']);
    expect(lines[11]).toBe(ADD_SPEC.fields.join(','));
  });

  it('keeps leading zeros, inner spaces and empty values exactly', () => {
    const lines = built(DELETE_SPEC).text.split('\r\n');
    expect(lines[13]).toBe('012345,AB0012 34,01,X7,,107');
  });

  it('sums a checksum beyond 2^53 without losing digits', () => {
    const big = withRecordValue(
      withRecordValue(CHANGE_SPEC, 1, 'A11a', '9007199254740993'),
      2,
      'A11a',
      '1',
    );
    expect(built(big).checksum).toBe('9007199254741101');
  });
});

describe('refusing what the format cannot hold', () => {
  it.each([
    ['a comma', 'HNC,L4', "'HNC,L4' contains a comma"],
    ['a double quote', 'say "HNC"', 'contains a double quote'],
    ['a carriage return', 'HN\rC', 'contains a line break'],
    ['a line feed', 'HN\nC', 'contains a line break'],
    ['a character outside Windows-1252', 'Michał', "contains 'ł', which Windows-1252"],
  ])('refuses a value containing %s, naming row and field', (_, value, says) => {
    const problems = problemsOf(withRecordValue(CHANGE_SPEC, 2, 'A48a', value));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Record 2, field A48a');
    expect(problems[0]).toContain(says);
  });

  it('accepts characters Windows-1252 holds, such as é and €', () => {
    expect(built(withRecordValue(CHANGE_SPEC, 3, 'A48a', 'Zoë €5')).text).toContain(',Zoë €5,');
  });

  it.each([
    [
      'the description',
      { description: 'Dates corrected\r\n- reference number 1' },
      'The description contains a line break',
    ],
    ['a note', { notes: ['first line\nsecond line'] as const }, 'Note 1 contains a line break'],
    ['the second note', { notes: ['', 'cr\r'] as const }, 'Note 2 contains a line break'],
  ])('refuses %s with a line break', (_, change, says) => {
    expect(problemsOf({ ...CHANGE_SPEC, ...change })).toEqual([
      `${says}; header lines are single lines.`,
    ]);
  });

  it('refuses a description with a character outside Windows-1252', () => {
    expect(problemsOf({ ...CHANGE_SPEC, description: 'Łódź campus - reference number 1' })).toEqual(
      ["The description contains 'Ł', which Windows-1252 (ANSI) files cannot hold."],
    );
  });

  it.each(['12345', '1234567', '12345a', ''])('refuses the UPIN %j', (provider) => {
    expect(problemsOf({ ...CHANGE_SPEC, provider })).toEqual([
      `The provider UPIN '${provider}' must be six digits, leading zeros included.`,
    ]);
  });

  it.each([0, 100, 1.5, -1])('refuses the sequence number %d', (seq) => {
    expect(problemsOf({ ...CHANGE_SPEC, seq })).toEqual([
      `The sequence number ${seq} must be 1 to 99.`,
    ]);
  });

  it.each([1, 99])('accepts the sequence number %d', (seq) => {
    expect(built({ ...CHANGE_SPEC, seq }).name).toBe(
      `chg012345A${String(seq).padStart(2, '0')}.amd`,
    );
  });

  it.each([
    [1, 'L', 'Addition type 1 cannot add to the learner data set; it allows H.'],
    [2, 'L', 'Addition type 2 cannot add to the learner data set; it allows A, H.'],
    [1, 'A', 'Addition type 1 cannot add to the learning aim data set; it allows H.'],
  ] as const)('refuses addition type %d for data set %s', (additionType, dataSet, says) => {
    const fields = [`${dataSet}01`, `${dataSet}05`];
    const spec: AmendmentFileSpec = {
      ...ADD_SPEC,
      dataSet,
      additionType,
      fields,
      checksumField: `${dataSet}05`,
      records: [['012345', '1']],
    };
    expect(problemsOf(spec)).toEqual([says]);
  });

  it('refuses an addition without a type and a change with one', () => {
    expect(problemsOf({ ...ADD_SPEC, additionType: undefined })).toEqual([
      'An addition file needs an addition type (1, 2 or 3).',
    ]);
    expect(problemsOf({ ...CHANGE_SPEC, additionType: 3 })).toEqual([
      'Only addition files have an addition type.',
    ]);
  });

  it('refuses a date that is not real', () => {
    expect(problemsOf({ ...CHANGE_SPEC, createdOn: { year: 2011, month: 2, day: 29 } })).toEqual([
      'The creation date 29022011 is not a real date.',
    ]);
  });

  it('refuses a checksum value that is not a whole number, naming the record', () => {
    expect(problemsOf(withRecordValue(CHANGE_SPEC, 3, 'A11a', '10.5'))).toEqual([
      "Record 3, checksum field A11a: '10.5' is not a whole number. Choose another checksum field.",
    ]);
  });

  it('refuses a record with a value missing', () => {
    const spec = { ...CHANGE_SPEC, records: [...CHANGE_SPEC.records, ['012345', '1']] };
    expect(problemsOf(spec)).toContain('Record 4 has 2 values but there are 7 fields.');
  });
});
