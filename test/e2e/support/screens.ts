// Small steps on ReturnDesk's screens, found the way a user finds them: by role and name.
import type { Locator, Page } from 'playwright-core';
import { CHROMIUM, chromiumAvailable } from './app';

/** Added to a describe's name: the only reason these tests may be skipped, said where it shows. */
export const SKIPPED_WITHOUT_CHROMIUM = chromiumAvailable
  ? ''
  : ` [skipped: no Chromium at ${CHROMIUM}; install Debian's chromium package, as .ci/run does]`;

export interface ProviderValues {
  upin: string;
  ukprn: string;
  name: string;
}

/** Fills the first run's provider form and presses "Save and continue". */
export async function saveProvider(page: Page, p: ProviderValues): Promise<void> {
  await page.getByRole('textbox', { name: 'UPIN' }).fill(p.upin);
  await page.getByRole('textbox', { name: 'UKPRN (optional)' }).fill(p.ukprn);
  await page.getByRole('textbox', { name: 'Provider name' }).fill(p.name);
  await page.getByRole('button', { name: 'Save and continue' }).click();
}

/** The first run's step heading, e.g. "Step 2 of 3: Where you upload (optional)". */
export const stepHeading = (page: Page, heading: string) =>
  page.getByRole('heading', { level: 2, name: heading });

/** Opens a screen from the navigation and waits for its title. */
export async function openScreen(page: Page, link: string, title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'ReturnDesk screens' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
}

/** The value beside a term in a list of facts (dt/dd), e.g. a destination's "Password stored". */
export const fact = (within: Locator, term: string) =>
  within.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

/** Saves `password` through a destination card's "Change password…" dialog. */
export async function changePassword(
  page: Page,
  card: Locator,
  dialogTitle: string,
  password: string,
): Promise<void> {
  await card.getByRole('button', { name: 'Change password…' }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await dialog.getByRole('button', { name: 'Save password' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await card.getByText('Password saved in the credential vault.').waitFor();
}

/** The relative luminance (0 black … 1 white) of an element's computed background colour. */
export async function backgroundLuminance(locator: Locator): Promise<number> {
  const rgb = await locator.evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
