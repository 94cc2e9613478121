// A returned and a corrected extract of learning aims with known differences, for the engine, the
// command line and the files built from them. Corrected: another column order and an MIS column.
// - learner 1: unchanged
// - learner 2: A27 corrected
// - learner 3: A09 and A11a corrected
// - learner 4: only returned (deleted)
// - learner 5: returned twice (a duplicate key in the returned extract)
// - learner 6: A27 `1092010` → `01092010` (differs as text)
// - learner 7: only corrected (added)
// - learner 8: corrected twice (a duplicate key in the corrected extract)
const ref = (n: number) => String(n).padStart(12, '0');

export const RETURNED_CSV =
  [
    'A01,A03,A05,A48a,A48b,A09,A27,A11a',
    `012345,${ref(1)},01,,,50087876,01092010,105`,
    `012345,${ref(2)},01,,,50087876,01092010,105`,
    `012345,${ref(3)},01,,,60012345,01092010,105`,
    `012345,${ref(4)},01,,,50087876,01092010,105`,
    `012345,${ref(5)},01,HNC,,50087876,01092010,105`,
    `012345,${ref(5)},01,HNC,,50087876,01092010,105`,
    `012345,${ref(6)},01,,,50087876,1092010,105`,
  ].join('\r\n') + '\r\n';

export const CORRECTED_CSV =
  [
    'A01,A03,A05,A48a,A48b,A27,A09,A11a,MIS_NAME',
    `012345,${ref(1)},01,,,01092010,50087876,105,Ann`,
    `012345,${ref(2)},01,,,15092010,50087876,105,Bob`,
    `012345,${ref(3)},01,,,01092010,50087876,107,Cat`,
    `012345,${ref(5)},01,HNC,,01092010,50087876,105,Eve`,
    `012345,${ref(6)},01,,,01092010,50087876,105,Fay`,
    `012345,${ref(7)},01,,,01092010,50087876,105,Gus`,
    `012345,${ref(8)},01,,,01092010,50087876,105,Hal`,
    `012345,${ref(8)},01,,,01092010,50087876,105,Hal`,
  ].join('\r\n') + '\r\n';

export const learner = (n: number) => ({
  A01: '012345',
  A03: ref(n),
  A05: '01',
  A48a: n === 5 ? 'HNC' : '',
  A48b: '',
});

export const EXPECTED = {
  records: { returned: 7, corrected: 8 },
  changed: [
    { key: learner(2), fields: [{ field: 'A27', old: '01092010', new: '15092010' }] },
    {
      key: learner(3),
      fields: [
        { field: 'A09', old: '60012345', new: '50087876' },
        { field: 'A11a', old: '105', new: '107' },
      ],
    },
    { key: learner(6), fields: [{ field: 'A27', old: '1092010', new: '01092010' }] },
  ],
  added: [learner(7)],
  deleted: [learner(4)],
  unchanged: 1,
  changedFields: ['A27', 'A09', 'A11a'],
  duplicateKeys: [
    { extract: 'returned', key: learner(5), records: [5, 6] },
    { extract: 'corrected', key: learner(8), records: [7, 8] },
  ],
};

/** A pair's extract without the records whose keys are repeated (learners 5 and 8). */
export const withoutRepeatedKeys = (csv: string): string =>
  csv
    .split('\r\n')
    .filter((l) => !l.includes(ref(5)) && !l.includes(ref(8)))
    .join('\r\n');

/** An extract as the app hands it over: its name and its bytes. */
export const extractBytes = (fileName: string, text: string) => ({
  fileName,
  base64: Buffer.from(text).toString('base64'),
});
