// Resume: a multi-megabyte upload interrupted by a crash (of the server, or of ReturnDesk itself)
// goes on from the server's offset; nothing already stored is sent again.
import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { writeIn } from '../cli';
import { addDestination, cliFor, type ReceiptJson } from './support/cli';
import { freePort, pollUntil, sha256, useUploadEnv } from './support/env';
import { onDisk, serviceFor } from './support/service';

const env = useUploadEnv();
const cli = cliFor(env.service);
const MiB = 1024 * 1024;

/** Bytes the server holds for each upload in progress (its uploads folder, by upload id). */
async function storedOnServer(dataDir: string): Promise<Record<string, number>> {
  const dir = join(dataDir, 'uploads');
  const ids = (await readdir(dir)).filter((n) => /^[0-9a-f]{32}$/.test(n));
  const sizes = await Promise.all(ids.map(async (id) => (await stat(join(dir, id))).size));
  return Object.fromEntries(ids.map((id, i) => [id, sizes[i] ?? 0]));
}

/** The first `limit` bytes of `body`, then nothing more until `hold` settles. */
function firstBytesThenHold(body: Readable, limit: number, hold: Promise<void>): Readable {
  return Readable.from(
    (async function* () {
      let seen = 0;
      for await (const chunk of body as AsyncIterable<Buffer>) {
        if (seen + chunk.length >= limit) {
          yield chunk.subarray(0, limit - seen);
          await hold;
          return;
        }
        seen += chunk.length;
        yield chunk;
      }
    })(),
  );
}

describe('resuming uploads', () => {
  it('resumes from the server offset after the server is killed mid-transfer and restarted', async () => {
    const port = await freePort();
    const serverData = await env.tempDir();
    let server = await env.startServer({ dataDir: serverData, port });
    const stopped = 2 * MiB;
    let release = () => {};
    const hold = new Promise<void>((r) => (release = r));
    const { store, service, transport, progress } = await serviceFor(
      env,
      await env.tempDir(),
      server,
      {
        patchBody: (body, offset) =>
          offset === 0 ? firstBytesThenHold(body, stopped, hold) : body,
      },
    );
    try {
      const content = randomBytes(6 * MiB);
      const path = await writeIn(await env.tempDir(), 'ilr-full.dat', content);
      const uploading = service.uploadFiles('hefce', await onDisk([path]));
      // Awaited below; this only keeps an early failure from also being an unhandled rejection.
      uploading.catch(() => undefined);

      // Once the server has stored the first 2 MiB, it crashes, and comes back on the same port.
      const id = await pollUntil(
        'the server to store 2 MiB',
        () => storedOnServer(serverData),
        (s) => Object.values(s).includes(stopped),
      ).then((s) => Object.keys(s)[0]);
      server.kill();
      await server.exited;
      release();
      server = await env.startServer({ dataDir: serverData, port });

      const [upload] = await uploading;
      expect(upload).toMatchObject({
        status: 'pending-verification',
        serverUploadId: id,
        sha256: sha256(content),
        serverSha256: sha256(content),
      });
      const patches = transport.patches();
      expect(patches.map((p) => [p.uploadOffset, p.bodyBytes])).toEqual([
        [0, stopped],
        [stopped, content.length - stopped],
      ]);
      expect(patches.at(-1)?.outcome).toBe(204);
      // One upload, created once: nothing was started again from zero.
      expect(
        transport.sent.filter((r) => r.method === 'POST' && r.url.endsWith('/files/')),
      ).toHaveLength(1);
      const sent = progress.map((p) => p.sent);
      expect(sent).toContain(stopped);
      expect(sent.every((n, i) => i === 0 || n >= (sent[i - 1] ?? 0))).toBe(true);
      expect(sent.at(-1)).toBe(content.length);
      expect(store.uploads.list()).toHaveLength(1);
    } finally {
      release();
      store.close();
    }
  });

  it('resumes after ReturnDesk itself is killed mid-upload, using the address kept in the history', async () => {
    const cut = 256 * 1024;
    // Cut every PATCH after 256 KiB and slow each request, so the upload takes a few seconds.
    const server = await env.startServer({ faults: [`drop-after=${cut}`, 'slow=50'] });
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server);
    const content = randomBytes(4 * MiB);
    const path = await writeIn(await env.tempDir(), 'ilr-full.dat', content);

    const first = cli.start(data, [
      'upload',
      '--destination',
      dest,
      path,
      '--confirm-unchecked',
      '--json',
    ]);
    onTestFinished(() => {
      first.child.kill('SIGKILL');
    });
    await pollUntil(
      'part of the file on the server',
      () => storedOnServer(server.dataDir),
      (s) => Object.values(s).some((n) => n >= 2 * cut),
      { intervalMs: 20 },
    );
    first.child.kill('SIGKILL');
    expect((await first.result).signal).toBe('SIGKILL');

    const [pending] = await cli.json<ReceiptJson[]>(data, ['status']);
    expect(pending).toMatchObject({ status: 'transferring', sha256: sha256(content) });
    const held = (await storedOnServer(server.dataDir))[pending?.uploadId ?? ''] ?? 0;
    expect(held).toBeGreaterThanOrEqual(2 * cut);
    expect(held).toBeLessThan(content.length);

    const logsBefore = server.logs().length;
    const receipts = await cli.json<ReceiptJson[]>(data, [
      'upload',
      '--destination',
      dest,
      path,
      '--confirm-unchecked',
    ]);
    expect(receipts).toEqual([
      expect.objectContaining({
        uploadId: pending?.uploadId,
        status: 'pending-verification',
        serverSha256: sha256(content),
      }),
    ]);
    // The second run went on from what the server held: its first cut is one 256 KiB step later.
    const cuts = [
      ...server
        .logs()
        .slice(logsBefore)
        .matchAll(/cut PATCH \w+ at offset (\d+)/g),
    ];
    expect(Number(cuts[0]?.[1])).toBe(held + cut);
    expect(await cli.json<ReceiptJson[]>(data, ['status'])).toHaveLength(1);
  });
});
