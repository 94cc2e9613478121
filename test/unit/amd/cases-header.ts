// Rules about header lines 1-4 and 7-9.
import { addDraft, changeDraft, check, deleteDraft, withLine, withValue } from './drafts';
import type { RuleCase } from './rule-cases';

const chg = changeDraft();
const today = { year: 2011, month: 3, day: 14 };

export const HEADER_CASES: RuleCase[] = [
  {
    code: 'AMD_REFERENCE',
    severity: 'error',
    breaks: [
      {
        when: 'line 1 names another file',
        report: () => check(withLine(chg, 1, 'chg105432A02')),
        line: 1,
        value: 'chg105432A02',
        says: "'chg105432A01.amd'",
      },
      {
        when: 'line 1 keeps the .amd extension',
        report: () => check(withLine(chg, 1, 'chg105432A01.amd')),
        line: 1,
      },
    ],
    passes: [{ when: 'line 1 is the file name without .amd', report: () => check(chg) }],
  },
  {
    code: 'AMD_DATE',
    severity: 'error',
    breaks: [
      {
        when: 'line 2 is 31 February',
        report: () => check(withLine(chg, 2, '31022011')),
        line: 2,
        value: '31022011',
      },
      {
        when: 'line 2 lost its leading zero',
        report: () => check(withLine(chg, 2, '1432011')),
        line: 2,
      },
      {
        when: 'line 2 is an ISO date',
        report: () => check(withLine(chg, 2, '2011-03-14')),
        line: 2,
      },
      {
        when: 'line 2 is 29 February of a common year',
        report: () => check(withLine(chg, 2, '29022011')),
        line: 2,
      },
    ],
    passes: [
      {
        when: 'line 2 is 29 February of a leap year',
        report: () => check(withLine(chg, 2, '29022012')),
      },
    ],
  },
  {
    code: 'AMD_DATE_FUTURE',
    severity: 'warning',
    breaks: [
      {
        when: 'line 2 is the day after today',
        report: () => check(withLine(chg, 2, '15032011'), { today }),
        line: 2,
        value: '15032011',
      },
    ],
    passes: [{ when: 'line 2 is today', report: () => check(chg, { today }) }],
  },
  {
    code: 'AMD_DESCRIPTION',
    severity: 'error',
    breaks: [
      { when: 'line 3 is empty', report: () => check(withLine(chg, 3, '')), line: 3 },
      { when: 'line 3 holds only spaces', report: () => check(withLine(chg, 3, '   ')), line: 3 },
    ],
    passes: [{ when: 'line 3 describes the correction', report: () => check(chg) }],
  },
  {
    code: 'AMD_DESCRIPTION_NO_REFERENCE',
    severity: 'warning',
    breaks: [
      {
        when: 'line 3 names no reference number',
        report: () => check(withLine(chg, 3, 'Learning start dates corrected')),
        line: 3,
        says: 'Learning start dates corrected',
      },
    ],
    passes: [
      { when: "line 3 says 'reference number 1'", report: () => check(chg) },
      { when: "line 3 says 'ref 2'", report: () => check(withLine(chg, 3, 'Start dates - ref 2')) },
      {
        when: "line 3 says 'reference no. 12'",
        report: () => check(withLine(chg, 3, 'Start dates (reference no. 12)')),
      },
    ],
  },
  {
    code: 'AMD_KIND',
    severity: 'error',
    breaks: [
      {
        when: 'line 4 holds none of the three words',
        report: () => check(withLine(chg, 4, 'AMEND')),
        line: 4,
        value: 'AMEND',
        says: 'none of the words CHANGE, ADD and DELETE',
      },
      {
        when: 'line 4 holds CHANGES, which is not the word CHANGE',
        report: () => check(withLine(chg, 4, 'CHANGES')),
        line: 4,
      },
      {
        when: 'line 4 is empty',
        report: () => check(withLine(chg, 4, '')),
        line: 4,
      },
      {
        when: 'line 4 names two kinds',
        report: () => check(withLine(chg, 4, 'CHANGE/DELETE')),
        line: 4,
        says: 'names CHANGE and DELETE',
      },
      {
        when: 'line 4 contradicts the file name',
        report: () => check(withLine(chg, 4, 'DELETE')),
        line: 4,
        says: 'file name says CHANGE',
      },
      {
        when: 'line 4 in lower case contradicts the file name',
        report: () => check(withLine(chg, 4, 'delete')),
        line: 4,
        says: 'Line 4 says DELETE but the file name says CHANGE',
      },
    ],
    passes: [
      { when: 'line 4 is CHANGE in a chg file', report: () => check(chg) },
      { when: 'line 4 is DELETE in a del file', report: () => check(deleteDraft()) },
      { when: 'line 4 is ADD in an add file', report: () => check(addDraft('L', 3)) },
    ],
  },
  {
    code: 'AMD_KIND_WORDING',
    severity: 'warning',
    breaks: [
      {
        when: 'line 4 is in lower case',
        report: () => check(withLine(chg, 4, 'change')),
        line: 4,
        value: 'change',
        says: "Line 4 is 'change', read as CHANGE",
      },
      {
        when: 'line 4 has other words around the kind',
        report: () => check(withLine(deleteDraft(), 4, 'Type: Delete records')),
        line: 4,
        says: 'read as DELETE',
      },
      {
        when: 'line 4 says ADD FILE',
        report: () => check(withLine(addDraft('H', 1), 4, 'ADD FILE')),
        line: 4,
      },
    ],
    passes: [
      { when: 'line 4 is the capital word alone', report: () => check(chg) },
      {
        when: 'line 4 has spaces around the capital word',
        report: () => check(withLine(chg, 4, '  CHANGE ')),
      },
    ],
  },
  {
    code: 'AMD_RECORD_COUNT',
    severity: 'error',
    breaks: [
      {
        when: 'line 7 says one record more than there are',
        report: () => check(withLine(chg, 7, '4')),
        line: 7,
        value: '4',
        says: 'says 4 records but the file has 3',
      },
      {
        when: 'line 7 is a word',
        report: () => check(withLine(chg, 7, 'three')),
        line: 7,
        value: 'three',
      },
      { when: 'line 7 is negative', report: () => check(withLine(chg, 7, '-3')), line: 7 },
    ],
    passes: [{ when: 'line 7 equals the number of records', report: () => check(chg) }],
  },
  {
    code: 'AMD_CHECKSUM_FIELD',
    severity: 'error',
    breaks: [
      {
        when: 'line 8 names a field missing from line 12',
        report: () => check(withLine(chg, 8, 'A11a')),
        line: 8,
        says: 'A11a, which is not on line 12',
      },
      { when: 'line 8 is empty', report: () => check(withLine(chg, 8, '')), line: 8 },
    ],
    passes: [{ when: 'line 8 names a field of line 12', report: () => check(chg) }],
  },
  {
    code: 'AMD_CHECKSUM_VALUE',
    severity: 'error',
    breaks: [
      {
        when: 'line 9 differs from the sum',
        report: () => check(withLine(chg, 9, '5')),
        line: 9,
        field: 'A05',
        value: '5',
        says: 'add up to 4',
      },
      {
        when: 'line 9 is not a whole number',
        report: () => check(withLine(chg, 9, '4.0')),
        line: 9,
        field: null,
      },
      {
        when: 'a record was changed after the sum was taken',
        report: () => check(withValue(chg, 15, 'A05', '03')),
        line: 9,
        field: 'A05',
      },
    ],
    passes: [{ when: 'line 9 is the sum of A05 over all records', report: () => check(chg) }],
  },
];
