// The app's channels for ILR 2011-12 XML batches, called the way the renderer calls them (input
// parsed, failures as data) on a real history: a file handed over as bytes is checked and kept,
// batches show what they carry over and what they leave out, and an incomplete batch is refused
// at upload until it is overridden.
import { describe, expect, it } from 'vitest';
import { ilrDoc, ilrName, ilrText } from '../../support/ilr-xml';
import { useHistories } from './support/folders';
import { useApp } from './support/app';
import { UPIN, XML_YEAR, destination, sendBatch, xmlProviderWithPlan } from './support/xml';

const histories = useHistories('returndesk-xml-ipc-');
const app = useApp(() => histories.folder());

const bytes = (serialNo: string, over = {}) => {
  const doc = ilrDoc({ serialNo, ...over });
  return { fileName: ilrName(doc), base64: Buffer.from(ilrText(doc)).toString('base64') };
};

describe('XML channels', () => {
  it('work out an amendment from two files handed over as bytes, and refuse two alike', async () => {
    const { call, ok } = app();
    const doc = ilrDoc({ learners: ['000000000001', '000000000002'] });
    const returned = ilrText(doc);
    const corrected = returned.replace(
      '<FamilyName>Patel</FamilyName>',
      '<FamilyName>Patel-Jones</FamilyName>',
    );
    const file = (text: string) => ({
      fileName: ilrName(doc),
      base64: Buffer.from(text).toString('base64'),
    });
    const made = await ok('xmlFiles.amend', {
      returned: file(returned),
      corrected: file(corrected),
    });
    expect(made).toMatchObject({ added: [], onlyInReturned: [], unchanged: 1 });
    expect(made.report).toMatchObject({ valid: true, records: 1 });
    expect(made.changed.map((c) => c.ref)).toEqual(['000000000002']);
    expect(Buffer.from(made.base64, 'base64').toString()).toContain('Patel-Jones');
    expect(
      await call('xmlFiles.amend', { returned: file(returned), corrected: file(returned) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^No learner in /) },
    });
  });

  it('check a file without keeping it, and keep one only when it has no errors', async () => {
    const { host, call, ok, events } = app();
    const plan = xmlProviderWithPlan(host.store());
    const report = await ok('xmlFiles.check', bytes('01'));
    expect(report).toMatchObject({ valid: true, errors: 0, records: 3 });
    expect(report.xml).toMatchObject({ ukprn: '10007928', transmissionType: 'A', serialNo: '01' });
    expect(await ok('xmlFiles.list', {})).toEqual([]);

    const b = await ok('batches.create', { upin: UPIN, year: XML_YEAR, planId: plan.id });
    const added = await ok('xmlFiles.add', { ...bytes('01'), batchId: b.id });
    expect(added.file).toMatchObject({ name: bytes('01').fileName, status: 'final' });
    expect(added.batch?.xml?.files.map((f) => f.name)).toEqual([bytes('01').fileName]);
    expect(events).toContainEqual(['history.changed', { tables: ['files', 'batches'] }]);

    const broken = await call('xmlFiles.add', {
      ...bytes('02', { header: { TransmissionType: 'B' } }),
      batchId: b.id,
    });
    expect(broken).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!broken.ok && broken.error.message).toMatch(/1 error.*XML_TRANSMISSION_TYPE/);
    const both = await call('xmlFiles.add', { ...bytes('03'), batchId: b.id, upin: UPIN });
    expect(both).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const kept = await ok('xmlFiles.add', { ...bytes('04'), upin: UPIN });
    expect(kept.batch).toBeNull();
    expect((await ok('xmlFiles.list', { upin: UPIN })).map((f) => f.serialNo)).toEqual([
      '01',
      '04',
    ]);
  });

  it('show the re-submission set, refuse an incomplete batch at upload, and allow it once overridden', async () => {
    const { host, call, ok } = app();
    const store = host.store();
    const plan = xmlProviderWithPlan(store);
    const dest = destination(store);
    const first = await ok('batches.create', { upin: UPIN, year: XML_YEAR, planId: plan.id });
    await ok('xmlFiles.add', { ...bytes('01'), batchId: first.id });
    await ok('xmlFiles.add', { ...bytes('02'), batchId: first.id });
    sendBatch(store, first.id, dest.id);
    const [one, two] = [bytes('01').fileName, bytes('02').fileName];

    const second = await ok('batches.create', { upin: UPIN, year: XML_YEAR, planId: plan.id });
    expect(second.xml?.files.map((f) => [f.name, f.carriedOver, f.fromBatchId])).toEqual([
      [one, true, first.id],
      [two, true, first.id],
    ]);
    await ok('batches.remove', { batchId: second.id, name: one });
    const check = await ok('batches.check', { batchId: second.id });
    expect(check).toMatchObject({
      applies: true,
      complete: false,
      uploadable: false,
      missing: [{ name: one, status: 'submitted', fromBatchId: first.id }],
    });
    await ok('batches.signOff', { batchId: second.id, by: 'Jo Bloggs' });
    const refused = await call('uploads.start', { destinationId: dest.id, batchId: second.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(!refused.ok && refused.error.message).toContain(`leaves out 1 earlier submitted file`);

    expect(await call('batches.override', { batchId: second.id, reason: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const overridden = await ok('batches.override', {
      batchId: second.id,
      reason: 'Dropped at HEFCE request',
    });
    expect(overridden.xml).toMatchObject({
      uploadable: true,
      override: { reason: 'Dropped at HEFCE request', missing: [one] },
    });

    const withdrawn = await ok('xmlFiles.withdraw', { name: one, reason: 'Superseded' });
    expect(withdrawn).toMatchObject({ file: { status: 'withdrawn' }, removedFrom: [] });
    expect(await ok('batches.check', { batchId: second.id })).toMatchObject({
      complete: true,
      missing: [],
    });
    const detail = await ok('xmlFiles.get', { name: two });
    expect(detail.batchIds).toEqual([first.id, second.id]);
    expect(detail.receipts.map((r) => [r.file, r.batchId])).toEqual([[two, first.id]]);
  });
});
