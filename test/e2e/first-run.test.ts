// A new user's first hour, in browser mode in Chromium, against the real Secret Service and the
// reference extranet: first run → Settings (destination, test connection, a wrong password) → an
// upload made with the command line → the dashboard following it from pending to accepted.
// Screenshots of every screen and state go to .artifacts/screenshots for people to look at.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import { serverUploadStatus } from './support/extranet';
import {
  SKIPPED_WITHOUT_CHROMIUM,
  backgroundLuminance,
  changePassword,
  fact,
  openScreen,
  saveProvider,
  stepHeading,
} from './support/screens';

const USER = { username: 'jo.bloggs', password: 'correct-horse-battery-staple' };
const AREA = 'FAMD General upload area (GUA)';
const GROUP_KEY = 'P699 8C22EF79';
const DESTINATION = 'Reference extranet';
const PASSWORD_DIALOG = `Password for ${USER.username} at ${DESTINATION}`;
const PROVIDER = { upin: '012345', ukprn: '10001234', name: 'Example Sixth Form College' };
const UPLOADED = 'chg012345A01.amd';
const UPLOAD_FILE = join(REPO_ROOT, 'test', 'fixtures', 'golden', UPLOADED);
const UPIN_MESSAGE = 'The UPIN must be six digits, leading zeros included (e.g. 012345).';
const HTTPS_MESSAGE =
  'The address must start with https:// (ReturnDesk sends files only over an encrypted connection).';
