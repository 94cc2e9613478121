// Steps on the Data portal screen as a user takes them, against the reference extranet's portal
// side (test/extranet/README.md, "Data requests (portal)"): a first run whose destination is the
// portal's collection space, Refresh, the tabs, a file format imported and a CSV uploaded.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { calendarDateIn } from '../../../shared/dates';
import { formatIsoDate } from '../../../shared/history/wording';
import type { RequestFileEntry } from '../../extranet/request-file';
import type { RunningExtranet } from '../../extranet/spawn';
import type { E2eEnv } from './env';
import { openScreen, saveProvider, stepHeading } from './screens';

export const USER = { username: 'jo.bloggs', password: 'correct-horse-battery-staple' };
export const PORTAL_AREA = 'Ofqual Data Portal';
export const PORTAL_GROUP_KEY = 'OFQL-2019-DATA-PORT';
export const PORTAL = 'Ofqual portal';
export const PROVIDER = { upin: '012345', ukprn: '10001234', name: 'Example Sixth Form College' };

/** Today's date in England, moved by `days`, as YYYY-MM-DD: requests open and due around now. */
export function dayFromToday(days: number): string {
  const today = calendarDateIn(new Date());
  const t = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return formatIsoDate({
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
  });
}

/** A request of the portal's area, open since 10 days ago and due in 20. */
export const openRequest = (
  period: string,
  template: string,
  columns?: string[],
): RequestFileEntry => ({
  area: PORTAL_AREA,
  period,
  template,
  opens: dayFromToday(-10),
  due: dayFromToday(20),
  ...(columns ? { columns } : {}),
});

/** The reference extranet with one user, the portal's area and these requests; quick verdicts. */
export function startPortal(env: E2eEnv, requests: RequestFileEntry[]): Promise<RunningExtranet> {
  return env.startExtranet({
    users: [`${USER.username}:${USER.password}`],
    areas: [`${PORTAL_AREA}:${PORTAL_GROUP_KEY}`],
    requests,
    verifyDelayMs: 100,
  });
}

