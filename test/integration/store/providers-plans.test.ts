// Providers and action plans through the Store API, on a real SQLite file.
import { describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { actionsSince, expectStoreError, lastAuditId } from './support/expect';
import { PLAN_ROWS, UPIN, YEAR, addProvider, approvedPlan } from './support/history';

const histories = useHistories();

describe('providers', () => {
  it('keeps the UPIN and UKPRN as text with their leading zeros, and audits the addition', () => {
    const store = histories.open();
    const p = store.providers.add({ upin: '012345', ukprn: '00007928', name: ' Riverside ' });
    expect(p).toMatchObject({ upin: '012345', ukprn: '00007928', name: 'Riverside' });
    expect(store.providers.get('012345').id).toBe(p.id);
    expect(actionsSince(store, 0)).toEqual(['provider.added']);
  });

  it.each([['12345'], ['1234567'], ['10543a'], [' 105432'], ['']])(
    'refuses the UPIN %j and adds nothing',
    (upin) => {
      const store = histories.open();
      expectStoreError(() => store.providers.add({ upin, name: 'X' }), 'INVALID_INPUT', /six/);
      expect(store.providers.list()).toEqual([]);
      expect(lastAuditId(store)).toBe(0);
    },
  );

  it.each([['1000792'], ['100079281'], ['1000792x']])('refuses the UKPRN %j', (ukprn) => {
    const store = histories.open();
    expectStoreError(
      () => store.providers.add({ upin: UPIN, ukprn, name: 'X' }),
      'INVALID_INPUT',
      /eight digits/,
    );
    expect(store.providers.list()).toEqual([]);
  });

  it('refuses an empty name', () => {
    const store = histories.open();
    expectStoreError(() => store.providers.add({ upin: UPIN, name: '  ' }), 'INVALID_INPUT');
  });

  it('refuses a second provider with the same UPIN and keeps the first as it was', () => {
    const store = histories.open();
    addProvider(store);
    expectStoreError(
      () => store.providers.add({ upin: UPIN, name: 'Other College' }),
      'CONFLICT',
      /already exists/,
    );
    expect(store.providers.list().map((p) => p.name)).toEqual([`College ${UPIN}`]);
    expect(actionsSince(store, 0)).toEqual(['provider.added']);
  });

  it('reports an unknown UPIN as NOT_FOUND, in words for every door (naming no command)', () => {
    const store = histories.open();
    expectStoreError(
      () => store.providers.get('999999'),
      'NOT_FOUND',
      /^There is no provider with UPIN 999999\.$/,
    );
  });
});

describe('action plans', () => {
  it('moves draft -> submitted -> approved with one audit entry per step', () => {
    const store = histories.open();
    addProvider(store);
    const before = lastAuditId(store);
    const plan = store.plans.create({ upin: UPIN, year: YEAR, title: 'R14 corrections' });
    expect(plan).toMatchObject({ status: 'draft', version: 1, variant: 'general', rows: [] });
    for (const r of PLAN_ROWS) store.plans.addRow(plan.id, r);
    expect(store.plans.move(plan.id, 'submit').status).toBe('submitted');
    const approved = store.plans.move(plan.id, 'approve', 'approved by phone');
    expect(approved).toMatchObject({ status: 'approved', statusNote: 'approved by phone' });
    expect(approved.rows.map((r) => [r.ref, r.kind, r.fields])).toEqual([
      [1, 'CHANGE', 'A27'],
      [2, 'DELETE', 'All fields'],
      [3, 'ADD', 'All fields'],
    ]);
    expect(actionsSince(store, before)).toEqual([
      'plan.created',
      'plan.row_added',
      'plan.row_added',
      'plan.row_added',
      'plan.submitted',
      'plan.approved',
    ]);
  });

  it('refuses steps out of order: approving a draft, submitting an empty plan', () => {
    const store = histories.open();
    addProvider(store);
    const plan = store.plans.create({ upin: UPIN, year: YEAR, title: 'T' });
    const audit = lastAuditId(store);
    expectStoreError(() => store.plans.move(plan.id, 'approve'), 'INVALID_STATE', /draft/);
    expectStoreError(() => store.plans.move(plan.id, 'submit'), 'INVALID_STATE', /no rows/);
    expectStoreError(() => store.plans.revise(plan.id), 'INVALID_STATE');
    expect(store.plans.get(plan.id).status).toBe('draft');
    expect(lastAuditId(store)).toBe(audit);
  });

  it('accepts rows only while the plan is a draft', () => {
    const store = histories.open();
    addProvider(store);
    const plan = store.plans.create({ upin: UPIN, year: YEAR, title: 'T' });
    store.plans.addRow(plan.id, PLAN_ROWS[0]!);
    store.plans.move(plan.id, 'submit');
    expectStoreError(() => store.plans.addRow(plan.id, PLAN_ROWS[1]!), 'INVALID_STATE', /draft/);
    store.plans.move(plan.id, 'approve');
    expectStoreError(() => store.plans.addRow(plan.id, PLAN_ROWS[1]!), 'INVALID_STATE', /draft/);
    expect(store.plans.get(plan.id).rows).toHaveLength(1);
  });

  it('revises a returned plan as version 2 with the same rows; version 1 stays readable', () => {
    const store = histories.open();
    addProvider(store);
    const v1 = store.plans.create({ upin: UPIN, year: YEAR, title: 'T', variant: 'heifes' });
    store.plans.addRow(v1.id, { ...PLAN_ROWS[0]!, errorType: 'Data entry', cause: 'Typing' });
    store.plans.addRow(v1.id, PLAN_ROWS[1]!);
    store.plans.move(v1.id, 'submit');
    store.plans.move(v1.id, 'return', 'split row 1 by campus');
    const before = lastAuditId(store);
    const v2 = store.plans.revise(v1.id, 'split by campus');
    expect(actionsSince(store, before)).toEqual(['plan.revised']);
    expect(v2).toMatchObject({ version: 2, revisesId: v1.id, status: 'draft', variant: 'heifes' });
    const old = store.plans.get(v1.id);
    expect(old).toMatchObject({ version: 1, status: 'returned', revisedById: v2.id });
    expect(old.statusNote).toBe('split row 1 by campus');
    const content = (rows: typeof v2.rows) => rows.map(({ id: _id, planId: _p, ...r }) => r);
    expect(content(v2.rows)).toEqual(content(old.rows));
    expect(v2.rows[0]).toMatchObject({ errorType: 'Data entry', cause: 'Typing' });
    expect(store.plans.addRow(v2.id, PLAN_ROWS[2]!).ref).toBe(3);
    expect(store.plans.get(v1.id).rows).toHaveLength(2);
    expectStoreError(() => store.plans.revise(v1.id), 'INVALID_STATE', /already revised/);
    expect(store.plans.list({ upin: UPIN }).map((p) => p.version)).toEqual([1, 2]);
  });

  it('revises an approved plan too, keeping the approved version unchanged', () => {
    const store = histories.open();
    addProvider(store);
    const v1 = approvedPlan(store);
    const v2 = store.plans.revise(v1.id);
    expect(store.plans.get(v1.id)).toMatchObject({ status: 'approved', revisedById: v2.id });
    expect(v2.rows).toHaveLength(v1.rows.length);
  });

  it('needs the changed fields on a CHANGE row and writes "All fields" for ADD and DELETE', () => {
    const store = histories.open();
    addProvider(store);
    const plan = store.plans.create({ upin: UPIN, year: YEAR, title: 'T' });
    const base = { description: 'd', records: 1, due: '2011-03-31' };
    const change = (fields: readonly string[] | 'all') =>
      store.plans.addRow(plan.id, { ...base, kind: 'CHANGE', fields });
    expectStoreError(() => change('all'), 'INVALID_INPUT', /must name the fields/);
    expectStoreError(() => change(['All fields']), 'INVALID_INPUT', /must name the fields/);
    expectStoreError(() => change([' ', '']), 'INVALID_INPUT', /must name the fields/);
    expect(change([' A27', 'A28 ']).fields).toBe('A27, A28');
    for (const kind of ['ADD', 'DELETE'] as const) {
      expect(store.plans.addRow(plan.id, { ...base, kind, fields: 'all' }).fields).toBe(
        'All fields',
      );
      expectStoreError(
        () => store.plans.addRow(plan.id, { ...base, kind, fields: ['A27'] }),
        'INVALID_INPUT',
        /All fields/,
      );
    }
    expect(store.plans.get(plan.id).rows.map((r) => r.ref)).toEqual([1, 2, 3]);
  });

  it.each([['2011-02-29'], ['2011-04-31'], ['2011-13-01'], ['2011-00-10'], ['31/03/2011']])(
    'refuses the due date %s, which does not exist',
    (due) => {
      const store = histories.open();
      addProvider(store);
      const plan = store.plans.create({ upin: UPIN, year: YEAR, title: 'T' });
      expectStoreError(
        () => store.plans.addRow(plan.id, { ...PLAN_ROWS[0]!, due }),
        'INVALID_INPUT',
        /not a real date/,
      );
      expect(store.plans.get(plan.id).rows).toEqual([]);
    },
  );

  it('accepts 29 February in a leap year', () => {
    const store = histories.open();
    addProvider(store);
    const plan = store.plans.create({ upin: UPIN, year: '2011-12', title: 'T' });
    expect(store.plans.addRow(plan.id, { ...PLAN_ROWS[0]!, due: '2012-02-29' }).due).toBe(
      '2012-02-29',
    );
  });

  it('refuses a negative or fractional number of records, an empty description, a bad year', () => {
    const store = histories.open();
    addProvider(store);
    const plan = store.plans.create({ upin: UPIN, year: YEAR, title: 'T' });
    for (const records of [-1, 1.5])
      expectStoreError(
        () => store.plans.addRow(plan.id, { ...PLAN_ROWS[0]!, records }),
        'INVALID_INPUT',
      );
    expectStoreError(
      () => store.plans.addRow(plan.id, { ...PLAN_ROWS[0]!, description: ' ' }),
      'INVALID_INPUT',
    );
    for (const year of ['2010-12', '2010', '10-11'])
      expectStoreError(
        () => store.plans.create({ upin: UPIN, year, title: 'T' }),
        'INVALID_INPUT',
        /2010-11/,
      );
  });

  it('reports an unknown provider or plan as NOT_FOUND', () => {
    const store = histories.open();
    expectStoreError(
      () => store.plans.create({ upin: '999999', year: YEAR, title: 'T' }),
      'NOT_FOUND',
    );
    expectStoreError(() => store.plans.get(42), 'NOT_FOUND', /no action plan 42/);
    expectStoreError(() => store.plans.move(42, 'submit'), 'NOT_FOUND');
  });

  it('imports a plan with all its rows in one transaction: a bad row leaves nothing behind', () => {
    const store = histories.open();
    addProvider(store);
    const audit = lastAuditId(store);
    expectStoreError(
      () =>
        store.plans.importPlan({
          upin: UPIN,
          year: YEAR,
          title: 'Imported',
          variant: 'general',
          rows: [PLAN_ROWS[0]!, { ...PLAN_ROWS[1]!, due: '2011-02-30' }],
        }),
      'INVALID_INPUT',
    );
    expect(store.plans.list()).toEqual([]);
    expect(lastAuditId(store)).toBe(audit);
    const ok = store.plans.importPlan({
      upin: UPIN,
      year: YEAR,
      title: 'Imported',
      variant: 'general',
      rows: PLAN_ROWS,
    });
    expect(ok.rows).toHaveLength(3);
    expect(store.verifyAudit()).toMatchObject({ ok: true });
  });
});
