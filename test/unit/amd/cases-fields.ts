// Rules about the field lists: unique fields (line 5), changed fields (line 6), all fields
// (line 12), and the year's catalogue when --year is given.
import {
  CAT_2010_11,
  addDraft,
  changeDraft,
  check,
  deleteDraft,
  withField,
  withLine,
  withTotals,
  withoutField,
} from './drafts';
import type { RuleCase } from './rule-cases';
import { deletionExample, example1Set, tableAChange } from './guide-examples';

const chg = changeDraft();
const del = deleteDraft();
const catalogue = CAT_2010_11;
/** The guide's own examples put a space after each comma. */
const spaced = withLine(
  withLine(chg, 5, 'A01, A03, A05, A48a, A48b'),
  12,
  'A01, A03, A05, A48a, A48b, A27',
);
/** Example 1's learning aim addition, written with the guide's own A11 and A48. */
const guideAims = () => example1Set()[1] ?? addDraft('A', 3);
/** A48A for A48a, as MIS exports write it. */
const shouting = withLine(
  withLine(chg, 5, 'A01,A03,A05,A48A,A48b'),
  12,
  'A01,A03,A05,A48A,A48b,A27',
);
/** A06 is well formed but was not a 2010-11 learning aim field. */
const withA06 = withField(withLine(chg, 6, 'A27,A06'), 'A06', '1');

