// Calendar dates as the history writes them (YYYY-MM-DD) and as amendment files write them
// (ddmmyyyy): a date that is written right but does not exist is refused like a badly written one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DDMMYYYY_MESSAGE,
  ISO_DATE_MESSAGE,
  ddMmYyyySchema,
  formatDdMmYyyy,
  isDdMmYyyy,
  isIsoDate,
  isRealDate,
  isoDateSchema,
  parseDdMmYyyy,
  parseIsoDate,
} from '../../../shared/domain';
import { formatIsoDate } from '../../../shared/history/wording';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The JavaScript clock's own answer, as an independent check: it rolls 30 February over. */
function clockSaysExists(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

describe('a real day', () => {
  it('has 29 February only in leap years', () => {
    expect(isRealDate(2012, 2, 29)).toBe(true);
    expect(isRealDate(2011, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true); // divisible by 400
    expect(isRealDate(1900, 2, 29)).toBe(false); // divisible by 100 only
  });

  it('has no day 0, month 0, 31 April or month 13', () => {
    expect(isRealDate(2011, 4, 30)).toBe(true);
    expect(isRealDate(2011, 4, 31)).toBe(false);
    expect(isRealDate(2011, 1, 0)).toBe(false);
    expect(isRealDate(2011, 0, 1)).toBe(false);
    expect(isRealDate(2011, 13, 1)).toBe(false);
  });

  it('agrees with the clock for every day it is asked about from 1900 on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2400 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const exists = clockSaysExists(year, month, day);
          expect(isRealDate(year, month, day)).toBe(exists);
          expect(isIsoDate(`${year}-${pad(month, 2)}-${pad(day, 2)}`)).toBe(exists);
          expect(isDdMmYyyy(`${pad(day, 2)}${pad(month, 2)}${year}`)).toBe(exists);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('a date written YYYY-MM-DD', () => {
  it('is read into its day, month and year, and written back the same', () => {
    expect(parseIsoDate('2012-02-29')).toEqual({ year: 2012, month: 2, day: 29 });
    expect(formatIsoDate({ year: 2011, month: 3, day: 4 })).toBe('2011-03-04');
    expect(isoDateSchema.parse('2011-03-04')).toBe('2011-03-04');
  });

  it.each([
    ['29 February of a year that is not a leap year', '2011-02-29'],
    ['30 February', '2012-02-30'],
    ['31 April', '2011-04-31'],
    ['month 13', '2011-13-01'],
    ['day 0', '2011-03-00'],
    ['the way people in England write it', '14/03/2011'],
    ['no leading zeros', '2011-3-4'],
    ['a time after it', '2011-03-14T00:00:00Z'],
    ['a year before 1900', '1899-12-31'],
    ['nothing', ''],
  ])('is refused with %s (%s)', (_what, text) => {
    expect(isIsoDate(text)).toBe(false);
    expect(parseIsoDate(text)).toBeUndefined();
    const r = isoDateSchema.safeParse(text);
    expect(r.error?.issues.map((i) => i.message)).toEqual([ISO_DATE_MESSAGE]);
  });
});

describe('a date written ddmmyyyy (an amendment file’s creation date)', () => {
  it('is read with its leading zeros and written back the same', () => {
    expect(parseDdMmYyyy('01032011')).toEqual({ year: 2011, month: 3, day: 1 });
    expect(parseDdMmYyyy('29022012')).toEqual({ year: 2012, month: 2, day: 29 });
    expect(formatDdMmYyyy({ year: 2011, month: 3, day: 1 })).toBe('01032011');
    expect(ddMmYyyySchema.parse('14032011')).toBe('14032011');
  });

  it.each([
    ['29 February of a year that is not a leap year', '29022011'],
    ['31 February', '31022011'],
    ['a leading zero dropped by a spreadsheet', '1032011'],
    ['slashes', '14/03/2011'],
    ['the history’s form', '2011-03-14'],
    ['year first', '20110314'],
    ['nothing', ''],
  ])('is refused with %s (%s)', (_what, text) => {
    expect(isDdMmYyyy(text)).toBe(false);
    expect(parseDdMmYyyy(text)).toBeUndefined();
    const r = ddMmYyyySchema.safeParse(text);
    expect(r.error?.issues.map((i) => i.message)).toEqual([DDMMYYYY_MESSAGE]);
  });
});
