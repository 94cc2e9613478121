import { describe, expect, it } from 'vitest';
import {
  FIELD_CODE_MESSAGE,
  canonicalFieldCode,
  fieldCodeSchema,
  isFieldCode,
} from '../../../shared/domain';
import { dataSetOf } from '../../../shared/ilr/catalogue';

describe('the ILR field code', () => {
  it.each([['A27'], ['L42a'], ['L42b'], ['H01'], ['A09']])('accepts %s', (code) => {
    expect(isFieldCode(code)).toBe(true);
    expect(fieldCodeSchema.parse(code)).toBe(code);
  });

  it.each([
    ['another data set letter', 'X01'],
    ['a lower-case data set letter', 'a27'],
    ['one digit', 'A7'],
    ['three digits', 'A027'],
    ['an upper-case occurrence letter', 'L42A'],
    ['two occurrence letters', 'L42ab'],
    ['a column name from the MIS', 'HEFLEVEL'],
    ['nothing', ''],
  ])('refuses %s (%s)', (_what, code) => {
    expect(isFieldCode(code)).toBe(false);
    const r = fieldCodeSchema.safeParse(code);
    expect(r.error?.issues.map((i) => i.message)).toEqual([FIELD_CODE_MESSAGE]);
  });

  it.each([
    ['L42A', 'L42a'],
    ['a27', 'A27'],
    [' h01 ', 'H01'],
    ['l42B', 'L42b'],
    ['L42a', 'L42a'],
    ['HEFLEVEL', 'HEFLEVEL'],
    ['a2', 'a2'],
    ['L42ab', 'L42ab'],
  ])(
    'spells %s the ILR way as %s, leaving what is no code in any case as it was',
    (given, code) => {
      expect(canonicalFieldCode(given)).toBe(code);
    },
  );

  it('names its data set only when it is a field code', () => {
    expect(dataSetOf('H01')).toBe('H');
    expect(dataSetOf('X01')).toBeUndefined();
  });
});
