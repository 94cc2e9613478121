// Steps of the amendment-file journey as a user takes them in browser mode: the first run with an
// upload destination, an approved action plan, and the new-file wizard. Found by role and name.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { RunningExtranet } from '../../extranet/spawn';
import { openScreen, saveProvider, stepHeading } from '../support/screens';

export const USER = { username: 'jo.bloggs', password: 'correct-horse-battery-staple' };
export const AREA = 'FAMD General upload area (GUA)';
export const GROUP_KEY = 'P699 8C22EF79';
export const DESTINATION = 'Reference extranet';
export const PROVIDER = { upin: '012345', ukprn: '10001234', name: 'Example Sixth Form College' };

/** `name` as a regular expression matching it literally. */
export const literally = (name: string) => new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/**
 * The first run: provider 012345 and, given a server, the extranet as the destination with its
 * password and group key stored; without one the destination step is skipped.
 */
export async function firstRun(page: Page, server?: RunningExtranet): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' }).waitFor();
  await saveProvider(page, PROVIDER);
  await stepHeading(page, 'Step 2 of 3: Where you upload (optional)').waitFor();
  if (server) await saveDestination(page, server);
  else await page.getByRole('button', { name: 'Skip for now' }).click();
  await stepHeading(page, 'Step 3 of 3: Ready').waitFor();
  await page.getByRole('button', { name: 'Go to the dashboard' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

async function saveDestination(page: Page, server: RunningExtranet): Promise<void> {
  await page.getByRole('textbox', { name: 'Destination name' }).fill(DESTINATION);
  await page.getByRole('textbox', { name: 'Web address' }).fill(server.url);
  await page.getByRole('textbox', { name: 'Upload area' }).fill(AREA);
  await page.getByRole('textbox', { name: 'User name' }).fill(USER.username);
  await page.getByLabel('CA certificate (optional)').setInputFiles(server.ca);
  await page.getByText('Chosen: ca.pem').waitFor();
  await page.getByLabel('Password (optional)').fill(USER.password);
  await page.getByLabel('Group key (optional)').fill(GROUP_KEY);
  await page.getByRole('button', { name: 'Save destination' }).click();
}

export interface PlanRowValues {
  kind: 'CHANGE' | 'ADD' | 'DELETE';
  description: string;
  fields?: string;
  records: string;
  due: string;
}

/** Creates a draft plan through the form and returns its id (from the plan page's address). */
export async function createPlan(page: Page, title: string): Promise<number> {
  await openScreen(page, 'Action plans', 'Action plans');
  await page.getByRole('button', { name: 'Create a plan…' }).click();
  const form = page.getByRole('form', { name: 'Create an action plan' });
  await form.getByRole('textbox', { name: 'ILR year' }).fill('2010-11');
  await form.getByRole('textbox', { name: 'Title' }).fill(title);
  await form.getByRole('button', { name: 'Create plan' }).click();
  await page.waitForURL(/#\/plans\/\d+$/);
  const planId = Number(/#\/plans\/(\d+)$/.exec(page.url())?.[1]);
  await page.getByRole('button', { name: 'Add a row…' }).waitFor();
  return planId;
}

export async function addPlanRow(page: Page, row: PlanRowValues): Promise<void> {
  await page.getByRole('button', { name: 'Add a row…' }).click();
  const form = page.getByRole('form', { name: 'Add an area of difference' });
  await form.getByRole('radio', { name: new RegExp(`^${row.kind}:`) }).check();
  await form.getByRole('textbox', { name: 'Description of the amendment' }).fill(row.description);
  if (row.fields !== undefined)
    await form.getByRole('textbox', { name: 'Fields changed' }).fill(row.fields);
  await form.getByRole('textbox', { name: 'Number of records' }).fill(row.records);
  // Typed as people in England write it: dd/mm/yyyy.
  const [y, m, d] = row.due.split('-');
  await form.getByLabel('Date the amended data will be submitted').fill(`${d}/${m}/${y}`);
  await form.getByRole('button', { name: 'Add row' }).click();
  await form.waitFor({ state: 'hidden' });
}

/** Marks the plan submitted and approved on screen (today, the dialog's default), waiting for each step's own message. */
export async function submitAndApprove(page: Page, planId: number): Promise<void> {
  for (const [button, confirm, said] of [
    ['Mark as submitted…', 'Mark as submitted', 'marked as submitted on'],
    ['Mark as approved…', 'Mark as approved', 'marked as approved on'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: confirm, exact: true }).click();
    await page.getByText(`Plan ${planId}: ${said}`, { exact: false }).waitFor();
  }
}

/** Writes `lines` as a CSV extract in `dir` and returns its path. */
export async function writeExtract(dir: string, name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, lines.join('\r\n') + '\r\n', 'utf8');
  return path;
}

/** The wizard's step heading (h2), e.g. "Preview and check – Learning aim (A) file". */
export const wizardStep = (page: Page, title: string | RegExp): Locator =>
  page.getByRole('heading', { level: 2, name: title });

export async function next(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await wizardStep(page, title).waitFor();
}

/** Loads `path` in the Extract step and waits for the app's "Loaded N records" message. */
export async function loadExtract(page: Page, path: string, records: number): Promise<void> {
  await page.getByLabel('MIS extract (CSV)').setInputFiles(path);
  await page
    .getByText(new RegExp(`^Loaded ${records} records? from `))
    .first()
    .waitFor();
}

export async function back(page: Page, title: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await wizardStep(page, title).waitFor();
}
