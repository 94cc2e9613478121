// The contract's inputs check each domain value with the domain's own schema, so the app, the
// browser mode and the command line refuse the same values in the same words.
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { inputs } from '../../../shared/ipc/contract';
import {
  DDMMYYYY_MESSAGE,
  FIELD_CODE_MESSAGE,
  ILR_YEAR_MESSAGE,
  ISO_DATE_MESSAGE,
  UKPRN_MESSAGE,
  UPIN_MESSAGE,
} from '../../../shared/domain';

function messages(schema: ZodType, value: unknown): string[] {
  return schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];
}

describe('the contract', () => {
  it('refuses a provider whose UPIN or UKPRN lost a digit', () => {
    expect(
      messages(inputs['providers.add'], { upin: '12345', ukprn: '1000792', name: 'A' }),
    ).toEqual([UPIN_MESSAGE, UKPRN_MESSAGE]);
    expect(messages(inputs['providers.add'], { upin: '012345', ukprn: null, name: 'A' })).toEqual(
      [],
    );
    expect(messages(inputs['providers.update'], { upin: '012345', ukprn: '1000792' })).toEqual([
      UKPRN_MESSAGE,
    ]);
  });

  it('refuses a plan for a year that is not an ILR year', () => {
    const plan = { upin: '105432', title: 'T', variant: 'general' };
    expect(messages(inputs['plans.create'], { ...plan, year: '2010-11' })).toEqual([]);
    expect(messages(inputs['plans.create'], { ...plan, year: '2010-12' })).toEqual([
      ILR_YEAR_MESSAGE,
    ]);
    expect(
      messages(inputs['batches.create'], { upin: '105432', year: '2010/11', planId: 1 }),
    ).toEqual([ILR_YEAR_MESSAGE]);
  });

  it('refuses a row due on a day that does not exist', () => {
    const row = { kind: 'DELETE', description: 'D', fields: 'all', records: 1 };
    expect(
      messages(inputs['plans.addRow'], { planId: 1, row: { ...row, due: '2012-02-29' } }),
    ).toEqual([]);
    expect(
      messages(inputs['plans.addRow'], { planId: 1, row: { ...row, due: '2011-02-29' } }),
    ).toEqual([ISO_DATE_MESSAGE]);
  });

  it('refuses a data request opening on a day that does not exist', () => {
    const request = { period: 'June 2019', template: 'T', due: '2019-07-01' };
    expect(messages(inputs['portal.addRequest'], { ...request, opens: '2019-02-29' })).toEqual([
      ISO_DATE_MESSAGE,
    ]);
  });

  it('takes a data request without an opening date (it opens on the due date), never one due before it opens', () => {
    const request = { period: 'June 2019', template: 'T', due: '2019-07-01' };
    expect(messages(inputs['portal.addRequest'], request)).toEqual([]);
    expect(messages(inputs['portal.addRequest'], { ...request, opens: '2019-07-02' })).toEqual([
      'The due date cannot be before the collection opens.',
    ]);
  });

  it('refuses a creation date that does not exist and a field that is not an ILR field code', () => {
    const file = {
      planId: 1,
      ref: 1,
      kind: 'DELETE',
      dataSet: 'L',
      fields: ['L01', 'L03'],
      uniqueFields: ['L01', 'L03'],
      changedFields: [],
      checksumField: 'L03',
      records: [['105432', '1']],
    };
    expect(messages(inputs['files.finalise'], { ...file, createdOn: '14032011' })).toEqual([]);
    expect(messages(inputs['files.finalise'], { ...file, createdOn: '29022011' })).toEqual([
      DDMMYYYY_MESSAGE,
    ]);
    expect(messages(inputs['files.finalise'], { ...file, checksumField: 'L3' })).toEqual([
      FIELD_CODE_MESSAGE,
    ]);
    expect(messages(inputs['mappings.save'], { upin: '105432', mapping: { ULN: 'L99' } })).toEqual(
      [],
    );
  });
});
