// One account, two areas: in Settings the data officer adds the ILR amendment upload area (with its
// group key) to the extranet destination, then uploads a file from this computer and chooses that
// area in the confirmation; the server has it in that area, and the receipt names it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, chromiumAvailable } from './support/app';
import { useE2eEnv } from './support/env';
import { serverAreaFiles } from './support/extranet';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen } from './support/screens';
import { AREA, DESTINATION, GROUP_KEY, USER, firstRun } from './support-journey/journey';

const ILR_AREA = 'ILR amendment upload area';
const ILR_KEY = '9LON-XV33-2PYZ-EN8S';
const NAME = 'chg012345A01.amd';
const GOLDEN = join(REPO_ROOT, 'test', 'fixtures', 'golden', NAME);

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode: a destination with two areas${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv({ secretService: true });

    it('adds a second area in Settings and sends a file there, chosen in the upload confirmation', async () => {
      const server = await env.startExtranet({
        users: [`${USER.username}:${USER.password}`],
        areas: [`${AREA}:${GROUP_KEY}`, `${ILR_AREA}:${ILR_KEY}`],
        verifyDelayMs: 600_000,
      });
      const app = await env.startApp();
      const page = await env.openPage(app.url);
      await firstRun(page, server);

      await openScreen(page, 'Settings', 'Settings');
      const card = page.getByRole('region', { name: DESTINATION, exact: true });
      await card.getByRole('button', { name: 'Add an area…' }).click();
      const add = card.getByRole('form', { name: `Add an upload area to ${DESTINATION}` });
      await add.getByRole('textbox', { name: 'Upload area' }).fill(ILR_AREA);
      await add.getByLabel('Group key').fill(ILR_KEY);
      await add.getByRole('button', { name: 'Add area' }).click();
      await card.getByRole('status').getByText(`Area “${ILR_AREA}” added.`).waitFor();
      const areas = card.getByRole('list', { name: `Upload areas of ${DESTINATION}` });
      await expect
        .poll(() => areas.getByRole('listitem').allTextContents())
        .toEqual([
          `${AREA} (group key stored)Remove area…`,
          `${ILR_AREA} (group key stored)Remove area…`,
        ]);

      // One password reaches both areas.
      await card.getByRole('button', { name: 'Test connection' }).click();
      await card
        .getByRole('status')
        .getByText(`Connected: signed in and reached the upload areas "${AREA}", "${ILR_AREA}".`)
        .waitFor();

      await openScreen(page, 'Uploads', 'Uploads');
      const chooser = page.getByRole('form', { name: 'Choose what to upload' });
      await chooser.getByRole('radio', { name: 'Files from this computer' }).check();
      await chooser.getByLabel('Choose the files').setInputFiles(GOLDEN);
      await chooser.getByRole('button', { name: 'Upload…' }).click();
      const confirm = page.getByRole('alertdialog', {
        name: `Are you sure you want to upload “${NAME}” for this submission?`,
      });
      const area = confirm.getByRole('combobox', { name: 'Upload area' });
      expect(await area.inputValue()).toBe(AREA);
      await area.selectOption(ILR_AREA);
      await confirm.getByRole('button', { name: 'Upload', exact: true }).click();
      await page
        .getByText(/^Upload finished\. The receiver now checks each file/)
        .waitFor({ timeout: 20_000 });

      // Both areas were joined by the test; only the chosen one holds the file.
      expect(await serverAreaFiles(server, USER)).toEqual({ [AREA]: [], [ILR_AREA]: [NAME] });
      const receipt = page.getByRole('row', { name: new RegExp(NAME.replace('.', '\\.')) }).first();
      expect(await receipt.textContent()).toContain(ILR_AREA);
    });
  },
);
