// What every browser-mode test needs: one Chromium for the file, and per test its own data folders,
// its own `returndesk serve`, browser contexts and reference extranets, all stopped and removed
// after the test. The app and the command line share one Secret Service name per test file, so a
// password the app stores is the one the CLI finds, and nothing reaches the developer's keyring.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { KeyringVault } from '../../../electron/vault/keyring-vault';
import { startExtranet } from '../../extranet/spawn';
import type { ExtranetOptions, RunningExtranet } from '../../extranet/spawn';
import { REPO_ROOT, launchBrowser, openPage, startApp } from './app';
import type { RunningApp } from './app';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface E2eEnv {
  /** RETURNDESK_VAULT_SERVICE for the app and the CLI in this file. */
  readonly service: string;
  /** A fresh folder, removed after the test. */
  tempDir(): Promise<string>;
  /**
   * `returndesk serve` on `dataDir` (a fresh folder if not given), stopped after the test;
   * `extraEnv` adds to its environment (e.g. a session bus where nothing listens: no vault).
   */
  startApp(
    dataDir?: string,
    extraEnv?: NodeJS.ProcessEnv,
  ): Promise<RunningApp & { dataDir: string }>;
  /**
   * A page in its own browser context at 1366×768, closed after the test. At an app's `url` (with
   * any #route after it) the page is opened with the next one-time address serve printed, and
   * returned once it has exchanged the code for its session, as a user's browser does; any other
   * address (one from nextAddress, say) is opened as it is.
   */
  openPage(url: string, colorScheme?: 'light' | 'dark'): Promise<Page>;
  /** The reference extranet on a fresh folder, stopped after the test. */
  startExtranet(options?: Partial<ExtranetOptions>): Promise<RunningExtranet>;
  /** `node bin/returndesk.mjs --data-dir DATA ARGS...` with this file's vault service. */
  cli(dataDir: string, args: readonly string[]): Promise<CliResult>;
}

/**
 * Call once per test file. `secretService`: the file stores passwords, so it must run inside
 * test/support/with-secret-service.sh (as `npm test` does); without it the test fails and says so.
 */
export function useE2eEnv(o: { secretService?: boolean } = {}): E2eEnv {
  const service = `ReturnDesk-e2e-${randomUUID()}`;
  const vault = new KeyringVault(service);
  const appEnv = { RETURNDESK_VAULT_SERVICE: service, NO_COLOR: '1' };
  let browser: Browser | undefined;
  const cleanups: (() => Promise<unknown>)[] = [];
  const apps: RunningApp[] = [];

  beforeAll(async () => {
    if (o.secretService && process.env.RETURNDESK_SECRET_SERVICE !== '1')
      throw new Error(
        'These tests store passwords: run them inside test/support/with-secret-service.sh (npm test does).',
      );
    browser = await launchBrowser();
  });
  const clearVault = async () => {
    if (!o.secretService) return;
    for (const account of await vault.list()) await vault.delete(account);
  };
  afterEach(async () => {
    // Newest first: pages before the app they show, servers before their folders.
    for (const c of cleanups.splice(0).reverse()) await c();
    await clearVault();
  });
  afterAll(async () => {
    await browser?.close();
    await clearVault();
  });

  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'returndesk-e2e-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  };

  return {
    service,
    tempDir,
    startApp: async (dataDir, extraEnv = {}) => {
      const dir = dataDir ?? (await tempDir());
      const app = await startApp(dir, { ...appEnv, ...extraEnv });
      apps.push(app);
      cleanups.push(() => app.stop());
      return { ...app, dataDir: dir };
    },
    openPage: async (url, colorScheme = 'light') => {
      if (!browser) throw new Error('the browser is not running');
      const app = apps.find((a) => url === a.url || url.startsWith(`${a.url}#`));
      const address = app ? `${await app.nextAddress()}${url.slice(app.url.length)}` : url;
      const page = await openPage(browser, address, colorScheme);
      cleanups.push(() => page.context().close());
      // Every wait on the page is bounded, well inside the test's own time limit.
      page.context().setDefaultTimeout(15_000);
      // The page takes the code out of the address once it has its session.
      if (app) await page.waitForURL((u) => !u.searchParams.has('code'));
      return page;
    },
    startExtranet: async (options = {}) => {
      const server = await startExtranet({
        ...options,
        dataDir: options.dataDir ?? (await tempDir()),
      });
      cleanups.push(() => server.stop());
      return server;
    },
    cli: (dataDir, args) => runCli(dataDir, args, appEnv),
  };
}

function runCli(
  dataDir: string,
  args: readonly string[],
  extraEnv: NodeJS.ProcessEnv,
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', ...extraEnv };
  delete env.RETURNDESK_DATA_DIR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/returndesk.mjs', '--data-dir', dataDir, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    // Bounded: an upload that hangs fails the test with what it printed rather than stalling it.
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}
