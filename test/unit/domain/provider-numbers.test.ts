import { describe, expect, it } from 'vitest';
import {
  UKPRN_MESSAGE,
  UPIN_MESSAGE,
  isUkprn,
  isUpin,
  ukprnSchema,
  upinSchema,
} from '../../../shared/domain';

describe('the UPIN', () => {
  it('is six digits, leading zeros kept as text', () => {
    expect(isUpin('105432')).toBe(true);
    expect(isUpin('012345')).toBe(true);
    expect(upinSchema.parse('000001')).toBe('000001');
  });

  it.each([
    ['five digits (a spreadsheet dropped the zero)', '12345'],
    ['seven digits', '1054321'],
    ['a letter', '10543a'],
    ['spaces around it', ' 105432 '],
    ['a line break after it', '105432\n'],
    ['nothing', ''],
  ])('is refused with %s', (_what, text) => {
    expect(isUpin(text)).toBe(false);
    const r = upinSchema.safeParse(text);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([UPIN_MESSAGE]);
  });

  it('says what is wrong and shows the leading zero', () => {
    expect(UPIN_MESSAGE).toBe('The UPIN must be six digits, leading zeros included (e.g. 012345).');
  });
});

describe('the UKPRN', () => {
  it('is eight digits, leading zeros kept', () => {
    expect(isUkprn('10007928')).toBe(true);
    expect(isUkprn('00001234')).toBe(true);
    expect(ukprnSchema.parse('00001234')).toBe('00001234');
  });

  it.each([['1000792'], ['100079281'], ['1000792X'], ['105432'], ['']])(
    'refuses %j with one message',
    (text) => {
      expect(isUkprn(text)).toBe(false);
      const r = ukprnSchema.safeParse(text);
      expect(r.error?.issues.map((i) => i.message)).toEqual([UKPRN_MESSAGE]);
    },
  );

  it('is not a UPIN, nor a UPIN a UKPRN', () => {
    expect(isUpin('10007928')).toBe(false);
    expect(isUkprn('105432')).toBe(false);
  });
});
