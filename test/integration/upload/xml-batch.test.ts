// ILR 2011-12 XML batches end to end, as a data officer runs them: `batch create`, `batch add` of
// files from disk, `batch check`, `upload --batch` and `status` against the reference extranet over
// real HTTPS, then a second batch that must re-send the first's files (or be overridden, audited).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Batch, StoredXmlFile } from '../../../shared/history/types';
import {
  addDestination,
  cliFor,
  expectOneLineRefusal,
  waitForVerdict,
  type ReceiptJson,
} from './support/cli';
import { sha256, useUploadEnv } from './support/env';
import {
  ILR_AREA,
  ILR_AREA_KEY,
  UPIN,
  XML_YEAR,
  acceptedBatchInProcess,
  seedXmlPlan,
  xmlFile,
  type XmlOnDisk,
} from './support/xml';

const env = useUploadEnv();
/** Each `returndesk` run starts a process; these tests make a dozen or more. */
const CLI_HEAVY = 150_000;
const cli = cliFor(env.service);

interface AuditJson {
  action: string;
  details: string;
}

/** Batch 1 (files 01 and 02) created, filled, checked, signed off and uploaded by the CLI. */
async function firstBatchByCli() {
  const server = await env.startServer();
  const data = await env.tempDir();
  const dir = await env.tempDir();
  const planId = seedXmlPlan(data);
  const dest = await addDestination(cli, data, server, {
    name: 'hefce-ilr',
    area: ILR_AREA,
    groupKey: ILR_AREA_KEY,
  });
  const files = [await xmlFile(dir, '01'), await xmlFile(dir, '02')];
  const create = ['batch', 'create', '--provider', UPIN, '--year', XML_YEAR, '--plan', `${planId}`];
  const first = await cli.json<Batch>(data, create);
  expect(first).toMatchObject({ destination: ILR_AREA, files: [], xml: { files: [] } });
  const added = await cli.json<Batch>(data, [
    'batch',
    'add',
    '--batch',
    `${first.id}`,
    ...files.map((f) => f.path),
  ]);
  expect(added.xml?.files.map((f) => [f.name, f.status, f.carriedOver])).toEqual(
    files.map((f) => [f.name, 'final', false]),
  );
  const check = await cli.run(data, ['batch', 'check', '--batch', `${first.id}`]);
  expect(check).toMatchObject({ code: 0, stderr: '' });
  await cli.json(data, ['batch', 'sign-off', '--batch', `${first.id}`, '--by', 'Jo Bloggs']);
  const receipts = await cli.json<ReceiptJson[]>(data, [
    'upload',
    '--destination',
    dest,
    '--batch',
    `${first.id}`,
  ]);
  return { data, files, first, receipts, create };
}

async function expectReceipts(receipts: ReceiptJson[], files: XmlOnDisk[], batchId: number) {
  expect(receipts.map((r) => r.file)).toEqual(files.map((f) => f.name));
  for (const [r, f] of receipts.map((r, i) => [r, files[i]] as const)) {
    const bytes = await readFile(f?.path ?? '');
    expect(r).toMatchObject({
      bytes: bytes.length,
      sha256: sha256(bytes),
      serverSha256: sha256(bytes),
      status: 'pending-verification',
      batchId,
    });
  }
}

