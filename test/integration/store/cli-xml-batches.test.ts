// ILR 2011-12 XML batches on the command line, without the network: files added from disk and by
// name, `batch check` and `batch override`, a file with errors refused with its errors, and the
// commands the command line adds to the refusals the store words for every door.
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createOperations } from '../../../electron/operations';
import { createNodeHost } from '../../../electron/web/node-host';
import type { NodeHost } from '../../../electron/web/node-host';
import { OperationFailed } from '../../../electron/cli/door';
import type { Channel, Input } from '../../../shared/ipc/contract';
import type { Batch } from '../../../shared/history/types';
import { MemoryVault } from '../../support/memory-vault';
import { ilrDoc, ilrName, ilrText } from '../../support/ilr-xml';
import { useHistories } from './support/folders';
import { expectOneLineRefusal, json, returndesk } from './support/cli';
import {
  UPIN,
  XML_YEAR,
  destination,
  sendBatch,
  writeXml,
  xmlProviderWithPlan,
} from './support/xml';

const histories = useHistories('returndesk-cli-xml-');
const hosts: NodeHost[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.close()));

/** A history with provider 105432, its approved 2011-12 plan and a destination; a folder of files. */
function history() {
  const data = histories.folder();
  const store = histories.open(data);
  const plan = xmlProviderWithPlan(store);
  const dest = destination(store);
  const create = [
    'batch',
    'create',
    '--provider',
    UPIN,
    '--year',
    XML_YEAR,
    '--plan',
    `${plan.id}`,
  ];
  return { data, store, dest, create, dir: histories.folder() };
}

/** The operations on the history in `data`, as the app's window has them. */
function operations(data: string) {
  const host = createNodeHost(data, { vault: new MemoryVault() });
  hosts.push(host);
  return createOperations(host);
}

/** The message the command line prints when `channel` refuses `input`, run on the history. */
async function refusal<C extends Channel>(data: string, channel: C, input: Input<C>) {
  const r = await call(operations(data), channel, input);
  if (r.ok) throw new Error(`${channel} was not refused`);
  return new OperationFailed(r.error, channel).text;
}

