// A history ready for ILR 2011-12 XML batches: provider 105432 with its UKPRN and an approved
// 2011-12 action plan, set up through the Store the way the app does; clean XML files on disk; and a
// first batch sent and accepted in this process, for tests of the batches that follow it.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Store } from '../../../../electron/store';
import { takeXmlFile } from '../../../../electron/store/xml-intake';
import { NodeTransport } from '../../../../electron/upload/node-transport';
import { UploadService } from '../../../../electron/operations/upload-service';
import { vaultAccount } from '../../../../electron/vault/keyring-vault';
import type { RunningExtranet } from '../../../extranet/spawn';
import { DEMO, pollUntil, type UploadTestEnv } from './env';
import { TEST_RETRY } from './service';
import { ilrDoc, ilrName, ilrText } from '../../../support/ilr-xml';

export const UPIN = '105432';
export const UKPRN = '10007928';
export const XML_YEAR = '2011-12';
export const ILR_AREA = 'ILR amendment upload area';
export const ILR_AREA_KEY = '9LON-XV33-2PYZ-EN8S';

/** Provider 105432 (UKPRN 10007928) with an approved 2011-12 plan; the plan's id. */
export function seedXmlPlan(data: string): number {
  const store = new Store(data, { user: 'jo.bloggs' });
  try {
    store.providers.add({ upin: UPIN, ukprn: UKPRN, name: `College ${UPIN}` });
    const plan = store.plans.create({ upin: UPIN, year: XML_YEAR, title: 'Corrections after R14' });
    store.plans.addRow(plan.id, {
      kind: 'CHANGE',
      description: 'Learning start dates corrected',
      fields: ['A27'],
      records: 3,
      due: '2012-03-31',
    });
    store.plans.move(plan.id, 'submit');
    return store.plans.move(plan.id, 'approve').id;
  } finally {
    store.close();
  }
}

export interface XmlOnDisk {
  name: string;
  path: string;
}

/** A clean 2011-12 'A' file of provider 10007928 with serial number `serialNo`, in `dir`. */
export async function xmlFile(dir: string, serialNo: string): Promise<XmlOnDisk> {
  const doc = ilrDoc({ serialNo });
  const name = ilrName(doc);
  const path = join(dir, name);
  await writeFile(path, ilrText(doc));
  return { name, path };
}

/**
 * Batch 1 of `files`, uploaded and accepted in this process (the real upload service over HTTPS,
 * the test's Secret Service), through destination `hefce-ilr`: the history a later batch builds on.
 */
export async function acceptedBatchInProcess(
  env: UploadTestEnv,
  data: string,
  server: RunningExtranet,
  planId: number,
  files: readonly XmlOnDisk[],
): Promise<{ batchId: number; destination: string }> {
  const store = new Store(data, { user: 'jo.bloggs' });
  try {
    const d = store.destinations.add({
      name: 'hefce-ilr',
      url: server.url,
      area: ILR_AREA,
      username: DEMO.username,
      caPem: await readFile(server.ca, 'utf8'),
    });
    await env.vault.set(vaultAccount.password(d.id, DEMO.username), DEMO.password);
    await env.vault.set(vaultAccount.groupKey(d.id), ILR_AREA_KEY);
    const b = store.batches.create({ upin: UPIN, year: XML_YEAR, planId });
    const checked = [];
    for (const f of files) checked.push((await takeXmlFile(store, f.path, f.name)).checked);
    store.batches.xml.addChecked(b.id, checked, []);
    store.batches.signOff(b.id, 'Jo Bloggs');
    const service = new UploadService({
      store,
      vault: env.vault,
      transportFor: (x) => new NodeTransport(x.caPem),
      retry: TEST_RETRY,
    });
    await service.uploadBatch(d.name, b.id);
    await pollUntil(
      `batch ${b.id} accepted`,
      async () => {
        await service.refreshStatuses();
        return store.batches.get(b.id).status;
      },
      (s) => s === 'accepted',
    );
    return { batchId: b.id, destination: d.name };
  } finally {
    store.close();
  }
}
