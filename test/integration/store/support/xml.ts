// A history for ILR 2011-12 XML batches: provider 105432 with its UKPRN and an approved 2011-12
// plan, real XML files (test/support/ilr-xml.ts) taken in through the offline check, and uploads
// recorded the way the upload service records them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../../../electron/store';
import { takeXmlFile } from '../../../../electron/store/xml-intake';
import type { ActionPlan, Batch, StoredXmlFile } from '../../../../shared/history/types';
import { ilrDoc, ilrName, ilrText } from '../../../support/ilr-xml';
import type { IlrXmlDoc } from '../../../support/ilr-xml';

export const UPIN = '105432';
export const UKPRN = '10007928';
export const XML_YEAR = '2011-12';

/** Provider 105432 (UKPRN 10007928) with an approved 2011-12 plan. */
export function xmlProviderWithPlan(store: Store, upin = UPIN, ukprn: string | null = UKPRN) {
  store.providers.add({ upin, ukprn, name: `College ${upin}` });
  return approvedXmlPlan(store, upin);
}

export function approvedXmlPlan(store: Store, upin = UPIN): ActionPlan {
  const plan = store.plans.create({ upin, year: XML_YEAR, title: 'Corrections after R14' });
  store.plans.addRow(plan.id, {
    kind: 'CHANGE',
    description: 'Learning start dates corrected',
    fields: ['A27'],
    records: 3,
    due: '2012-03-31',
  });
  store.plans.move(plan.id, 'submit');
  return store.plans.move(plan.id, 'approve');
}

/** Writes a clean 2011-12 'A' file with serial number `serialNo` into `dir`; its path. */
export function writeXml(dir: string, serialNo: string, over: Partial<IlrXmlDoc> = {}): string {
  const doc = ilrDoc({ serialNo, ...over });
  const path = join(dir, ilrName(doc));
  writeFileSync(path, ilrText(doc));
  return path;
}

/** Takes a file from disk through the check and into batch `batchId`; the batch. */
export async function addToBatch(store: Store, batchId: number, path: string): Promise<Batch> {
  const { checked } = await takeXmlFile(store, path, path.split('/').at(-1) ?? path);
  return store.batches.xml.addChecked(batchId, [checked], []);
}

/** Keeps a file for provider `upin` without a batch. */
export async function keep(store: Store, path: string, upin = UPIN): Promise<StoredXmlFile> {
  const { checked } = await takeXmlFile(store, path, path.split('/').at(-1) ?? path);
  return store.xmlFiles.record(upin, checked);
}

export function destination(store: Store) {
  return store.destinations.add({
    name: 'hefce',
    url: 'https://127.0.0.1:8443',
    area: 'ILR amendment upload area',
    username: 'demo',
  });
}

/**
 * Records a batch's upload the way UploadService does: uploading, each file received (its status
 * becomes submitted), uploaded; with `verdict`, the server's answer for every file.
 */
export function sendBatch(
  store: Store,
  batchId: number,
  destinationId: number,
  verdict?: 'accepted' | 'failed',
): Batch {
  if (store.batches.get(batchId).status === 'draft') store.batches.signOff(batchId, 'Jo Bloggs');
  store.batches.xml.assertUploadable(batchId);
  store.batches.setStatus(batchId, 'uploading');
  for (const f of store.batches.get(batchId).xml?.files ?? []) {
    const u = store.uploads.start({
      destinationId,
      batchId,
      fileName: f.name,
      sha256: f.sha256,
      bytes: 100,
    });
    store.uploads.received(u.id, f.sha256, '2012-03-14T10:00:00.000Z');
    if (verdict) store.uploads.verified(u.id, verdict, []);
  }
  return store.batches.setStatus(batchId, 'uploaded');
}
