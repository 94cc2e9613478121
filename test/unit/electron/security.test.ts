import { describe, expect, it, vi } from 'vitest';
import {
  ALLOWED_PERMISSIONS,
  CONTENT_SECURITY_POLICY,
  allowPermission,
  decideNavigation,
  externalLinkTarget,
  isAllowedRequestUrl,
  isTrustedSender,
  windowWebPreferences,
  withContentSecurityPolicy,
} from '../../../electron/shell/security';
import { CONTENT_SECURITY_POLICY as BROWSER_MODE_CSP } from '../../../electron/web/security';
import { APP_ENTRY_URL } from '../../../electron/shell/app-protocol';
import { hardenSession, hardenWebContents } from '../../../electron/shell/harden';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('the window', () => {
  const prefs = windowWebPreferences('/app/dist/app/preload.cjs', { devTools: false });

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.preload).toBe('/app/dist/app/preload.cjs');
    expect(prefs.devTools).toBe(false);
    expect(windowWebPreferences('p', { devTools: true }).devTools).toBe(true);
  });
});

describe('the Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('is the one browser mode sends', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(BROWSER_MODE_CSP);
  });

  it("allows only our own scripts: script-src 'self', no eval, no inline script", () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'wasm-unsafe-eval'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('blocks plugins, framing, base changes and form posts, and connects only to itself', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    for (const values of csp.values()) {
      expect(values.some((v) => v === '*' || v.startsWith('http'))).toBe(false);
    }
  });

  it('replaces any policy a response carried', () => {
    const out = withContentSecurityPolicy({
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'Content-Type': ['text/html'],
    });
    expect(out).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('the IPC sender check', () => {
  const top = (url: string) => ({ senderFrame: { url, parent: null } });

  it('answers the app page in the top frame', () => {
    expect(isTrustedSender(top(APP_ENTRY_URL))).toBe(true);
    expect(isTrustedSender(top('app://returndesk/index.html#/settings'))).toBe(true);
  });

  it('refuses a destroyed frame (senderFrame null), a sub-frame and any other origin', () => {
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: APP_ENTRY_URL, parent: {} } })).toBe(false);
    for (const url of [
      'https://returndesk/index.html',
      'http://127.0.0.1:5173/',
      'file:///C:/Program%20Files/ReturnDesk/index.html',
      'app://returndesk.evil.example/',
      'app://evil/index.html',
      'about:blank',
      '',
    ]) {
      expect(isTrustedSender(top(url)), url).toBe(false);
    }
  });
});

describe('permissions', () => {
  it('allow only notifications, and only to our own page', () => {
    expect([...ALLOWED_PERMISSIONS]).toEqual(['notifications']);
    expect(allowPermission('notifications', APP_ENTRY_URL)).toBe(true);
    expect(allowPermission('notifications', 'https://example.org/')).toBe(false);
    expect(allowPermission('notifications', undefined)).toBe(false);
  });

  it('deny everything else, even to our own page', () => {
    for (const permission of [
      'media',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
      'hid',
      'serial',
      'usb',
      'unknown',
    ]) {
      expect(allowPermission(permission, APP_ENTRY_URL), permission).toBe(false);
      expect(allowPermission(permission, 'https://example.org/'), permission).toBe(false);
    }
  });
});