const addProvider = (page: Page, upin: string) => saveProvider(page, { ...PROVIDER, upin });

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode: first run, settings and dashboard${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv({ secretService: true });

    it('takes a new user from first run to an accepted upload: provider 012345 keeps its zero, the CA file and password are stored, a wrong password is refused, and the dashboard follows a CLI upload', async () => {
      const server = await env.startExtranet({
        users: [`${USER.username}:${USER.password}`],
        areas: [`${AREA}:${GROUP_KEY}`],
        verifyDelayMs: 200,
      });
      const app = await env.startApp();
      const page = await env.openPage(app.url);

      // Step 1: the provider, with a UPIN whose leading zero must survive.
      await page.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' }).waitFor();
      await screenshot(page, 'first-run-1-provider-light');
      await addProvider(page, PROVIDER.upin);

      // Step 2: the destination, its CA certificate chosen through the file input.
      await stepHeading(page, 'Step 2 of 3: Where you upload (optional)').waitFor();
      await page.getByRole('textbox', { name: 'Destination name' }).fill(DESTINATION);
      await page.getByRole('textbox', { name: 'Web address' }).fill(server.url);
      await page.getByRole('textbox', { name: 'Upload area' }).fill(AREA);
      await page.getByRole('textbox', { name: 'User name' }).fill(USER.username);
      await page.getByLabel('CA certificate (optional)').setInputFiles(server.ca);
      await page.getByText('Chosen: ca.pem').waitFor();
      await page.getByLabel('Password (optional)').fill(USER.password);
      await page.getByLabel('Group key (optional)').fill(GROUP_KEY);
      await screenshot(page, 'first-run-2-destination-filled-light');
      await page.getByRole('button', { name: 'Save destination' }).click();

      // Step 3: what was set up.
      await stepHeading(page, 'Step 3 of 3: Ready').waitFor();
      const summary = page.getByRole('region', { name: 'Step 3 of 3: Ready' });
      await summary.getByRole('listitem').first().waitFor();
      expect(await summary.getByRole('listitem').allTextContents()).toEqual([
        `Provider: ${PROVIDER.name}, UPIN 012345, UKPRN ${PROVIDER.ukprn}.`,
        `Upload destination: ${DESTINATION} (${AREA}), password stored in the credential vault.`,
      ]);
      await screenshot(page, 'first-run-3-ready-light');
      await page.getByRole('button', { name: 'Go to the dashboard' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await page.getByText('Nothing needs doing now.').waitFor();
      await screenshot(page, 'dashboard-empty-light');

      // The history has the UPIN as text, zero and all.
      const providers = await env.cli(app.dataDir, ['provider', 'list', '--json']);
      expect(providers.code, providers.stderr).toBe(0);
      expect(JSON.parse(providers.stdout)).toMatchObject([{ upin: '012345', name: PROVIDER.name }]);

      // Settings: the destination with its password stored (never shown), and a working connection.
      await openScreen(page, 'Settings', 'Settings');
      const providerRow = page
        .getByRole('table', { name: 'Providers' })
        .getByRole('row', { name: new RegExp(PROVIDER.name) });
      await providerRow.waitFor();
      expect(await providerRow.getByRole('cell').allTextContents()).toEqual([
        '012345',
        PROVIDER.ukprn,
        PROVIDER.name,
      ]);
      const card = page.getByRole('region', { name: DESTINATION, exact: true });
      expect(await fact(card, 'Web address').textContent()).toBe(server.url);
      expect(await fact(card, 'Own CA certificate').textContent()).toBe('yes');
      expect(await fact(card, 'Password stored').textContent()).toBe('yes');
      expect(
        await card
          .getByRole('list', { name: `Upload areas of ${DESTINATION}` })
          .getByRole('listitem')
          .allTextContents(),
      ).toEqual([`${AREA} (group key stored)`]);
      expect(await page.content()).not.toContain(USER.password);
      await screenshot(page, 'settings-destination-light');

      await card.getByRole('button', { name: 'Test connection' }).click();
      await card
        .getByRole('status')
        .getByText(`Connected: signed in and reached the upload area "${AREA}".`)
        .waitFor();
      await screenshot(page, 'settings-connection-ok-light');

      // A wrong password, set through the dialog, is what the next test uses: the server says no.
      await card.getByRole('button', { name: 'Change password…' }).click();
      const dialog = page.getByRole('dialog', { name: PASSWORD_DIALOG });
      await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
      await screenshot(page, 'settings-change-password-dialog-light');
      await dialog.getByRole('button', { name: 'Save password' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await card.getByText('Password saved in the credential vault.').waitFor();
      expect(await fact(card, 'Password stored').textContent()).toBe('yes');
      await card.getByRole('button', { name: 'Test connection' }).click();
      const alert = card.getByRole('alert');
      await alert.getByText('The connection test failed').waitFor();
      // BAD_CREDENTIALS, in the app's words for it.
      expect(await alert.textContent()).toContain(
        `The user name or password for ${USER.username} was not accepted. Check them and log in again.`,
      );
      await screenshot(page, 'settings-bad-credentials-light');

      // The right password again, for the upload.
      await changePassword(page, card, PASSWORD_DIALOG, USER.password);
      await card.getByRole('button', { name: 'Test connection' }).click();
      await card.getByText(`Connected: signed in and reached the upload area "${AREA}".`).waitFor();

      // An upload through the command line, which finds the password the app stored.
      const upload = await env.cli(app.dataDir, [
        'upload',
        '--destination',
        DESTINATION,
        UPLOAD_FILE,
        '--json',
      ]);
      expect(upload.code, upload.stderr).toBe(0);
      const [receipt] = JSON.parse(upload.stdout) as {
        file: string;
        uploadId: string;
        status: string;
      }[];
      expect(receipt).toMatchObject({ file: UPLOADED, status: 'pending-verification' });

      // The dashboard shows it pending on Current.
      await openScreen(page, 'Dashboard', 'Dashboard');
      const currentRow = page
        .getByRole('table', { name: 'Current work' })
        .getByRole('row', { name: new RegExp(UPLOADED.replace('.', '\\.')) });
      await currentRow.waitFor();
      expect(await currentRow.getByRole('cell').nth(2).textContent()).toBe(
        'Upload pending verification',
      );
      expect(await currentRow.getByRole('link', { name: UPLOADED }).getAttribute('href')).toBe(
        '#/uploads',
      );
      await page.getByRole('tab', { name: 'Current (1)' }).waitFor();
      await screenshot(page, 'dashboard-upload-pending-light');

      // The server verifies the file; the app knows only once asked.
      await expect
        .poll(() => serverUploadStatus(server, USER, receipt?.uploadId ?? ''), {
          timeout: 15_000,
          interval: 200,
        })
        .toBe('accepted');
      expect(await currentRow.getByRole('cell').nth(2).textContent()).toBe(
        'Upload pending verification',
      );
      await page.getByRole('button', { name: 'Check for verification results' }).click();
      await page.getByText('1 upload has a new status. The table below is up to date.').waitFor();
      await page.getByText(`${UPLOADED} was accepted`, { exact: true }).waitFor();
      await page.getByRole('tab', { name: 'Current (0)' }).waitFor();
      await page.getByText('Nothing needs doing now.').waitFor();
      await screenshot(page, 'dashboard-after-check-light');

      await page.getByRole('tab', { name: 'Previous (1)' }).click();
      const previousRow = page
        .getByRole('table', { name: 'Previous work' })
        .getByRole('row', { name: new RegExp(UPLOADED.replace('.', '\\.')) });
      await previousRow.waitFor();
      expect(await previousRow.getByRole('cell').allTextContents()).toEqual([
        UPLOADED,
        `Accepted by '${DESTINATION}'`,
        'Accepted',
        expect.any(String),
      ]);
      await screenshot(page, 'dashboard-upload-accepted-light');

      // The same screens with this history, in the dark scheme.
      const dark = await env.openPage(app.url, 'dark');
      await dark.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await dark.getByRole('tab', { name: 'Previous (1)' }).click();
      await dark.getByRole('table', { name: 'Previous work' }).waitFor();
      expect(await backgroundLuminance(dark.getByRole('main'))).toBeLessThan(0.05);
      await screenshot(dark, 'dashboard-upload-accepted-dark');
      await dark.getByRole('link', { name: 'Settings' }).click();
      await dark.getByRole('region', { name: DESTINATION }).waitFor();
      await screenshot(dark, 'settings-destination-dark');
    });

    it('draws every screen dark in the dark colour scheme: first run, dashboard and settings', async () => {
      const app = await env.startApp();
      const page = await env.openPage(app.url, 'dark');
      const main = page.getByRole('main');

      await page.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' }).waitFor();
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        true,
      );
      expect(await backgroundLuminance(main)).toBeLessThan(0.05);
      const text = await page
        .getByRole('heading', { level: 1 })
        .evaluate((el) => getComputedStyle(el).color);
      expect(text).not.toBe('rgb(0, 0, 0)');
      await screenshot(page, 'first-run-1-provider-dark');

      await addProvider(page, PROVIDER.upin);
      await stepHeading(page, 'Step 2 of 3: Where you upload (optional)').waitFor();
      await screenshot(page, 'first-run-2-destination-dark');
      await page.getByRole('button', { name: 'Skip for now' }).click();
      await stepHeading(page, 'Step 3 of 3: Ready').waitFor();
      await screenshot(page, 'first-run-3-ready-dark');
      await page.getByRole('button', { name: 'Go to the dashboard' }).click();
      await page.getByText('Nothing needs doing now.').waitFor();
      expect(await backgroundLuminance(main)).toBeLessThan(0.05);
      await screenshot(page, 'dashboard-empty-dark');

      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await page.getByText('No upload destinations yet.').waitFor();
      expect(await backgroundLuminance(main)).toBeLessThan(0.05);
      await screenshot(page, 'settings-dark');

      // And the light scheme is light: the difference comes from the system setting.
      const light = await env.openPage(app.url, 'light');
      await light.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      expect(await backgroundLuminance(light.getByRole('main'))).toBeGreaterThan(0.8);
    });

    it("refuses a five-digit UPIN on the first-run form with the contract's message, and adds nothing", async () => {
      const app = await env.startApp();
      const page = await env.openPage(app.url);
      await page.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' }).waitFor();

      await addProvider(page, '12345');
      const upin = page.getByRole('textbox', { name: 'UPIN' });
      await page.getByText(UPIN_MESSAGE).waitFor();
      expect(await upin.getAttribute('aria-invalid')).toBe('true');
      // The keyboard is taken to the field that needs attention.
      await expect
        .poll(() => upin.evaluate((el) => el === document.activeElement), { timeout: 5_000 })
        .toBe(true);
      expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(
        'Step 1 of 3: Your provider',
      );
      await screenshot(page, 'first-run-1-upin-refused-light');

      const providers = await env.cli(app.dataDir, ['provider', 'list', '--json']);
      expect(providers.code, providers.stderr).toBe(0);
      expect(JSON.parse(providers.stdout)).toEqual([]);

      // Six digits with the zero put back is accepted.
      await upin.fill('012345');
      expect(await page.getByText(UPIN_MESSAGE).count()).toBe(0);
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await stepHeading(page, 'Step 2 of 3: Where you upload (optional)').waitFor();
    });

    it('opens a page once per address: a reload keeps the session, a used address says what to do', async () => {
      const app = await env.startApp();
      const address = await app.nextAddress();
      const page = await env.openPage(address);
      const welcome = page.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' });
      await welcome.waitFor();
      // The code is out of the address bar once exchanged; the tab keeps its session on reload.
      expect(page.url()).not.toContain('code=');
      await page.reload();
      await welcome.waitFor();

      const again = await env.openPage(address);
      await again
        .getByRole('heading', { level: 1, name: 'This address has been used already' })
        .waitFor();
      await again.getByText('Open the newest address that returndesk serve printed').waitFor();
      expect(again.url()).not.toContain('code=');
      await screenshot(again, 'browser-mode-address-used-light');
    });

    it('refuses a destination address with http:// to a host other than this computer while it is typed, and saves nothing', async () => {
      const app = await env.startApp();
      const page = await env.openPage(app.url);
      await page.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' }).waitFor();
      await addProvider(page, PROVIDER.upin);
      await stepHeading(page, 'Step 2 of 3: Where you upload (optional)').waitFor();

      const address = page.getByRole('textbox', { name: 'Web address' });
      await page.getByRole('textbox', { name: 'Destination name' }).fill(DESTINATION);
      await address.fill('http://extranet.example.ac.uk/');
      // Leaving the field is enough: no need to try to save first.
      await address.press('Tab');
      await page.getByText(HTTPS_MESSAGE).waitFor();
      expect(await address.getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'first-run-2-http-refused-light');

      // From then on the message follows the typing, in the field: one letter makes it https.
      await address.click();
      await address.press('Home');
      await address.press('ArrowRight');
      await address.press('ArrowRight');
      await address.press('ArrowRight');
      await address.press('ArrowRight');
      await address.pressSequentially('s');
      expect(await address.inputValue()).toBe('https://extranet.example.ac.uk/');
      await page.getByText(HTTPS_MESSAGE).waitFor({ state: 'detached' });
      expect(await address.getAttribute('aria-invalid')).not.toBe('true');
      await address.press('Backspace');
      await page.getByText(HTTPS_MESSAGE).waitFor();

      // Plain http to this computer (a test server) is allowed.
      await address.fill('http://127.0.0.1:8443/');
      await page.getByText(HTTPS_MESSAGE).waitFor({ state: 'detached' });

      // Saving with the non-loopback address is refused and nothing is added.
      await address.fill('http://extranet.example.ac.uk/');
      await page.getByRole('textbox', { name: 'Upload area' }).fill(AREA);
      await page.getByRole('textbox', { name: 'User name' }).fill(USER.username);
      await page.getByRole('button', { name: 'Save destination' }).click();
      await page.getByText(HTTPS_MESSAGE).waitFor();
      expect(await stepHeading(page, 'Step 2 of 3: Where you upload (optional)').count()).toBe(1);
      const destinations = await env.cli(app.dataDir, ['destination', 'list', '--json']);
      expect(destinations.code, destinations.stderr).toBe(0);
      expect(JSON.parse(destinations.stdout)).toEqual([]);
    });
  },
);
