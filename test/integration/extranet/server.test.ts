// The reference extranet's start-up, TLS, sessions and upload areas, over real HTTPS.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, expectError, joinArea, json, login, parsed, startServer } from './client';

describe('reference extranet: start-up and TLS', () => {
  it('prints exactly one JSON line with its loopback URL and the absolute path of its CA', async () => {
    const server = await startServer();
    await login(server);
    await server.stop();
    const lines = server.stdout().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const ready = JSON.parse(lines[0] ?? '') as { url: string; ca: string };
    expect(Object.keys(ready).sort()).toEqual(['ca', 'url']);
    expect(ready.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(ready.url).port)).toBeGreaterThan(0);
    expect(isAbsolute(ready.ca)).toBe(true);
    expect(ready.ca).toBe(join(server.dataDir, 'tls', 'ca.pem'));
    for (const f of ['ca.pem', 'server.pem', 'server-key.pem']) {
      expect(existsSync(join(server.dataDir, 'tls', f)), f).toBe(true);
    }
  });

  it('is trusted with its CA file, for 127.0.0.1 and for localhost', async () => {
    const server = await startServer();
    const byIp = await json(server, 'POST', '/api/v1/session', {
      username: 'demo',
      password: 'demo-password',
    });
    expect(byIp.status).toBe(201);
    const byName = await call(server, 'GET', '/api/v1/areas', { hostname: 'localhost' });
    expectError(byName, 401, 'SESSION_EXPIRED');
  });

  it('is refused with a certificate error by a client that does not trust its CA', async () => {
    const server = await startServer();
    const refused = call(server, 'GET', '/api/v1/areas', { trust: false });
    await expect(refused).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE/),
    });
  });

  it('keeps its CA across restarts on the same data folder', async () => {
    const first = await startServer();
    const ca = readFileSync(first.ca, 'utf8');
    await first.stop();
    const second = await startServer({ dataDir: first.dataDir });
    expect(second.ca).toBe(first.ca);
    expect(readFileSync(second.ca, 'utf8')).toBe(ca);
    expect((await call(second, 'GET', '/api/v1/areas')).status).toBe(401);
  });
});

