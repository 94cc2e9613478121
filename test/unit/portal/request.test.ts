// What a data request's status rests on: our own uploads and the portal's word, whichever was heard
// last; a transfer that never completed counts as nothing sent; a nil return settles it.
import { describe, expect, it } from 'vitest';
import { failureText, submissionOf } from '../../../shared/portal/request';
import type { DataRequest, RequestUpload } from '../../../shared/portal/request';

const request = (over: Partial<DataRequest> = {}): DataRequest => ({
  id: 1,
  destinationId: 1,
  destination: 'Ofqual',
  portalId: 'june-2019-specificationcodes',
  period: 'June 2019',
  template: 'SpecificationCodes',
  opens: '2019-03-25',
  due: '2019-04-03',
  portal: null,
  nilReturn: null,
  createdAt: '2019-03-01T09:00:00Z',
  ...over,
});

const upload = (over: Partial<RequestUpload> = {}): RequestUpload => ({
  id: 7,
  fileName: 'codes.csv',
  status: 'pending-verification',
  messages: [],
  receivedAt: '2019-03-26T10:00:00Z',
  statusChangedAt: '2019-03-26T10:00:00Z',
  ...over,
});

const portal = (status: NonNullable<DataRequest['portal']>['status'], syncedAt: string) => ({
  status,
  messages: [{ code: 'HEADER', message: 'The header is wrong.', line: 1 }],
  fileName: 'codes.csv',
  syncedAt,
});

describe('submissionOf', () => {
  it('is nothing when nothing was sent and the portal has not been asked', () => {
    expect(submissionOf(request(), null)).toEqual({ state: 'none' });
  });

  it('ignores a transfer that never completed', () => {
    const stuck = upload({ status: 'transferring', receivedAt: null });
    expect(submissionOf(request(), stuck)).toEqual({ state: 'none' });
  });

  it('takes our upload when it changed after the last sync', () => {
    const r = request({ portal: portal('failed', '2019-03-26T09:00:00Z') });
    expect(submissionOf(r, upload())).toEqual({ state: 'pending' });
  });

  it("takes the portal's word when the sync is newer (a colleague's upload was accepted)", () => {
    const r = request({ portal: portal('accepted', '2019-03-27T09:00:00Z') });
    expect(submissionOf(r, upload())).toEqual({ state: 'accepted' });
  });

  it("carries the portal's failure message", () => {
    const r = request({ portal: portal('failed', '2019-03-27T09:00:00Z') });
    expect(submissionOf(r, null)).toEqual({
      state: 'failed',
      message: 'Line 1: The header is wrong.',
    });
  });

  it('is a nil return once one is recorded, whatever else was heard', () => {
    const r = request({ nilReturn: { at: '2019-03-28T09:00:00Z', by: 'jo' } });
    expect(submissionOf(r, upload({ status: 'failed' }))).toEqual({ state: 'nil' });
  });
});

describe('failureText', () => {
  it('names each line once, even when the message already does', () => {
    expect(
      failureText([
        {
          code: 'RECORD_COUNT',
          message: 'Line 7 says the file has 5 records, but it has 3.',
          line: 7,
        },
        { code: 'COLUMN_COUNT', message: 'Has 3 values where 4 were expected.', line: 9 },
      ]),
    ).toBe(
      'Line 7 says the file has 5 records, but it has 3. Line 9: Has 3 values where 4 were expected.',
    );
  });

  it('shows three messages and counts the rest', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({
      code: 'X',
      message: `M${i}.`,
      line: null,
    }));
    expect(failureText(many)).toBe('M0. M1. M2. (and 2 more)');
  });

  it('says so when the portal gave no details', () => {
    expect(failureText([])).toMatch(/no details/);
  });
});
