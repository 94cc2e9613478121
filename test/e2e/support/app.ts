// The app as a user meets it in browser mode: `returndesk serve` on a data folder of the test's
// own, driven in Debian's Chromium through playwright-core. Screenshots are kept in
// .artifacts/screenshots for people to look at.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const SCREENSHOTS = join(REPO_ROOT, '.artifacts', 'screenshots');
export const CHROMIUM = process.env.RETURNDESK_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumAvailable = existsSync(CHROMIUM);

export interface RunningApp {
  /** The server's own address (no code): pages are opened at it through E2eEnv.openPage. */
  url: string;
  /**
   * The newest address serve printed that no page has taken yet: each carries a one-time code,
   * and serve prints a fresh one once the last is used. Waits (bounded) for it.
   */
  nextAddress(): Promise<string>;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts browser mode and waits (bounded) for its first {"url"} line. */
export function startApp(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const child = spawn(
    process.execPath,
    ['bin/returndesk.mjs', '--data-dir', dataDir, 'serve', '--no-open'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    },
  );
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const printed: string[] = [];
  let taken = 0;
  let heard = () => {};
  const nextAddress = async (): Promise<string> => {
    for (let waited = 0; taken >= printed.length; waited += 100) {
      if (waited >= 15_000) throw new Error('serve printed no fresh address within 15 s');
      await new Promise<void>((r) => {
        heard = r;
        setTimeout(r, 100);
      });
    }
    return printed[taken++] as string;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser mode did not start within 30 s: ${err}`));
    }, 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines.filter((l) => l.startsWith('{')))
        printed.push((JSON.parse(line) as { url: string }).url);
      heard();
      const first = printed[0];
      if (!first) return;
      clearTimeout(timer);
      resolve({
        url: `${new URL(first).origin}/`,
        nextAddress,
        process: child,
        stop: async () => {
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited (${code}) before it was ready: ${err}`));
    });
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Chromium keeps nothing of its own in the Secret Service the tests share (its default on
      // Linux): the app and the command line under test are that keyring's only clients.
      '--password-store=basic',
    ],
  });
}

export async function openPage(
  browser: Browser,
  url: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, colorScheme });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/**
 * Saves .artifacts/screenshots/NAME.png. The app scrolls inside its <main>, not the page, so a
 * full-page capture alone would cut a long screen off at the window's edge: the window is made tall
 * enough for everything in <main> while the picture is taken, then put back.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const viewport = page.viewportSize();
  const main = page.locator('main');
  const hidden =
    (await main.count()) === 1
      ? await main.evaluate((m) => Math.max(0, m.scrollHeight - m.clientHeight))
      : 0;
  if (viewport && hidden > 0)
    await page.setViewportSize({ width: viewport.width, height: viewport.height + hidden });
  try {
    // Transitions finished, so a field's focus line is drawn whole rather than half-way.
    await page.screenshot({
      path: join(SCREENSHOTS, `${name}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  } finally {
    if (viewport && hidden > 0) await page.setViewportSize(viewport);
  }
}
