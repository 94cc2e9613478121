// A file the receiver rejects: an amendment file whose line 7 (the record count) was edited by
// hand is uploaded from disk, the extranet's verification fails with RECORD_COUNT, and the app
// shows the server's own words, what to do next, and "Failed validation" on the dashboard.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen } from './support/screens';
import { AREA, GROUP_KEY, USER, firstRun, literally } from './support-journey/journey';

const NAME = 'chg012345A01.amd';
const GOLDEN = join(REPO_ROOT, 'test', 'fixtures', 'golden', NAME);

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode: an upload the receiver rejects${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv({ secretService: true });

    it("shows a RECORD_COUNT rejection with the server's message and what to do, and the dashboard's Current tab says Failed validation", async () => {
      const server = await env.startExtranet({
        users: [`${USER.username}:${USER.password}`],
        areas: [`${AREA}:${GROUP_KEY}`],
        verifyDelayMs: 100,
      });
      const app = await env.startApp();
      const work = await env.tempDir();
      const page = await env.openPage(app.url);
      await firstRun(page, server);

      // The golden file has 3 records; line 7 is changed by hand to say 4.
      const lines = (await readFile(GOLDEN, 'latin1')).split('\r\n');
      expect(lines[6]).toBe('3');
      lines[6] = '4';
      const edited = join(work, NAME);
      await writeFile(edited, lines.join('\r\n'), 'latin1');

      await openScreen(page, 'Uploads', 'Uploads');
      const chooser = page.getByRole('form', { name: 'Choose what to upload' });
      await chooser.getByRole('radio', { name: 'Files from this computer' }).check();
      await chooser.getByLabel('Choose the files').setInputFiles(edited);
      await screenshot(page, 'journey-failure-chooser');
      await chooser.getByRole('button', { name: 'Upload…' }).click();
      const confirm = page.getByRole('alertdialog', {
        name: `Are you sure you want to upload “${NAME}” for this submission?`,
      });
      await confirm.waitFor();
      await screenshot(page, 'journey-failure-confirm');
      await confirm.getByRole('button', { name: 'Upload', exact: true }).click();
      await page
        .getByText(/^Upload finished\. The receiver now checks each file/)
        .waitFor({ timeout: 20_000 });

      // The receiver's verdict arrives when the app asks for it.
      const why = page.getByRole('group', { name: `Why ${NAME} failed` });
      const check = page.getByRole('button', { name: 'Check for verification results' });
      await expect
        .poll(
          async () => {
            await check.click();
            await expect.poll(() => check.getAttribute('aria-disabled')).not.toBe('true');
            return why.count();
          },
          { timeout: 20_000, interval: 250 },
        )
        .toBe(1);
      expect(await why.textContent()).toContain(
        'Line 7 says the file has 4 records, but it has 3.',
      );
      expect(await why.textContent()).toContain(
        'What to do: Line 7 does not match the number of records.',
      );
      await screenshot(page, 'journey-failure-receipt');

      await openScreen(page, 'Dashboard', 'Dashboard');
      const current = page.getByRole('table', { name: 'Current work' });
      const row = current.getByRole('row', { name: literally(NAME) });
      expect(await row.getByRole('cell').nth(2).textContent()).toBe('Failed validation');
      await screenshot(page, 'journey-failure-dashboard');
    });
  },
);
