// tus 1.0 uploads to the reference extranet: offsets, receipts with the server's SHA-256,
// replacement with history, and ownership.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  call,
  createUpload,
  expectError,
  headOffset,
  joinArea,
  login,
  parsed,
  patch,
  receipt,
  sha256,
  startServer,
  upload,
  type Receipt,
} from './client';

const GUA_KEY = 'P699 8C22EF79';

describe('reference extranet: tus uploads', () => {
  it('takes an upload in chunks, reports the offset on HEAD and returns the SHA-256 it stored', async () => {
    const server = await startServer({ verifyDelayMs: 600_000 });
    const token = await login(server);
    const area = await joinArea(server, token, GUA_KEY);
    const data = randomBytes(300 * 1024 + 17);

    const created = await createUpload(server, token, {
      name: 'returns.csv',
      area: area.id,
      length: data.length,
      sha256: sha256(data).toUpperCase(),
    });
    expect(created.status, created.text).toBe(201);
    expect(created.headers['tus-resumable']).toBe('1.0.0');
    const location = String(created.headers.location);
    expect(location).toMatch(/^\/files\/[0-9a-f]{32}$/);
    expect(await headOffset(server, token, location)).toBe(0);

    const chunk = 64 * 1024;
    for (let offset = 0; offset < data.length; offset += chunk) {
      const reply = await patch(
        server,
        token,
        location,
        offset,
        data.subarray(offset, offset + chunk),
      );
      expect(reply.status, reply.text).toBe(204);
      expect(Number(reply.headers['upload-offset'])).toBe(Math.min(offset + chunk, data.length));
      if (offset === chunk) expect(await headOffset(server, token, location)).toBe(2 * chunk);
    }
    const head = await call(server, 'HEAD', location, {
      token,
      headers: { 'Tus-Resumable': '1.0.0' },
    });
    expect(head.headers['upload-length']).toBe(String(data.length));
    expect(head.headers['upload-offset']).toBe(String(data.length));

    const r = await receipt(server, token, location.slice('/files/'.length));
    expect(r).toMatchObject({
      areaId: area.id,
      area: 'FAMD General upload area (GUA)',
      fileName: 'returns.csv',
      bytes: data.length,
      offset: data.length,
      sha256: sha256(data),
      clientSha256: sha256(data),
      user: 'demo',
      replaced: null,
      status: 'pending-verification',
      messages: [],
    });
    expect(Date.parse(r.receivedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(r.createdAt));
  });

  it('reports the bytes stored so far in the receipt of an unfinished upload', async () => {
    const server = await startServer();
    const token = await login(server);
    const area = await joinArea(server, token, GUA_KEY);
    const created = await createUpload(server, token, {
      name: 'part.txt',
      area: area.id,
      length: 10,
    });
    const location = String(created.headers.location);
    expect((await patch(server, token, location, 0, Buffer.from('abcd'))).status).toBe(204);
    const r = await receipt(server, token, location.slice('/files/'.length));
    expect(r).toMatchObject({
      bytes: 10,
      offset: 4,
      sha256: null,
      receivedAt: null,
      status: 'receiving',
    });
  });

  it('replaces a file of the same name in the area and keeps the earlier one in its history', async () => {
    const server = await startServer({ verifyDelayMs: 0 });
    const token = await login(server);
    const area = await joinArea(server, token, GUA_KEY);
    const first = await upload(server, token, {
      name: 'chg105432A01.amd',
      area: area.id,
      data: Buffer.from('first version\r\n'),
    });
    const other = await upload(server, token, {
      name: 'notes.txt',
      area: area.id,
      data: Buffer.from('unrelated'),
    });
    const secondData = Buffer.from('second version\r\n');
    const second = await upload(server, token, {
      name: 'CHG105432A01.amd',
      area: area.id,
      data: secondData,
    });
    expect((await receipt(server, token, first.id)).replaced).toBeNull();
    expect((await receipt(server, token, other.id)).replaced).toBeNull();
    const r = await receipt(server, token, second.id);
    expect(r.replaced).toBe(first.id);
    expect(r.sha256).toBe(sha256(secondData));

    const listed = await call(server, 'GET', `/api/v1/areas/${area.id}/files`, { token });
    expect(listed.status).toBe(200);
    const files = parsed<{ files: (Receipt & { history: Receipt[] })[] }>(listed).files;
    expect(files.map((f) => [f.id, f.history.map((h) => h.id)])).toEqual([
      [second.id, [first.id]],
      [other.id, []],
    ]);
    expect(files[0]?.history[0]?.fileName).toBe('chg105432A01.amd');
  });

  it("hides a user's upload from another user, even one in the same area", async () => {
    const server = await startServer({ users: ['alice:pw-a', 'bob:pw-b'] });
    const alice = await login(server, 'alice', 'pw-a');
    const bob = await login(server, 'bob', 'pw-b');
    const area = await joinArea(server, alice, GUA_KEY);
    await joinArea(server, bob, GUA_KEY);
    const created = await createUpload(server, alice, { name: 'a.txt', area: area.id, length: 3 });
    const location = String(created.headers.location);
    const id = location.slice('/files/'.length);

    const tus = { 'Tus-Resumable': '1.0.0' };
    // A HEAD answer has no body: the status is all there is.
    expect((await call(server, 'HEAD', location, { token: bob, headers: tus })).status).toBe(404);
    expectError(await patch(server, bob, location, 0, Buffer.from('bob')), 404, 'UNKNOWN_UPLOAD');
    expectError(
      await call(server, 'GET', `/api/v1/uploads/${id}`, { token: bob }),
      404,
      'UNKNOWN_UPLOAD',
    );
    expect(await headOffset(server, alice, location)).toBe(0);
    expect((await receipt(server, alice, id)).user).toBe('alice');
  });

  it('refuses uploads to an area not joined, without a name, or from an unknown session', async () => {
    const server = await startServer();
    const token = await login(server);
    const refused = await createUpload(server, token, {
      name: 'a.txt',
      area: 'famd-general-upload-area-gua',
      length: 3,
    });
    expectError(refused, 403, 'NOT_A_MEMBER');
    const area = await joinArea(server, token, GUA_KEY);
    const noName = await call(server, 'POST', '/files/', {
      token,
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': '3',
        'Upload-Metadata': `area ${Buffer.from(area.id).toString('base64')}`,
      },
    });
    expectError(noName, 400, 'BAD_REQUEST');
    const path = await createUpload(server, token, { name: '../a.txt', area: area.id, length: 3 });
    expectError(path, 400, 'BAD_REQUEST');
    const anonymous = await createUpload(server, '', { name: 'a.txt', area: area.id, length: 3 });
    expectError(anonymous, 401, 'SESSION_EXPIRED');
    expect(anonymous.headers['tus-resumable']).toBe('1.0.0');
  });

  it('answers a wrong offset with 409 and a missing Tus-Resumable with 412, as JSON', async () => {
    const server = await startServer();
    const token = await login(server);
    const area = await joinArea(server, token, GUA_KEY);
    const created = await createUpload(server, token, { name: 'a.txt', area: area.id, length: 8 });
    const location = String(created.headers.location);
    expect((await patch(server, token, location, 0, Buffer.from('abcd'))).status).toBe(204);
    expectError(
      await patch(server, token, location, 0, Buffer.from('abcd')),
      409,
      'OFFSET_MISMATCH',
    );
    expect(await headOffset(server, token, location)).toBe(4);
    const noVersion = await call(server, 'PATCH', location, {
      token,
      body: 'efgh',
      headers: { 'Upload-Offset': '4', 'Content-Type': 'application/offset+octet-stream' },
    });
    expectError(noVersion, 412, 'UNSUPPORTED_VERSION');
    expect(noVersion.headers['tus-version']).toBe('1.0.0');
    const wrongType = await call(server, 'PATCH', location, {
      token,
      body: 'efgh',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': '4', 'Content-Type': 'text/plain' },
    });
    expectError(wrongType, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const tooMuch = await patch(server, token, location, 4, Buffer.from('efghi'));
    expectError(tooMuch, 413, 'TOO_LARGE');
    expect(await headOffset(server, token, location)).toBe(4);
  });
});
