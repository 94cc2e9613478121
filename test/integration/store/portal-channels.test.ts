// The app's channels for data portal returns, called the way the renderer calls them (input parsed,
// failures as data, files handed over as bytes) on a real history: a file is checked against its
// template's format or against a specification handed over with it, an upload with errors is
// refused until the user acknowledges them, and the schedule is listed as on a given day.
import { describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { useApp } from './support/app';

const histories = useHistories('returndesk-portal-ipc-');
const app = useApp(() => histories.folder());

const SPEC =
  'Name,Description,Position,Validation Regular Expression\nYear,Year,1,^\\d{4}$\nTier,Tier,2,(F|H|-2)\n';
const file = (fileName: string, text: string) => ({
  fileName,
  base64: Buffer.from(text).toString('base64'),
});

describe('portal channels', () => {
  it("check bytes against the template's format, or say that none is attached", async () => {
    const { ok } = app();
    const r = await ok('portal.addRequest', {
      period: 'June 2019',
      template: 'SpecificationCodes',
      opens: '2019-03-01',
      due: '2029-04-03',
    });
    const data = file('codes.csv', 'Year,Tier\r\nMMXIX,X\r\n2019,F\r\n');
    const unchecked = await ok('portal.check', { requestId: r.id, file: data });
    expect(unchecked).toMatchObject({ file: 'codes.csv', format: null, valid: true });

    await ok('portal.importFormat', { template: 'SpecificationCodes', ...file('spec.csv', SPEC) });
    const check = await ok('portal.check', { requestId: r.id, file: data });
    expect(check).toMatchObject({
      file: 'codes.csv',
      template: 'SpecificationCodes',
      format: { sourceName: 'spec.csv' },
      valid: false,
      rows: 2,
      errors: 2,
    });
    expect(check.findings.map((f) => [f.rule, f.row, f.column])).toEqual([
      ['CSV_VALUE_PATTERN', 2, 'Year'],
      ['CSV_VALUE_PATTERN', 2, 'Tier'],
    ]);
  });

  it('refuse an upload with errors the user has not acknowledged, before anything is kept', async () => {
    const { ok, call } = app();
    await ok('portal.importFormat', { template: 'SpecificationCodes', ...file('spec.csv', SPEC) });
    const r = await ok('portal.addRequest', {
      period: 'June 2019',
      template: 'SpecificationCodes',
      opens: '2019-03-01',
      due: '2029-04-03',
    });
    const refused = await call('portal.upload', {
      requestId: r.id,
      file: file('codes.csv', 'Year,Tier\r\n19,X\r\n'),
    });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'INVALID_STATE',
        message:
          'codes.csv has 2 errors against the SpecificationCodes file format; correct the file, or acknowledge the errors to upload it anyway.',
      },
    });
    expect(await ok('uploads.list', {})).toEqual([]);
  });

  it('check bytes against a specification handed over with them, importing nothing', async () => {
    const { ok, call } = app();
    const report = await ok('portal.checkFile', {
      format: file('spec.csv', SPEC),
      file: file('data.csv', 'Year,Tier\r\n2019,H\r\n'),
    });
    expect(report).toEqual({
      file: 'data.csv',
      format: 'spec.csv',
      valid: true,
      rows: 1,
      errors: 0,
      warnings: 0,
      findings: [],
    });
    expect(await ok('portal.formats')).toEqual([]);
    const broken = await call('portal.checkFile', {
      format: file('bad.csv', 'Name,Description,Position,Validation Regular Expression\nA,A,1,(\n'),
      file: file('data.csv', 'A\r\n1\r\n'),
    });
    expect(broken).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^bad\.csv cannot be used/) },
    });
  });

  it('list the requests as on a given day, and only one destination’s when asked', async () => {
    const { ok, call } = app();
    await ok('destinations.add', {
      name: 'Ofqual',
      url: 'https://127.0.0.1:9443',
      area: 'Ofqual Data Portal',
      username: 'demo',
    });
    const request = { period: 'June 2019', opens: '2019-03-28', due: '2019-04-03' };
    await ok('portal.addRequest', { ...request, template: 'EaRs DR1', destination: 'Ofqual' });
    await ok('portal.addRequest', { ...request, template: 'T1 Entries' });
    const all = await ok('portal.requests', { today: '2019-03-22' });
    expect(all).toMatchObject({ today: '2019-03-22' });
    expect(all.requests.map((r) => [r.template, r.destination, r.status.text])).toEqual([
      ['EaRs DR1', 'Ofqual', 'Collection open in 6 days'],
      ['T1 Entries', null, 'Collection open in 6 days'],
    ]);
    const ofqual = await ok('portal.requests', { destination: 'Ofqual' });
    expect(ofqual.requests.map((r) => r.template)).toEqual(['EaRs DR1']);
    expect(await call('portal.requests', { destination: 'Nowhere' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('add a request without an opening date: its collection opens on the due date', async () => {
    const { ok, call } = app();
    const added = await ok('portal.addRequest', {
      period: 'June 2019',
      template: 'T1 Entries',
      due: '2019-04-05',
    });
    expect(added).toMatchObject({ opens: '2019-04-05', due: '2019-04-05' });
    const { requests } = await ok('portal.requests', { today: '2019-03-22' });
    expect(requests.map((r) => [r.opens, r.status.text, r.status.canUpload])).toEqual([
      ['2019-04-05', 'Collection open in 14 days', false],
    ]);
    // A date given is still checked against the due date.
    expect(
      await call('portal.addRequest', {
        period: 'June 2019',
        template: 'SpecificationCodes',
        opens: '2019-04-04',
        due: '2019-04-03',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
