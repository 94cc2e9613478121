// Amendment files and their sequence numbers (NN) through the Store API, on a real SQLite file.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../electron/store';
import { useHistories } from './support/folders';
import { actionsSince, expectStoreError, lastAuditId } from './support/expect';
import type { FileParts } from './support/history';
import {
  CHANGE_A,
  PLAN_ROWS,
  UPIN,
  addProvider,
  approvedPlan,
  builder,
  finalise,
  providerWithPlan,
} from './support/history';

const histories = useHistories();

function counts(store: Store) {
  const db = new Database(store.path, { readonly: true });
  try {
    const n = (t: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { files: n('amendment_files'), blobs: n('blobs'), seqs: n('sequence_numbers') };
  } finally {
    db.close();
  }
}

describe('finalising a file against an action plan row', () => {
  it('stores the file as final with its NN, plan row and content, and audits it', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    const audit = lastAuditId(store);
    const f = finalise(store, plan, CHANGE_A);
    expect(f).toMatchObject({
      name: `chg${UPIN}A01.amd`,
      seq: 1,
      status: 'final',
      planId: plan.id,
      planRef: 1,
      records: 1,
    });
    expect(actionsSince(store, audit)).toEqual(['file.finalised']);
    const bytes = store.files.content(f.sha256);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
    expect(bytes.equals(builder(UPIN, CHANGE_A, 1)(1).bytes)).toBe(true);
    expect(bytes.toString('latin1').split('\r\n')[0]).toBe(`chg${UPIN}A01`);
  });

  function refusedAndNothingStored(
    store: Store,
    fn: () => unknown,
    code: 'INVALID_STATE' | 'INVALID_INPUT' | 'NOT_FOUND',
    says: RegExp,
  ) {
    const before = { counts: counts(store), audit: lastAuditId(store) };
    expectStoreError(fn, code, says);
    expect(counts(store)).toEqual(before.counts);
    expect(lastAuditId(store)).toBe(before.audit);
  }

  it('refuses a row of a plan that is still a draft or only submitted', () => {
    const store = histories.open();
    addProvider(store);
    const plan = store.plans.create({ upin: UPIN, year: '2010-11', title: 'T' });
    store.plans.addRow(plan.id, PLAN_ROWS[0]!);
    const draft = store.plans.get(plan.id);
    refusedAndNothingStored(
      store,
      () => finalise(store, draft, CHANGE_A),
      'INVALID_STATE',
      /draft, not approved/,
    );
    const submitted = store.plans.move(plan.id, 'submit');
    refusedAndNothingStored(
      store,
      () => finalise(store, submitted, CHANGE_A),
      'INVALID_STATE',
      /submitted, not approved/,
    );
  });

  it('refuses a row of an approved plan that has since been revised, and accepts the approved revision', () => {
    const store = histories.open();
    const v1 = providerWithPlan(store);
    const v2 = store.plans.revise(v1.id);
    refusedAndNothingStored(
      store,
      () => finalise(store, v1, CHANGE_A),
      'INVALID_STATE',
      /revised as plan/,
    );
    store.plans.move(v2.id, 'submit');
    const approved = store.plans.move(v2.id, 'approve');
    expect(finalise(store, approved, CHANGE_A)).toMatchObject({ seq: 1, planId: v2.id });
  });

  it('refuses a file of another kind than the row', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    refusedAndNothingStored(
      store,
      () => finalise(store, plan, { kind: 'DELETE', dataSet: 'A' }, { ref: 1 }),
      'INVALID_INPUT',
      /CHANGE area of difference; this is a DELETE file/,
    );
  });

  it("refuses a row of another provider's plan and an unknown row", () => {
    const store = histories.open();
    const mine = providerWithPlan(store);
    const theirs = providerWithPlan(store, '012345');
    refusedAndNothingStored(
      store,
      () => finalise(store, { ...mine, rows: theirs.rows }, CHANGE_A),
      'INVALID_INPUT',
      /012345/,
    );
    refusedAndNothingStored(
      store,
      () => finalise(store, mine, CHANGE_A, { ref: 9 }),
      'NOT_FOUND',
      /row/,
    );
  });

  it('consumes no NN when building the file fails', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    const failing = () =>
      store.files.finalise({
        providerId: plan.providerId,
        year: plan.year,
        ...CHANGE_A,
        planRowId: plan.rows[0]!.id,
        build: () => {
          throw new Error('the extract has a duplicate key');
        },
      });
    expect(failing).toThrow(/duplicate key/);
    expect(counts(store)).toEqual({ files: 0, blobs: 0, seqs: 0 });
    expect(finalise(store, plan, CHANGE_A).seq).toBe(1);
  });
});

