// Upload and verification end to end, as a data officer runs it: `returndesk destination add`,
// `login`, `upload --json` and `status --json` against the reference extranet over real HTTPS, with
// the password and group key in the real Secret Service.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, aimChangeLines, crlf, writeIn } from '../cli';
import {
  addDestination,
  cliFor,
  expectOneLineRefusal,
  waitForVerdict,
  type ReceiptJson,
} from './support/cli';
import { GUA, destinationAccounts, sha256, useUploadEnv } from './support/env';
import { login, receipt } from '../extranet/client';

const env = useUploadEnv();
const cli = cliFor(env.service);
const VALID = join(REPO_ROOT, 'examples', 'chg105432A01.amd');

/** A change file whose line 7 claims 5 records when it has 3: the server must fail it. */
async function brokenFile(dir: string): Promise<string> {
  const records = ['105432,000012345678,01,,,01092010', '105432,000012345678,02,,,01092010'];
  records.push('105432,000098765432,01,HNC,,15092010');
  const lines = aimChangeLines(records, { name: 'chg105432A03.amd', count: '5' });
  return writeIn(dir, 'chg105432A03.amd', crlf(lines));
}

describe('returndesk upload, end to end', () => {
  it('uploads two files from disk with a receipt each; status brings the verdicts: valid accepted, broken failed with the server message', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server);
    const broken = await brokenFile(await env.tempDir());

    const receipts = await cli.json<ReceiptJson[]>(data, [
      'upload',
      '--destination',
      dest,
      VALID,
      broken,
    ]);
    expect(receipts).toHaveLength(2);
    for (const [r, path] of [
      [receipts[0], VALID],
      [receipts[1], broken],
    ] as const) {
      const bytes = await readFile(path);
      expect(r).toMatchObject({
        file: path.split('/').at(-1),
        bytes: bytes.length,
        sha256: sha256(bytes),
        serverSha256: sha256(bytes),
        status: 'pending-verification',
      });
      expect(r?.uploadId).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(receipts[0]?.uploadId).not.toBe(receipts[1]?.uploadId);

    // Each upload carried the audit head (its own entry, sealed): the server keeps the same, and
    // the history's chain holds it.
    const token = await login(server);
    for (const r of receipts) {
      expect(r.auditHead).toEqual({
        entry: expect.any(Number),
        seal: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect((await receipt(server, token, r.uploadId ?? '')).auditHead).toEqual(r.auditHead);
      const head = `${r.auditHead?.entry}:${r.auditHead?.seal}`;
      const check = await cli.run(data, ['audit', 'verify', '--head', head]);
      expect(check.code).toBe(0);
      expect(check.stdout).toMatch(/^The audit trail is intact: \d+ entries, each sealed/);
      expect(check.stdout).toContain(
        `The audit head ${head} is entry ${r.auditHead?.entry} of this chain.`,
      );
    }
    const [started] = await cli
      .json<{ id: number; action: string; mac: string }[]>(data, [
        'audit',
        'list',
        '--subject',
        'upload:1',
      ])
      .then((l) => l.filter((e) => e.action === 'upload.started'));
    expect(started).toMatchObject({
      id: receipts[0]?.auditHead?.entry,
      mac: receipts[0]?.auditHead?.seal,
    });
    const forged = `${receipts[0]?.auditHead?.entry}:${'0'.repeat(64)}`;
    const wrong = await cli.run(data, ['audit', 'verify', '--head', forged]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain(
      `The audit head ${forged} is not in this chain: entry ${receipts[0]?.auditHead?.entry} has another seal.`,
    );

    const [valid, failed] = await waitForVerdict(cli, data, [
      'chg105432A01.amd',
      'chg105432A03.amd',
    ]);
    expect(valid).toMatchObject({ status: 'accepted', messages: [] });
    expect(failed?.status).toBe('failed');
    expect(failed?.messages).toContainEqual({
      code: 'RECORD_COUNT',
      message: 'Line 7 says the file has 5 records, but it has 3.',
      line: 7,
    });
    // The verdict is the server's, kept: a later status asks nothing and changes nothing.
    const again = await cli.json<ReceiptJson[]>(data, ['status']);
    expect(again.map((u) => u.status)).toEqual(['accepted', 'failed']);
  });

  it('copies a file from disk into DATA/content/<sha256>, read-only, with its receipt', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server);
    const original = Buffer.from('UKPRN,Learners\r\n10007928,1523\r\n', 'latin1');
    const folder = await env.tempDir();
    const path = await writeIn(folder, 'learner-numbers.csv', original);

    // Not an amendment, XML or portal file: sent only when confirmed (the refusal is tested below).
    const [receipt] = await cli.json<ReceiptJson[]>(data, [
      'upload',
      '--destination',
      dest,
      path,
      '--confirm-unchecked',
    ]);
    expect(receipt).toMatchObject({ file: 'learner-numbers.csv', sha256: sha256(original) });
    const kept = join(data, 'content', sha256(original));
    expect(await readFile(kept)).toEqual(original);
    expect((await stat(kept)).mode & 0o222).toBe(0);

    // Changing the original afterwards does not change what the history shows as sent.
    await writeIn(folder, 'learner-numbers.csv', 'changed\r\n');
    const [shown] = await cli.json<ReceiptJson[]>(data, ['status']);
    expect(shown?.sha256).toBe(sha256(original));
    expect(sha256(await readFile(kept))).toBe(shown?.sha256);
  });

  it('refuses, in one line, a file it cannot check unless --confirm-unchecked, warning of personal data', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server);
    const rows = Array.from({ length: 500 }, (_, i) => `105432,${i},Smith,Ann,01011990,AB1 2CD`);
    const path = await writeIn(
      await env.tempDir(),
      'mis-export.csv',
      ['L01,L03,Surname,Forenames,DOB,Postcode', ...rows].join('\r\n') + '\r\n',
    );
    const r = await cli.run(data, ['upload', '--destination', dest, path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^returndesk: mis-export\.csv \(\d+\.\d KB, 500 rows\) is not an amendment file, an ILR XML file or a data-portal file .* Its columns \(Surname, Forenames, DOB, Postcode\) look like a raw MIS extract: it may hold learners' personal data\. Nothing was sent; .* add --confirm-unchecked\.\n$/,
    );
    expect(await cli.json(data, ['status'])).toEqual([]);
    // An amendment file is checked and sent without asking.
    expect((await cli.run(data, ['upload', '--destination', dest, VALID])).code).toBe(0);
  });

  it('prints a human receipt without --json, and progress on stderr', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server);
    const r = await cli.run(data, ['upload', '--destination', dest, VALID]);
    expect(r.code).toBe(0);
    const digest = sha256(await readFile(VALID));
    expect(r.stdout).toMatch(
      new RegExp(
        `^chg105432A01\\.amd: received by 'hefce' \\(upload [0-9a-f]{32}\\), 269 bytes, SHA-256 ${digest} matches\\. Pending verification\\.\\n$`,
      ),
    );
    expect(r.stderr).toMatch(/chg105432A01\.amd: 0\.0 of 0\.0 MB/);
  });

  it('refuses an upload with no stored password, pointing at login, and records nothing', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server, { login: false });
    const r = await cli.run(data, ['upload', '--destination', dest, VALID]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^returndesk: No password is stored for demo at 'hefce'\. Run 'returndesk login/,
    );
    expect(await cli.json(data, ['status'])).toEqual([]);

    // The same upload with the password given for this run only works, and stores nothing.
    const once = await cli.run(data, ['upload', '--destination', dest, VALID, '--password-stdin'], {
      stdin: 'demo-password\n',
    });
    expect(once.code).toBe(0);
    expect(await destinationAccounts(env.vault)).toEqual(['1#group-key']);
  });

  it('names a destination it does not know in one line, exit 2, with the command that lists them', async () => {
    const data = await env.tempDir();
    const says =
      /^returndesk: There is no destination named 'nowhere'\. 'returndesk destination list' shows them\.$/m;
    expectOneLineRefusal(
      await cli.run(data, ['upload', '--destination', 'nowhere', VALID]),
      2,
      says,
    );
    expectOneLineRefusal(await cli.run(data, ['status', '--destination', 'nowhere']), 2, says);
    expectOneLineRefusal(
      await cli.run(data, ['login', '--destination', 'nowhere', '--password-stdin'], {
        stdin: 'x\n',
      }),
      2,
      says,
    );
  });

  it('prints destinations with the names the README gives, the same the app gets', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    await addDestination(cli, data, server);
    const [listed] = await cli.json<Record<string, unknown>[]>(data, ['destination', 'list']);
    expect(Object.keys(listed ?? {}).sort()).toEqual(
      [
        'id',
        'name',
        'url',
        'area',
        'areas',
        'username',
        'ca',
        'createdAt',
        'passwordStored',
        'groupKeyStored',
        'passwordForSession',
        'groupKeyForSession',
      ].sort(),
    );
    expect(listed).toMatchObject({
      name: 'hefce',
      ca: true,
      passwordStored: true,
      groupKeyStored: true,
      areas: [{ name: GUA, groupKeyStored: true, groupKeyForSession: false }],
    });
  });
});
