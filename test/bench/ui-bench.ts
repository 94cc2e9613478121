// `npm run bench -- ui`: the app in browser mode, in Chromium. How long after navigation the
// dashboard of a 10,000-file history is usable, beside the same page over an empty history in the
// same run; and how many DOM nodes the new-file wizard holds while a 1,000,000-row extract is
// previewed. Uses the renderer in dist/renderer: run `npm run build:renderer` first.
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Store } from '../../electron/store';
import {
  CHROMIUM,
  REPO_ROOT,
  chromiumAvailable,
  launchBrowser,
  startApp,
} from '../e2e/support/app';
import type { RunningApp } from '../e2e/support/app';

const FILES = 10_000;
const EXTRACT_ROWS = 1_000_000;
const ROUNDS = 5;
const INTERACTIVE_GOAL_MS = 1500;
const DOM_GOAL = 2000;
const VIEWPORT = { width: 1366, height: 768 };
/** Nothing here is stored, but the app looks for a vault: never the user's own service name. */
const APP_ENV = { RETURNDESK_VAULT_SERVICE: 'ReturnDesk-bench-ui' };
const NOT_BUILT = 'not measured: the preview screen is not built yet';
/** What the wizard's preview step shows once the file is built (or why it is not). */
const PREVIEW_OUTCOME =
  /Placeholder NN|The next free NN|The file cannot be written yet|The preview could not be made/;

interface Row {
  figure: string;
  value: string;
  reference: string;
  ratio: string;
  goal: string;
  result: string;
}

const ms = (x: number) => `${Math.round(x)} ms`;
const count = (n: number) => n.toLocaleString('en-GB');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** index.ts's table printer, handed in so every section's table looks the same. */
export type TablePrinter = (rows: readonly (readonly string[])[]) => string;

const cells = (rows: Row[]) => [
  ['figure', 'value', 'reference', 'ratio', 'goal', 'result'],
  ...rows.map((r) => [r.figure, r.value, r.reference, r.ratio, r.goal, r.result]),
];

// ---- Histories -------------------------------------------------------------------------------

function history(folder: string, fill: (store: Store) => void): string {
  const store = new Store(folder, { user: 'bench' });
  try {
    fill(store);
  } finally {
    store.close();
  }
  return folder;
}

/** Provider 105432 (past the first run); for the wizard, an approved plan row changing A27. */
function planHistory(store: Store, withPlan: boolean): void {
  store.providers.add({ upin: '105432', name: 'College 105432' });
  if (!withPlan) return;
  const plan = store.plans.create({ upin: '105432', year: '2010-11', title: 'Bench corrections' });
  store.plans.addRow(plan.id, {
    kind: 'CHANGE',
    description: 'Learning start dates (A27) corrected',
    fields: ['A27'],
    records: EXTRACT_ROWS,
    due: '2011-03-31',
  });
  store.plans.move(plan.id, 'submit');
  store.plans.move(plan.id, 'approve');
}

/** An MIS extract with ILR codes for headers, one learning aim per learner, streamed to disk. */
async function writeExtract(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('A01,A03,A05,A48a,A48b,A09,A27,A11a\r\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    chunk += `105432,${String(i).padStart(12, '0')},01,,,50087876,${day}092010,105\r\n`;
    if (i % 10_000 === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
}

// This file is type-checked with Node's types only (no DOM): what runs in the page either is
// given as text to page.evaluate (which the page's CSP allows, unlike waitForFunction), or reaches
// the page's globals through a cast to this, typed as far as it is used.
interface PageGlobals {
  document: {
    querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
  };
}
const domNodes = (page: Page) => page.evaluate<number>('document.querySelectorAll("*").length');

// ---- The dashboard -----------------------------------------------------------------------------

interface Load {
  /** From navigation start (the page's time origin) until usable, measured in the page. */
  interactiveMs: number;
  wallMs: number;
  rows: number;
  domNodes: number;
  /** Median in-page time to fetch and parse dashboard.get's JSON. */
  fetchMs: number;
}

async function loadDashboard(browser: Browser, app: RunningApp): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${app.url}#/dashboard`, { waitUntil: 'commit' });
    // Usable: the Current tab's table (or its "nothing to do") is drawn and the button can be
    // clicked. Playwright checks both in the page on every animation frame; the time is then read
    // from the page's clock, whose origin is the start of the navigation.
    await page
      .locator(
        '[role="tabpanel"] table tbody tr, [role="tabpanel"]:has-text("Nothing needs doing now.")',
      )
      .first()
      .waitFor({ timeout: 60_000 });
    await page
      .getByRole('button', { name: 'Check for verification results' })
      .click({ trial: true, timeout: 10_000 });
    const interactiveMs = await page.evaluate(() => performance.now());
    const wallMs = performance.now() - started;
    const token = new URL(app.url).searchParams.get('token') ?? '';
    const measured = await page.evaluate(async (t) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const at = performance.now();
        const res = await fetch('/api/call/dashboard.get', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-returndesk-token': t },
          body: '{}',
        });
        await res.json();
        times.push(performance.now() - at);
      }
      return times;
    }, token);
    return {
      interactiveMs,
      wallMs,
      rows: await page.locator('[role="tabpanel"] table tbody tr').count(),
      domNodes: await domNodes(page),
      fetchMs: median(measured),
    };
  } finally {
    await context.close();
  }
}

