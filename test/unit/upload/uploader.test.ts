// The Uploader's retry, backoff and resume logic against an in-memory extranet behind the Transport
// port: which requests it makes, from which offsets, and how long it waits between them.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UploadError } from '../../../electron/upload/extranet-client';
import { NetworkError } from '../../../electron/upload/transport';
import { AREA, BASE, error } from './fake-extranet';
import { POLICY, setup, sourceOf } from './harness';

const reset = () => new NetworkError('RESET', 'The connection was interrupted (ECONNRESET).');

describe('Uploader', () => {
  it('joins the area, creates the upload, sends it in one PATCH and returns the receipt', async () => {
    const { server, send, urls, sleeps } = setup();
    const content = randomBytes(10_000);
    const receipt = await send(content);
    expect(receipt.sha256).toBe(sourceOf(content).sha256);
    expect(urls).toEqual([`${BASE}/files/u1`]);
    expect(server.seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'POST /api/v1/session',
      'GET /api/v1/areas',
      'POST /api/v1/areas/join',
      'POST /files/',
      'PATCH /files/u1',
      'GET /api/v1/uploads/u1',
    ]);
    expect(sleeps).toEqual([]);
  });

  it('survives a transport that fails every other PATCH, resuming each time from the server offset', async () => {
    const { server, send, patches, sleeps } = setup();
    // Odd PATCHes are cut after 3,000 bytes are stored; even ones are answered 503 at once.
    let n = 0;
    server.before = (req) =>
      req.method === 'PATCH' && ++n % 2 === 0 ? error(503, 'UNAVAILABLE') : undefined;
    server.cutPatchAfter = () => 3000;
    const content = randomBytes(10_000);
    const receipt = await send(content);
    expect(receipt.sha256).toBe(sourceOf(content).sha256);
    expect(server.uploads.get('u1')?.stored).toEqual(content);
    // Each PATCH starts where the server said it stood (one HEAD after each failure), never at 0.
    expect(patches().map((p) => p.offset)).toEqual([0, 3000, 3000, 6000, 6000, 9000, 9000]);
    expect(server.seen.filter((s) => s.method === 'HEAD')).toHaveLength(6);
    // A cut that stored bytes is progress: no wait. A 503 stored nothing: one short wait each.
    expect(sleeps).toEqual([10, 10, 10]);
  });

  it('backs off exponentially up to the maximum while attempts make no progress, then gives up', async () => {
    const { server, send, patches, sleeps } = setup();
    server.cutPatchAfter = () => 0;
    const error = await send(randomBytes(5000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ code: 'GAVE_UP' });
    expect((error as Error).message).toMatch(
      /^Gave up after 5 attempts: The connection to extranet\.test was interrupted \(ECONNRESET\)\. Try again to resume where it stopped\.$/,
    );
    expect(patches()).toHaveLength(5);
    expect(sleeps).toEqual([10, 20, 40, 50]);
  });

  it('counts failures again from zero after an attempt that made progress', async () => {
    const { server, send, sleeps } = setup({ policy: { ...POLICY, attempts: 3 } });
    // Two fruitless attempts, one that stores 1,000 bytes, two fruitless, then the rest: with only
    // three attempts allowed in a row, the upload still finishes.
    const plan = [0, 0, 1000, 0, 0, undefined];
    server.cutPatchAfter = (n) => plan[n - 1];
    const content = randomBytes(4000);
    expect((await send(content)).sha256).toBe(sourceOf(content).sha256);
    expect(sleeps).toEqual([10, 20, 10, 20]);
  });

  it('retries network errors and 5xx on API calls with backoff, but never a refusal', async () => {
    const { server, uploader, sleeps } = setup();
    server.before = (req, n) => {
      if (req.path === '/api/v1/areas' && n <= 3)
        return n === 2 ? reset() : error(502, 'BAD_GATEWAY');
      return undefined;
    };
    // Request 1 is the login (inside the first try of areas); 2 and 3 fail; 4 succeeds.
    await expect(uploader.ensureArea()).resolves.toBe(AREA.id);
    expect(sleeps).toEqual([10, 20]);

    const refused = setup({ groupKey: 'WRONG' });
    await expect(refused.uploader.ensureArea()).rejects.toMatchObject({ code: 'BAD_GROUP_KEY' });
    expect(refused.server.seen.filter((s) => s.path === '/api/v1/areas/join')).toHaveLength(1);
    expect(refused.sleeps).toEqual([]);
  });

  it('resumes a kept upload address from the offset the server reports', async () => {
    const { server, send, urls, patches } = setup();
    const content = randomBytes(8000);
    server.uploads.set('u7', {
      name: 'chg105432A01.amd',
      length: 8000,
      stored: content.subarray(0, 5000),
    });
    server.joined = true;
    const receipt = await send(content, `${BASE}/files/u7`);
    expect(receipt.id).toBe('u7');
    expect(patches().map((p) => [p.offset, p.bodyBytes])).toEqual([[5000, 3000]]);
    expect(urls).toEqual([]);
  });

  it('starts a new upload when the server no longer knows the kept address', async () => {
    const { send, urls, patches } = setup();
    const content = randomBytes(3000);
    await send(content, `${BASE}/files/gone`);
    expect(urls).toEqual([`${BASE}/files/u1`]);
    expect(patches().map((p) => [p.offset, p.bodyBytes])).toEqual([[0, 3000]]);
  });

  it('fails with INTEGRITY when the server reports another SHA-256 than the file has', async () => {
    const { server, send } = setup();
    server.receiptSha = () => 'f'.repeat(64);
    await expect(send(randomBytes(2000))).rejects.toMatchObject({
      code: 'INTEGRITY',
      message: expect.stringMatching(
        /with SHA-256 f{64}, but the file's is [0-9a-f]{64}: the copy was damaged in transit/,
      ),
    });
  });

  it('logs in again once when the session has expired, and carries on', async () => {
    const { server, uploader, send } = setup();
    await uploader.ensureArea();
    server.expireSessions();
    const content = randomBytes(1500);
    expect((await send(content)).sha256).toBe(sourceOf(content).sha256);
    expect(server.seen.filter((s) => s.path === '/api/v1/session')).toHaveLength(2);
  });
});
