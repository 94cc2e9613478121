// Batches and the audit trail through the Store API, on a real SQLite file.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../electron/store';
import { useHistories } from './support/folders';
import { actionsSince, expectStoreError, lastAuditId } from './support/expect';
import {
  CHANGE_A,
  PLAN_ROWS,
  UPIN,
  YEAR,
  addProvider,
  finalise,
  providerWithPlan,
} from './support/history';

const histories = useHistories();

function withFiles(store: Store, n: number) {
  const plan = providerWithPlan(store);
  const files = Array.from({ length: n }, () => finalise(store, plan, CHANGE_A));
  return { plan, names: files.map((f) => f.name) };
}

describe('batches', () => {
  it('must link an approved plan of the same provider and year', () => {
    const store = histories.open();
    const approved = providerWithPlan(store);
    const draft = store.plans.create({ upin: UPIN, year: YEAR, title: 'Draft' });
    addProvider(store, '012345');
    const audit = lastAuditId(store);
    expectStoreError(
      () => store.batches.create({ upin: UPIN, year: YEAR, planId: draft.id }),
      'INVALID_STATE',
      /approved action plan/,
    );
    expectStoreError(
      () => store.batches.create({ upin: '012345', year: YEAR, planId: approved.id }),
      'INVALID_INPUT',
      /is for 105432 2010-11, not 012345 2010-11/,
    );
    expectStoreError(
      () => store.batches.create({ upin: UPIN, year: '2009-10', planId: approved.id }),
      'INVALID_INPUT',
    );
    expectStoreError(
      () => store.batches.create({ upin: UPIN, year: YEAR, planId: 99 }),
      'NOT_FOUND',
    );
    expectStoreError(
      () => store.batches.create({ upin: '999999', year: YEAR, planId: approved.id }),
      'NOT_FOUND',
    );
    expect(store.batches.list()).toEqual([]);
    expect(lastAuditId(store)).toBe(audit);
  });

  it('keeps files in the order added and refuses files of another provider or not final', () => {
    const store = histories.open();
    const { plan, names } = withFiles(store, 3);
    const theirs = finalise(store, providerWithPlan(store, '012345'), CHANGE_A);
    store.files.discard(names[2]!);
    const b = store.batches.create({ upin: UPIN, year: YEAR, planId: plan.id });
    expect(b).toMatchObject({ status: 'draft', destination: 'FAMD General upload area (GUA)' });
    const added = store.batches.add(b.id, [names[1]!, names[0]!]);
    expect(added.files.map((f) => [f.position, f.name, f.fromBatchId])).toEqual([
      [1, names[1], null],
      [2, names[0], null],
    ]);
    expectStoreError(() => store.batches.add(b.id, [theirs.name]), 'INVALID_INPUT', /012345/);
    expectStoreError(() => store.batches.add(b.id, [names[2]!]), 'INVALID_STATE', /discarded/);
    expectStoreError(() => store.batches.add(b.id, ['chg105432A77.amd']), 'NOT_FOUND');
    expect(store.batches.get(b.id).files).toHaveLength(2);
  });

  it('records the earlier batch of a file that is sent again', () => {
    const store = histories.open();
    const { plan, names } = withFiles(store, 2);
    const first = store.batches.create({ upin: UPIN, year: YEAR, planId: plan.id });
    store.batches.add(first.id, [names[0]!]);
    const second = store.batches.create({ upin: UPIN, year: YEAR, planId: plan.id });
    const b = store.batches.add(second.id, [names[0]!, names[1]!]);
    expect(b.files.map((f) => [f.name, f.fromBatchId])).toEqual([
      [names[0], first.id],
      [names[1], null],
    ]);
    expect(store.batches.get(first.id).files[0]?.fromBatchId).toBeNull();
  });

  it('records who signed off and when, and audits the sign-off with the files sent', () => {
    const store = histories.open();
    const { plan, names } = withFiles(store, 1);
    const b = store.batches.create({ upin: UPIN, year: YEAR, planId: plan.id });
    expectStoreError(() => store.batches.signOff(b.id, 'Jo Bloggs'), 'INVALID_STATE', /no files/);
    store.batches.add(b.id, names);
    expectStoreError(
      () => store.batches.signOff(b.id, '  '),
      'INVALID_INPUT',
      /needs the name of the person/,
    );
    const audit = lastAuditId(store);
    const signed = store.batches.signOff(b.id, ' Jo Bloggs ');
    expect(signed).toMatchObject({ status: 'signed_off', signedOffBy: 'Jo Bloggs' });
    expect(Date.parse(signed.signedOffAt ?? '')).toBeGreaterThan(Date.parse('2011-03-14'));
    const [entry] = store.audit.list(`batch:${b.id}`, 1);
    expect(entry).toMatchObject({ id: audit + 1, action: 'batch.signed_off', user: 'jo.bloggs' });
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({
      by: 'Jo Bloggs',
      files: [{ name: names[0], sha256: store.files.get(names[0]!).sha256 }],
    });
    expectStoreError(() => store.batches.signOff(b.id, 'Jo Bloggs'), 'INVALID_STATE');
  });

  it('returns to draft when a file is added after sign-off, and needs signing off again', () => {
    const store = histories.open();
    const { plan, names } = withFiles(store, 2);
    const b = store.batches.create({ upin: UPIN, year: YEAR, planId: plan.id });
    store.batches.add(b.id, [names[0]!]);
    store.batches.signOff(b.id, 'Jo Bloggs');
    const audit = lastAuditId(store);
    const changed = store.batches.add(b.id, [names[1]!]);
    expect(changed).toMatchObject({ status: 'draft', signedOffBy: null, signedOffAt: null });
    expect(actionsSince(store, audit)).toEqual(['batch.file_added', 'batch.sign_off_withdrawn']);
    expect(() => store.batches.setStatus(b.id, 'uploading')).toThrow(/draft/);
    expect(store.batches.signOff(b.id, 'Sam Head').signedOffBy).toBe('Sam Head');
  });

  it('keeps the sign-off when the files added are already in the batch', () => {
    const store = histories.open();
    const { plan, names } = withFiles(store, 1);
    const b = store.batches.create({ upin: UPIN, year: YEAR, planId: plan.id });
    store.batches.add(b.id, names);
    store.batches.signOff(b.id, 'Jo Bloggs');
    const audit = lastAuditId(store);
    expect(store.batches.add(b.id, names)).toMatchObject({
      status: 'signed_off',
      signedOffBy: 'Jo Bloggs',
    });
    expect(lastAuditId(store)).toBe(audit);
  });

  it('moves signed off -> uploading -> uploaded -> accepted and refuses files once uploading', () => {
    const store = histories.open();
    const { plan, names } = withFiles(store, 2);
    const b = store.batches.create({ upin: UPIN, year: YEAR, planId: plan.id });
    store.batches.add(b.id, [names[0]!]);
    store.batches.signOff(b.id, 'Jo Bloggs');
    const audit = lastAuditId(store);
    store.batches.setStatus(b.id, 'uploading');
    expectStoreError(() => store.batches.add(b.id, [names[1]!]), 'INVALID_STATE', /uploading/);
    store.batches.setStatus(b.id, 'uploaded', { receipt: 'R-1' });
    expect(store.batches.setStatus(b.id, 'accepted').status).toBe('accepted');
    expect(actionsSince(store, audit)).toEqual([
      'batch.uploading',
      'batch.uploaded',
      'batch.accepted',
    ]);
    expectStoreError(() => store.batches.setStatus(b.id, 'draft'), 'INVALID_STATE');
  });
});

