// electron/main.ts run for real against a stand-in for the electron module: what it registers,
// in which order, and with which settings. (There is no Electron runtime on the build machines;
// main-source.test.ts adds checks on the source text itself.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
} from '../../../electron/shell/app-protocol';
import { UPLOAD_PARTITION } from '../../../electron/shell/upload-network';

type Fn = (...args: never[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    lock: true,
    ready: false,
    app: new Map<string, Fn>(),
    handles: new Map<string, Fn>(),
    windows: [] as FakeWindow[],
    protocolHandlers: new Map<string, Fn>(),
    sessions: new Map<string, FakeSession>(),
    errors: [] as string[][],
    opened: [] as string[],
    /** What the page's load or the app scheme's registration fails with, if anything. */
    loadFails: null as Error | null,
    schemeFails: null as Error | null,
  };
  class FakeSession {
    handlers: Record<string, Fn> = {};
    setPermissionRequestHandler = (h: Fn) => void (this.handlers.request = h);
    setPermissionCheckHandler = (h: Fn) => void (this.handlers.check = h);
    setDevicePermissionHandler = (h: Fn) => void (this.handlers.device = h);
    setCertificateVerifyProc = (h: Fn) => void (this.handlers.verify = h);
    webRequest = {
      onBeforeRequest: (h: Fn) => void (this.handlers.before = h),
      onHeadersReceived: (h: Fn) => void (this.handlers.headers = h),
    };
  }
  class FakeWindow {
    listeners = new Map<string, Fn>();
    loaded: string[] = [];
    focused = 0;
    restored = 0;
    minimized = true;
    sent: unknown[][] = [];
    webContents = { send: (...a: unknown[]) => void this.sent.push(a) };
    constructor(readonly options: Record<string, unknown>) {
      state.log.push('new BrowserWindow');
      state.windows.push(this);
    }
    loadURL = async (url: string) => {
      this.loaded.push(url);
      if (state.loadFails) throw state.loadFails;
    };
    once = (e: string, l: Fn) => void this.listeners.set(e, l);
    on = (e: string, l: Fn) => void this.listeners.set(e, l);
    isDestroyed = () => false;
    isMinimized = () => this.minimized;
    restore = () => void this.restored++;
    focus = () => void this.focused++;
    removeMenu = () => undefined;
    show = () => undefined;
  }
  const defaultSession = new FakeSession();
  const electron = {
    app: {
      setPath: (name: string, value: string) => void state.log.push(`setPath ${name} ${value}`),
      enableSandbox: () => void state.log.push('enableSandbox'),
      requestSingleInstanceLock: () => (state.log.push('lock'), state.lock),
      quit: () => void state.log.push('quit'),
      on: (e: string, l: Fn) => void state.app.set(e, l),
      whenReady: () => {
        state.log.push('whenReady');
        return Promise.resolve().then(() => {
          state.ready = true;
          state.log.push('ready');
        });
      },
      isPackaged: false,
      setAppUserModelId: () => undefined,
    },
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: (...a: string[]) => void state.errors.push(a) },
    ipcMain: { handle: (c: string, h: Fn) => void state.handles.set(c, h) },
    net: { request: () => undefined },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) =>
        void state.log.push(`privileged ${JSON.stringify(s)} ready=${state.ready}`),
      handle: (scheme: string, h: Fn) => {
        if (state.schemeFails) throw state.schemeFails;
        state.protocolHandlers.set(scheme, h);
      },
    },
    session: {
      defaultSession,
      fromPartition: (p: string) => {
        const s = new FakeSession();
        state.sessions.set(p, s);
        return s;
      },
    },
    shell: { openExternal: async (u: string) => void state.opened.push(u) },
  };
  const reset = () => {
    state.log = [];
    state.lock = true;
    state.ready = false;
    state.app.clear();
    state.handles.clear();
    state.windows = [];
    state.protocolHandlers.clear();
    state.sessions.clear();
    state.errors = [];
    state.opened = [];
    state.loadFails = null;
    state.schemeFails = null;
    defaultSession.handlers = {};
  };
  return { state, electron, defaultSession, reset };
});

vi.mock('electron', () => fake.electron);

let dataDir: string;

async function runMain(): Promise<void> {
  vi.resetModules();
  await import('../../../electron/main');
  await new Promise((done) => setImmediate(done));
}

beforeEach(() => {
  fake.reset();
  dataDir = mkdtempSync(join(tmpdir(), 'rd-main-'));
  vi.stubEnv('RETURNDESK_DATA_DIR', dataDir);
  vi.stubEnv('RETURNDESK_VAULT_SERVICE', 'ReturnDesk-main-wiring-test');
});

