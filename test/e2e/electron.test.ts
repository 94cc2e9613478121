// The real desktop window, driven by Playwright's Electron launcher. It needs an Electron runtime
// (node_modules/electron's binary, downloaded on first run) and a display (use xvfb-run on a
// headless Linux). Where there is no runtime — as on the machines this project is built on — the
// test is skipped, and its name says so and why.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import type { ElectronApplication } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { APP_ORIGIN } from '../../electron/shell/app-protocol';
import { buildElectron } from '../../scripts/build-electron.mjs';
import { PROJECT_ROOT, findElectronRuntime } from '../../scripts/electron-runtime.mjs';

const runtime = findElectronRuntime();
const electronAvailable = runtime.binary !== null;
const why = runtime.binary === null ? runtime.reason : '';
const skipped = electronAvailable ? '' : ` [skipped: ${why}]`;

let app: ElectronApplication | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

async function launch(): Promise<ElectronApplication> {
  const renderer = join(PROJECT_ROOT, 'dist', 'renderer', 'index.html');
  if (!existsSync(renderer)) throw new Error('Build the renderer first: npm run build:renderer');
  const { main } = await buildElectron();
  dataDir = mkdtempSync(join(tmpdir(), 'rd-e2e-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.ELECTRON_RUN_AS_NODE;
  env.RETURNDESK_VAULT_SERVICE = `ReturnDesk-e2e-${process.pid}`;
  // Chromium refuses to start as root (CI containers) unless its OS sandbox is off; the window's
  // own sandbox setting is still checked below.
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  app = await _electron.launch({
    executablePath: runtime.binary as string,
    args: [main, '--data-dir', dataDir, ...rootOnly],
    env,
  });
  return app;
}

describe('the Electron window', () => {
  it.skipIf(!electronAvailable)(
    `shows ReturnDesk from app://, with window.api and no Node in the page${skipped}`,
    async () => {
      const electron = await launch();
      const page = await electron.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url().startsWith(`${APP_ORIGIN}/`)).toBe(true);
      await expect.poll(() => page.title()).toMatch(/ReturnDesk/);

      type PageGlobals = { api: Record<string, unknown> & { 'app.info': () => Promise<unknown> } };
      const keys = await page.evaluate(() =>
        Object.keys((globalThis as unknown as PageGlobals).api).sort(),
      );
      expect(keys).toEqual([...CHANNELS, 'events'].sort());
      // What contextBridge hands the page is a frozen copy, not the preload's own object.
      expect(
        await page.evaluate(() => Object.isFrozen((globalThis as unknown as PageGlobals).api)),
      ).toBe(true);
      const reachable = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        module: typeof (globalThis as { module?: unknown }).module,
      }));
      expect(reachable).toEqual({
        require: 'undefined',
        process: 'undefined',
        module: 'undefined',
      });

      const info = await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).api['app.info'](),
      );
      expect(info).toMatchObject({ ok: true, value: { mode: 'electron' } });
      const remote = await page.evaluate(() =>
        fetch('https://example.org/').then(
          () => 'loaded',
          () => 'blocked',
        ),
      );
      expect(remote).toBe('blocked');

      // And from main: the one window is ours, on our origin.
      const urls = await electron.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
      );
      expect(urls).toHaveLength(1);
      expect(urls[0]?.startsWith(`${APP_ORIGIN}/`)).toBe(true);
    },
  );
});
