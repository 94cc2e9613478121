// Uploads seen from the history: a file built against an action plan moves final → submitted →
// accepted only on the server's word, and a signed-off batch uploads as one unit.
import { describe, expect, it } from 'vitest';
import { addDestination, cliFor, expectOneLineRefusal, waitForVerdict } from './support/cli';
import type { ReceiptJson } from './support/cli';
import { useUploadEnv } from './support/env';
import { Store } from '../../../electron/store';
import { buildDashboard } from '../../../electron/operations/dashboard';
import { UPIN, YEAR, buildFromPlan, fileStatuses, seedApprovedPlan } from './support/history';

const env = useUploadEnv();

/** What the dashboard says of the plan's row. */
function planRowStatus(data: string): string | undefined {
  const store = new Store(data);
  try {
    return buildDashboard(store, new Date()).items.find((i) => i.link.startsWith('#/plans/'))
      ?.status;
  } finally {
    store.close();
  }
}
const cli = cliFor(env.service);

interface BatchJson {
  id: number;
  status: string;
  files: { name: string }[];
}

async function batchWith(data: string, planId: number, names: string[]): Promise<number> {
  const b = await cli.json<BatchJson>(data, [
    'batch',
    'create',
    '--provider',
    UPIN,
    '--year',
    YEAR,
    '--plan',
    String(planId),
  ]);
  await cli.json(data, ['batch', 'add', '--batch', String(b.id), ...names]);
  return b.id;
}

const batchStatus = async (data: string, id: number) =>
  (await cli.json<BatchJson>(data, ['batch', 'show', '--batch', String(id)])).status;

describe('uploads in the history', () => {
  it('moves a file built with --plan-row from final to submitted on upload, and to accepted when the server accepts it', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const planId = seedApprovedPlan(data);
    const built = await buildFromPlan(cli, data, planId, await env.tempDir());
    const dest = await addDestination(cli, data, server);
    expect(await fileStatuses(cli, data)).toEqual({ [built.name]: 'final' });

    const [receipt] = await cli.json<ReceiptJson[]>(data, [
      'upload',
      '--destination',
      dest,
      built.path,
    ]);
    expect(receipt).toMatchObject({ file: built.name, sha256: built.sha256, batchId: null });
    expect(await fileStatuses(cli, data)).toEqual({ [built.name]: 'submitted' });
    // The plan row was due long ago, but its file is with the receiver: not "Overdue".
    expect(planRowStatus(data)).toBe('Uploaded, awaiting verification');

    const [verdict] = await waitForVerdict(cli, data, [built.name]);
    expect(verdict?.status).toBe('accepted');
    expect(await fileStatuses(cli, data)).toEqual({ [built.name]: 'accepted' });

    // With no data officer's name set, the receipt names the computer's account, and says so.
    const printed = await cli.run(data, ['receipt', '--upload', String(receipt?.id)]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(new RegExp(`^Upload receipt ${receipt?.id}\n`));
    expect(printed.stdout).toMatch(
      /^Sent by: {6}\S+ \(the computer's account: no data officer's name is set\)$/m,
    );
    expect(printed.stdout).toContain(`SHA-256 ${built.sha256}`);
    expect(printed.stdout).toMatch(/^Verification: Accepted by the regulator\.$/m);
  });

  it('uploads a signed-off batch as one unit: uploaded with a receipt per file, then accepted', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const planId = seedApprovedPlan(data);
    const out = await env.tempDir();
    const first = await buildFromPlan(cli, data, planId, out);
    const second = await buildFromPlan(cli, data, planId, out);
    const dest = await addDestination(cli, data, server);
    const batch = await batchWith(data, planId, [first.name, second.name]);
    await cli.json(data, ['batch', 'sign-off', '--batch', String(batch), '--by', 'Jo Bloggs']);
    await cli.json(data, ['officer', 'set', '--name', 'Sam Patel']);

    const receipts = await cli.json<ReceiptJson[]>(data, [
      'upload',
      '--destination',
      dest,
      '--batch',
      String(batch),
    ]);
    expect(receipts.map((r) => [r.file, r.sha256, r.batchId, r.status])).toEqual([
      [first.name, first.sha256, batch, 'pending-verification'],
      [second.name, second.sha256, batch, 'pending-verification'],
    ]);
    expect(await batchStatus(data, batch)).toBe('uploaded');
    expect(await fileStatuses(cli, data)).toEqual({
      [first.name]: 'submitted',
      [second.name]: 'submitted',
    });

    await waitForVerdict(cli, data, [first.name, second.name]);
    expect(await batchStatus(data, batch)).toBe('accepted');
    expect(await fileStatuses(cli, data)).toEqual({
      [first.name]: 'accepted',
      [second.name]: 'accepted',
    });

    // One page for the batch: who sent it (the data officer, not the computer's account), who
    // signed it off, each file with its SHA-256, the verdict and the audit head the server holds.
    const page = await cli.json<Record<string, unknown>>(data, [
      'receipt',
      '--batch',
      String(batch),
    ]);
    expect(page).toMatchObject({
      kind: 'batch',
      title: `Batch ${batch} receipt`,
      provider: expect.stringMatching(new RegExp(`^${UPIN} `)),
      files: [
        { name: first.name, sha256: first.sha256, status: 'accepted' },
        { name: second.name, sha256: second.sha256, status: 'accepted' },
      ],
      sentBy: 'Sam Patel',
      sentByIsPerson: true,
      signedOff: { by: 'Jo Bloggs' },
      verification: 'All 2 files accepted by the regulator.',
      auditHead: receipts[1]?.auditHead,
    });
    const refused = await cli.run(data, ['receipt', '--upload', '1', '--batch', String(batch)]);
    expectOneLineRefusal(refused, 2, /Give one of --upload ID or --batch ID\./);
  });

  it('refuses to upload a batch that is not signed off, sending nothing', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const planId = seedApprovedPlan(data);
    const built = await buildFromPlan(cli, data, planId, await env.tempDir());
    const dest = await addDestination(cli, data, server);
    const batch = await batchWith(data, planId, [built.name]);

    const r = await cli.run(data, ['upload', '--destination', dest, '--batch', String(batch)]);
    expectOneLineRefusal(r, 1, /Batch 1 is draft; only a signed-off batch can be uploaded\./);
    expect(await batchStatus(data, batch)).toBe('draft');
    expect(await cli.json(data, ['status'])).toEqual([]);
    expect(await fileStatuses(cli, data)).toEqual({ [built.name]: 'final' });
  });
});
