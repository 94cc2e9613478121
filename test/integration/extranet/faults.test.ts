// Fault injection and restarts: the reference extranet must make a client resume, and must keep what
// it stored when it is cut off or killed.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import {
  call,
  createUpload,
  expectError,
  headOffset,
  joinArea,
  login,
  patch,
  receipt,
  sha256,
  startServer,
  upload,
} from './client';

const GUA_KEY = 'P699 8C22EF79';

describe('reference extranet: faults', () => {
  it('with drop-after, cuts each PATCH after BYTES stored, keeps them, and the upload completes', async () => {
    const dropAfter = 64 * 1024;
    const server = await startServer({ faults: [`drop-after=${dropAfter}`] });
    const token = await login(server);
    const area = await joinArea(server, token, GUA_KEY);
    const data = randomBytes(5 * dropAfter + 1000);

    // The connection is cut without an answer, and the bytes before the cut are kept.
    const created = await createUpload(server, token, {
      name: 'cut.csv',
      area: area.id,
      length: data.length,
    });
    const location = String(created.headers.location);
    await expect(patch(server, token, location, 0, data)).rejects.toThrow();
    expect(await headOffset(server, token, location)).toBe(dropAfter);

    // Each PATCH sends the whole remainder, so every one but the last is cut.
    const sent = await upload(server, token, { name: 'big.csv', area: area.id, data });
    expect(sent.resumedFrom).toEqual([1, 2, 3, 4, 5].map((n) => n * dropAfter));
    const r = await receipt(server, token, sent.id);
    expect(r.sha256).toBe(sha256(data));
    expect(r.bytes).toBe(data.length);
  });

  it('with drop-after, leaves a PATCH of at most BYTES alone', async () => {
    const server = await startServer({ faults: ['drop-after=1000'] });
    const token = await login(server);
    const area = await joinArea(server, token, GUA_KEY);
    const data = randomBytes(3000);
    const sent = await upload(server, token, {
      name: 'small.csv',
      area: area.id,
      data,
      chunkSize: 1000,
    });
    expect(sent.interruptions).toBe(0);
    expect((await receipt(server, token, sent.id)).sha256).toBe(sha256(data));
  });

  it('with error-rate, answers some requests 503 UNAVAILABLE and an upload still completes', async () => {
    const server = await startServer({ faults: ['error-rate=0.3'], seed: 7 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const reply = await call(server, 'GET', '/api/v1/areas');
      statuses.push(reply.status);
      if (reply.status === 503) expectError(reply, 503, 'UNAVAILABLE');
      else expectError(reply, 401, 'SESSION_EXPIRED');
    }
    const unavailable = statuses.filter((s) => s === 503).length;
    expect(unavailable).toBeGreaterThan(0);
    expect(unavailable).toBeLessThan(40);

    // login, join and upload retry 503s the way a client must.
    const token = await login(server);
    const area = await joinArea(server, token, GUA_KEY);
    const data = randomBytes(200 * 1024);
    const sent = await upload(server, token, {
      name: 'flaky.csv',
      area: area.id,
      data,
      chunkSize: 16 * 1024,
      maxPatches: 200,
    });
    expect((await receipt(server, token, sent.id)).sha256).toBe(sha256(data));
  });

  it('with slow, delays its answers by at least MS', async () => {
    const server = await startServer({ faults: ['slow=300'] });
    const started = Date.now();
    expect((await call(server, 'GET', '/api/v1/areas')).status).toBe(401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});

describe('reference extranet: restarts', () => {
  it('killed in the middle of a PATCH, restarts on the same data and resumes from what it stored', async () => {
    const first = await startServer();
    const token = await login(first);
    const area = await joinArea(first, token, GUA_KEY);
    const data = randomBytes(256 * 1024);
    const half = 100 * 1024;
    const created = await createUpload(first, token, {
      name: 'killed.csv',
      area: area.id,
      length: data.length,
    });
    const location = String(created.headers.location);
    const id = location.slice('/files/'.length);

    // Send part of a PATCH body and hold the request open, as a client on a slow link would.
    const inFlight = request(new URL(location, first.url), {
      method: 'PATCH',
      agent: false,
      ca: readFileSync(first.ca),
      headers: {
        Authorization: `Bearer ${token}`,
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': '0',
        'Content-Type': 'application/offset+octet-stream',
        'Content-Length': String(data.length),
      },
    });
    const cut = new Promise<void>((resolve) => {
      inFlight.on('error', () => resolve());
      inFlight.on('response', () => resolve());
    });
    inFlight.write(data.subarray(0, half));
    const deadline = Date.now() + 15_000;
    while ((await receipt(first, token, id)).offset < half) {
      expect(Date.now(), 'the first bytes never reached the disk').toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    first.kill();
    await first.exited;
    await cut;

    const second = await startServer({ dataDir: first.dataDir });
    expect(second.url).not.toBe('');
    // Sessions survive the restart too: the same token still works.
    expect(await headOffset(second, token, location)).toBe(half);
    const rest = await patch(second, token, location, half, data.subarray(half));
    expect(rest.status, rest.text).toBe(204);
    const r = await receipt(second, token, id);
    expect(r).toMatchObject({
      offset: data.length,
      sha256: sha256(data),
      status: 'pending-verification',
    });
  });

  it('keeps users, memberships and receipts across a clean restart', async () => {
    const first = await startServer({ verifyDelayMs: 0 });
    const token = await login(first);
    const area = await joinArea(first, token, GUA_KEY);
    const sent = await upload(first, token, {
      name: 'kept.txt',
      area: area.id,
      data: Buffer.from('kept'),
    });
    await first.stop();
    const second = await startServer({ dataDir: first.dataDir });
    const again = await login(second);
    const areas = await call(second, 'GET', '/api/v1/areas', { token: again });
    expect(areas.text).toContain(area.id);
    const r = await receipt(second, again, sent.id);
    expect(r.sha256).toBe(sha256('kept'));
    expect(['pending-verification', 'accepted']).toContain(r.status);
  });
});