describe('what the window may load and where links go', () => {
  it('loads only app:// and in-memory URLs, never the network or the disk', () => {
    expect(isAllowedRequestUrl(`${APP_ENTRY_URL}`)).toBe(true);
    expect(isAllowedRequestUrl('app://returndesk/assets/a.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://returndesk/6a1f')).toBe(true);
    for (const url of [
      'https://extranet.example.ac.uk/api',
      'http://127.0.0.1:8080/',
      'ws://127.0.0.1:1/',
      'file:///etc/passwd',
      'app://elsewhere/x',
      'nonsense',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('never navigates in the window; only https links open in the browser', () => {
    expect(decideNavigation('https://www.gov.uk/guidance')).toEqual({
      allow: false,
      openExternally: 'https://www.gov.uk/guidance',
    });
    for (const url of [
      'http://example.org/',
      'file:///C:/Windows/System32/calc.exe',
      'ms-settings:proxy',
      'javascript:alert(1)',
      'https://user:pass@example.org/',
      'app://returndesk/other.html',
    ]) {
      expect(decideNavigation(url), url).toEqual({ allow: false });
      expect(externalLinkTarget(url), url).toBeUndefined();
    }
  });
});

describe('hardening a session and a web contents', () => {
  type Fn = (...args: never[]) => unknown;

  it('installs default-deny permission handlers, a request filter and the CSP', () => {
    const handlers: Record<string, Fn> = {};
    const ses = {
      setPermissionRequestHandler: (h: Fn) => (handlers.request = h),
      setPermissionCheckHandler: (h: Fn) => (handlers.check = h),
      setDevicePermissionHandler: (h: Fn) => (handlers.device = h),
      webRequest: {
        onBeforeRequest: (h: Fn) => (handlers.before = h),
        onHeadersReceived: (h: Fn) => (handlers.headers = h),
      },
    };
    hardenSession(ses as never);
    const granted = vi.fn();
    const request = handlers.request as (...a: unknown[]) => void;
    request({}, 'notifications', granted, { requestingUrl: APP_ENTRY_URL });
    request({}, 'notifications', granted, { requestingUrl: 'https://example.org/' });
    request({}, 'media', granted, { requestingUrl: APP_ENTRY_URL });
    expect(granted.mock.calls).toEqual([[true], [false], [false]]);
    expect(
      (handlers.check as (...a: unknown[]) => boolean)({}, 'notifications', APP_ENTRY_URL),
    ).toBe(true);
    expect((handlers.check as (...a: unknown[]) => boolean)({}, 'media', APP_ENTRY_URL)).toBe(
      false,
    );
    expect((handlers.device as () => boolean)()).toBe(false);
    const before = handlers.before as (d: { url: string }, cb: (r: unknown) => void) => void;
    const decisions: unknown[] = [];
    before({ url: 'https://evil.example/x.js' }, (r) => decisions.push(r));
    before({ url: APP_ENTRY_URL }, (r) => decisions.push(r));
    expect(decisions).toEqual([{ cancel: true }, { cancel: false }]);
    const headers = handlers.headers as (d: unknown, cb: (r: unknown) => void) => void;
    headers({ responseHeaders: {} }, (r) =>
      expect(r).toEqual({
        responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      }),
    );
  });

  it('denies new windows and navigation, and opens https links externally', () => {
    let openHandler: ((d: { url: string }) => unknown) | undefined;
    const listeners = new Map<string, (e: unknown) => void>();
    const contents = {
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      on: (name: string, l: (e: unknown) => void) => listeners.set(name, l),
    };
    const opened: string[] = [];
    hardenWebContents(contents as never, (u) => opened.push(u));
    expect(openHandler?.({ url: 'https://www.gov.uk/' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    const event = (url: string, isMainFrame = true) => ({
      url,
      isMainFrame,
      preventDefault: vi.fn(),
    });
    const nav = event('https://attacker.example/');
    listeners.get('will-navigate')?.(nav);
    expect(nav.preventDefault).toHaveBeenCalled();
    const local = event('app://returndesk/index.html');
    listeners.get('will-navigate')?.(local);
    expect(local.preventDefault).toHaveBeenCalled();
    const frame = event('https://attacker.example/', false);
    listeners.get('will-frame-navigate')?.(frame);
    expect(frame.preventDefault).toHaveBeenCalled();
    for (const name of ['will-redirect', 'will-attach-webview']) {
      const e = event('https://x.example/');
      listeners.get(name)?.(e);
      expect(e.preventDefault, name).toHaveBeenCalled();
    }
    expect(opened).toEqual(['https://www.gov.uk/', 'https://attacker.example/']);
  });
});