describe('XML batches on the command line', () => {
  it('add files from disk and by name, name what a batch leaves out, and pass the check only when overridden', async () => {
    const { data, store, dest, create, dir } = history();
    const first = await json<Batch>(data, create);
    const paths = [writeXml(dir, '01'), writeXml(dir, '02')];
    const [one, two] = paths.map((p) => basename(p));
    const added = await json<Batch>(data, ['batch', 'add', '--batch', `${first.id}`, ...paths]);
    expect(added.xml?.files.map((f) => [f.name, f.status, f.carriedOver])).toEqual([
      [one, 'final', false],
      [two, 'final', false],
    ]);
    sendBatch(store, first.id, dest.id, 'accepted');

    const second = await json<Batch>(data, create);
    const id = `${second.id}`;
    expect(second.xml?.files.map((f) => [f.name, f.fromBatchId])).toEqual([
      [one, first.id],
      [two, first.id],
    ]);
    await json(data, ['batch', 'remove', '--batch', id, one ?? '']);
    const check = await returndesk(data, ['batch', 'check', '--batch', id]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${one} - accepted, sent in batch ${first.id}`);
    expect(check.stderr).toBe(`returndesk: Batch ${id} is incomplete: it leaves out ${one}.\n`);

    const reason = 'HEFCE asked us to drop file 01';
    const overridden = await json<Batch>(data, [
      'batch',
      'override',
      '--batch',
      id,
      '--reason',
      reason,
    ]);
    expect(overridden.xml?.override).toMatchObject({ reason, missing: [one] });
    expect(await returndesk(data, ['batch', 'check', '--batch', id])).toMatchObject({
      code: 0,
      stderr: '',
    });

    // A file from disk and one of the history by name, in one call: the batch is whole again.
    const three = writeXml(dir, '03');
    const whole = await json<Batch>(data, ['batch', 'add', '--batch', id, three, one ?? '']);
    expect(whole.xml?.files.map((f) => f.name)).toEqual([two, basename(three), one]);
    expect(whole.xml).toMatchObject({ complete: true, missing: [] });
  });

  it('refuse a file with errors with its first errors, exit 1, keeping none of the files named with it', async () => {
    const { data, store, create, dir } = history();
    const b = await json<Batch>(data, create);
    const good = writeXml(dir, '01');
    const bad = writeXml(dir, '02', { header: { TransmissionType: 'B' } });
    const r = await returndesk(data, ['batch', 'add', '--batch', `${b.id}`, good, bad]);
    expectOneLineRefusal(
      r,
      1,
      new RegExp(
        `^returndesk: ${basename(bad).replace(/\./g, '\\.')} has 1 error, so it cannot go into a batch \\(run 'returndesk validate ${bad.replace(/\./g, '\\.')}' for the full report\\): XML_TRANSMISSION_TYPE`,
      ),
    );
    expect(store.xmlFiles.list()).toEqual([]);
    expect(store.batches.get(b.id).xml?.files).toEqual([]);
  });

  it('refuse a batch that is not there or a path to no file, exit 2, naming what to type', async () => {
    const { data, create, dir } = history();
    expectOneLineRefusal(
      await returndesk(data, ['batch', 'show', '--batch', '7']),
      2,
      /^returndesk: There is no batch 7\. 'returndesk batch list' shows them\.$/m,
    );
    const b = await json<Batch>(data, create);
    const nowhere = join(dir, 'ILR-A-10007928-1112-0013-09.XML');
    expectOneLineRefusal(
      await returndesk(data, ['batch', 'add', '--batch', `${b.id}`, nowhere]),
      2,
      /no such file or folder; check the path/,
    );
    expectOneLineRefusal(
      await returndesk(data, ['batch', 'override', '--batch', `${b.id}`, '--reason', ' ']),
      2,
      /--reason: Say why the earlier files are left out\./,
    );
  });

  it('add the commands to the refusals the store words for every door', async () => {
    const { data, store, dest } = history();
    const plan = store.plans.list()[0]?.id ?? 0;
    const first = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan });
    const doc = (serialNo: string, over = {}) => {
      const d = ilrDoc({ serialNo, ...over });
      return { fileName: ilrName(d), base64: Buffer.from(ilrText(d)).toString('base64') };
    };
    // The app's way in: bytes the user chose, through the same batch-level input.
    const kept = await call(operations(data), 'batches.add', {
      batchId: first.id,
      names: [],
      files: [doc('01'), doc('02')],
    });
    expect(kept).toMatchObject({
      ok: true,
      value: { xml: { files: [{ status: 'final' }, { status: 'final' }] } },
    });
    sendBatch(store, first.id, dest.id);
    const second = store.batches.create({ upin: UPIN, year: XML_YEAR, planId: plan });
    store.batches.remove(second.id, doc('01').fileName);
    store.batches.signOff(second.id, 'Jo Bloggs');

    const leftOut = await refusal(data, 'uploads.start', {
      destinationId: dest.id,
      batchId: second.id,
    });
    expect(leftOut).toMatch(
      new RegExp(
        `^Batch ${second.id} leaves out 1 earlier submitted file: .* or override the rule for this batch with a reason\\. .*'returndesk batch add --batch ${second.id} NAME\\.\\.\\.'.*'returndesk files withdraw NAME --reason TEXT'.*'returndesk batch override --batch ${second.id} --reason TEXT'\\.$`,
      ),
    );
    const broken = doc('03', { header: { TransmissionType: 'B' } });
    expect(
      await refusal(data, 'batches.add', { batchId: second.id, names: [], files: [broken] }),
    ).toMatch(
      new RegExp(
        `^${broken.fileName.replace(/\./g, '\\.')} has 1 error, so it cannot be kept or sent: .*'returndesk validate ${broken.fileName.replace(/\./g, '\\.')}' shows the full report\\.$`,
      ),
    );
    expect(await refusal(data, 'batches.get', { batchId: 99 })).toBe(
      "There is no batch 99. 'returndesk batch list' shows them.",
    );
  });
});
