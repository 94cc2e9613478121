// Data requests and file formats through the Store API, on a real SQLite file: adding, importing a
// schedule in one transaction, syncing a portal's list, nil returns, and what the status rests on.
import { describe, expect, it } from 'vitest';
import { steppingClock, useHistories } from './support/folders';
import { actionsSince, expectStoreError, lastAuditId } from './support/expect';
import type { Store, PortalRequest } from '../../../electron/store';
import { statusOf } from '../../../shared/portal/request';

const histories = useHistories();
const TODAY = { year: 2019, month: 3, day: 22 };

const SPEC_CODES = {
  period: 'June 2019',
  template: 'SpecificationCodes',
  opens: '2019-03-28',
  due: '2019-04-03',
};

function portalDestination(store: Store): number {
  return store.destinations.add({
    name: 'Ofqual',
    url: 'https://127.0.0.1:9443',
    area: 'Ofqual Data Portal',
    username: 'demo',
    caPem: null,
  }).id;
}

const listed = (over: Partial<PortalRequest> = {}): PortalRequest => ({
  id: 'june-2019-specificationcodes',
  ...SPEC_CODES,
  status: 'awaiting',
  messages: [],
  fileName: null,
  nilReturnAt: null,
  nilReturnBy: null,
  ...over,
});

describe('data requests added here', () => {
  it('keep period, template and dates, are audited, and read "Collection open in 6 days"', () => {
    const store = histories.open();
    const r = store.requests.add(SPEC_CODES);
    expect(r).toMatchObject({ ...SPEC_CODES, portalId: null, destination: null, nilReturn: null });
    expect(actionsSince(store, 0)).toEqual(['request.added']);
    expect(statusOf(r, null, TODAY).text).toBe('Collection open in 6 days');
  });

  it('without an opening date open on the due date, which is kept and audited as the opening date', () => {
    const store = histories.open();
    const noOpens = {
      period: SPEC_CODES.period,
      template: SPEC_CODES.template,
      due: SPEC_CODES.due,
    };
    const r = store.requests.add(noOpens);
    expect(r).toMatchObject({ opens: '2019-04-03', due: '2019-04-03' });
    const [entry] = store.audit.list(undefined, 1);
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ opens: '2019-04-03' });
    expect(statusOf(r, null, TODAY).text).toBe('Collection open in 12 days');
    expect(statusOf(r, null, { year: 2019, month: 4, day: 3 })).toMatchObject({
      text: 'Due today',
      canUpload: true,
    });
    const many = store.requests.addMany([
      { period: 'June 2019', template: 'T1 Entries', opens: null, due: '2019-04-05' },
    ]);
    expect(many.added.map((x) => x.opens)).toEqual(['2019-04-05']);
  });

  it.each([
    [{ opens: '2019-02-30' }, /not a real date/],
    [{ due: '03/04/2019' }, /not a real date/],
    [{ opens: '2019-04-04' }, /before its collection opens/],
    [{ period: '  ' }, /reporting period and a template/],
  ])('refuses %j and writes nothing', (change, message) => {
    const store = histories.open();
    expectStoreError(
      () => store.requests.add({ ...SPEC_CODES, ...change }),
      'INVALID_INPUT',
      message,
    );
    expect(store.requests.list()).toEqual([]);
    expect(lastAuditId(store)).toBe(0);
  });

  it('refuses the same period and template twice (ignoring case)', () => {
    const store = histories.open();
    store.requests.add(SPEC_CODES);
    expectStoreError(
      () => store.requests.add({ ...SPEC_CODES, template: 'specificationcodes' }),
      'CONFLICT',
      /already a request/,
    );
  });

  it('imports a schedule in one transaction: one bad row adds nothing', () => {
    const store = histories.open();
    expectStoreError(
      () =>
        store.requests.addMany([
          SPEC_CODES,
          { period: 'June 2019', template: 'T1 Entries', opens: '2019-03-28', due: '2019-02-01' },
        ]),
      'INVALID_INPUT',
    );
    expect(store.requests.list()).toEqual([]);
    const again = store.requests.addMany([
      SPEC_CODES,
      { period: 'June 2019', template: 'T1 Entries', opens: '2019-03-28', due: '2019-04-05' },
    ]);
    expect(again.added).toHaveLength(2);
    expect(store.requests.addMany([SPEC_CODES])).toMatchObject({ added: [], skipped: 1 });
  });

  it('records a nil return once, with who and when, and it moves to Previous', () => {
    const store = histories.open(undefined, { clock: steppingClock(), user: 'jo.bloggs' });
    const r = store.requests.add({ ...SPEC_CODES, opens: '2011-03-01', due: '2011-03-10' });
    const nil = store.requests.recordNilReturn(r.id);
    expect(nil.nilReturn?.by).toBe('jo.bloggs');
    expect(store.requests.recordNilReturn(r.id).nilReturn).toEqual(nil.nilReturn);
    expect(actionsSince(store, 0)).toEqual(['request.added', 'request.nil_return']);
    const status = statusOf(nil, null, { year: 2011, month: 3, day: 20 });
    expect(status).toMatchObject({ text: 'No data submitted', tab: 'previous' });
  });

  it('says which request is missing', () => {
    const store = histories.open();
    expectStoreError(() => store.requests.get(42), 'NOT_FOUND', /no data request 42/);
  });
});

