// A deliberately small client for the reference extranet, written from its README: plain Node
// HTTPS requests and a hand-made tus 1.0 client (POST, PATCH, HEAD), so these tests check the server
// against the protocol document rather than against ReturnDesk's own upload client.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { startExtranet, type ExtranetOptions, type RunningExtranet } from '../../extranet/spawn';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** false: trust nothing but the system's CAs (the server's CA is not among them). */
  trust?: boolean;
  hostname?: string;
}

/** Every test gets its own data folders and servers, removed and stopped after it. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'extranet-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function startServer(
  options: Partial<ExtranetOptions> = {},
): Promise<RunningExtranet> {
  const server = await startExtranet({ dataDir: options.dataDir ?? (await tempDir()), ...options });
  cleanups.push(() => server.stop());
  return server;
}

export function call(
  server: { url: string; ca: string },
  method: string,
  path: string,
  o: RequestOptions = {},
): Promise<Reply> {
  const url = new URL(path, server.url);
  if (o.hostname) url.hostname = o.hostname;
  const headers: Record<string, string> = { ...o.headers };
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(o.body));
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method,
        headers,
        agent: false,
        ...(o.trust === false ? {} : { ca: readFileSync(server.ca) }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

export function json(
  server: { url: string; ca: string },
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<Reply> {
  return call(server, method, path, {
    token,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export function parsed<T = Record<string, unknown>>(reply: Reply): T {
  return JSON.parse(reply.text) as T;
}

/** Asserts the protocol's error shape, and that nothing like a stack trace leaked. */
export function expectError(reply: Reply, status: number, code: string): void {
  expect({ status: reply.status, body: parsed(reply) }).toEqual({
    status,
    body: { error: { code, message: expect.any(String) } },
  });
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  expect(reply.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

export async function login(server: RunningExtranet, user = 'demo', password = 'demo-password') {
  const reply = await retrying(() =>
    json(server, 'POST', '/api/v1/session', { username: user, password }),
  );
  expect(reply.status).toBe(201);
  return parsed<{ token: string; expiresAt: string; username: string }>(reply).token;
}

export async function joinArea(server: RunningExtranet, token: string, groupKey: string) {
  const reply = await retrying(() =>
    json(server, 'POST', '/api/v1/areas/join', { groupKey }, token),
  );
  expect(reply.status).toBe(200);
  return parsed<{ area: { id: string; name: string } }>(reply).area;
}

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

export function createUpload(
  server: RunningExtranet,
  token: string,
  file: { name: string; area: string; length: number; sha256?: string },
): Promise<Reply> {
  const meta = [`filename ${b64(file.name)}`, `area ${b64(file.area)}`];
  if (file.sha256) meta.push(`sha256 ${b64(file.sha256)}`);
  return call(server, 'POST', '/files/', {
    token,
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(file.length),
      'Upload-Metadata': meta.join(','),
    },
  });
}

export async function headOffset(server: RunningExtranet, token: string, location: string) {
  const reply = await call(server, 'HEAD', location, {
    token,
    headers: { 'Tus-Resumable': '1.0.0' },
  });
  expect(reply.status, reply.text).toBe(200);
  return Number(reply.headers['upload-offset']);
}

export function patch(
  server: RunningExtranet,
  token: string,
  location: string,
  offset: number,
  chunk: Buffer,
): Promise<Reply> {
  return call(server, 'PATCH', location, {
    token,
    body: chunk,
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Offset': String(offset),
      'Content-Type': 'application/offset+octet-stream',
    },
  });
}

export interface UploadResult {
  id: string;
  location: string;
  /** PATCH attempts that ended in a cut connection or a 5xx, each followed by a HEAD. */
  interruptions: number;
  /** Offsets reported by HEAD after each interruption. */
  resumedFrom: number[];
}

/** Retries 503s (the error-rate fault), a bounded number of times. */
export async function retrying(send: () => Promise<Reply>): Promise<Reply> {
  for (let attempt = 1; ; attempt++) {
    const reply = await send();
    if (reply.status !== 503 || attempt >= 50) return reply;
  }
}

/**
 * Uploads `data` the way a resumable client does: PATCH from the server's offset, and after a cut
 * connection or a 5xx ask HEAD where to carry on. Bounded: fails the test after `maxPatches`.
 */
export async function upload(
  server: RunningExtranet,
  token: string,
  file: { name: string; area: string; data: Buffer; chunkSize?: number; maxPatches?: number },
): Promise<UploadResult> {
  const created = await retrying(() =>
    createUpload(server, token, { name: file.name, area: file.area, length: file.data.length }),
  );
  expect(created.status, created.text).toBe(201);
  const location = String(created.headers.location);
  expect(location).toMatch(/^\/files\/[0-9a-f]{32}$/);
  const chunkSize = file.chunkSize ?? file.data.length;
  const result: UploadResult = {
    id: location.slice('/files/'.length),
    location,
    interruptions: 0,
    resumedFrom: [],
  };
  let offset = 0;
  for (let n = 0; offset < file.data.length; n++) {
    expect(n, `upload of ${file.name} still unfinished after ${n} PATCHes`).toBeLessThan(
      file.maxPatches ?? 100,
    );
    const chunk = file.data.subarray(offset, offset + chunkSize);
    const reply = await patch(server, token, location, offset, chunk).catch(() => undefined);
    if (reply?.status === 204) {
      offset = Number(reply.headers['upload-offset']);
      continue;
    }
    if (reply && reply.status < 500)
      throw new Error(`PATCH answered ${reply.status}: ${reply.text}`);
    result.interruptions++;
    const head = await retrying(() =>
      call(server, 'HEAD', location, { token, headers: { 'Tus-Resumable': '1.0.0' } }),
    );
    expect(head.status).toBe(200);
    offset = Number(head.headers['upload-offset']);
    result.resumedFrom.push(offset);
  }
  return result;
}

export interface Receipt {
  id: string;
  areaId: string;
  area: string;
  fileName: string;
  bytes: number;
  offset: number;
  sha256: string | null;
  clientSha256: string | null;
  user: string;
  createdAt: string;
  receivedAt: string | null;
  replaced: string | null;
  status: string;
  messages: { code: string; message: string; line: number | null }[];
  auditHead: { entry: number; seal: string } | null;
}

export async function receipt(server: RunningExtranet, token: string, id: string) {
  const reply = await retrying(() => call(server, 'GET', `/api/v1/uploads/${id}`, { token }));
  expect(reply.status, reply.text).toBe(200);
  return parsed<Receipt>(reply);
}

/** Polls the receipt until verification has given its verdict: bounded, 20 s at most. */
export async function verdict(server: RunningExtranet, token: string, id: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const r = await receipt(server, token, id);
    if (r.status === 'accepted' || r.status === 'failed') return r;
    expect(Date.now(), `upload ${id} still ${r.status}`).toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
