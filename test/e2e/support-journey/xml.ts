// Steps of the 2011-12 journey (ILR XML amendment files): the first run with HEFCE's 'ILR amendment
// upload area' as the destination, a 2011-12 plan, and XML files written to disk for the browser.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningExtranet } from '../../extranet/spawn';
import { ilrDoc, ilrName, ilrText } from '../../support/ilr-xml';
import { openScreen, saveProvider, stepHeading } from '../support/screens';
import { DESTINATION, PROVIDER, USER } from './journey';

export const XML_AREA = 'ILR amendment upload area';
/** The group key HEFCE's guide gives for the area. */
export const XML_GROUP_KEY = '9LON-XV33-2PYZ-EN8S';
export const XML_YEAR = '2011-12';

/** The first run: provider 012345 with its UKPRN (XML files are matched by it) and the area. */
export async function firstRunXml(page: Page, server: RunningExtranet): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' }).waitFor();
  await saveProvider(page, PROVIDER);
  await stepHeading(page, 'Step 2 of 3: Where you upload (optional)').waitFor();
  await page.getByRole('textbox', { name: 'Destination name' }).fill(DESTINATION);
  await page.getByRole('textbox', { name: 'Web address' }).fill(server.url);
  await page.getByRole('textbox', { name: 'Upload area' }).fill(XML_AREA);
  await page.getByRole('textbox', { name: 'User name' }).fill(USER.username);
  await page.getByLabel('CA certificate (optional)').setInputFiles(server.ca);
  await page.getByText('Chosen: ca.pem').waitFor();
  await page.getByLabel('Password (optional)').fill(USER.password);
  await page.getByLabel('Group key (optional)').fill(XML_GROUP_KEY);
  await page.getByRole('button', { name: 'Save destination' }).click();
  await stepHeading(page, 'Step 3 of 3: Ready').waitFor();
  await page.getByRole('button', { name: 'Go to the dashboard' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

/** Creates a draft 2011-12 plan and returns its id. */
export async function createXmlPlan(page: Page, title: string): Promise<number> {
  await openScreen(page, 'Action plans', 'Action plans');
  await page.getByRole('button', { name: 'Create a plan…' }).click();
  const form = page.getByRole('form', { name: 'Create an action plan' });
  await form.getByRole('textbox', { name: 'ILR year' }).fill(XML_YEAR);
  await form.getByRole('textbox', { name: 'Title' }).fill(title);
  await form.getByRole('button', { name: 'Create plan' }).click();
  await page.waitForURL(/#\/plans\/\d+$/);
  await page.getByRole('button', { name: 'Add a row…' }).waitFor();
  return Number(/#\/plans\/(\d+)$/.exec(page.url())?.[1]);
}

/** Writes an ILR 'A' or 'B' file of the provider, serial `serialNo`, and returns path and name. */
export async function writeXml(
  dir: string,
  serialNo: string,
  over: Parameters<typeof ilrDoc>[0] = {},
): Promise<{ path: string; name: string }> {
  const doc = ilrDoc({ ukprn: PROVIDER.ukprn, serialNo, ...over });
  const name = ilrName(doc);
  const path = join(dir, name);
  await writeFile(path, ilrText(doc), 'utf8');
  return { path, name };
}

/** Creates a batch for the only approved plan and returns its id. */
export async function createXmlBatch(page: Page): Promise<number> {
  await openScreen(page, 'Batches', 'Batches');
  await page.getByRole('button', { name: 'Create a batch…' }).click();
  const create = page.getByRole('form', { name: 'Create a batch' });
  await create.getByLabel('Approved action plan').selectOption({ index: 1 });
  await create.getByText('This year is amended with ILR XML files', { exact: false }).waitFor();
  await create.getByRole('button', { name: 'Create batch' }).click();
  await page.waitForURL(/#\/batches\/\d+$/);
  return Number(/#\/batches\/(\d+)$/.exec(page.url())?.[1]);
}
