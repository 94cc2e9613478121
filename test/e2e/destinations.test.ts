// Destinations as a data officer keeps them in the app. In Settings a destination's address, name
// and port can be changed (plain http to a remote computer refused at entry, with the reason), and
// a destination removed, unless a file sent there still awaits its verdict. Without a credential
// vault, an upload refused for want of the area's group key asks for it on the Uploads screen, holds
// it for the session (and says so) and goes through; nothing on screen sends the user to a command.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT, chromiumAvailable } from './support/app';
import { useE2eEnv } from './support/env';
import { serverAreaFiles } from './support/extranet';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen, saveProvider, stepHeading } from './support/screens';
import {
  AREA,
  DESTINATION,
  GROUP_KEY,
  PROVIDER,
  USER,
  firstRun,
  literally,
} from './support-journey/journey';

const NAME = 'chg012345A01.amd';
const GOLDEN = join(REPO_ROOT, 'test', 'fixtures', 'golden', NAME);
/** A session bus where nothing listens: the Secret Service out of reach. */
const NO_VAULT = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };

/** Uploads the golden amendment file from this computer to the destination's (first) area. */
async function uploadFromThisComputer(page: Page): Promise<void> {
  await openScreen(page, 'Uploads', 'Uploads');
  const chooser = page.getByRole('form', { name: 'Choose what to upload' });
  await chooser.getByRole('radio', { name: 'Files from this computer' }).check();
  await chooser.getByLabel('Choose the files').setInputFiles(GOLDEN);
  await chooser.getByRole('button', { name: 'Upload…' }).click();
  const confirm = page.getByRole('alertdialog', {
    name: `Are you sure you want to upload “${NAME}” for this submission?`,
  });
  await confirm.getByRole('button', { name: 'Upload', exact: true }).click();
}