describe('the audit trail', () => {
  it('gets exactly one entry for every state change, and none for reading', () => {
    const store = histories.open(undefined, { user: 'sam.officer' });
    let planId = 0;
    let batchId = 0;
    const steps: [string, string, () => unknown][] = [
      ['provider.added', `provider:${UPIN}`, () => addProvider(store)],
      [
        'plan.created',
        'plan:1',
        () => (planId = store.plans.create({ upin: UPIN, year: YEAR, title: 'T' }).id),
      ],
      ['plan.row_added', 'plan:1', () => store.plans.addRow(planId, PLAN_ROWS[0]!)],
      ['plan.submitted', 'plan:1', () => store.plans.move(planId, 'submit')],
      ['plan.approved', 'plan:1', () => store.plans.move(planId, 'approve')],
      [
        'file.finalised',
        'file:chg105432A01.amd',
        () => finalise(store, store.plans.get(planId), CHANGE_A),
      ],
      [
        'file.finalised',
        'file:chg105432A02.amd',
        () => finalise(store, store.plans.get(planId), CHANGE_A),
      ],
      ['file.discarded', 'file:chg105432A02.amd', () => store.files.discard('chg105432A02.amd')],
      [
        'batch.created',
        'batch:1',
        () => (batchId = store.batches.create({ upin: UPIN, year: YEAR, planId }).id),
      ],
      ['batch.file_added', 'batch:1', () => store.batches.add(batchId, ['chg105432A01.amd'])],
      ['batch.signed_off', 'batch:1', () => store.batches.signOff(batchId, 'Jo Bloggs')],
      [
        'file.submitted',
        'file:chg105432A01.amd',
        () => store.files.mark('chg105432A01.amd', 'submitted'),
      ],
      ['plan.revised', 'plan:1', () => store.plans.revise(planId)],
    ];
    for (const [action, subject, step] of steps) {
      const before = lastAuditId(store);
      step();
      const written = store.audit.list(undefined, 10).filter((e) => e.id > before);
      expect(written.map((e) => [e.action, e.subject, e.user])).toEqual([
        [action, subject, 'sam.officer'],
      ]);
    }
    const last = lastAuditId(store);
    store.plans.list();
    store.files.list();
    store.files.content(store.files.get('chg105432A01.amd').sha256);
    store.batches.list();
    store.providers.list();
    expect(store.verifyAudit()).toEqual({
      ok: true,
      entries: steps.length,
      keyed: 0,
      unkeyed: [{ from: 1, to: steps.length }],
      keyNotAtHand: [],
    });
    expect(lastAuditId(store)).toBe(last);
  });

  it('keeps its chain across reopening the history', () => {
    const folder = histories.folder();
    const first = histories.open(folder);
    withFiles(first, 2);
    first.close();
    const again = histories.open(folder);
    addProvider(again, '012345');
    const verdict = again.verifyAudit();
    expect(verdict.ok).toBe(true);
    expect(verdict.entries).toBe(lastAuditId(again));
  });
});

