// A file and its plan row: finalising with more or fewer records than the row says needs a stated
// reason, in the app and on the command line alike, and the reason is kept in the audit trail. The
// preview names the NN the history would give, without reserving it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { useApp } from './support/app';
import { providerWithPlan, seedApprovedPlan } from './support/history';
import { buildArgs, expectOneLineRefusal, json, returndesk } from './support/cli';

const histories = useHistories('returndesk-row-count-');
const app = useApp(() => histories.folder());

/** Row 1 of the standard plan is a CHANGE of A27 for 3 records; this file holds one. */
const ONE_RECORD = {
  ref: 1,
  kind: 'CHANGE',
  dataSet: 'A',
  fields: ['A01', 'A03', 'A05', 'A27'],
  uniqueFields: ['A01', 'A03', 'A05'],
  changedFields: ['A27'],
  checksumField: 'A05',
  records: [['105432', '000012345678', '01', '01092010']],
};

describe('files.finalise against a row for another number of records', () => {
  it('is refused without a reason, keeping nothing and leaving the NN free', async () => {
    const { host, call, ok } = app();
    const plan = providerWithPlan(host.store());
    const r = await call('files.finalise', { ...ONE_RECORD, planId: plan.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!r.ok)
      expect(r.error.message).toBe(
        `The file holds 1 record but row 1 of plan ${plan.id} is for 3 records; state the reason for the difference to finalise it.`,
      );
    expect(await ok('files.list', {})).toEqual([]);
    const preview = { planId: plan.id, ref: 1, kind: 'CHANGE', dataSet: 'A' };
    expect(await ok('files.preview', preview)).toEqual({ name: 'chg105432A01.amd', seq: 1 });
  });

  it('is finalised with a reason, which the audit trail keeps', async () => {
    const { host, ok } = app();
    const plan = providerWithPlan(host.store());
    const reason =
      'Two of the three learners were corrected in the MIS before the plan was approved.';
    const f = await ok('files.finalise', { ...ONE_RECORD, planId: plan.id, reason });
    expect(f).toMatchObject({ name: 'chg105432A01.amd', records: 1 });
    const [entry] = host.store().audit.list(`file:${f.name}`, 1);
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ records: 1, recordsReason: reason });
  });
});

describe('files.preview', () => {
  it('names the next file without reserving its NN', async () => {
    const { host, ok } = app();
    const plan = providerWithPlan(host.store());
    const preview = { planId: plan.id, ref: 1, kind: 'CHANGE', dataSet: 'A' };
    expect(await ok('files.preview', preview)).toEqual({ name: 'chg105432A01.amd', seq: 1 });
    expect(await ok('files.preview', preview)).toEqual({ name: 'chg105432A01.amd', seq: 1 });
    const records = [0, 1, 2].map((i) => ['105432', `00001234567${i}`, '01', '01092010']);
    await ok('files.finalise', { ...ONE_RECORD, planId: plan.id, records });
    expect(await ok('files.preview', preview)).toEqual({ name: 'chg105432A02.amd', seq: 2 });
  });
});

describe('returndesk build --plan-row with another number of records', () => {
  const twoRecords = () => {
    const dir = mkdtempSync(join(tmpdir(), 'returndesk-two-'));
    const path = join(dir, 'two-aims.csv');
    writeFileSync(
      path,
      'A01,A03,A05,A48a,A48b,A27\r\n105432,000012345678,01,,,01092010\r\n105432,000098765432,01,,,15092010\r\n',
    );
    return path;
  };

  it('is refused in one line without --reason, and built with it', async () => {
    const data = histories.folder();
    const planId = seedApprovedPlan(data);
    const from = twoRecords();
    const refused = await returndesk(data, buildArgs(`${planId}:1`, ['--from', from]));
    expectOneLineRefusal(refused, 2, /holds 2 records but row 1 .* is for 3 records.*--reason/);
    const built = await json<{ name: string; records: number }>(
      data,
      buildArgs(`${planId}:1`, ['--from', from, '--reason', 'One learner was already corrected.']),
    );
    expect(built).toMatchObject({ name: 'chg105432A01.amd', records: 2 });
  });
});
