// Browser mode's front door: only this machine, only with the launch token, only from our own
// pages. Runs the real server with real handlers on a real history.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperations } from '../../../electron/operations';
import { startWebServer } from '../../../electron/web/server';
import type { WebServer } from '../../../electron/web/server';
import { createNodeHost } from '../../../electron/web/node-host';
import type { NodeHost } from '../../../electron/web/node-host';
import { MemoryVault } from '../../support/memory-vault';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.once('error', reject);
    req.end(opts.body);
  });
}

let dir: string;
let host: NodeHost;
let server: WebServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'returndesk-web-'));
  const statics = join(dir, 'renderer');
  mkdirSync(join(statics, 'assets'), { recursive: true });
  writeFileSync(join(statics, 'index.html'), '<!doctype html><title>ReturnDesk</title>');
  writeFileSync(join(statics, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');
  host = createNodeHost(join(dir, 'data'), { vault: new MemoryVault() });
  server = await startWebServer({
    operations: createOperations(host),
    staticDir: statics,
    subscribe: host.subscribe,
  });
});

afterAll(async () => {
  await server.close();
  host.close();
  rmSync(dir, { recursive: true, force: true });
});

const own = () => ({ Host: `127.0.0.1:${server.port}` });
const withToken = () => ({ ...own(), 'x-returndesk-token': server.token });
const json = (input: unknown) => JSON.stringify({ input });

describe('browser mode refuses what is not its own', () => {
  it('serves the app only with the token, and sets it as an HttpOnly, SameSite=Strict cookie', async () => {
    expect((await call(server.port, '/', { headers: own() })).status).toBe(403);
    const page = await call(server.port, `/?token=${server.token}`, { headers: own() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>ReturnDesk</title>');
    expect(String(page.headers['set-cookie'])).toMatch(/rd_token=.+; HttpOnly; SameSite=Strict/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses API calls with no token or a wrong one', async () => {
    const body = json(undefined);
    const headers = { ...own(), 'Content-Type': 'application/json' };
    expect(
      (await call(server.port, '/api/call/providers.list', { method: 'POST', headers, body }))
        .status,
    ).toBe(403);
    const wrong = { ...headers, 'x-returndesk-token': `${server.token.slice(0, -1)}x` };
    expect(
      (
        await call(server.port, '/api/call/providers.list', {
          method: 'POST',
          headers: wrong,
          body,
        })
      ).status,
    ).toBe(403);
    expect((await call(server.port, `/assets/app.js?token=nope`, { headers: own() })).status).toBe(
      403,
    );
  });

  it('refuses a foreign Host header, even with the token (DNS rebinding)', async () => {
    const r = await call(server.port, `/?token=${server.token}`, {
      headers: { Host: `evil.example:${server.port}` },
    });
    expect(r.status).toBe(403);
  });

  it('refuses a state-changing request from a foreign Origin, even with the token', async () => {
    const r = await call(server.port, '/api/call/providers.add', {
      method: 'POST',
      headers: {
        ...withToken(),
        'Content-Type': 'application/json',
        Origin: 'https://evil.example',
      },
      body: json({ upin: '105432', name: 'Riverside College' }),
    });
    expect(r.status).toBe(403);
    const list = await call(server.port, '/api/call/providers.list', {
      method: 'POST',
      headers: { ...withToken(), 'Content-Type': 'application/json' },
    });
    expect(JSON.parse(list.body)).toEqual({ ok: true, value: [] });
  });

  it('accepts the cookie alone for the page assets the browser fetches', async () => {
    const r = await call(server.port, '/assets/app.js', {
      headers: { ...own(), Cookie: `rd_token=${server.token}` },
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/javascript');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await call(server.port, path, { headers: withToken() });
      expect(r.body).not.toContain('outside the renderer folder');
    }
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
  });
});

describe('calls go through the same handlers, with inputs checked', () => {
  const post = (channel: string, body: string, type = 'application/json') =>
    call(server.port, `/api/call/${channel}`, {
      method: 'POST',
      headers: { ...withToken(), 'Content-Type': type },
      body,
    });

  it('adds and lists a provider, keeping the UPIN as text', async () => {
    const added = JSON.parse(
      (
        await post(
          'providers.add',
          json({ upin: '012345', name: 'Northgate College', ukprn: '10001234' }),
        )
      ).body,
    );
    expect(added).toMatchObject({
      ok: true,
      value: { upin: '012345', ukprn: '10001234', name: 'Northgate College' },
    });
    const info = JSON.parse((await post('app.info', '')).body);
    expect(info).toMatchObject({ ok: true, value: { firstRun: false, mode: 'browser' } });
  });

  it('answers bad input with INVALID_INPUT and a plain message, not a crash', async () => {
    const r = JSON.parse((await post('providers.add', json({ upin: '5432', name: 'x' }))).body);
    expect(r).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('six digits') },
    });
    const notJson = await post('providers.add', '{not json');
    expect(notJson.status).toBe(400);
    expect((await post('providers.add', json({}), 'text/plain')).status).toBe(415);
  });

  it('refuses text past its limit, and a call with no file past the small request limit', async () => {
    const long = JSON.parse(
      (await post('providers.add', json({ upin: '012346', name: 'x'.repeat(100_000) }))).body,
    );
    expect(long).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(long.error.message).toContain(
      'The provider name is 100,000 characters; the most ReturnDesk accepts is 200.',
    );
    const huge = await post('providers.add', json({ upin: '012346', name: 'x'.repeat(2 << 20) }));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.message).toMatch(
      /^The request is larger than the 1 MB browser mode accepts for a call that carries no file; send less at once\.$/,
    );
    // A call carrying a file keeps the large limit: the same size reaches the check.
    const file = { fileName: 'big.amd', base64: 'A'.repeat(2 << 20) };
    expect((await post('files.check', json({ files: [file] }))).status).toBe(200);
  });

  it('names an unknown operation instead of failing silently', async () => {
    const r = JSON.parse((await post('plans.drop', json(undefined))).body);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('maps store refusals to their codes', async () => {
    const r = JSON.parse(
      (await post('providers.add', json({ upin: '012345', name: 'Again' }))).body,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('makes, lists and restores a backup, keeping a safety copy of what it replaced', async () => {
    const made = JSON.parse((await post('backups.create', '')).body);
    expect(made.ok).toBe(true);
    await post('providers.add', json({ upin: '777777', name: 'Added after the backup' }));
    const restored = JSON.parse(
      (await post('backups.restore', json({ name: made.value.name }))).body,
    );
    expect(restored).toMatchObject({ ok: true, value: { restored: made.value.name } });
    const list = JSON.parse((await post('providers.list', '')).body);
    expect(list.value.map((p: { upin: string }) => p.upin)).toEqual(['012345']);
    const backups = JSON.parse((await post('backups.list', '')).body);
    expect(backups.value.map((b: { name: string }) => b.name)).toContain(
      restored.value.safetyBackup,
    );
    const audit = JSON.parse((await post('audit.verify', '')).body);
    expect(audit).toMatchObject({ ok: true, value: { ok: true } });
  });
});
