// Rules about the records from line 13: their shape, keys, provider, checksum values and the
// marks a spreadsheet leaves on them.
import {
  CAT_2010_11,
  addDraft,
  changeDraft,
  check,
  withInserted,
  withLine,
  withTotals,
  withValue,
} from './drafts';
import type { RuleCase } from './rule-cases';

const chg = changeDraft();
const catalogue = CAT_2010_11;
const zeros = changeDraft('012345');

export const RECORD_CASES: RuleCase[] = [
  {
    code: 'AMD_RECORD_FIELDS',
    severity: 'error',
    breaks: [
      {
        when: 'a value holds a comma',
        report: () => check(withValue(chg, 15, 'A48a', 'HNC,Level 4')),
        line: 15,
        value: '105432,000098765432,01,HNC,Level 4,,15092010',
        says: 'Line 15 has 7 values but line 12 lists 6 fields',
      },
      {
        when: 'a record lacks a value',
        report: () => check(withLine(chg, 14, '105432,000012345678,02,,01092010')),
        line: 14,
      },
    ],
    passes: [
      {
        when: 'every record has one value per field, empty ones included',
        report: () => check(chg),
      },
    ],
  },
  {
    code: 'AMD_DUPLICATE_KEY',
    severity: 'error',
    breaks: [
      {
        when: 'two records share A01, A03, A05, A48a and A48b',
        report: () => check(withTotals(withValue(chg, 14, 'A05', '01'))),
        line: 14,
        says: 'same unique fields as line 13',
      },
      {
        when: 'two records of an addition file share the recommended keys',
        report: () =>
          check(
            withTotals(
              withValue(withValue(addDraft('A', 2), 14, 'A03', '000012345671'), 14, 'A05', '01'),
            ),
          ),
        line: 14,
      },
    ],
    passes: [
      { when: 'records differ in A05 only', report: () => check(chg) },
      {
        when: 'records differ in A48a only',
        report: () =>
          check(withTotals(withValue(withValue(chg, 14, 'A05', '01'), 14, 'A48a', 'X'))),
      },
    ],
  },
  {
    code: 'AMD_KEY_EMPTY',
    severity: 'error',
    breaks: [
      {
        when: 'the learner reference A03 is empty',
        report: () => check(withValue(chg, 13, 'A03', '')),
        line: 13,
        field: 'A03',
        value: '',
      },
      {
        when: 'A03 holds only spaces',
        report: () => check(withValue(chg, 13, 'A03', '  ')),
        line: 13,
        field: 'A03',
      },
      {
        when: 'L03 of an addition record is empty',
        report: () => check(withValue(addDraft('L', 3), 14, 'L03', '')),
        line: 14,
        field: 'L03',
      },
    ],
    passes: [
      { when: 'only the provider-specified A48a and A48b are empty', report: () => check(chg) },
    ],
  },
  {
    code: 'AMD_PROVIDER_MISMATCH',
    severity: 'error',
    breaks: [
      {
        when: "a spreadsheet dropped the UPIN's leading zero",
        report: () => check(withValue(zeros, 14, 'A01', '12345')),
        line: 14,
        field: 'A01',
        value: '12345',
        says: 'leading zeros were lost',
      },
      {
        when: 'a record belongs to another provider',
        report: () => check(withValue(chg, 13, 'A01', '105433')),
        line: 13,
        field: 'A01',
        says: "A01 is '105433' but the file name's UPIN is 105432",
      },
    ],
    passes: [{ when: "A01 keeps the UPIN's leading zero", report: () => check(zeros) }],
  },
  {
    code: 'AMD_CHECKSUM_NON_NUMERIC',
    severity: 'error',
    breaks: [
      {
        when: 'a checksum value has a letter',
        report: () => check(withValue(chg, 13, 'A05', 'x1')),
        line: 13,
        field: 'A05',
        value: 'x1',
      },
      {
        when: 'a checksum value has a space',
        report: () => check(withValue(chg, 14, 'A05', ' 2')),
        line: 14,
        field: 'A05',
      },
      {
        when: 'a checksum value is negative',
        report: () => check(withValue(chg, 14, 'A05', '-2')),
        line: 14,
        field: 'A05',
      },
      {
        when: 'a checksum value is empty',
        report: () => check(withValue(chg, 15, 'A05', '')),
        line: 15,
        field: 'A05',
      },
    ],
    passes: [
      { when: 'every checksum value is a whole number', report: () => check(chg) },
      {
        when: 'a checksum value has leading zeros',
        report: () => check(withValue(chg, 15, 'A05', '001')),
      },
    ],
  },
  {
    code: 'AMD_CHECKSUM_UNSUITABLE',
    severity: 'warning',
    breaks: [
      {
        when: 'a checksum value is 20001',
        report: () => check(withTotals(withValue(chg, 14, 'A05', '20001'))),
        line: 14,
        field: 'A05',
        says: 'checksum field A05',
      },
    ],
    passes: [
      {
        when: 'the largest checksum value is 20000',
        report: () => check(withTotals(withValue(chg, 14, 'A05', '20000'))),
      },
    ],
  },
  {
    code: 'AMD_EXCEL_EXPONENT',
    severity: 'error',
    breaks: [
      {
        when: 'Excel wrote a learner reference as 1.23457E+07',
        report: () => check(withValue(chg, 13, 'A03', '1.23457E+07')),
        line: 13,
        field: 'A03',
        value: '1.23457E+07',
      },
      {
        when: 'a value is 9.91E+12',
        report: () => check(withValue(chg, 15, 'A48a', '9.91E+12')),
        line: 15,
        field: 'A48a',
      },
    ],
    passes: [
      { when: 'no value is in exponent form', report: () => check(chg) },
      {
        when: 'a reference holds the letter E but no exponent sign',
        report: () => check(withValue(chg, 15, 'A03', '0000987E6543')),
      },
    ],
  },
  {
    code: 'AMD_EXCEL_DATE',
    severity: 'warning',
    breaks: [
      {
        when: 'a date is written 01/09/2010',
        report: () => check(withValue(chg, 13, 'A27', '01/09/2010')),
        line: 13,
        field: 'A27',
      },
      {
        when: 'a date is written 2010-09-01',
        report: () => check(withValue(chg, 14, 'A27', '2010-09-01')),
        line: 14,
        field: 'A27',
      },
    ],
    passes: [{ when: 'dates are written ddmmyyyy', report: () => check(chg) }],
  },
  {
    code: 'AMD_QUOTED_VALUE',
    severity: 'error',
    breaks: [
      {
        when: 'a spreadsheet quoted a value',
        report: () => check(withValue(chg, 15, 'A48a', '"HNC"')),
        line: 15,
        field: 'A48a',
        value: '"HNC"',
      },
      {
        when: 'a record starts with a quote',
        report: () => check(withValue(chg, 13, 'A01', '"105432"')),
        line: 13,
        field: 'A01',
      },
    ],
    passes: [{ when: 'no value holds a quote', report: () => check(chg) }],
  },
  {
    code: 'AMD_CONTROL_CHARACTER',
    severity: 'error',
    breaks: [
      {
        when: 'a value holds a NUL from a damaged copy',
        report: () => check(withValue(chg, 14, 'A48a', 'HN\u0000C')),
        line: 14,
        field: 'A48a',
        value: 'HN\u0000C',
      },
      {
        when: 'a value holds a TAB from a spreadsheet paste',
        report: () => check(withValue(chg, 13, 'A48a', 'HNC\t')),
        line: 13,
        field: 'A48a',
      },
    ],
    passes: [{ when: 'values hold letters, digits and spaces only', report: () => check(chg) }],
  },
  {
    code: 'AMD_VALUE_TOO_LONG',
    severity: 'warning',
    breaks: [
      {
        when: 'with --year, a 13-character A03 exceeds its 12',
        report: () => check(withValue(chg, 13, 'A03', '0000123456789'), { catalogue }),
        line: 13,
        field: 'A03',
        says: 'A03 is 13 characters long; the catalogue gives 12',
      },
    ],
    passes: [
      {
        when: 'with --year, A03 has exactly 12 characters',
        report: () => check(chg, { catalogue }),
      },
      { when: 'no year is given', report: () => check(withValue(chg, 13, 'A03', '0000123456789')) },
    ],
  },
  {
    code: 'AMD_NO_RECORDS',
    severity: 'warning',
    breaks: [
      {
        when: 'the header is followed by no records',
        report: () => check(withTotals({ ...chg, lines: chg.lines.slice(0, 12) })),
        line: null,
      },
    ],
    passes: [{ when: 'the file has records', report: () => check(chg) }],
  },
  {
    code: 'AMD_BLANK_LINE',
    severity: 'warning',
    breaks: [
      {
        when: 'an empty line separates two records',
        report: () => check(withInserted(chg, 14, '')),
        line: 14,
        says: 'Line 14 is empty but more records follow it',
      },
    ],
    passes: [
      { when: 'records follow one another', report: () => check(chg) },
      {
        when: 'empty lines come only after the last record',
        report: () => check(withInserted(chg, 16, '')),
      },
    ],
  },
];