describe('reference extranet: sessions', () => {
  it('logs in with the right password and refuses a wrong one or an unknown user', async () => {
    const server = await startServer({ users: ['alice:s3cret:with:colons'] });
    const good = await json(server, 'POST', '/api/v1/session', {
      username: 'alice',
      password: 's3cret:with:colons',
    });
    expect(good.status).toBe(201);
    const session = parsed<{ token: string; expiresAt: string; username: string }>(good);
    expect(session.username).toBe('alice');
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const ttl = Date.parse(session.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(3500_000);
    expect(ttl).toBeLessThanOrEqual(3600_000);

    const wrong = await json(server, 'POST', '/api/v1/session', {
      username: 'alice',
      password: 's3cret',
    });
    expectError(wrong, 401, 'BAD_CREDENTIALS');
    const unknown = await json(server, 'POST', '/api/v1/session', {
      username: 'demo',
      password: 'demo-password',
    });
    expectError(unknown, 401, 'BAD_CREDENTIALS');
  });

  it('answers malformed requests with 400 BAD_REQUEST and no stack trace', async () => {
    const server = await startServer();
    expectError(
      await json(server, 'POST', '/api/v1/session', { username: 'demo' }),
      400,
      'BAD_REQUEST',
    );
    const notJson = await call(server, 'POST', '/api/v1/session', {
      headers: { 'Content-Type': 'application/json' },
      body: '{"username": "demo", ',
    });
    expectError(notJson, 400, 'BAD_REQUEST');
    expectError(await call(server, 'GET', '/nowhere'), 404, 'NOT_FOUND');
    expectError(await call(server, 'PUT', '/api/v1/session'), 405, 'METHOD_NOT_ALLOWED');
  });

  it('requires a valid token on every other call, and a logged-out token stops working', async () => {
    const server = await startServer();
    expectError(await call(server, 'GET', '/api/v1/areas'), 401, 'SESSION_EXPIRED');
    expectError(
      await call(server, 'GET', '/api/v1/areas', { token: 'not-a-real-token' }),
      401,
      'SESSION_EXPIRED',
    );
    const token = await login(server);
    expect((await call(server, 'GET', '/api/v1/areas', { token })).status).toBe(200);
    expect((await call(server, 'DELETE', '/api/v1/session', { token })).status).toBe(204);
    expectError(await call(server, 'GET', '/api/v1/areas', { token }), 401, 'SESSION_EXPIRED');
  });

  it('expires a session after --session-ttl seconds', async () => {
    const server = await startServer({ sessionTtlSeconds: 1 });
    const token = await login(server);
    expect((await call(server, 'GET', '/api/v1/areas', { token })).status).toBe(200);
    const deadline = Date.now() + 10_000;
    let reply = await call(server, 'GET', '/api/v1/areas', { token });
    while (reply.status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      reply = await call(server, 'GET', '/api/v1/areas', { token });
    }
    expectError(reply, 401, 'SESSION_EXPIRED');
    const again = await login(server);
    expect((await call(server, 'GET', '/api/v1/areas', { token: again })).status).toBe(200);
  });
});

describe('reference extranet: upload areas', () => {
  it("joins HEFCE's two areas with their group keys, ignoring spaces, hyphens and case", async () => {
    const server = await startServer();
    const token = await login(server);
    const none = await call(server, 'GET', '/api/v1/areas', { token });
    expect(parsed(none)).toEqual({ areas: [] });

    const ilr = await joinArea(server, token, '9LON-XV33-2PYZ-EN8S');
    expect(ilr.name).toBe('ILR amendment upload area');
    const gua = await joinArea(server, token, 'p6998c22ef79');
    expect(gua.name).toBe('FAMD General upload area (GUA)');
    expect(await joinArea(server, token, ' P699-8c22 EF79 ')).toEqual(gua);
    expect(await joinArea(server, token, '9lon xv33 2pyz en8s')).toEqual(ilr);

    const areas = parsed<{ areas: { id: string; name: string }[] }>(
      await call(server, 'GET', '/api/v1/areas', { token }),
    ).areas;
    expect(areas.map((a) => a.name).sort()).toEqual([
      'FAMD General upload area (GUA)',
      'ILR amendment upload area',
    ]);
  });

  it('refuses a wrong group key and keeps non-members out of an area', async () => {
    const server = await startServer();
    const token = await login(server);
    const bad = await json(
      server,
      'POST',
      '/api/v1/areas/join',
      { groupKey: 'P699 8C22EF70' },
      token,
    );
    expectError(bad, 403, 'BAD_GROUP_KEY');
    expectError(
      await json(server, 'POST', '/api/v1/areas/join', { groupKey: ' - ' }, token),
      403,
      'BAD_GROUP_KEY',
    );
    const listed = await call(server, 'GET', '/api/v1/areas/ilr-amendment-upload-area/files', {
      token,
    });
    expectError(listed, 403, 'NOT_A_MEMBER');
    const unknown = await call(server, 'GET', '/api/v1/areas/no-such-area/files', { token });
    expectError(unknown, 404, 'UNKNOWN_AREA');
    expect(parsed(await call(server, 'GET', '/api/v1/areas', { token }))).toEqual({ areas: [] });
  });

  it('serves the areas and users given with --area and --user instead of the defaults', async () => {
    const server = await startServer({
      users: ['officer:pw-1'],
      areas: ['Test area: with a colon:AB-12 cd'],
    });
    expectError(
      await json(server, 'POST', '/api/v1/session', {
        username: 'demo',
        password: 'demo-password',
      }),
      401,
      'BAD_CREDENTIALS',
    );
    const token = await login(server, 'officer', 'pw-1');
    expect(await joinArea(server, token, 'ab12CD')).toEqual({
      id: 'test-area-with-a-colon',
      name: 'Test area: with a colon',
    });
    expectError(
      await json(server, 'POST', '/api/v1/areas/join', { groupKey: '9LON-XV33-2PYZ-EN8S' }, token),
      403,
      'BAD_GROUP_KEY',
    );
  });
});
