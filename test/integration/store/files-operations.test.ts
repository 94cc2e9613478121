// The files channels called the way the app calls them (files handed over as bytes, input parsed,
// failures as data) on a real history, beside the command line building the same file: one
// operation builds, finalises and checks files for every door.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ilrText, ilrName } from '../../support/ilr-xml';
import { useHistories } from './support/folders';
import { useApp } from './support/app';
import { providerWithPlan, seedApprovedPlan } from './support/history';
import { AIMS_EXTRACT, REPO_ROOT, buildArgs, json } from './support/cli';

const histories = useHistories('returndesk-files-ops-');
const app = useApp(() => histories.folder());

const asBytes = (fileName: string, content: string | Buffer) => ({
  fileName,
  base64: Buffer.from(content).toString('base64'),
});

/** The example learning-aim extract, for a CHANGE file correcting A27 against row 1. */
const CHANGE_FROM_EXTRACT = {
  ...asBytes('aims-extract.csv', readFileSync(AIMS_EXTRACT)),
  kind: 'CHANGE',
  dataSet: 'A',
  changed: ['A27'],
  checksumField: 'auto',
  createdOn: '14032011',
};

describe('files.build', () => {
  it('builds from an extract handed over as bytes the very file the command line builds from it on disk', async () => {
    const { host, ok, events } = app();
    const plan = providerWithPlan(host.store());
    const built = await ok('files.build', { ...CHANGE_FROM_EXTRACT, planId: plan.id, ref: 1 });
    expect(built).toMatchObject({
      name: 'chg105432A01.amd',
      seq: 1,
      records: 3,
      checksumField: 'A05',
      checksumAdded: false,
      encoding: 'windows-1252',
      stored: { name: 'chg105432A01.amd', seq: 1, status: 'final', planId: plan.id, planRef: 1 },
    });
    expect(built.ignoredColumns).toEqual(expect.arrayContaining(['A09', 'A11a', 'MIS_NAME']));
    const kept = await ok('files.content', { name: built.name });
    expect(kept).toEqual({ fileName: built.name, base64: built.base64, sha256: built.sha256 });
    expect(events).toContainEqual(['history.changed', { tables: ['files'] }]);

    const data = histories.folder();
    const planId = seedApprovedPlan(data);
    const byCli = await json<{ sha256: string }>(
      data,
      buildArgs(`${planId}:1`, ['--date', '14032011']),
    );
    expect(byCli.sha256).toBe(built.sha256);
  });

  it('without a plan row, builds for the provider and NN given and keeps nothing', async () => {
    const { ok } = app();
    const built = await ok('files.build', {
      ...CHANGE_FROM_EXTRACT,
      upin: '105432',
      seq: 7,
      description: 'Learning start dates (A27) corrected - reference number 1',
    });
    expect(built).toMatchObject({ name: 'chg105432A07.amd', seq: 7, stored: null });
    expect(Buffer.from(built.base64, 'base64').toString('latin1').split('\r\n')[0]).toBe(
      'chg105432A07',
    );
    expect(await ok('files.list', {})).toEqual([]);
  });

  it('refuses, as INVALID_FILE, an extract that would make an invalid file, and uses no NN', async () => {
    const { host, call, ok } = app();
    const plan = providerWithPlan(host.store());
    const twice = [
      'A01,A03,A05,A48a,A48b,A27',
      ...Array(2).fill('105432,000012345678,01,,,01092010'),
    ];
    const r = await call('files.build', {
      ...CHANGE_FROM_EXTRACT,
      ...asBytes('twice.csv', twice.join('\r\n')),
      planId: plan.id,
      ref: 1,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_FILE' } });
    if (!r.ok) expect(r.error.message).toMatch(/^The file was not written .*AMD_DUPLICATE_KEY/);
    expect(await ok('files.list', {})).toEqual([]);
    expect(
      await ok('files.build', { ...CHANGE_FROM_EXTRACT, planId: plan.id, ref: 1 }),
    ).toMatchObject({
      seq: 1,
    });
  });

  it('names the extract, not a path, when a quote is never closed', async () => {
    const { call } = app();
    const r = await call('files.build', {
      ...CHANGE_FROM_EXTRACT,
      ...asBytes('broken.csv', 'A01,A03,A05,A48a,A48b,A27\r\n105432,1,01,"HNC,,01092010\r\n'),
      upin: '105432',
      seq: 1,
      description: 'D',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!r.ok)
      expect(r.error.message).toMatch(/^broken\.csv: line 2 has a quote that is never closed/);
  });
});

describe('files.finalise', () => {
  it('refuses records that would make an invalid file as INVALID_FILE, keeping the NN free', async () => {
    const { host, call, ok } = app();
    const plan = providerWithPlan(host.store());
    const file = {
      planId: plan.id,
      ref: 1,
      kind: 'CHANGE',
      dataSet: 'A',
      fields: ['A01', 'A03', 'A05', 'A27'],
      uniqueFields: ['A01', 'A03', 'A05'],
      changedFields: ['A27'],
      checksumField: 'A05',
      records: [['105432', '000012345678', '01', '01092010']],
      reason: 'The other two learners were corrected in the MIS before the plan was approved.',
    };
    const r = await call('files.finalise', {
      ...file,
      records: [...file.records, ...file.records],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_FILE' } });
    expect(await ok('files.finalise', file)).toMatchObject({ name: 'chg105432A01.amd', seq: 1 });
  });
});

describe('files.finalise of an addition set, as the wizard finalises it', () => {
  /** Row 3 is the ADD row; a new aim for an existing learner, and its HE record. */
  const addition = (dataSet: 'A' | 'H', seq?: number) => ({
    planId: 0,
    ref: 3,
    kind: 'ADD',
    dataSet,
    additionType: 2,
    fields: [`${dataSet}01`, `${dataSet}03`, `${dataSet}05`, `${dataSet}09`],
    uniqueFields: [],
    changedFields: [],
    checksumField: `${dataSet}05`,
    records: [['105432', '000012345678', '02', '1']],
    ...(seq === undefined ? {} : { seq }),
  });

  it('finalises a T=2 set of aims none of which is HE as its A file alone, with its own NN', async () => {
    const { host, ok } = app();
    const plan = providerWithPlan(host.store());
    const a = await ok('files.finalise', { ...addition('A'), planId: plan.id });
    expect(a).toMatchObject({ name: 'add105432A201.amd', seq: 1, status: 'final' });
    // The next set, with HE aims: its A file takes the next NN and its H file joins it by name.
    const a2 = await ok('files.finalise', { ...addition('A'), planId: plan.id });
    const h2 = await ok('files.finalise', { ...addition('H', a2.seq ?? 0), planId: plan.id });
    expect([a2.name, h2.name]).toEqual(['add105432A202.amd', 'add105432H202.amd']);
    expect((await ok('files.list', {})).map((f) => f.name).sort()).toEqual([
      'add105432A201.amd',
      'add105432A202.amd',
      'add105432H202.amd',
    ]);
  });

  it('refuses a file naming the NN of a set that cannot take it, rather than split the set', async () => {
    const { host, call, ok } = app();
    const plan = providerWithPlan(host.store());
    await ok('files.finalise', { ...addition('A'), planId: plan.id });
    const r = await call('files.finalise', { ...addition('A', 1), planId: plan.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ok('files.list', {})).toHaveLength(1);
  });
});

describe('files.check and files.mark', () => {
  it('checks .amd and XML files handed over as bytes, one report each', async () => {
    const { ok } = app();
    const amd = readFileSync(join(REPO_ROOT, 'examples', 'chg105432A01.amd'));
    const reports = await ok('files.check', {
      files: [asBytes('chg105432A01.amd', amd), asBytes(ilrName(), ilrText())],
    });
    expect(reports.map((r) => [r.file, r.valid, r.errors])).toEqual([
      ['chg105432A01.amd', true, 0],
      [ilrName(), true, 0],
    ]);
    expect(reports[1]?.xml).toMatchObject({ ukprn: '10007928' });
  });

  it('marks a file submitted, and names an unknown one without naming a command', async () => {
    const { host, ok, call } = app();
    const plan = providerWithPlan(host.store());
    const built = await ok('files.build', { ...CHANGE_FROM_EXTRACT, planId: plan.id, ref: 1 });
    expect(
      await ok('files.mark', { name: built.name, status: 'submitted', note: 'By e-mail' }),
    ).toMatchObject({
      name: built.name,
      status: 'submitted',
    });
    const missing = await call('files.mark', { name: 'chg105432A09.amd', status: 'accepted' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!missing.ok) expect(missing.error.message).not.toMatch(/returndesk/);
  });
});