describe("a portal's requests", () => {
  it('are added on the first sync and updated, not duplicated, on the next', () => {
    const store = histories.open();
    const d = portalDestination(store);
    expect(store.requests.sync(d, [listed()])).toEqual({ added: 1, updated: 0 });
    expect(store.requests.sync(d, [listed({ due: '2019-04-05' })])).toEqual({
      added: 0,
      updated: 1,
    });
    const [r] = store.requests.list();
    expect(r).toMatchObject({ due: '2019-04-05', destination: 'Ofqual', portalId: listed().id });
  });

  it("show the portal's failure message, and a later upload of ours wins over an older sync", () => {
    const store = histories.open(undefined, { clock: steppingClock('2019-04-01T09:00:00Z') });
    const d = portalDestination(store);
    store.requests.sync(d, [
      listed({ status: 'failed', messages: [{ code: 'HEADER', message: 'Bad header.', line: 1 }] }),
    ]);
    const [r] = store.requests.list();
    if (!r) throw new Error('no request');
    const today = { year: 2019, month: 4, day: 1 };
    expect(statusOf(r, null, today)).toMatchObject({
      text: 'Failed validation',
      detail: 'Line 1: Bad header.',
      tab: 'current',
    });
    const u = store.uploads.start({
      destinationId: d,
      dataRequestId: r.id,
      fileName: 'codes.csv',
      sha256: 'a'.repeat(64),
      bytes: 10,
    });
    // A transfer that never completed does not change the status.
    expect(statusOf(r, store.requests.latestSent().get(r.id) ?? null, today).text).toBe(
      'Failed validation',
    );
    store.uploads.received(u.id, 'a'.repeat(64), new Date().toISOString());
    const latest = store.requests.latestSent().get(r.id) ?? null;
    expect(statusOf(r, latest, today).text).toBe('Upload pending verification');
  });

  it('open on the due date when the portal gives no opening date', () => {
    const store = histories.open();
    const d = portalDestination(store);
    store.requests.sync(d, [listed({ opens: null }), listed({ id: 'x', opens: undefined })]);
    expect(store.requests.list().map((r) => [r.portalId, r.opens, r.due])).toEqual([
      [listed().id, '2019-04-03', '2019-04-03'],
      ['x', '2019-04-03', '2019-04-03'],
    ]);
  });

  it('roll back a whole sync when one listed request has an impossible date', () => {
    const store = histories.open();
    const d = portalDestination(store);
    expectStoreError(
      () => store.requests.sync(d, [listed(), listed({ id: 'x', due: '2019-02-29' })]),
      'INVALID_INPUT',
    );
    expect(store.requests.list()).toEqual([]);
  });
});

describe('file formats', () => {
  const spec = 'Name,Description,Position,Validation Regular Expression\nYear,Year,1,^\\d{4}$\n';

  it('are kept as imported; the same text again changes nothing, a new one applies', () => {
    const store = histories.open();
    const a = store.formats.import({
      template: 'SpecificationCodes',
      sourceName: 'spec.csv',
      specCsv: spec,
      columns: ['Year'],
    });
    const same = store.formats.import({
      template: 'SpecificationCodes',
      sourceName: 'spec-again.csv',
      specCsv: spec,
      columns: ['Year'],
    });
    expect(same.id).toBe(a.id);
    const b = store.formats.import({
      template: 'SpecificationCodes',
      sourceName: 'spec-v2.csv',
      specCsv: `${spec}Tier,Tier,2,(F|H|-2)\n`,
      columns: ['Year', 'Tier'],
    });
    expect(store.formats.latest('specificationcodes')?.id).toBe(b.id);
    expect(store.formats.list().map((f) => f.sourceName)).toEqual(['spec-v2.csv']);
    expect(actionsSince(store, 0)).toEqual(['file_format.imported', 'file_format.imported']);
  });
});
