// Batches of ILR 2011-12 XML files through the Store API, on a real SQLite file: HEFCE incorporates
// an earlier amendment file only when every applicable file is sent again in one batch.
import { describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { actionsSince, expectStoreError, lastAuditId } from './support/expect';
import {
  UKPRN,
  UPIN,
  XML_YEAR,
  addToBatch,
  approvedXmlPlan,
  destination,
  keep,
  sendBatch,
  writeXml,
  xmlProviderWithPlan,
} from './support/xml';
import { takeXmlFile } from '../../../electron/store/xml-intake';
import { approvedPlan } from './support/history';
import { ilrDoc, ilrName } from '../../support/ilr-xml';

const histories = useHistories('returndesk-xml-');

/** A history with batch 1 of two files sent and accepted; the store, plan and file names. */
async function afterFirstBatch() {
  const store = histories.open();
  const dir = histories.folder();
  const plan = xmlProviderWithPlan(store);
  const dest = destination(store);
  const first = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
  await addToBatch(store, first.id, writeXml(dir, '01'));
  await addToBatch(store, first.id, writeXml(dir, '02'));
  sendBatch(store, first.id, dest.id, 'accepted');
  const names = store.batches.get(first.id).xml?.files.map((f) => f.name) ?? [];
  return { store, dir, plan, dest, first, names };
}

describe('XML files in the history', () => {
  it('keeps a checked file with the facts of its header, content-addressed, once per name', async () => {
    const store = histories.open();
    xmlProviderWithPlan(store);
    const path = writeXml(histories.folder(), '01');
    const f = await keep(store, path);
    expect(f).toMatchObject({
      upin: UPIN,
      year: XML_YEAR,
      name: ilrName({ ukprn: UKPRN, type: 'A', serialNo: '01' }),
      ukprn: UKPRN,
      transmissionType: 'A',
      serialNo: '01',
      learners: 3,
      deliveries: 6,
      preparedOn: '2012-03-14',
      status: 'final',
      withdrawnReason: null,
    });
    expect(store.content.source(f.sha256).size).toBe(f.bytes);
    const audit = lastAuditId(store);
    expect(await keep(store, path)).toEqual(f);
    expect(lastAuditId(store)).toBe(audit);
  });

  it('keeps and batches a file shaped like a real MIS export (SerialNo 1 for NN 01), under the two digits of its name', async () => {
    const store = histories.open();
    const plan = xmlProviderWithPlan(store);
    const dir = histories.folder();
    const path = writeXml(dir, '01', { header: { SerialNo: '1', TransmissionNumber: '0013' } });
    const batch = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
    const files = (await addToBatch(store, batch.id, path)).xml?.files ?? [];
    expect(files.map((f) => [f.name, f.serialNo])).toEqual([[ilrName(ilrDoc()), '01']]);
    expect(store.xmlFiles.get(ilrName(ilrDoc()))).toMatchObject({ serialNo: '01', warnings: 0 });
  });

  it('keeps a file whose only findings are warnings, counting them', async () => {
    const store = histories.open();
    xmlProviderWithPlan(store);
    const path = writeXml(histories.folder(), '01', { header: { ProtectiveMarking: null } });
    expect(await keep(store, path)).toMatchObject({ status: 'final', warnings: 1 });
  });

  it('refuses a file with errors, another UKPRN, a provider without UKPRN, or a reused name', async () => {
    const store = histories.open();
    xmlProviderWithPlan(store);
    store.providers.add({ upin: '012345', name: 'No UKPRN College' });
    const dir = histories.folder();
    const audit = lastAuditId(store);
    const broken = writeXml(dir, '01', { header: { SerialNo: '07' } });
    const { checked, report } = await takeXmlFile(store, broken, broken.split('/').at(-1) ?? '');
    expect(report.valid).toBe(false);
    expectStoreError(
      () => store.xmlFiles.record(UPIN, checked),
      'INVALID_INPUT',
      /has 1 error, so it cannot be kept or sent: XML_SERIAL_NO/,
    );
    const theirs = writeXml(dir, '02', { ukprn: '10001234' });
    await expect(keep(store, theirs)).rejects.toThrow(
      /is for UKPRN 10001234, but provider 105432 has UKPRN 10007928/,
    );
    await expect(keep(store, writeXml(dir, '03'), '012345')).rejects.toThrow(
      /Provider 012345 has no UKPRN/,
    );
    expect(store.xmlFiles.list()).toEqual([]);
    expect(lastAuditId(store)).toBe(audit);

    const other = histories.folder();
    await keep(store, writeXml(dir, '04'));
    const changed = writeXml(other, '04', { learners: ['X1'] });
    await expect(keep(store, changed)).rejects.toThrow(/a file name is never used twice/);
  });
});

describe('XML batches', () => {
  it('propose every earlier submitted file of the provider and year, each with the batch it came from', async () => {
    const { store, dir, plan, first, names } = await afterFirstBatch();
    // Not proposed: a final file never sent, and a file of another provider.
    await keep(store, writeXml(dir, '05'));
    store.providers.add({ upin: '012345', ukprn: '10001234', name: 'Other College' });
    const theirs = approvedXmlPlan(store, '012345');
    await keep(store, writeXml(histories.folder(), '01', { ukprn: '10001234' }), '012345');

    const audit = lastAuditId(store);
    const second = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
    expect(second.destination).toBe('ILR amendment upload area');
    expect(second.files).toEqual([]);
    expect(
      second.xml?.files.map((f) => [f.position, f.name, f.carriedOver, f.fromBatchId]),
    ).toEqual([
      [1, names[0], true, first.id],
      [2, names[1], true, first.id],
    ]);
    expect(second.xml).toMatchObject({ missing: [], complete: true, uploadable: true });
    expect(actionsSince(store, audit)).toEqual(['batch.created', 'batch.files_proposed']);
    expect(
      store.batches.create({ upin: '012345', year: XML_YEAR, planId: theirs.id }).xml?.files,
    ).toEqual([]);
  });

  it('count a file marked submitted outside ReturnDesk, without naming a batch that never sent it', async () => {
    const store = histories.open();
    const plan = xmlProviderWithPlan(store);
    const draft = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
    const f = (await addToBatch(store, draft.id, writeXml(histories.folder(), '01'))).xml?.files[0];
    store.xmlFiles.mark(f?.name ?? '', 'submitted', 'sent by e-mail');
    const next = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
    expect(next.xml?.files.map((x) => [x.name, x.carriedOver, x.fromBatchId])).toEqual([
      [f?.name, true, null],
    ]);
  });

  it('name an earlier file the batch leaves out, and refuse to send it', async () => {
    const { store, dir, plan, dest, first, names } = await afterFirstBatch();
    const second = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
    await addToBatch(store, second.id, writeXml(dir, '03'));
    const b = store.batches.remove(second.id, names[0]!);
    expect(b.xml?.files.map((f) => [f.position, f.name])).toEqual([
      [1, names[1]],
      [2, ilrName({ ukprn: UKPRN, type: 'A', serialNo: '03' })],
    ]);
    expect(store.batches.xml.check(second.id)).toEqual({
      batchId: second.id,
      upin: UPIN,
      year: XML_YEAR,
      applies: true,
      missing: [{ name: names[0], status: 'accepted', fromBatchId: first.id }],
      override: null,
      complete: false,
      uploadable: false,
    });
    store.batches.signOff(second.id, 'Jo Bloggs');
    expectStoreError(
      () => sendBatch(store, second.id, dest.id),
      'INVALID_STATE',
      new RegExp(
        `leaves out 1 earlier submitted file: ${names[0]} \\(sent in batch ${first.id}\\)`,
      ),
    );
    expect(store.batches.get(second.id).status).toBe('signed_off');
    // Put back, it is whole again.
    expect(store.batches.add(second.id, [names[0]!]).xml?.complete).toBe(true);
  });

  it('stop requiring a withdrawn file, and take it out of batches not yet sent', async () => {
    const { store, plan, names } = await afterFirstBatch();
    const second = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
    store.batches.signOff(second.id, 'Jo Bloggs');
    expectStoreError(
      () => store.batches.xml.withdraw(names[0]!, ' '),
      'INVALID_INPUT',
      /Say why .* is withdrawn\./,
    );
    const audit = lastAuditId(store);
    const r = store.batches.xml.withdraw(names[0]!, 'Superseded by the R14 A file');
    expect(r.file).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: 'Superseded by the R14 A file',
    });
    expect(r.removedFrom).toEqual([second.id]);
    expect(actionsSince(store, audit)).toEqual([
      'batch.file_removed',
      'batch.sign_off_withdrawn',
      'xml_file.withdrawn',
    ]);
    const b = store.batches.get(second.id);
    expect(b).toMatchObject({ status: 'draft', signedOffBy: null });
    expect(b.xml?.files.map((f) => f.name)).toEqual([names[1]]);
    expect(b.xml).toMatchObject({ missing: [], complete: true });
    const third = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
    expect(third.xml?.files.map((f) => f.name)).toEqual([names[1]]);
    expectStoreError(() => store.batches.add(third.id, [names[0]!]), 'INVALID_STATE', /withdrawn/);
    expectStoreError(
      () => store.batches.xml.withdraw(names[0]!, 'again'),
      'INVALID_STATE',
      /already withdrawn/,
    );
  });

  it('send an incomplete batch only with an override, whose reason is audited and covers only the files missing then', async () => {
    const { store, dir, plan, dest, names } = await afterFirstBatch();
    const second = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
    expectStoreError(
      () => store.batches.xml.override(second.id, 'nothing to leave out'),
      'INVALID_STATE',
      /nothing to override/,
    );
    store.batches.remove(second.id, names[0]!);
    expectStoreError(() => store.batches.xml.override(second.id, '  '), 'INVALID_INPUT', /reason/);
    const audit = lastAuditId(store);
    const b = store.batches.xml.override(second.id, 'HEFCE asked for file 01 to be dropped');
    expect(b.xml?.override).toEqual({
      reason: 'HEFCE asked for file 01 to be dropped',
      by: 'jo.bloggs',
      at: expect.any(String) as string,
      missing: [names[0]],
    });
    expect(b.xml).toMatchObject({ complete: false, uploadable: true });
    const [entry] = store.audit.list(`batch:${second.id}`, 1);
    expect(entry).toMatchObject({ id: audit + 1, action: 'batch.override', user: 'jo.bloggs' });
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({
      reason: 'HEFCE asked for file 01 to be dropped',
      missing: [names[0]],
    });

    // Another file left out is not covered by it.
    store.batches.remove(second.id, names[1]!);
    expect(store.batches.get(second.id).xml).toMatchObject({ uploadable: false });
    expectStoreError(
      () => store.batches.xml.assertUploadable(second.id),
      'INVALID_STATE',
      new RegExp(`leaves out 1 earlier submitted file: ${names[1]}`),
    );
    store.batches.add(second.id, [names[1]!]);
    await addToBatch(store, second.id, writeXml(dir, '03'));
    const sent = sendBatch(store, second.id, dest.id);
    expect(sent.status).toBe('uploaded');
    // Once sent, the batch shows what it left out, and the override that allowed it.
    expect(sent.xml?.missing.map((m) => m.name)).toEqual([names[0]]);
    const uploading = store.audit
      .list(`batch:${second.id}`, 50)
      .find((e) => e.action === 'batch.uploading');
    expect(uploading).toBeDefined();
  });

  it('withdraw the sign-off when a file is added or removed after it', async () => {
    const { store, dir, plan, names } = await afterFirstBatch();
    const second = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
    store.batches.signOff(second.id, 'Jo Bloggs');
    let audit = lastAuditId(store);
    const added = await addToBatch(store, second.id, writeXml(dir, '03'));
    expect(added).toMatchObject({ status: 'draft', signedOffBy: null, signedOffAt: null });
    expect(actionsSince(store, audit)).toEqual([
      'xml_file.recorded',
      'batch.file_added',
      'batch.sign_off_withdrawn',
    ]);
    store.batches.signOff(second.id, 'Sam Head');
    audit = lastAuditId(store);
    // Naming a file already in the batch changes nothing and keeps the sign-off.
    expect(store.batches.add(second.id, [names[0]!]).status).toBe('signed_off');
    expect(lastAuditId(store)).toBe(audit);
    expect(store.batches.remove(second.id, names[0]!).status).toBe('draft');
    expect(actionsSince(store, audit)).toEqual(['batch.file_removed', 'batch.sign_off_withdrawn']);
  });

  it('move XML files with their uploads: submitted on receipt, then accepted or rejected', async () => {
    const store = histories.open();
    const dir = histories.folder();
    const plan = xmlProviderWithPlan(store);
    const dest = destination(store);
    const b = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
    await addToBatch(store, b.id, writeXml(dir, '01'));
    const name = store.batches.get(b.id).xml?.files[0]?.name ?? '';
    expect(store.xmlFiles.get(name).status).toBe('final');
    sendBatch(store, b.id, dest.id);
    expect(store.xmlFiles.get(name).status).toBe('submitted');
    const [upload] = store.uploads.list({ batchId: b.id });
    expect(upload?.xmlFileId).toBe(store.xmlFiles.get(name).id);
    store.uploads.verified(upload?.id ?? 0, 'failed', [{ code: 'X', message: 'no' }]);
    expect(store.xmlFiles.get(name).status).toBe('rejected');
    // A rejected file was not taken in: the next batch does not need it.
    const next = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
    expect(next.xml?.files).toEqual([]);
  });

  it('refuse bad input: unknown batch, a file of another year or provider, XML into a 2010-11 batch', async () => {
    const store = histories.open();
    const dir = histories.folder();
    const plan = xmlProviderWithPlan(store);
    expectStoreError(() => store.batches.xml.check(99), 'NOT_FOUND', /no batch 99/);
    expectStoreError(() => store.batches.xml.override(99, 'why'), 'NOT_FOUND');
    await expect(addToBatch(store, 99, writeXml(dir, '01'))).rejects.toThrow(/no batch 99/);
    expectStoreError(() => store.batches.add(99, ['x']), 'NOT_FOUND');

    const amdPlan = approvedPlan(store);
    const amd = store.batches.create({ upin: UPIN, year: '2010-11', planId: amdPlan.id });
    expect(amd.xml).toBeUndefined();
    expect(store.batches.xml.check(amd.id)).toMatchObject({ applies: false, uploadable: true });
    await expect(addToBatch(store, amd.id, writeXml(dir, '02'))).rejects.toThrow(
      /amended with \.amd files, not XML files/,
    );
    expectStoreError(
      () => store.batches.xml.override(amd.id, 'why'),
      'INVALID_INPUT',
      /applies to XML batches/,
    );

    const b = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan.id });
    expectStoreError(
      () => store.batches.add(b.id, ['ILR-A-10007928-1112-0013-77.XML']),
      'NOT_FOUND',
    );
    store.providers.add({ upin: '012345', ukprn: '10001234', name: 'Other College' });
    const theirs = await keep(
      store,
      writeXml(histories.folder(), '01', { ukprn: '10001234' }),
      '012345',
    );
    expectStoreError(() => store.batches.add(b.id, [theirs.name]), 'INVALID_INPUT', /012345/);
    expect(store.batches.get(b.id).xml?.files).toEqual([]);
  });
});
