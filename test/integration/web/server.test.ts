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
let token: string;

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
  const r = await exchange(server.newCode());
  token = (JSON.parse(r.body) as { token: string }).token;
});

afterAll(async () => {
  await server.close();
  host.close();
  rmSync(dir, { recursive: true, force: true });
});

const own = () => ({ Host: `127.0.0.1:${server.port}` });
const withToken = (t = token) => ({ ...own(), 'x-returndesk-token': t });
const json = (input: unknown) => JSON.stringify({ input });

/** The page's first request: its one-time code for a session token. */
function exchange(code: string, headers: Record<string, string> = {}): Promise<Reply> {
  return call(server.port, '/api/session', {
    method: 'POST',
    headers: {
      ...own(),
      'Content-Type': 'application/json',
      Origin: `http://127.0.0.1:${server.port}`,
      ...headers,
    },
    body: JSON.stringify({ code }),
  });
}

const providers = (headers: Record<string, string>) =>
  call(server.port, '/api/call/providers.list', {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: json(undefined),
  });

describe('browser mode refuses what is not its own', () => {
  it('serves the page and its assets, the public build, with no cookie and its security policy', async () => {
    const page = await call(server.port, '/?code=anything', { headers: own() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>ReturnDesk</title>');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await call(server.port, '/assets/app.js', { headers: own() });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
  });

  it('gives a session token for a one-time code, once; used again, the code also ends that session', async () => {
    const code = server.newCode();
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    const { token: mine } = JSON.parse(first.body) as { token: string };
    expect(mine).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect((await providers(withToken(mine))).status).toBe(200);

    const again = await exchange(code);
    expect(again.status).toBe(403);
    expect(JSON.parse(again.body)).toMatchObject({ error: { code: 'CODE_USED' } });
    // Someone else had the code: the session it opened is over.
    expect((await providers(withToken(mine))).status).toBe(403);
    // Other sessions carry on.
    expect((await providers(withToken())).status).toBe(200);
  });

  it('refuses a code it never gave, and an exchange asked for by a foreign page', async () => {
    const unknown = await exchange('not-a-code');
    expect(unknown.status).toBe(403);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { code: 'CODE_UNKNOWN' } });
    const foreign = await exchange(server.newCode(), { Origin: 'http://127.0.0.1:1' });
    expect(foreign.status).toBe(403);
  });

  it('calls back once the code has been used, so serve can print a fresh address', async () => {
    let used = 0;
    const code = server.newCode(() => used++);
    expect(used).toBe(0);
    await exchange(code);
    await exchange(code);
    expect(used).toBe(1);
    expect(server.address(code)).toBe(`${server.url}?code=${code}`);
  });

  it('refuses API calls with no token, a wrong one, or one sent other than in its header', async () => {
    expect((await providers(own())).status).toBe(403);
    expect((await providers(withToken(`${token.slice(0, -1)}x`))).status).toBe(403);
    expect((await providers({ ...own(), Cookie: `rd_token=${token}` })).status).toBe(403);
    const query = await call(server.port, `/api/call/providers.list?token=${token}`, {
      method: 'POST',
      headers: { ...own(), 'Content-Type': 'application/json' },
    });
    expect(query.status).toBe(403);
    const events = await call(server.port, '/api/events', { headers: own() });
    expect(events.status).toBe(403);
  });

  it('refuses a foreign Host header, even with the token (DNS rebinding)', async () => {
    expect(
      (await call(server.port, '/', { headers: { Host: `evil.example:${server.port}` } })).status,
    ).toBe(403);
    const r = await providers({ ...withToken(), Host: `evil.example:${server.port}` });
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
    const list = await providers(withToken());
    expect(JSON.parse(list.body)).toEqual({ ok: true, value: [] });
  });

  it('answers a malformed escape in the address with 400, not an error', async () => {
    expect((await call(server.port, '/assets/%E0%A4%A', { headers: own() })).status).toBe(400);
    expect((await call(server.port, '/%', { headers: own() })).status).toBe(400);
    const api = await call(server.port, '/api/call/providers.%zz', {
      method: 'POST',
      headers: { ...withToken(), 'Content-Type': 'application/json' },
    });
    expect(api.status).toBe(400);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await call(server.port, path, { headers: own() });
      expect(r.body).not.toContain('outside the renderer folder');
    }
  });

  it('streams events to a session sending its token in the header, and ends the stream with the session', async () => {
    const code = server.newCode();
    const { token: mine } = JSON.parse((await exchange(code)).body) as { token: string };
    const received: string[] = [];
    const ended = new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: withToken(mine) },
        (res) => {
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            received.push(c);
            // Connected: make a change, which every open stream hears about.
            if (received.length === 1)
              void call(server.port, '/api/call/backups.create', {
                method: 'POST',
                headers: { ...withToken(), 'Content-Type': 'application/json' },
              });
            // Heard it: present the code again, which ends this session and its stream.
            else if (received.join('').includes('history.changed')) void exchange(code);
          });
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.once('error', reject);
      req.end();
    });
    expect(await ended).toBe(200);
    expect(received.join('')).toMatch(/^: connected\n\ndata: \{"event":"history\.changed"/);
  });

  it('listens on 127.0.0.1 only, at an address that opens nothing by itself', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
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