/** The first run: the provider, then the portal as the destination with its password and key. */
export async function portalFirstRun(page: Page, server: RunningExtranet): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' }).waitFor();
  await saveProvider(page, PROVIDER);
  await stepHeading(page, 'Step 2 of 3: Where you upload (optional)').waitFor();
  await page.getByRole('textbox', { name: 'Destination name' }).fill(PORTAL);
  await page.getByRole('textbox', { name: 'Web address' }).fill(server.url);
  await page.getByRole('textbox', { name: 'Upload area' }).fill(PORTAL_AREA);
  await page.getByRole('textbox', { name: 'User name' }).fill(USER.username);
  await page.getByLabel('CA certificate (optional)').setInputFiles(server.ca);
  await page.getByText('Chosen: ca.pem').waitFor();
  await page.getByLabel('Password (optional)').fill(USER.password);
  await page.getByLabel('Group key (optional)').fill(PORTAL_GROUP_KEY);
  await page.getByRole('button', { name: 'Save destination' }).click();
  await stepHeading(page, 'Step 3 of 3: Ready').waitFor();
  await page.getByRole('button', { name: 'Go to the dashboard' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

export const openPortal = (page: Page) => openScreen(page, 'Data portal', 'Data portal');

/** Presses Refresh and waits for what it found; returns that, and fails on a refusal. */
export async function refresh(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  const found = page.getByRole('status').filter({ hasText: /^(Asked |No d)/ });
  const refused = page.getByRole('alert').filter({ hasText: 'Could not refresh' });
  await found.or(refused).first().waitFor({ timeout: 30_000 });
  if (await refused.count()) throw new Error(`Refresh failed: ${await refused.textContent()}`);
  return (await found.textContent()) ?? '';
}

/** Chooses the Current or Previous tab (whatever its count) and returns its table's rows. */
export async function showTab(page: Page, tab: 'Current' | 'Previous'): Promise<Locator> {
  await page.getByRole('tab', { name: new RegExp(`^${tab} \\(\\d+\\)$`) }).click();
  return page.getByRole('tabpanel');
}

/** The row of a request on the tab shown, found by its template. */
export const requestRow = (page: Page, template: string): Locator =>
  page.getByRole('tabpanel').getByRole('row').filter({ hasText: template }).first();

/** The status badge's text for a request on the tab shown. */
export const statusOf = (page: Page, template: string) =>
  requestRow(page, template).getByRole('cell').nth(3).textContent();

/**
 * Presses Refresh until the request shows `status` on `tab` (verdicts arrive at the server's pace),
 * at most 15 times.
 */
export async function refreshUntil(
  page: Page,
  template: string,
  tab: 'Current' | 'Previous',
  status: string,
): Promise<void> {
  await expect
    .poll(
      async () => {
        await refresh(page);
        await showTab(page, tab);
        const row = requestRow(page, template);
        return (await row.count()) ? ((await statusOf(page, template)) ?? '') : '';
      },
      { timeout: 30_000, interval: 500 },
    )
    .toContain(status);
}

/** A YYYY-MM-DD day as a person in England types it: 2030-05-04 → "04/05/2030". */
const typedDay = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Adds a data request through "Add a request…", its dates (YYYY-MM-DD here) typed dd/mm/yyyy
 * into the form's text fields; waits for the screen to say it was added.
 */
export async function addRequestByHand(
  page: Page,
  r: { period: string; template: string; opens?: string; due: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Add a request…' }).click();
  const form = page.getByRole('form', { name: 'Add a data request' });
  await form.waitFor();
  await form.getByRole('textbox', { name: 'Reporting period' }).fill(r.period);
  await form.getByRole('textbox', { name: 'Template' }).fill(r.template);
  if (r.opens)
    await form
      .getByRole('textbox', { name: 'Collection opens (optional)' })
      .fill(typedDay(r.opens));
  await form.getByRole('textbox', { name: 'Due date' }).fill(typedDay(r.due));
  await form.getByRole('button', { name: 'Add request' }).click();
  await page.getByText(`Added ${r.template} for ${r.period}.`).waitFor();
}

/** Imports a file format through the File formats section; waits for its outcome either way. */
export async function importFileFormat(page: Page, template: string, path: string): Promise<void> {
  await page.getByRole('button', { name: 'Import a file format…' }).click();
  const form = page.getByRole('form', { name: 'Import a file format' });
  await form.waitFor();
  // Chosen from the requests' templates when there are any (or typed, when none has it, after
  // choosing to); typed when there are no requests.
  const select = form.getByRole('combobox', { name: 'Template' });
  if (await select.isVisible()) {
    const offered = await select.locator('option').allTextContents();
    if (offered.includes(template)) await select.selectOption(template);
    else {
      await select.selectOption({ label: 'Another template, not yet requested…' });
      await form.getByRole('textbox', { name: 'New template name' }).fill(template);
    }
  } else await form.getByRole('textbox', { name: 'Template' }).fill(template);
  await form.getByLabel('Specification (CSV)').setInputFiles(path);
  await form.getByRole('button', { name: 'Import file format' }).click();
}

/** From a row's Upload button to the check of `path`, shown on the upload page. */
export async function chooseAndCheck(
  page: Page,
  request: { template: string; period: string },
  path: string,
  fileName: string,
): Promise<void> {
  await page
    .getByRole('button', { name: `Upload a file for ${request.template} for ${request.period}` })
    .click();
  await page
    .getByRole('heading', {
      level: 1,
      name: `Upload a file for ${request.template} for ${request.period}`,
    })
    .waitFor();
  await page.getByLabel('Data file (CSV)').setInputFiles(path);
  await page.getByRole('heading', { level: 2, name: `Check of ${fileName}` }).waitFor();
}

/** The guide's confirmation for `fileName`. */
export const confirmDialog = (page: Page, fileName: string) =>
  page.getByRole('alertdialog', {
    name: `Are you sure you want to upload "${fileName}" for this submission?`,
  });

/** Writes `lines` as a CSV (CRLF) in `dir` and returns its path. */
export async function writeCsv(dir: string, name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, lines.join('\r\n') + '\r\n', 'utf8');
  return path;
}

/** A published file format: Name, Description, Position, Validation Regular Expression. */
export const SPEC_LINES = [
  'Name,Description,Position,Validation Regular Expression',
  'Year,The year of the series,1,\\d{4}',
  'SpecificationCode,The specification’s code,2,[A-Z0-9]{4}',
  'Title,The specification’s title,3,".{1,100}"',
];
export const COLUMNS = ['Year', 'SpecificationCode', 'Title'];
