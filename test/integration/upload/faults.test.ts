// A network and a server that misbehave: connections cut mid-body, 503s at random, sessions that
// expire, and a server that stores something other than what was sent.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NodeTransport } from '../../../electron/upload/node-transport';
import { writeIn } from '../cli';
import { cliFor, addDestination, expectOneLineRefusal, type ReceiptJson } from './support/cli';
import { pollUntil, sha256, useUploadEnv } from './support/env';
import { buildFromPlan, fileStatuses, seedApprovedPlan } from './support/history';
import { onDisk, serviceFor } from './support/service';

const env = useUploadEnv();
const cli = cliFor(env.service);

describe('uploads under faults', () => {
  it('completes with a matching SHA-256 when every PATCH is cut after 64 KiB (drop-after)', async () => {
    const server = await env.startServer({ faults: ['drop-after=65536'] });
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server);
    const content = randomBytes(300 * 1024);
    const path = await writeIn(await env.tempDir(), 'learners.dat', content);

    const [receipt] = await cli.json<ReceiptJson[]>(data, [
      'upload',
      '--destination',
      dest,
      path,
      '--confirm-unchecked',
    ]);
    expect(receipt).toMatchObject({
      bytes: content.length,
      sha256: sha256(content),
      serverSha256: sha256(content),
      status: 'pending-verification',
    });
    // Each cut left 64 KiB more on the server, and the client went on from there.
    const cuts = [...server.logs().matchAll(/drop-after: cut PATCH \w+ at offset (\d+)/g)];
    expect(cuts.map((m) => Number(m[1]))).toEqual([1, 2, 3, 4].map((n) => n * 65536));
  });

  it('completes with a matching SHA-256 when 30% of requests get 503 (error-rate, seeded)', async () => {
    const server = await env.startServer({ faults: ['error-rate=0.3'], seed: 7 });
    const { store, service, transport } = await serviceFor(env, await env.tempDir(), server);
    try {
      const dir = await env.tempDir();
      const contents = [1, 2, 3].map(() => randomBytes(256 * 1024));
      const paths = await Promise.all(contents.map((c, i) => writeIn(dir, `part${i}.dat`, c)));
      const uploads = await service.uploadFiles('hefce', await onDisk(paths));
      expect(uploads.map((u) => [u.status, u.serverSha256])).toEqual(
        contents.map((c) => ['pending-verification', sha256(c)]),
      );
      // The faults did hit: some requests were answered 503, or cut while their body was going out.
      const failed = transport.sent.filter((r) => r.outcome === 503 || r.outcome === 'RESET');
      expect(failed.length).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it('logs in again when the session expires during an upload, and the upload succeeds', async () => {
    const server = await env.startServer({ sessionTtlSeconds: 1 });
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    // The first PATCH body waits until the session is over, like a long upload on a slow line.
    const { store, service, transport, destination } = await serviceFor(
      env,
      await env.tempDir(),
      server,
      {
        patchBody: (body, offset) => {
          const held = new PassThrough();
          if (offset === 0) void released.then(() => body.pipe(held));
          else body.pipe(held);
          return held;
        },
      },
    );
    try {
      const content = randomBytes(10_000);
      const path = await writeIn(await env.tempDir(), 'slow-line.dat', content);
      const uploading = service.uploadFiles('hefce', await onDisk([path]));
      uploading.catch(() => undefined);
      await pollUntil(
        'the first PATCH',
        () => transport.patches().length,
        (n) => n > 0,
      );
      expect(transport.logins()).toBe(1);
      const token = transport.lastToken;
      const probe = new NodeTransport(destination.caPem);
      await pollUntil(
        'the session to expire',
        async () =>
          (
            await probe.request({
              method: 'GET',
              url: `${server.url}/api/v1/areas`,
              headers: { Authorization: `Bearer ${token}` },
            })
          ).status,
        (status) => status === 401,
        { intervalMs: 100 },
      );
      release();

      const [upload] = await uploading;
      expect(upload).toMatchObject({
        status: 'pending-verification',
        serverSha256: sha256(content),
      });
      // Each 401 is answered by one login more. The session lives a second, so on a loaded
      // machine it can expire again after the new login: at least one, never a login without one.
      const refused = transport.sent.filter((r) => r.outcome === 401).length;
      expect(refused).toBeGreaterThanOrEqual(1);
      expect(transport.logins()).toBe(1 + refused);
    } finally {
      release();
      store.close();
    }
  });

  it('marks an upload failed with INTEGRITY when the server stored other bytes, and the file stays final', async () => {
    const server = await env.startServer({ faults: ['corrupt'] });
    const data = await env.tempDir();
    const planId = seedApprovedPlan(data);
    const built = await buildFromPlan(cli, data, planId, await env.tempDir());
    const dest = await addDestination(cli, data, server);

    const r = await cli.run(data, ['upload', '--destination', dest, built.path, '--json']);
    expectOneLineRefusal(
      r,
      1,
      new RegExp(
        `The server received ${built.name} with SHA-256 [0-9a-f]{64}, but the file's is ${built.sha256}: the copy was damaged in transit and does not count as sent\\.`,
      ),
    );
    const serverSha = /with SHA-256 ([0-9a-f]{64})/.exec(r.stderr)?.[1];
    expect(serverSha).not.toBe(built.sha256);
    expect(server.logs()).toMatch(/corrupt: flipped one stored byte/);

    const [shown] = await cli.json<ReceiptJson[]>(data, ['status']);
    expect(shown).toMatchObject({ file: built.name, status: 'failed' });
    expect(shown?.messages.map((m) => m.code)).toEqual(['INTEGRITY']);
    // What the server holds differs from the file in exactly one byte, the middle one.
    const sent = await readFile(built.path);
    const held = await readFile(join(server.dataDir, 'uploads', shown?.uploadId ?? ''));
    const differing = [...sent.keys()].filter((i) => sent[i] !== held[i]);
    expect(differing).toEqual([Math.floor(sent.length / 2)]);
    expect(sha256(held)).toBe(serverSha);
    expect(await fileStatuses(cli, data)).toEqual({ [built.name]: 'final' });
  });

  it('sends nothing when the server answers create with a Location on another origin', async () => {
    const server = await env.startServer({ faults: ['foreign-location'] });
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server);
    const path = await writeIn(await env.tempDir(), 'learners.dat', randomBytes(4096));
    const home = new URL(server.url).origin;
    const elsewhere = `https://127.0.0.1:${Number(new URL(server.url).port) + 1}`;

    const r = await cli.run(data, ['upload', '--confirm-unchecked', '--destination', dest, path]);
    expectOneLineRefusal(
      r,
      1,
      new RegExp(
        `The server asked for the file to be sent to another address \\(${elsewhere}\\), not the destination's own \\(${home}\\); nothing was sent there\\.`,
      ),
    );
    expect(server.logs()).toMatch(/foreign-location: answered create elsewhere/);
    // The server the destination names got no byte of the file either: the client stopped at create.
    expect(server.logs()).not.toMatch(/received learners\.dat/);
  });
});
