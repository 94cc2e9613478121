// The validator reads a file chunk by chunk: the result must not depend on where the chunks
// break, and what the guide tolerates (LF, a BOM, spaces after commas) must not become an error.
import { describe, expect, it } from 'vitest';
import type { FileReport, ValidateOptions } from '../../../shared/amd';
import { AmendmentFileValidator, FINDINGS_PER_RULE } from '../../../shared/amd';
import { changeDraft, check, checkText, codesOf, render, withLine, withValue } from './drafts';

const chg = changeDraft();
const opts: ValidateOptions = { fileName: chg.fileName };

function inChunks(text: string, size: number, o: ValidateOptions = opts): FileReport {
  const v = new AmendmentFileValidator(o);
  for (let i = 0; i < text.length; i += size) v.write(text.slice(i, i + size));
  return v.end();
}

describe('streaming validation', () => {
  it('gives the same report for any chunk size, CR and LF split apart included', () => {
    const text = render(withLine(chg, 9, '5'));
    const whole = checkText(text, chg.fileName);
    expect(codesOf(whole)).toEqual(['AMD_CHECKSUM_VALUE']);
    for (const size of [1, 2, 3, 7, 13, 64, text.length])
      expect(inChunks(text, size)).toEqual(whole);
  });

  it('reads a CR-only file the same for any chunk size, a CR ending a chunk included', () => {
    const text = render(withLine(chg, 9, '5'), { eol: '\r' });
    const whole = checkText(text, chg.fileName);
    expect(codesOf(whole)).toEqual(['AMD_CHECKSUM_VALUE', 'AMD_LINE_ENDINGS']);
    for (const size of [1, 2, 3, 7, 13, 64, text.length])
      expect(inChunks(text, size)).toEqual(whole);
  });

  it('keeps CR and LF split between two chunks one CR LF line break', () => {
    const text = render(chg);
    const cut = text.indexOf('\r\n') + 1;
    const v = new AmendmentFileValidator(opts);
    v.write(text.slice(0, cut));
    v.write(text.slice(cut));
    expect(v.end().findings).toEqual([]);
  });

  it('reads a byte-order mark arriving alone in the first chunk', () => {
    const text = render(chg, { bom: true });
    expect(codesOf(inChunks(text, 1))).toEqual(['AMD_BOM']);
  });

  it('reports a line longer than a million characters the same in one chunk or many', () => {
    const text = render(chg) + 'x'.repeat(1_000_001) + '\r\n' + render(chg).slice(0, 20) + '\r\n';
    const whole = checkText(text, chg.fileName);
    const long = whole.findings.find((f) => f.line === 16);
    expect(long?.rule).toBe('AMD_RECORD_FIELDS');
    expect(long?.message).toContain('longer than 1000000 characters');
    expect(whole.findings.some((f) => f.line === 17 && f.rule === 'AMD_RECORD_FIELDS')).toBe(true);
    expect(inChunks(text, 65_536)).toEqual(whole);
    expect(inChunks(text, 300_000)).toEqual(whole);
  });

  it('hands each record to onRecord with its line number', () => {
    const seen: [string[], number][] = [];
    inChunks(render(chg), 5, { ...opts, onRecord: (values, line) => seen.push([values, line]) });
    expect(seen).toEqual([
      [['105432', '000012345678', '01', '', '', '01092010'], 13],
      [['105432', '000012345678', '02', '', '', '01092010'], 14],
      [['105432', '000098765432', '01', 'HNC', '', '15092010'], 15],
    ]);
  });

  it('refuses text written after the end', () => {
    const v = new AmendmentFileValidator(opts);
    v.write(render(chg));
    const report = v.end();
    expect(() => v.write('more')).toThrow('write after end');
    expect(v.end()).toBe(report);
  });
});

describe('what the validator tolerates', () => {
  it('accepts LF line endings with one warning and no error', () => {
    const report = check(chg, { eol: '\n' });
    expect(report.valid).toBe(true);
    expect(codesOf(report)).toEqual(['AMD_LINE_ENDINGS']);
  });

  it('reads a CR-only file line by line, with one warning and no error', () => {
    const report = check(chg, { eol: '\r' });
    expect(report.valid).toBe(true);
    expect(report.records).toBe(3);
    expect(codesOf(report)).toEqual(['AMD_LINE_ENDINGS']);
    expect(report.findings[0]?.message).toContain('15 lines end with CR only');
  });

  it('still finds a wrong record count, checksum or duplicate key in a CR-only file', () => {
    const eol = '\r';
    expect(codesOf(check(withLine(chg, 7, '4'), { eol }))).toContain('AMD_RECORD_COUNT');
    expect(codesOf(check(withLine(chg, 9, '5'), { eol }))).toContain('AMD_CHECKSUM_VALUE');
    const twice = withLine(withLine(chg, 14, chg.lines[12] ?? ''), 9, '3');
    expect(codesOf(check(twice, { eol }))).toContain('AMD_DUPLICATE_KEY');
    expect(check(twice, { eol }).valid).toBe(false);
  });

  it('says only that a last record with no line break has none', () => {
    const report = check(chg, { finalBreak: false });
    expect(report.valid).toBe(true);
    expect(report.findings.map((f) => [f.rule, f.line, f.message.split('.')[0]])).toEqual([
      ['AMD_NO_FINAL_BLANK_LINE', 15, 'Line 15, the last line, has no line break after it'],
    ]);
  });

  it('treats a lone CR inside a CR LF file as a stray character, not a line break', () => {
    const report = check(withValue(chg, 14, 'A48a', 'H\rNC'));
    expect(report.records).toBe(3);
    expect(codesOf(report)).toEqual(['AMD_LINE_ENDINGS']);
  });

  it('strips a byte-order mark before comparing line 1 with the file name', () => {
    const report = check(chg, { bom: true });
    expect(report.valid).toBe(true);
    expect(codesOf(report)).toEqual(['AMD_BOM']);
  });

  it('counts records and the records with findings', () => {
    const report = check(withLine(withLine(chg, 13, '105432,1.2E+07,01,,,01092010'), 15, 'x'));
    expect(report.records).toBe(3);
    expect(report.recordsAffected).toBe(2);
  });
});

describe('a file with thousands of findings', () => {
  it('lists the first findings of a rule, summarises the rest and still counts them all', () => {
    const n = FINDINGS_PER_RULE + 5;
    const records = Array.from(
      { length: n },
      (_, i) => `105432,${String(i).padStart(12, '0')},x,,,01092010`,
    );
    const report = check({
      ...chg,
      lines: [...withLine(chg, 7, String(n)).lines.slice(0, 12), ...records],
    });
    const listed = report.findings.filter((f) => f.rule === 'AMD_CHECKSUM_NON_NUMERIC');
    expect(listed.filter((f) => f.line !== null)).toHaveLength(FINDINGS_PER_RULE);
    expect(listed.filter((f) => f.line === null).map((f) => f.message)).toEqual([
      expect.stringContaining('5 more AMD_CHECKSUM_NON_NUMERIC findings not listed'),
    ]);
    expect(report.errors).toBe(n);
    expect(report.recordsAffected).toBe(n);
    expect(codesOf(report).filter((c) => c !== 'AMD_CHECKSUM_NON_NUMERIC')).toEqual([]);
  });
});
