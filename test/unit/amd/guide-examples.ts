// Files shaped like the examples in HEFCE's "How to amend ILR data" guide, header lines taken from
// its text: Table A's three columns, the deletion example (A04 and A11 on line 12), the H change
// example with ', ' separators, and example 1's addition set. A real college may copy any of them.
import type { DataSet } from '../../../shared/amd';
import type { Draft } from './drafts';
import { CAT_2010_11, UPIN, withTotals } from './drafts';

/** Header lines 1 to 12; line 7 and line 9 are filled in from the records. */
function draft(reference: string, lines: string[], records: string[]): Draft {
  return withTotals({
    fileName: `${reference}.amd`,
    lines: [reference, '14032011', ...lines, ...records],
  });
}

/** Table A, change column: line 5 'A01, A03, A05, A48', line 6 'A11, A27'. */
export function tableAChange(): Draft {
  return draft(
    `chg${UPIN}A01`,
    [
      'Changing ILR learning aim data set fields A11 and A27 - reference number 1',
      'CHANGE',
      'A01, A03, A05, A48',
      'A11, A27',
      '',
      'A11',
      '',
      '',
      '',
      'A01, A03, A05, A48, A11, A27',
    ],
    [`${UPIN},000012345678,01,HNC1,107,01092010`, `${UPIN},000098765432,01,HNC2,105,15092010`],
  );
}

/** Table A, deletion column: line 5 'L01, L03, L42', a learner file, so the cascade applies. */
export function tableADeletion(): Draft {
  return draft(
    `del${UPIN}L01`,
    [
      'Deleting ILR student data set records incorrectly included in original return - reference number 3',
      'DELETE',
      'L01, L03, L42',
      '',
      '',
      'L05',
      '',
      '',
      '',
      'L01, L03, L42, L05',
    ],
    [`${UPIN},000012345678,HNC,01`, `${UPIN},000098765432,HNC,02`],
  );
}

/** The deletion example: line 5 'A01, A03, A05, A48', line 12 adds A04 and A11 (for the checksum). */
export function deletionExample(learners = ['000012345678', '000098765432']): Draft {
  return draft(
    `del${UPIN}A01`,
    [
      'Learning aim data set data for HNCs incorrectly included in ILR – reference number 3',
      'DELETE',
      'A01, A03, A05, A48',
      '',
      '',
      'A11',
      '',
      '',
      '',
      'A01, A03, A04, A05, A48, A11',
    ],
    learners.map((l) => `${UPIN},${l},30,01,HNC,107`),
  );
}

/** The H change example: 'H01, H03, H05, H09' and 'H14, H15', with H09 for the checksum. */
export function heChangeExample(): Draft {
  return draft(
    `chg${UPIN}H01`,
    [
      'Changes to ILR fields H14 and H15 – reference number 1',
      'CHANGE',
      'H01, H03, H05, H09',
      'H14, H15',
      '',
      'H09',
      '',
      '',
      '',
      'H01, H03, H05, H09, H14, H15',
    ],
    [`${UPIN},000012345678,01,1,01,N`, `${UPIN},000098765432,01,1,02,S`],
  );
}

/**
 * The guide's own codes for the learning aim data set: A11 and A48 in place of A11a/b and A48a/b,
 * as the checksum advice and the deletion example write them.
 */
function guideCodes(codes: string[]): string[] {
  return codes
    .filter((c) => c !== 'A11b' && c !== 'A48b')
    .map((c) => (c === 'A11a' ? 'A11' : c === 'A48a' ? 'A48' : c));
}

/** Example 1: four students, three with one HE aim and one with two: L301, A301 and H301. */
export function example1Set(): Draft[] {
  const learners = ['000000000001', '000000000002', '000000000003', '000000000004'];
  const aims: [string, string][] = [
    [learners[0] ?? '', '01'],
    [learners[1] ?? '', '01'],
    [learners[2] ?? '', '01'],
    [learners[3] ?? '', '01'],
    [learners[3] ?? '', '02'],
  ];
  const file = (ds: DataSet, rows: [string, string][], what: string) => {
    const fields = CAT_2010_11.dataSets[ds].fields.map((f) => f.code);
    const codes = ds === 'A' ? guideCodes(fields) : fields;
    const record = ([learner, seq]: [string, string]) =>
      codes
        .map((c) =>
          c === `${ds}01` ? UPIN : c === `${ds}03` ? learner : c === `${ds}05` ? seq : '',
        )
        .join(',');
    return draft(
      `add${UPIN}${ds}301`,
      [
        `${what} omitted from original ILR return – reference number 2 on the action plan`,
        'ADD',
        '',
        '',
        '',
        `${ds}05`,
        '',
        '',
        '',
        codes.join(', '),
      ],
      rows.map(record),
    );
  };
  return [
    file(
      'L',
      learners.map((l, i) => [l, i === 3 ? '02' : '01']),
      'Learner data set data for HNCs',
    ),
    file('A', aims, 'Learning aim data set data for HNCs'),
    file('H', aims, 'HE data set data for HNCs'),
  ];
}