afterEach(() => {
  fake.state.app.get('will-quit')?.();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('electron/main.ts', () => {
  it('sets the profile folder, the privileged scheme and the sandbox before the app is ready', async () => {
    await runMain();
    const log = fake.state.log;
    const privileged = `privileged ${JSON.stringify([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])} ready=false`;
    expect(log.slice(0, log.indexOf('ready'))).toEqual([
      `setPath userData ${join(dataDir, 'chromium')}`,
      privileged,
      'enableSandbox',
      'lock',
      'whenReady',
    ]);
  });

  it('opens one hardened window on app://returndesk/', async () => {
    await runMain();
    expect(fake.state.windows).toHaveLength(1);
    const win = fake.state.windows[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(win.loaded).toEqual([APP_ENTRY_URL]);
    expect(fake.state.protocolHandlers.has(APP_SCHEME)).toBe(true);
  });

  it('hardens the default session and every web contents', async () => {
    await runMain();
    const granted: boolean[] = [];
    const h = fake.defaultSession.handlers;
    (h.request as (...a: unknown[]) => void)({}, 'media', (g: boolean) => granted.push(g), {
      requestingUrl: APP_ENTRY_URL,
    });
    (h.request as (...a: unknown[]) => void)({}, 'notifications', (g: boolean) => granted.push(g), {
      requestingUrl: 'https://example.org/',
    });
    expect(granted).toEqual([false, false]);
    expect((h.check as (...a: unknown[]) => boolean)({}, 'media', APP_ENTRY_URL)).toBe(false);
    expect(h.before).toBeTypeOf('function');
    expect(h.headers).toBeTypeOf('function');
    let openHandler: Fn | undefined;
    const contents = { setWindowOpenHandler: (f: Fn) => (openHandler = f), on: () => undefined };
    (fake.state.app.get('web-contents-created') as (...a: unknown[]) => void)({}, contents);
    expect(
      (openHandler as (d: { url: string }) => unknown)({ url: 'https://www.gov.uk/' }),
    ).toEqual({
      action: 'deny',
    });
    expect(fake.state.opened).toEqual(['https://www.gov.uk/']);
  });

  it('keeps destination CAs on a separate upload session, never the window session', async () => {
    await runMain();
    expect(fake.state.sessions.get(UPLOAD_PARTITION)?.handlers.verify).toBeTypeOf('function');
    expect(fake.defaultSession.handlers.verify).toBeUndefined();
  });

  it('answers every contract channel, only for the app page', async () => {
    await runMain();
    expect([...fake.state.handles.keys()].sort()).toEqual([...CHANNELS].sort());
    const info = fake.state.handles.get('app.info') as (e: unknown, i: unknown) => Promise<unknown>;
    expect(await info({ senderFrame: null }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await info({ senderFrame: { url: APP_ENTRY_URL, parent: null } }, undefined),
    ).toMatchObject({
      ok: true,
      value: { mode: 'electron', firstRun: true },
    });
  });

  it('sends history events to the window', async () => {
    await runMain();
    const add = fake.state.handles.get('providers.add') as (
      e: unknown,
      i: unknown,
    ) => Promise<unknown>;
    const from = { senderFrame: { url: APP_ENTRY_URL, parent: null } };
    expect(await add(from, { upin: '012345', name: 'Example College' })).toMatchObject({
      ok: true,
    });
    expect(fake.state.windows[0]?.sent).toContainEqual([
      'returndesk:event:history.changed',
      { tables: ['providers'] },
    ]);
  });

  it('focuses the existing window when a second copy is started, and quits with the last window', async () => {
    await runMain();
    (fake.state.app.get('second-instance') as () => void)();
    expect(fake.state.windows[0]).toMatchObject({ focused: 1, restored: 1 });
    (fake.state.app.get('window-all-closed') as () => void)();
    expect(fake.state.log.at(-1)).toBe('quit');
  });

  it('quits at once, without a window, when another copy holds the data folder', async () => {
    fake.state.lock = false;
    await runMain();
    expect(fake.state.log).toContain('quit');
    expect(fake.state.log).not.toContain('whenReady');
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.handles.size).toBe(0);
  });

  it('explains and quits when the history cannot be opened', async () => {
    const notAFolder = join(dataDir, 'file');
    writeFileSync(notAFolder, 'x');
    vi.stubEnv('RETURNDESK_DATA_DIR', notAFolder);
    await runMain();
    expect(fake.state.errors).toHaveLength(1);
    expect(fake.state.errors[0]?.[0]).toMatch(/cannot open its history/);
    expect(fake.state.log).toContain('quit');
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.handles.size).toBe(0);
  });

  it('explains and quits when the page cannot be loaded, instead of leaving a hidden window', async () => {
    fake.state.loadFails = new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://returndesk/'");
    await runMain();
    expect(fake.state.windows[0]?.loaded).toEqual([APP_ENTRY_URL]);
    expect(fake.state.errors).toHaveLength(1);
    expect(fake.state.errors[0]?.[0]).toMatch(/cannot show its window/);
    expect(fake.state.errors[0]?.[1]).not.toMatch(/ERR_FILE_NOT_FOUND|\n\s+at /);
    expect(fake.state.log.at(-1)).toBe('quit');
  });

  it('explains and quits when starting fails once the app is ready', async () => {
    fake.state.schemeFails = new Error('The scheme app is already handled.');
    await runMain();
    expect(fake.state.errors).toHaveLength(1);
    expect(fake.state.errors[0]?.[0]).toMatch(/cannot start/);
    expect(fake.state.log.at(-1)).toBe('quit');
    expect(fake.state.windows).toHaveLength(0);
  });
});
