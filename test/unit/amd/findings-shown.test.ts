// A finding shows a value up to 200 characters, then its length, and a message up to 2,000
// characters keeping its start and end: a million-character value quoted whole by up to a thousand
// findings of each rule made reports nobody could read and exhausted the memory holding them.
import { describe, expect, it } from 'vitest';
import { FindingList, shownValue } from '../../../shared/amd/findings';

describe('a finding of a very long value', () => {
  it('shows a value of up to 200 characters whole and a longer one as its start and length', () => {
    expect(shownValue('x'.repeat(200))).toBe('x'.repeat(200));
    expect(shownValue('y'.repeat(1_000_000))).toBe(`${'y'.repeat(200)}… (1,000,000 characters)`);
  });

  it('shortens the value where the message quotes it, and keeps what to do', () => {
    const list = new FindingList();
    const value = `1E${'5'.repeat(500_000)}`;
    list.add('AMD_EXCEL_EXPONENT', `Line 13: A09 '${value}' is in Excel's exponent form.`, {
      line: 13,
      field: 'A09',
      value,
    });
    const [f] = list.sorted();
    expect(f?.value).toBe(`1E${'5'.repeat(198)}… (500,002 characters)`);
    expect(f?.message).toMatch(
      /^Line 13: A09 '1E5{198}… \(500,002 characters\)' is in Excel's exponent form\. /,
    );
    expect(f?.message.length).toBeLessThan(1000);
  });

  it('keeps the start and end of a message too long for any other reason', () => {
    const list = new FindingList();
    list.add('AMD_RECORD_FIELDS', `Line 14 has ${'many, '.repeat(1000)}values.`, { line: 14 });
    const [f] = list.sorted();
    expect(f?.message).toMatch(/^Line 14 has many, /);
    expect(f?.message).toMatch(/characters left out\) …/);
    expect(f?.message.length).toBeLessThan(2000 + 600);
  });
});