const uploadFinished = (page: Page) =>
  page
    .getByText(/^Upload finished\. The receiver now checks each file/)
    .waitFor({ timeout: 20_000 });

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode: destinations changed, removed, and a group key asked for${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv({ secretService: true });

    it('changes a destination (http to a remote computer refused with the reason), and removes one never used but not one awaiting a result', async () => {
      const server = await env.startExtranet({
        users: [`${USER.username}:${USER.password}`],
        areas: [`${AREA}:${GROUP_KEY}`],
        verifyDelayMs: 600_000,
      });
      const app = await env.startApp();
      const page = await env.openPage(app.url);
      await firstRun(page, server);
      // A file sent to the first destination, its verdict still to come.
      await uploadFromThisComputer(page);
      await uploadFinished(page);

      // A second destination, typed with the wrong port.
      await openScreen(page, 'Settings', 'Settings');
      const real = new URL(server.url);
      const wrongPort = Number(real.port) === 1 ? 2 : 1;
      await page.getByRole('button', { name: 'Add a destination…' }).click();
      const add = page.getByRole('form', { name: 'Add an upload destination' });
      await add.getByRole('textbox', { name: 'Destination name' }).fill('Extranet typo');
      await add
        .getByRole('textbox', { name: 'Web address' })
        .fill(`${real.protocol}//${real.hostname}:${wrongPort}`);
      await add.getByRole('textbox', { name: 'Upload area' }).fill(AREA);
      await add.getByRole('textbox', { name: 'User name' }).fill(USER.username);
      await add.getByRole('button', { name: 'Add destination' }).click();
      await page.getByText('Added Extranet typo. Use Test connection to check it.').waitFor();

      const typo = page.getByRole('region', { name: 'Extranet typo', exact: true });
      await typo.getByRole('button', { name: 'Change…' }).click();
      const change = typo.getByRole('form', { name: 'Change Extranet typo' });
      const address = change.getByRole('textbox', { name: 'Web address' });
      await address.fill('http://extranet.example.ac.uk/');
      await change.getByRole('button', { name: 'Save changes' }).click();
      await change.getByText(/The address must start with https:\/\//).waitFor();
      expect(await typo.getByText('http://extranet.example.ac.uk', { exact: false }).count()).toBe(
        0,
      );

      await address.fill(server.url);
      await change.getByRole('textbox', { name: 'Destination name' }).fill('Extranet spare');
      await change.getByRole('button', { name: 'Save changes' }).click();
      const spare = page.getByRole('region', { name: 'Extranet spare', exact: true });
      await spare.getByText('Saved the changes to Extranet spare.').waitFor();
      await spare.getByText(literally(`:${real.port}`)).waitFor();
      expect(await page.getByRole('region', { name: 'Extranet typo', exact: true }).count()).toBe(
        0,
      );

      // The first destination has a file awaiting its verdict: not removed, and the file named.
      const first = page.getByRole('region', { name: DESTINATION, exact: true });
      await first.getByRole('button', { name: 'Remove…' }).click();
      const refuse = page.getByRole('alertdialog', { name: `Remove ${DESTINATION}?` });
      await refuse.getByRole('button', { name: 'Remove', exact: true }).click();
      await refuse.getByText(`${NAME} (pending verification)`, { exact: false }).waitFor();
      await refuse.getByRole('button', { name: 'Cancel' }).click();
      await refuse.waitFor({ state: 'detached' });
      await first.getByRole('button', { name: 'Remove…' }).waitFor();

      // The one never used goes.
      await spare.getByRole('button', { name: 'Remove…' }).click();
      const remove = page.getByRole('alertdialog', { name: 'Remove Extranet spare?' });
      await remove.getByRole('button', { name: 'Remove', exact: true }).click();
      await page.getByText('Removed Extranet spare.', { exact: false }).waitFor();
      await spare.waitFor({ state: 'detached' });
      await first.getByRole('button', { name: 'Remove…' }).waitFor();
    });

    it('without a vault, asks for the group key when the upload is refused for want of it, holds it for the session and sends the file', async () => {
      const server = await env.startExtranet({
        users: [`${USER.username}:${USER.password}`],
        areas: [`${AREA}:${GROUP_KEY}`],
        verifyDelayMs: 600_000,
      });
      const app = await env.startApp(undefined, NO_VAULT);
      const page = await env.openPage(app.url);
      // Asked once at start for the audit passphrase, which can be skipped.
      const question = page.getByRole('alertdialog', { name: 'Audit passphrase' });
      await question.getByRole('button', { name: 'Skip' }).click();
      await question.waitFor({ state: 'detached' });
      await page.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' }).waitFor();
      await saveProvider(page, PROVIDER);
      await stepHeading(page, 'Step 2 of 3: Where you upload (optional)').waitFor();
      // The destination with its password (held for the session), and no group key.
      await page.getByRole('textbox', { name: 'Destination name' }).fill(DESTINATION);
      await page.getByRole('textbox', { name: 'Web address' }).fill(server.url);
      await page.getByRole('textbox', { name: 'Upload area' }).fill(AREA);
      await page.getByRole('textbox', { name: 'User name' }).fill(USER.username);
      await page.getByLabel('CA certificate (optional)').setInputFiles(server.ca);
      await page.getByText('Chosen: ca.pem').waitFor();
      await page.getByLabel('Password (optional)').fill(USER.password);
      await page.getByRole('button', { name: 'Save destination' }).click();
      await stepHeading(page, 'Step 3 of 3: Ready').waitFor();
      await page.getByRole('button', { name: 'Go to the dashboard' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

      await uploadFromThisComputer(page);
      const ask = page.getByRole('form', { name: `Group key for ${AREA}` });
      await ask.waitFor({ timeout: 20_000 });
      expect(await page.getByText(/returndesk |--[a-z]/).count()).toBe(0);
      await ask.getByLabel(`Group key for ${AREA}`).fill(GROUP_KEY);
      await ask.getByRole('button', { name: 'Keep it and retry' }).click();
      await uploadFinished(page);
      await page
        .getByText(/not remembered after ReturnDesk closes/i)
        .first()
        .waitFor();
      expect(await page.getByText(/returndesk |--[a-z]/).count()).toBe(0);
      expect(await serverAreaFiles(server, USER)).toEqual({ [AREA]: [NAME] });
    });
  },
);
