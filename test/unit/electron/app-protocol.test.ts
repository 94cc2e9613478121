import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  resolveAppFile,
} from '../../../electron/shell/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/web/security';

describe('the app:// URL → file resolver', () => {
  const root = '/opt/returndesk/dist/renderer';

  it('maps the origin and its paths to files inside the renderer folder', () => {
    expect(resolveAppFile(root, `${APP_ORIGIN}/`)).toEqual({
      ok: true,
      file: `${root}/index.html`,
    });
    expect(resolveAppFile(root, APP_ENTRY_URL)).toEqual({ ok: true, file: `${root}/index.html` });
    expect(resolveAppFile(root, `${APP_ORIGIN}/assets/index-abc.js?v=1#x`)).toEqual({
      ok: true,
      file: `${root}/assets/index-abc.js`,
    });
    expect(resolveAppFile(root, `${APP_ORIGIN}/assets/My%20Font.woff2`)).toEqual({
      ok: true,
      file: `${root}/assets/My Font.woff2`,
    });
  });

  it('never leaves the folder with ../, however it is spelled', () => {
    const attempts = [
      `${APP_ORIGIN}/../../etc/passwd`,
      `${APP_ORIGIN}/assets/../../../etc/passwd`,
      `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`,
      `${APP_ORIGIN}/%2E%2E/secret`,
      `${APP_ORIGIN}/.%2e/secret`,
      `${APP_ORIGIN}/assets/%2e%2e%2f%2e%2e%2fsecret`,
      `${APP_ORIGIN}/%252e%252e/secret`,
    ];
    for (const url of attempts) {
      const r = resolveAppFile(root, url);
      if (r.ok) expect(r.file.startsWith(`${root}/`), url).toBe(true);
      else expect([400, 403]).toContain(r.status);
    }
    // An encoded slash inside a segment is refused outright rather than resolved.
    expect(resolveAppFile(root, `${APP_ORIGIN}/assets/%2e%2e%2f%2e%2e%2fsecret`)).toEqual({
      ok: false,
      status: 403,
    });
  });

  it('refuses absolute paths, drive letters, backslashes, NUL and stream names', () => {
    for (const url of [
      `${APP_ORIGIN}/%2fetc%2fpasswd`,
      `${APP_ORIGIN}/C:/Windows/win.ini`,
      `${APP_ORIGIN}/C%3A%5CWindows%5Cwin.ini`,
      `${APP_ORIGIN}/..%5c..%5csecret`,
      `${APP_ORIGIN}/assets%5c..%5c..%5csecret`,
      `${APP_ORIGIN}/index.html%00.js`,
      `${APP_ORIGIN}/index.html:Zone.Identifier`,
    ]) {
      expect(resolveAppFile(root, url), url).toMatchObject({ ok: false, status: 403 });
    }
    // A doubled slash is an empty segment, not a path from the file-system root.
    expect(resolveAppFile(root, `${APP_ORIGIN}//etc/passwd`)).toEqual({
      ok: true,
      file: `${root}/etc/passwd`,
    });
  });

  it('holds on Windows paths too', () => {
    const winRoot = 'C:\\Program Files\\ReturnDesk\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppFile(winRoot, `${APP_ORIGIN}/assets/a.js`, path.win32)).toEqual({
      ok: true,
      file: `${winRoot}\\assets\\a.js`,
    });
    for (const url of [
      `${APP_ORIGIN}/..%5c..%5cwin.ini`,
      `${APP_ORIGIN}/C:%5cWindows%5cwin.ini`,
      `${APP_ORIGIN}/%5c%5cserver%5cshare%5cx`,
      `${APP_ORIGIN}/D:/x`,
    ]) {
      expect(resolveAppFile(winRoot, url, path.win32), url).toMatchObject({ ok: false });
    }
  });

  it('answers only our own origin', () => {
    expect(resolveAppFile(root, 'app://evil/index.html')).toEqual({ ok: false, status: 404 });
    expect(resolveAppFile(root, 'https://returndesk/index.html')).toEqual({
      ok: false,
      status: 404,
    });
    expect(resolveAppFile(root, 'not a url')).toEqual({ ok: false, status: 400 });
    expect(resolveAppFile(root, `${APP_ORIGIN}/%E0%A4%A`)).toEqual({ ok: false, status: 400 });
  });

  it('registers the scheme as a secure standard origin without CORS or CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.bypassCSP).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.corsEnabled).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.allowServiceWorkers).toBeFalsy();
  });
});

describe('the app:// protocol handler', () => {
  let root: string;
  let outside: string;
  let handle: (r: Request) => Promise<Response>;

  beforeAll(() => {
    outside = mkdtempSync(path.join(tmpdir(), 'rd-protocol-'));
    root = path.join(outside, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ReturnDesk</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(outside, 'secret.txt'), 'not for the page');
    handle = createAppProtocolHandler(root);
  });
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('serves the app with the shared CSP and a correct content type', async () => {
    const res = await handle(new Request(APP_ENTRY_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>ReturnDesk</title>');
    const js = await handle(new Request(`${APP_ORIGIN}/assets/app.js`));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
  });

  it('gives the app for a screen path and 404 for a missing asset', async () => {
    const screen = await handle(new Request(`${APP_ORIGIN}/settings`));
    expect(screen.status).toBe(200);
    expect(await screen.text()).toContain('ReturnDesk');
    expect((await handle(new Request(`${APP_ORIGIN}/assets/missing.js`))).status).toBe(404);
  });

  it('does not reach a file beside the renderer folder, and refuses writes', async () => {
    const traversal = await handle(new Request(`${APP_ORIGIN}/..%2fsecret.txt`));
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).not.toContain('not for the page');
    const post = await handle(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});