async function dashboardRows(browser: Browser, big: RunningApp, empty: RunningApp): Promise<Row[]> {
  // Interleaved, after one unmeasured load of each to warm the server and the disk cache.
  await loadDashboard(browser, big);
  await loadDashboard(browser, empty);
  const bigLoads: Load[] = [];
  const emptyLoads: Load[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    bigLoads.push(await loadDashboard(browser, big));
    emptyLoads.push(await loadDashboard(browser, empty));
  }
  const list = (ls: Load[]) => ls.map((l) => Math.round(l.interactiveMs)).join(', ');
  console.log(`  ${count(FILES)} files: interactive after ${list(bigLoads)} ms`);
  console.log(`  empty history:  interactive after ${list(emptyLoads)} ms`);
  const last = bigLoads.at(-1);
  if (last)
    console.log(
      `  the ${count(FILES)}-file dashboard draws ${count(last.rows)} rows on Current, ${count(last.domNodes)} DOM nodes; ` +
        `from goto() to a clickable button ${ms(median(bigLoads.map((l) => l.wallMs)))} as Playwright sees it`,
    );
  const bigMs = median(bigLoads.map((l) => l.interactiveMs));
  const refMs = median(emptyLoads.map((l) => l.interactiveMs));
  const bigFetch = median(bigLoads.map((l) => l.fetchMs));
  const refFetch = median(emptyLoads.map((l) => l.fetchMs));
  return [
    {
      figure: `dashboard interactive, ${count(FILES)} files (median of ${ROUNDS})`,
      value: ms(bigMs),
      reference: `${ms(refMs)} empty history`,
      ratio: (bigMs / refMs).toFixed(2),
      goal: `< ${(INTERACTIVE_GOAL_MS / 1000).toFixed(1)} s`,
      result: bigMs < INTERACTIVE_GOAL_MS ? 'met' : 'NOT MET',
    },
    {
      figure: `  of which: dashboard.get JSON fetched and parsed`,
      value: ms(bigFetch),
      reference: `${ms(refFetch)} empty history`,
      ratio: (bigFetch / refFetch).toFixed(2),
      goal: '-',
      result: '-',
    },
  ];
}

// ---- Previewing a large extract ----------------------------------------------------------------

interface PreviewMeasure {
  steps: { step: string; domNodes: number }[];
  longestTaskMs: number | null;
  /** Why the measurement stopped early, or why it could not start. */
  stopped: string | null;
}

async function next(page: Page, timeout: number): Promise<void> {
  await page
    .locator('main button:not([aria-disabled="true"]):not([disabled])', { hasText: /^Next$/ })
    .click({ timeout });
}