describe('XML batches, end to end', () => {
  it(
    'uploads a complete batch with a receipt per file, verification accepts it, and the next batch proposes its files',
    async () => {
      const { data, files, first, receipts, create } = await firstBatchByCli();
      await expectReceipts(receipts, files, first.id);

      const verdicts = await waitForVerdict(
        cli,
        data,
        files.map((f) => f.name),
      );
      expect(verdicts.map((v) => v.status)).toEqual(['accepted', 'accepted']);
      const shown = await cli.json<Batch>(data, ['batch', 'show', '--batch', `${first.id}`]);
      expect(shown.status).toBe('accepted');
      const kept = await cli.json<StoredXmlFile[]>(data, ['files', 'list', '--xml']);
      expect(kept.map((f) => [f.name, f.status, f.learners])).toEqual(
        files.map((f) => [f.name, 'accepted', 3]),
      );

      const human = await cli.run(data, create);
      expect(human.code).toBe(0);
      expect(human.stdout).toContain(
        `It re-sends 2 earlier submitted file(s), as HEFCE requires:\n  ${files[0]?.name} (from batch ${first.id})\n  ${files[1]?.name} (from batch ${first.id})\n`,
      );
      const second = await cli.json<Batch>(data, ['batch', 'show', '--batch', `${first.id + 1}`]);
      expect(second.xml?.files.map((f) => [f.name, f.carriedOver, f.fromBatchId])).toEqual(
        files.map((f) => [f.name, true, first.id]),
      );
      expect(second.xml).toMatchObject({ missing: [], complete: true });
    },
    CLI_HEAVY,
  );

  it(
    'refuses a batch that leaves out an earlier file until it is overridden with a reason, which the audit trail shows',
    async () => {
      const server = await env.startServer();
      const data = await env.tempDir();
      const dir = await env.tempDir();
      const planId = seedXmlPlan(data);
      const files = [await xmlFile(dir, '01'), await xmlFile(dir, '02')];
      const { batchId: firstId, destination: dest } = await acceptedBatchInProcess(
        env,
        data,
        server,
        planId,
        files,
      );
      const create = [
        'batch',
        'create',
        '--provider',
        UPIN,
        '--year',
        XML_YEAR,
        '--plan',
        `${planId}`,
      ];
      const second = await cli.json<Batch>(data, create);
      const id = `${second.id}`;
      const third = await xmlFile(dir, '03');
      await cli.json(data, ['batch', 'add', '--batch', id, third.path]);
      await cli.json(data, ['batch', 'remove', '--batch', id, files[0]?.name ?? '']);

      const check = await cli.run(data, ['batch', 'check', '--batch', id]);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain(`${files[0]?.name} - accepted, sent in batch ${firstId}`);
      expect(check.stderr).toBe(
        `returndesk: Batch ${id} is incomplete: it leaves out ${files[0]?.name}.\n`,
      );

      await cli.json(data, ['batch', 'sign-off', '--batch', id, '--by', 'Jo Bloggs']);
      const refused = await cli.run(data, ['upload', '--destination', dest, '--batch', id]);
      expectOneLineRefusal(
        refused,
        1,
        new RegExp(
          `Batch ${id} leaves out 1 earlier submitted file: ${files[0]?.name.replace(/\./g, '\\.')} \\(sent in batch ${firstId}\\).*batch override --batch ${id} --reason`,
        ),
      );
      expect((await cli.json<ReceiptJson[]>(data, ['status'])).length).toBe(2);

      const reason = 'HEFCE asked us to drop file 01 (e-mail of 2 April 2012)';
      const overridden = await cli.json<Batch>(data, [
        'batch',
        'override',
        '--batch',
        id,
        '--reason',
        reason,
      ]);
      expect(overridden.xml?.override).toMatchObject({ reason, missing: [files[0]?.name] });
      expect((await cli.run(data, ['batch', 'check', '--batch', id])).code).toBe(0);

      const receipts = await cli.json<ReceiptJson[]>(data, [
        'upload',
        '--destination',
        dest,
        '--batch',
        id,
      ]);
      await expectReceipts(receipts, [files[1] as XmlOnDisk, third], second.id);
      const verdicts = await waitForVerdict(cli, data, [third.name]);
      expect(verdicts[0]?.status).toBe('accepted');

      const audit = await cli.json<AuditJson[]>(data, [
        'audit',
        'list',
        '--subject',
        `batch:${id}`,
      ]);
      const override = audit.find((e) => e.action === 'batch.override');
      expect(JSON.parse(override?.details ?? '{}')).toEqual({ reason, missing: [files[0]?.name] });
      const uploading = audit.find((e) => e.action === 'batch.uploading');
      expect(JSON.parse(uploading?.details ?? '{}')).toMatchObject({
        leftOut: [files[0]?.name],
        override: reason,
      });
      const human = await cli.run(data, ['audit', 'list', '--subject', `batch:${id}`]);
      expect(human.stdout).toContain(reason);
    },
    CLI_HEAVY,
  );

  it('refuses an XML file with errors at batch add, naming the rule, and keeps nothing', async () => {
    const data = await env.tempDir();
    const dir = await env.tempDir();
    const planId = seedXmlPlan(data);
    const b = await cli.json<Batch>(data, [
      'batch',
      'create',
      '--provider',
      UPIN,
      '--year',
      XML_YEAR,
      '--plan',
      `${planId}`,
    ]);
    const good = await xmlFile(dir, '01');
    // File 02 with its closing tag cut off: not well-formed.
    const bad = join(dir, 'ILR-A-10007928-1112-0013-02.XML');
    const text = (await readFile(good.path, 'utf8')).replace('<SerialNo>01<', '<SerialNo>02<');
    await writeFile(bad, text.replace('</Message>', ''));
    const r = await cli.run(data, ['batch', 'add', '--batch', `${b.id}`, good.path, bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^returndesk: ILR-A-10007928-1112-0013-02\.XML has 1 error/);
    expect(r.stderr).toMatch(/XML_NOT_WELL_FORMED/);
    expect(await cli.json(data, ['files', 'list', '--xml'])).toEqual([]);
    const shown = await cli.json<Batch>(data, ['batch', 'show', '--batch', `${b.id}`]);
    expect(shown.xml?.files).toEqual([]);
  });
});