describe('removing files from a batch', () => {
  it('takes a file out, keeps positions 1..n, and withdraws a sign-off', () => {
    const store = histories.open();
    const { plan, names } = withFiles(store, 3);
    const batch = store.batches.create({ upin: UPIN, year: YEAR, planId: plan.id });
    store.batches.add(batch.id, names);
    store.batches.signOff(batch.id, 'J. Smith');
    const after = store.batches.remove(batch.id, names[1] ?? '');
    expect(after.files.map((f) => [f.position, f.name])).toEqual([
      [1, names[0]],
      [2, names[2]],
    ]);
    expect(after.status).toBe('draft');
    expect(after.signedOffBy).toBeNull();
    expect(actionsSince(store, 0).slice(-2)).toEqual([
      'batch.file_removed',
      'batch.sign_off_withdrawn',
    ]);
    expectStoreError(() => store.batches.remove(batch.id, names[1] ?? ''), 'NOT_FOUND');
  });

  it('refuses to discard a file that is in a batch not yet sent, until it is removed', () => {
    const store = histories.open();
    const { plan, names } = withFiles(store, 1);
    const name = names[0] ?? '';
    const batch = store.batches.create({ upin: UPIN, year: YEAR, planId: plan.id });
    store.batches.add(batch.id, [name]);
    expectStoreError(
      () => store.files.discard(name),
      'INVALID_STATE',
      /remove it from the batch first/,
    );
    store.batches.remove(batch.id, name);
    expect(store.files.discard(name).file.status).toBe('discarded');
  });
});