describe('sequence numbers', () => {
  it('count per provider, kind and data set for change and deletion files', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    const other = providerWithPlan(store, '012345');
    const names = [
      finalise(store, plan, CHANGE_A),
      finalise(store, plan, CHANGE_A),
      finalise(store, plan, { kind: 'CHANGE', dataSet: 'L' }),
      finalise(store, plan, { kind: 'DELETE', dataSet: 'A' }),
      finalise(store, plan, { kind: 'DELETE', dataSet: 'A' }),
      finalise(store, other, CHANGE_A),
    ].map((f) => f.name);
    expect(names).toEqual([
      'chg105432A01.amd',
      'chg105432A02.amd',
      'chg105432L01.amd',
      'del105432A01.amd',
      'del105432A02.amd',
      'chg012345A01.amd',
    ]);
  });

  it('give every file of an addition set one NN per provider (T=3: L, A, H; T=2: A, H)', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    const add = (dataSet: FileParts['dataSet'], additionType: 2 | 3) =>
      finalise(store, plan, { kind: 'ADD', dataSet, additionType });
    const set1 = [add('L', 3), add('A', 3), add('H', 3)];
    const set2 = [add('A', 2), add('H', 2)];
    const set3 = [add('L', 3)];
    expect([...set1, ...set2, ...set3].map((f) => f.name)).toEqual([
      'add105432L301.amd',
      'add105432A301.amd',
      'add105432H301.amd',
      'add105432A202.amd',
      'add105432H202.amd',
      'add105432L303.amd',
    ]);
    // A change file's series is separate from the additions'.
    expect(finalise(store, plan, CHANGE_A).seq).toBe(1);
  });

  it('give a set that leaves out its HE file (no aim is HE) one NN for the files it has', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    const add = (dataSet: FileParts['dataSet'], additionType: 2 | 3, explicitSeq?: number) =>
      finalise(store, plan, { kind: 'ADD', dataSet, additionType }, { explicitSeq }).name;
    const t3 = [add('L', 3), add('A', 3)];
    const t2 = add('A', 2);
    // The next T=2 set has HE aims: its H file names its A file's NN and joins that set.
    const next = [add('A', 2), add('H', 2, 3)];
    expect([...t3, t2, ...next]).toEqual([
      'add105432L301.amd',
      'add105432A301.amd',
      'add105432A202.amd',
      'add105432A203.amd',
      'add105432H203.amd',
    ]);
  });

  it('refuses an explicit NN that history already holds, naming the holder and the next free one', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    finalise(store, plan, CHANGE_A);
    const audit = lastAuditId(store);
    expectStoreError(
      () => finalise(store, plan, CHANGE_A, { explicitSeq: 1 }),
      'CONFLICT',
      /NN 01 is already used by chg105432A01\.amd \(final\).*next free one is 02/,
    );
    expect(lastAuditId(store)).toBe(audit);
    expect(finalise(store, plan, CHANGE_A, { explicitSeq: 5 }).seq).toBe(5);
    expect(finalise(store, plan, CHANGE_A).seq).toBe(6);
  });

  it('stop at 99 for a series', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    finalise(store, plan, CHANGE_A, { explicitSeq: 99 });
    expectStoreError(() => finalise(store, plan, CHANGE_A), 'CONFLICT', /All 99/);
  });

  it('release the NN of the newest final file when it is discarded, and it is given out again', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    finalise(store, plan, CHANGE_A);
    const second = finalise(store, plan, CHANGE_A);
    const audit = lastAuditId(store);
    const r = store.files.discard(second.name);
    expect(r).toMatchObject({ released: true, file: { status: 'discarded', seq: 2 } });
    expect(actionsSince(store, audit)).toEqual(['file.discarded']);
    const again = finalise(store, plan, CHANGE_A);
    expect(again).toMatchObject({ name: second.name, seq: 2, status: 'final' });
    expect(store.files.get(second.name).id).toBe(again.id);
    expect(store.files.list().map((f) => [f.name, f.status])).toEqual([
      ['chg105432A01.amd', 'final'],
      ['chg105432A02.amd', 'discarded'],
      ['chg105432A02.amd', 'final'],
    ]);
  });

  it('keep the NN of an older discarded file used', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    const first = finalise(store, plan, CHANGE_A);
    finalise(store, plan, CHANGE_A);
    expect(store.files.discard(first.name).released).toBe(false);
    expect(finalise(store, plan, CHANGE_A).seq).toBe(3);
  });

  it('never reuse a submitted NN: a submitted file cannot be discarded', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    const sent = finalise(store, plan, CHANGE_A);
    store.files.mark(sent.name, 'submitted');
    expectStoreError(() => store.files.discard(sent.name), 'INVALID_STATE', /submitted/);
    const next = finalise(store, plan, CHANGE_A);
    expect(next.seq).toBe(2);
    expect(store.files.discard(next.name).released).toBe(true);
    expect(finalise(store, plan, CHANGE_A).seq).toBe(2);
    expectStoreError(
      () => finalise(store, plan, CHANGE_A, { explicitSeq: 1 }),
      'CONFLICT',
      /submitted/,
    );
  });

  it('keep the NN of an addition set while another file of the set is live', () => {
    const store = histories.open();
    const plan = providerWithPlan(store);
    const l = finalise(store, plan, { kind: 'ADD', dataSet: 'L', additionType: 3 });
    const a = finalise(store, plan, { kind: 'ADD', dataSet: 'A', additionType: 3 });
    expect(store.files.discard(l.name).released).toBe(false);
    expect(store.files.discard(a.name).released).toBe(true);
    expect(finalise(store, plan, { kind: 'ADD', dataSet: 'L', additionType: 3 }).seq).toBe(1);
  });
});

describe('stored contents and the audit trail are immutable', () => {
  it.each([
    ['UPDATE blobs SET size = size + 1', /immutable/],
    ['DELETE FROM blobs', /immutable/],
    ["UPDATE audit_log SET user = 'someone else'", /append-only/],
    ['DELETE FROM audit_log', /append-only/],
  ])('refuses %s through a trigger', (sql, says) => {
    const store = histories.open();
    finalise(store, approvedPlan(store, addProvider(store).upin), CHANGE_A);
    const db = new Database(store.path);
    try {
      expect(() => db.exec(sql)).toThrow(says);
    } finally {
      db.close();
    }
    expect(store.verifyAudit()).toMatchObject({ ok: true });
    const f = store.files.list()[0]!;
    expect(createHash('sha256').update(store.files.content(f.sha256)).digest('hex')).toBe(f.sha256);
  });
});