async function previewExtract(browser: Browser, app: RunningApp, csv: string) {
  const m: PreviewMeasure = { steps: [], longestTaskMs: null, stopped: null };
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const record = async (step: string) => m.steps.push({ step, domNodes: await domNodes(page) });
  try {
    await page.goto(`${app.url}#/files/new`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const row = page.getByRole('radio', { name: /^Row 1: CHANGE/ });
    const input = page.getByLabel('MIS extract (CSV)');
    try {
      await row.waitFor({ timeout: 10_000 });
      await row.check();
      await next(page, 10_000);
      await input.waitFor({ timeout: 10_000 });
    } catch {
      m.stopped = `${NOT_BUILT} (#/files/new offers no plan row, or no "MIS extract (CSV)" file input after it)`;
      return m;
    }
    // Long tasks from here on: a window that freezes shows up as one long task.
    await page.evaluate(`
      window.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longestTask = Math.max(window.longestTask, e.duration);
      }).observe({ type: 'longtask' });
    `);
    const loading = performance.now();
    await input.setInputFiles(csv);
    await page.getByText(`Loaded ${count(EXTRACT_ROWS)} records`).waitFor({ timeout: 300_000 });
    console.log(`  extract loaded in ${ms(performance.now() - loading)} (from choosing the file)`);
    await record('extract loaded');

    await next(page, 30_000);
    await page.getByRole('table', { name: 'Extract columns and their ILR fields' }).waitFor();
    await record('columns');

    await next(page, 30_000);
    const grid = page.getByRole('grid', { name: 'Extract records' });
    await grid.getByRole('checkbox').first().waitFor({ timeout: 60_000 });
    await record('records, top');
    for (const [where, part] of [
      ['middle', 0.5],
      ['end', 1],
    ] as const) {
      await grid.evaluate((el, f) => {
        // The grid, or the nearest box around it that scrolls.
        let box = el as typeof el | null;
        while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
        if (box) box.scrollTop = (box.scrollHeight - box.clientHeight) * f;
      }, part);
      const around = Math.round(EXTRACT_ROWS * part);
      // The rows drawn there come from the worker; wait for one near that place.
      await page
        .waitForFunction(
          (n) =>
            Array.from(
              (globalThis as unknown as PageGlobals).document.querySelectorAll(
                '[aria-label^="Include row "]',
              ),
            ).some((e) => Math.abs(Number(e.getAttribute('aria-label')?.slice(12)) - n) < 200),
          around,
          { timeout: 30_000 },
        )
        .catch(async () => {
          const drawn = await page
            .locator('[aria-label^="Include row "]')
            .evaluateAll((es) => es.map((e) => e.getAttribute('aria-label')?.slice(12)));
          console.log(
            `  (no row near ${count(around)} drawn within 30 s; drawn: ${drawn.at(0)}…${drawn.at(-1)})`,
          );
        });
      await record(`records, scrolled to the ${where}`);
    }

    await next(page, 30_000);
    await record('fields');
    await next(page, 30_000);
    const outcome = page.getByText(PREVIEW_OUTCOME).first();
    await outcome.waitFor({ timeout: 300_000 });
    console.log(`  the preview step shows: ${await outcome.textContent()}`);
    await record('preview');
  } catch (e) {
    m.stopped = `stopped after "${m.steps.at(-1)?.step ?? 'the start'}": ${(e as Error).message.split('\n')[0]}`;
  } finally {
    m.longestTaskMs = await page
      .evaluate<number | null>('window.longestTask ?? null')
      .catch(() => null);
    await context.close();
  }
  return m;
}

function previewRows(m: PreviewMeasure): Row[] {
  const figure = `DOM nodes previewing a ${count(EXTRACT_ROWS)}-row extract (most at any step)`;
  for (const s of m.steps) console.log(`  ${s.step}: ${count(s.domNodes)} DOM nodes`);
  if (m.stopped) console.log(`  ${m.stopped}`);
  const goal = `< ${count(DOM_GOAL)}`;
  if (m.steps.length === 0)
    return [
      { figure, value: '-', reference: '-', ratio: '-', goal, result: m.stopped ?? NOT_BUILT },
    ];
  const most = Math.max(...m.steps.map((s) => s.domNodes));
  const first = m.steps[0]?.domNodes ?? most;
  return [
    {
      figure,
      value: count(most),
      reference: `${count(first)} with the extract just loaded`,
      ratio: (most / first).toFixed(2),
      goal,
      result: `${most < DOM_GOAL ? 'met' : 'NOT MET'}${m.stopped ? ` (${m.steps.length} steps measured)` : ''}`,
    },
    {
      figure: '  longest main-thread task while loading and previewing',
      value:
        m.longestTaskMs === null
          ? '-'
          : m.longestTaskMs === 0
            ? 'none over 50 ms'
            : ms(m.longestTaskMs),
      reference: '-',
      ratio: '-',
      goal: '-',
      result: '-',
    },
  ];
}

// ---- The section -------------------------------------------------------------------------------

export async function ui(table: TablePrinter): Promise<void> {
  console.log(
    `\n== Browser mode: dashboard with ${count(FILES)} files, ${count(EXTRACT_ROWS)}-row extract preview ==`,
  );
  if (!chromiumAvailable) {
    console.log(`  not measured: no Chromium at ${CHROMIUM} (install Debian's chromium package).`);
    return;
  }
  if (!existsSync(join(REPO_ROOT, 'dist', 'renderer', 'index.html'))) {
    console.log('  not measured: the renderer is not built (run npm run build:renderer first).');
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'returndesk-ui-bench-'));
  const running: RunningApp[] = [];
  let browser: Browser | undefined;
  try {
    const seeding = performance.now();
    const dirs = [
      history(join(folder, 'big'), (st) =>
        st.seedForBenchmark({ files: FILES, auditEntries: FILES }),
      ),
      history(join(folder, 'empty'), (st) => planHistory(st, false)),
      history(join(folder, 'plan'), (st) => planHistory(st, true)),
    ];
    const csv = join(folder, 'extract.csv');
    await writeExtract(csv, EXTRACT_ROWS);
    console.log(
      `  histories and the extract (${(statSync(csv).size / 1e6).toFixed(1)} MB) made in ${ms(performance.now() - seeding)}`,
    );

    for (const dir of dirs) running.push(await startApp(dir, APP_ENV));
    browser = await launchBrowser();
    const [bigApp, emptyApp, planApp] = running as [RunningApp, RunningApp, RunningApp];
    const rows = await dashboardRows(browser, bigApp, emptyApp);
    rows.push(...previewRows(await previewExtract(browser, planApp, csv)));
    console.log('');
    console.log(table(cells(rows)));
  } finally {
    await browser?.close();
    for (const app of running) await app.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
