import { describe, expect, it } from 'vitest';
import { ILR_YEAR_MESSAGE, ilrYearParts, ilrYearSchema, isIlrYear } from '../../../shared/domain';
import { amendsWithXml } from '../../../shared/history/lifecycle';

describe('the ILR year', () => {
  it.each([['2010-11'], ['2011-12'], ['2009-10'], ['1999-00']])('accepts %s', (year) => {
    expect(isIlrYear(year)).toBe(true);
    expect(ilrYearSchema.parse(year)).toBe(year);
  });

  it.each([
    ['the second part not the year after the first', '2010-12'],
    ['the same year twice', '2010-10'],
    ['a year going backwards', '2011-10'],
    ['a slash', '2010/11'],
    ['four digits after the dash', '2010-2011'],
    ['the short form of file names', '1011'],
    ['one year', '2010'],
    ['nothing', ''],
  ])('refuses %s (%s)', (_what, year) => {
    expect(isIlrYear(year)).toBe(false);
    const r = ilrYearSchema.safeParse(year);
    expect(r.error?.issues.map((i) => i.message)).toEqual([ILR_YEAR_MESSAGE]);
  });

  it('gives the parts of a year written right, even when they do not follow on', () => {
    expect(ilrYearParts('2010-11')).toEqual({ first: 2010, second: 11 });
    expect(ilrYearParts('2010-12')).toEqual({ first: 2010, second: 12 });
    expect(ilrYearParts('2010/11')).toBeUndefined();
  });

  it('decides which years amend with XML files from the first part', () => {
    expect(amendsWithXml('2010-11')).toBe(false);
    expect(amendsWithXml('2011-12')).toBe(true);
    expect(amendsWithXml('2011')).toBe(false);
  });
});
