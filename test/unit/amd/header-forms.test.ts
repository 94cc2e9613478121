// What a careful reading of the guide accepts on line 4 and in field codes is read with a warning,
// never at the cost of the checks that catch a broken file: a record count, a checksum, a key or a
// provider is checked just the same whatever case the codes are written in.
import { describe, expect, it } from 'vitest';
import type { AmendmentFileSpec } from '../../../shared/amd';
import { buildAmendmentFile } from '../../../shared/amd';
import { readKindLine } from '../../../shared/amd/header-forms';
import { CAT_2010_11, changeDraft, check, codesOf, withField, withLine, withValue } from './drafts';
import { CHANGE_SPEC } from './specs';

const chg = changeDraft();
/** Every field code of the change file written the way an MIS export may shout or whisper them. */
const mixedCase = withLine(
  withLine(withLine(withLine(chg, 5, 'a01,A03,a05,A48A,A48B'), 6, 'a27'), 8, 'a05'),
  12,
  'a01,A03,a05,A48A,A48B,a27',
);

describe('line 4', () => {
  it.each([
    ['CHANGE', 'CHANGE', true],
    ['  CHANGE  ', 'CHANGE', true],
    ['change', 'CHANGE', false],
    ['Add', 'ADD', false],
    ['DELETE records', 'DELETE', false],
    ['Amendment type: delete.', 'DELETE', false],
  ])("'%s' is read as %s (exact: %s)", (text, kind, exact) => {
    expect(readKindLine(text)).toEqual({ kind, exact });
  });

  it.each([[''], ['AMEND'], ['CHANGES'], ['ADDITION'], ['CHANGE1'], ['ADD or DELETE']])(
    "'%s' names no kind",
    (text) => {
      expect(readKindLine(text).kind).toBeUndefined();
    },
  );

  it('in lower case still makes a change file, checked as one, valid with one warning', () => {
    const report = check(withLine(chg, 4, 'change'));
    expect(report.valid).toBe(true);
    expect(report.header.kind).toBe('CHANGE');
    expect(codesOf(report)).toEqual(['AMD_KIND_WORDING']);
  });

  it('in lower case still lets a wrong count, checksum or duplicate key fail', () => {
    const lower = withLine(chg, 4, 'change');
    expect(codesOf(check(withLine(lower, 7, '4')))).toContain('AMD_RECORD_COUNT');
    expect(codesOf(check(withLine(lower, 9, '5')))).toContain('AMD_CHECKSUM_VALUE');
    const twice = withLine(withLine(lower, 14, lower.lines[12] ?? ''), 9, '3');
    expect(codesOf(check(twice))).toContain('AMD_DUPLICATE_KEY');
  });
});

describe('field codes in another case', () => {
  it('are read as the ILR fields they name: valid, with one warning per line', () => {
    const report = check(mixedCase, { catalogue: CAT_2010_11 });
    expect(report.valid).toBe(true);
    expect(report.findings.map((f) => [f.rule, f.line])).toEqual([
      ['AMD_FIELD_CASE', 5],
      ['AMD_FIELD_CASE', 6],
      ['AMD_FIELD_CASE', 8],
      ['AMD_FIELD_CASE', 12],
    ]);
    expect(report.header.fields).toEqual(['A01', 'A03', 'A05', 'A48a', 'A48b', 'A27']);
    expect(report.header.checksumField).toBe('A05');
  });

  it('still key the records: a duplicate is found by A48A as by A48a', () => {
    const twice = withLine(withLine(mixedCase, 14, mixedCase.lines[12] ?? ''), 9, '3');
    expect(codesOf(check(twice))).toContain('AMD_DUPLICATE_KEY');
  });

  it('still sum the checksum field named a05', () => {
    const report = check(withLine(mixedCase, 9, '5'));
    expect(report.findings.find((f) => f.rule === 'AMD_CHECKSUM_VALUE')?.message).toContain(
      'values of A05 add up to 4',
    );
  });

  it('still compare the provider field a01 with the file name', () => {
    const report = check(withValue(mixedCase, 13, 'A01', '10543'));
    expect(codesOf(report)).toContain('AMD_PROVIDER_MISMATCH');
  });

  it('still count one field written twice in two cases as a repeat', () => {
    const report = check(withField(chg, 'a27', '01092010'));
    expect(codesOf(report)).toContain('AMD_FIELD_LIST');
  });

  it('still belong to their data set: h14 in a learning aim file is an error', () => {
    const report = check(withField(withLine(chg, 6, 'A27,h14'), 'h14', '01'));
    expect(codesOf(report)).toContain('AMD_FIELD_DATASET');
  });

  it('count as the recommended keys: L42A on line 5 is L42a', () => {
    const learner = {
      fileName: 'del105432L01.amd',
      lines: [
        'del105432L01',
        '14032011',
        'Learners wrongly included - reference number 4',
        'DELETE',
        'L01,L03,L42A,L42B',
        '',
        '1',
        'L05',
        '2',
        '',
        '',
        'L01,L03,L42A,L42B,L05',
        '105432,000012345678,,,02',
      ],
    };
    expect(codesOf(check(learner))).toEqual(['AMD_FIELD_CASE', 'AMD_FIELD_CASE']);
  });
});

describe('the builder', () => {
  const shouting: AmendmentFileSpec = {
    ...CHANGE_SPEC,
    fields: ['a01', 'A03', 'A05', 'A48A', 'A48B', 'a27', 'A11A'],
    uniqueFields: ['a01', 'A03', 'A05', 'A48A', 'A48B'],
    changedFields: ['a27'],
    checksumField: 'A11A',
  };

  it("writes field codes in the guide's case and line 4 as the capital word alone", () => {
    const r = buildAmendmentFile(shouting);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const lines = r.file.text.split('\r\n');
    expect(lines[3]).toBe('CHANGE');
    expect(lines[4]).toBe('A01,A03,A05,A48a,A48b');
    expect(lines[5]).toBe('A27');
    expect(lines[7]).toBe('A11a');
    expect(lines[11]).toBe('A01,A03,A05,A48a,A48b,A27,A11a');
  });

  it('writes the same file from shouted codes as from the guide form', () => {
    const a = buildAmendmentFile(shouting);
    const b = buildAmendmentFile(CHANGE_SPEC);
    expect(a.ok && b.ok && a.file.text === b.file.text).toBe(true);
  });

  it('refuses one field given twice in two cases', () => {
    const r = buildAmendmentFile({ ...shouting, fields: [...shouting.fields, 'A27'] });
    expect(r.ok).toBe(false);
  });
});