export const FIELD_CASES: RuleCase[] = [
  {
    code: 'AMD_UNIQUE_FIELDS',
    severity: 'error',
    breaks: [
      {
        when: 'line 5 of a change file is empty',
        report: () => check(withLine(chg, 5, '')),
        line: 5,
      },
      {
        when: 'line 5 of a deletion file is empty',
        report: () => check(withLine(del, 5, '')),
        line: 5,
      },
      {
        when: 'line 5 names a field missing from line 12',
        report: () => check(withLine(chg, 5, 'A01,A03,A05,A48a,A48b,A09')),
        line: 5,
        field: 'A09',
        says: 'A09, which is not on line 12',
      },
      {
        when: 'line 5 has an empty entry',
        report: () => check(withLine(chg, 5, 'A01,A03,,A05,A48a,A48b')),
        line: 5,
        field: null,
      },
      {
        when: 'line 5 of an addition file is not blank',
        report: () => check(withLine(addDraft('L', 3), 5, 'L01,L03')),
        line: 5,
        value: 'L01,L03',
      },
    ],
    passes: [
      { when: 'line 5 lists fields of line 12', report: () => check(chg) },
      { when: 'lines 5 and 12 have spaces after the commas', report: () => check(spaced) },
      { when: 'line 5 of an addition file is blank', report: () => check(addDraft('L', 3)) },
    ],
  },
  {
    code: 'AMD_RECOMMENDED_KEYS',
    severity: 'warning',
    breaks: [
      {
        when: 'line 5 leaves out A48a and A48b',
        report: () =>
          check(withoutField(withoutField(withLine(chg, 5, 'A01,A03,A05'), 'A48a'), 'A48b')),
        line: 5,
        says: 'does not include A48a, A48b',
      },
    ],
    passes: [
      { when: 'line 5 holds every recommended field', report: () => check(chg) },
      {
        when: "line 5 is the guide's own 'A01, A03, A05, A48' (the deletion example)",
        report: () => check(deletionExample()),
      },
    ],
  },
  {
    code: 'AMD_CHANGED_FIELDS',
    severity: 'error',
    breaks: [
      {
        when: 'line 6 of a change file is empty',
        report: () => check(withLine(chg, 6, '')),
        line: 6,
      },
      {
        when: 'line 6 names a field missing from line 12',
        report: () => check(withLine(chg, 6, 'A27,A28')),
        line: 6,
        field: 'A28',
      },
      {
        when: 'line 6 of a deletion file is not blank',
        report: () => check(withLine(del, 6, 'H14')),
        line: 6,
        says: 'must be blank in a deletion file',
      },
      {
        when: 'line 6 of an addition file is not blank',
        report: () => check(withLine(addDraft('L', 3), 6, 'L09')),
        line: 6,
        says: 'must be blank in an addition file',
      },
    ],
    passes: [
      { when: 'line 6 of a change file lists fields of line 12', report: () => check(chg) },
      { when: 'line 6 of a deletion file is blank', report: () => check(del) },
    ],
  },
  {
    code: 'AMD_CHANGED_IS_KEY',
    severity: 'warning',
    breaks: [
      {
        when: 'line 6 corrects a field of line 5',
        report: () => check(withLine(chg, 6, 'A27,A05')),
        line: 6,
        field: 'A05',
      },
    ],
    passes: [{ when: 'lines 5 and 6 share no field', report: () => check(chg) }],
  },
  {
    code: 'AMD_FIELD_LIST',
    severity: 'error',
    breaks: [
      { when: 'line 12 is empty', report: () => check(withLine(chg, 12, '')), line: 12 },
      {
        when: 'line 12 lists a field twice',
        report: () => check(withField(chg, 'A27', '01092010')),
        line: 12,
        field: 'A27',
        says: 'A27 more than once',
      },
      {
        when: 'line 12 has an empty entry',
        report: () => check(withLine(chg, 12, 'A01,A03,A05,A48a,,A27')),
        line: 12,
        says: 'empty entry at position 5',
      },
    ],
    passes: [
      { when: 'line 12 lists each field once', report: () => check(chg) },
      { when: 'line 12 has spaces after the commas', report: () => check(spaced) },
    ],
  },
  {
    code: 'AMD_FIELD_EXTRA',
    severity: 'warning',
    breaks: [
      {
        when: 'line 12 has a field that is not unique, changed nor the checksum',
        report: () => check(withField(chg, 'A09', '50087876')),
        line: 12,
        field: 'A09',
      },
    ],
    passes: [
      { when: 'line 12 is unique + changed + checksum fields', report: () => check(chg) },
      {
        when: 'a field was added solely for the checksum',
        report: () => check(withTotals(withLine(withField(del, 'H18', '1'), 8, 'H18'))),
      },
      {
        when: "a deletion file carries A04 beside its keys, as the guide's own example does",
        report: () => check(deletionExample()),
      },
      {
        when: 'a deletion file carries a field of no role at all',
        report: () => check(withField(del, 'H14', '01')),
      },
    ],
  },
  {
    code: 'AMD_FIELD_NOT_ILR',
    severity: 'error',
    breaks: [
      {
        when: 'a derived field such as HEFLEVEL is amended',
        report: () =>
          check(withLine(withLine(chg, 6, 'HEFLEVEL'), 12, 'A01,A03,A05,A48a,A48b,HEFLEVEL')),
        line: 12,
        field: 'HEFLEVEL',
        says: 'HEFLEVEL on line 12',
      },
      {
        when: 'a code has two occurrence letters',
        report: () =>
          check(
            withLine(withLine(chg, 5, 'A01,A03,A05,A48ab,A48b'), 12, 'A01,A03,A05,A48ab,A48b,A27'),
          ),
        line: 12,
        field: 'A48ab',
      },
      {
        when: 'a code in lower case lacks a digit',
        report: () => check(withLine(withLine(chg, 6, 'a2'), 12, 'A01,A03,A05,A48a,A48b,a2')),
        line: 12,
        field: 'a2',
      },
    ],
    passes: [{ when: 'every field is an ILR field code', report: () => check(chg) }],
  },
  {
    code: 'AMD_FIELD_CASE',
    severity: 'warning',
    breaks: [
      {
        when: 'an occurrence letter is in capitals on lines 5 and 12',
        report: () => check(shouting),
        line: 12,
        field: 'A48a',
        value: 'A01,A03,A05,A48A,A48b,A27',
        says: 'Line 12 writes A48A, read as A48a',
      },
      {
        when: 'an occurrence letter is in capitals on line 5',
        report: () => check(shouting),
        line: 5,
        field: 'A48a',
      },
      {
        when: 'line 6 is in lower case',
        report: () => check(withLine(chg, 6, 'a27')),
        line: 6,
        field: 'A27',
      },
      {
        when: 'line 8 is in lower case',
        report: () => check(withLine(chg, 8, 'a05')),
        line: 8,
        says: 'a05, read as A05',
      },
      {
        when: 'line 12 writes several codes in another case',
        report: () => check(withLine(chg, 12, 'a01,A03,A05,A48A,A48B,A27')),
        line: 12,
        field: null,
        says: 'a01, A48A, A48B, read as A01, A48a, A48b',
      },
    ],
    passes: [
      { when: 'every code is written as the guide writes it', report: () => check(chg) },
      { when: 'the codes have spaces after the commas', report: () => check(spaced) },
    ],
  },
  {
    code: 'AMD_FIELD_DATASET',
    severity: 'error',
    breaks: [
      {
        when: 'a learning aim file changes an HE field',
        report: () => check(withField(withLine(chg, 6, 'A27,H14'), 'H14', '01')),
        line: 12,
        field: 'H14',
        says: 'H14 belongs to the HE (H) data set, but this file amends the learning aim (A) data set',
      },
    ],
    passes: [{ when: "every field belongs to the file's data set", report: () => check(chg) }],
  },
  {
    code: 'AMD_FIELD_UNKNOWN',
    severity: 'warning',
    breaks: [
      {
        when: "with --year, a field was not in that year's catalogue",
        report: () => check(withA06, { catalogue }),
        line: 12,
        field: 'A06',
        says: 'not a 2010-11 ILR field',
      },
    ],
    passes: [
      {
        when: 'with --year, every field is in the catalogue',
        report: () => check(chg, { catalogue }),
      },
      { when: 'no year is given', report: () => check(withA06) },
      {
        when: "with --year, line 12 uses the guide's own A11 and A48 (Table A)",
        report: () => check(tableAChange(), { catalogue }),
      },
      {
        when: "with --year, an aim addition uses the guide's A11 and A48 for A11a/b and A48a/b",
        report: () => check(guideAims(), { catalogue }),
      },
      {
        when: 'the field is of the HE data set, whose catalogue list is known to be incomplete',
        report: () =>
          check(withTotals(withLine(withField(del, 'H99', '1'), 8, 'H99')), { catalogue }),
      },
    ],
  },
  {
    code: 'AMD_ADD_FIELDS_INCOMPLETE',
    severity: 'warning',
    breaks: [
      {
        when: 'with --year, a learner addition file lacks L09',
        report: () => check(withoutField(addDraft('L', 3), 'L09'), { catalogue }),
        line: 12,
        says: 'lacks 1 field of the 2010-11 data set: L09',
      },
      {
        when: 'with --year, an HE addition file lacks six fields',
        report: () =>
          check(['H02', 'H04', 'H06', 'H07', 'H08', 'H10'].reduce(withoutField, addDraft('H', 1)), {
            catalogue,
          }),
        line: 12,
        says: 'H02, H04, H06, H07, H08, H10',
      },
      {
        when: 'no year is given: the 2010-11 list is assumed and named as reconstructed',
        report: () => check(withoutField(addDraft('L', 3), 'L09')),
        line: 12,
        says: 'L09. The list comes from the 2010-11 ILR catalogue (reconstructed',
      },
      {
        when: 'an HE addition lacks H29, which the catalogue itself marks uncertain',
        report: () => check(withoutField(addDraft('H', 1), 'H29'), { catalogue }),
        line: 12,
        says: 'H29. The list comes from the 2010-11 ILR catalogue (from official lists',
      },
    ],
    passes: [
      {
        when: 'with --year, a learner addition file has every field',
        report: () => check(addDraft('L', 3), { catalogue }),
      },
      {
        when: 'with --year, an HE addition file has every field',
        report: () => check(addDraft('H', 1), { catalogue }),
      },
      { when: 'no year is given and every field is there', report: () => check(addDraft('L', 3)) },
      {
        when: "an aim addition uses the guide's A11 and A48, with or without --year",
        report: () => [check(guideAims()), check(guideAims(), { catalogue })],
      },
    ],
  },
  {
    code: 'AMD_ADD_FIELDS_MISSING',
    severity: 'error',
    breaks: [
      {
        when: 'a learner addition lacks L03, a field the guide itself names',
        report: () => check(withoutField(addDraft('L', 3), 'L03')),
        line: 12,
        says: "lacks 1 field of the 2010-11 data set that HEFCE's guide itself names: L03",
      },
      {
        when: 'with --year, an HE addition lacks H01, H03, H05 and H09',
        report: () =>
          check(['H01', 'H03', 'H05', 'H09'].reduce(withoutField, addDraft('H', 1)), {
            catalogue,
          }),
        line: 12,
        says: 'H01, H03, H05, H09',
      },
    ],
    passes: [
      {
        when: 'an addition lists every field the guide names, with or without --year',
        report: () => [check(addDraft('A', 2)), check(addDraft('A', 2), { catalogue })],
      },
    ],
  },
];
