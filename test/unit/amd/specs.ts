// Fixed specifications of the golden files in test/fixtures/golden, which were written by hand
// from HEFCE's guide, not by the builder.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AmendmentFileSpec } from '../../../shared/amd';
import { CAT_2010_11 } from './drafts';

export function readGolden(name: string): Buffer {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/golden/${name}`, import.meta.url)));
}

const createdOn = { year: 2011, month: 3, day: 14 };

export const CHANGE_SPEC: AmendmentFileSpec = {
  kind: 'CHANGE',
  dataSet: 'A',
  provider: '012345',
  seq: 1,
  createdOn,
  description: 'Learning start dates (A27) corrected - reference number 1',
  notes: ['Dates checked against enrolment forms'],
  fields: ['A01', 'A03', 'A05', 'A48a', 'A48b', 'A27', 'A11a'],
  uniqueFields: ['A01', 'A03', 'A05', 'A48a', 'A48b'],
  changedFields: ['A27'],
  checksumField: 'A11a',
  records: [
    ['012345', '000012345678', '01', '', '', '01092010', '105'],
    ['012345', '000012345678', '02', '', '', '01092010', '105'],
    ['012345', '000098765432', '01', 'HNC', '', '15092010', '107'],
  ],
};

export const DELETE_SPEC: AmendmentFileSpec = {
  kind: 'DELETE',
  dataSet: 'A',
  provider: '012345',
  seq: 2,
  createdOn: { ...createdOn, day: 15 },
  description: 'Learning aims wrongly included - reference number 3',
  notes: ['A11a added solely for the check sum', 'Approved on the action plan of 10 March 2011'],
  fields: ['A01', 'A03', 'A05', 'A48a', 'A48b', 'A11a'],
  uniqueFields: ['A01', 'A03', 'A05', 'A48a', 'A48b'],
  changedFields: [],
  checksumField: 'A11a',
  records: [
    ['012345', '000012345678', '03', '', '', '105'],
    ['012345', 'AB0012 34', '01', 'X7', '', '107'],
  ],
};

const learnerFields = CAT_2010_11.dataSets.L.fields.map((f) => f.code);
const learner = (values: Record<string, string>) => learnerFields.map((f) => values[f] ?? '');

export const ADD_SPEC: AmendmentFileSpec = {
  kind: 'ADD',
  dataSet: 'L',
  additionType: 3,
  provider: '012345',
  seq: 1,
  createdOn: { ...createdOn, day: 16 },
  description: 'Learners omitted from the original return - reference number 2',
  notes: [],
  fields: learnerFields,
  uniqueFields: [],
  changedFields: [],
  checksumField: 'L05',
  records: [
    learner({
      L01: '012345',
      L03: '000000000101',
      L05: '1',
      L09: 'Example',
      L10: 'Ann',
      L11: '14031990',
    }),
    learner({
      L01: '012345',
      L03: '000000000102',
      L05: '2',
      L09: 'Example',
      L10: 'Bob',
      L11: '01021989',
    }),
  ],
};

/** A spec with one record value replaced, for refusals. */
export function withRecordValue(
  spec: AmendmentFileSpec,
  row: number,
  field: string,
  value: string,
): AmendmentFileSpec {
  const column = spec.fields.indexOf(field);
  return {
    ...spec,
    records: spec.records.map((r, i) =>
      i === row - 1 ? r.map((v, j) => (j === column ? value : v)) : r,
    ),
  };
}
