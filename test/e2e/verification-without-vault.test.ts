// Verification results on a computer whose credential vault cannot be read: a batch the reference
// extranet has already accepted is never called "still being checked". The app says it cannot
// check for want of a password, asks for it on the spot, holds it for this session only (and says
// so), and then shows the batch accepted.
import { describe, expect, it } from 'vitest';
import { serverUploadStatus } from './support/extranet';
import { chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen } from './support/screens';
import { addDestination, cliFor } from '../integration/upload/support/cli';
import type { ReceiptJson } from '../integration/upload/support/cli';
import { DEMO, GUA, GUA_KEY } from '../integration/upload/support/env';
import { UPIN, YEAR, buildFromPlan, seedApprovedPlan } from '../integration/upload/support/history';

/** A session bus where nothing listens: the Secret Service, and so every password, out of reach. */
const NO_VAULT = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
const DESTINATION = 'hefce';

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode without a credential vault${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv({ secretService: true });
    const cli = cliFor(env.service);

    it('says it cannot check an accepted batch for want of a password and asks for it, never "still being checked"; with the password given it shows the batch accepted', async () => {
      const server = await env.startExtranet({
        users: [`${DEMO.username}:${DEMO.password}`],
        areas: [`${GUA}:${GUA_KEY}`],
        verifyDelayMs: 100,
      });
      // The history: a signed-off batch uploaded while the vault still worked.
      const data = await env.tempDir();
      const planId = seedApprovedPlan(data);
      const built = await buildFromPlan(cli, data, planId, await env.tempDir());
      await addDestination(cli, data, server, { name: DESTINATION });
      const batch = await cli.json<{ id: number }>(data, [
        'batch',
        'create',
        '--provider',
        UPIN,
        '--year',
        YEAR,
        '--plan',
        String(planId),
      ]);
      await cli.json(data, ['batch', 'add', '--batch', String(batch.id), built.name]);
      await cli.json(data, ['batch', 'sign-off', '--batch', String(batch.id), '--by', 'Jo Bloggs']);
      const [receipt] = await cli.json<ReceiptJson[]>(data, [
        'upload',
        '--destination',
        DESTINATION,
        '--batch',
        String(batch.id),
      ]);
      // The receiver has its verdict before the app is asked.
      await expect
        .poll(() => serverUploadStatus(server, DEMO, receipt?.uploadId ?? ''), { timeout: 15_000 })
        .toBe('accepted');

      // Now the vault cannot be read: the app has no password for the destination.
      const app = await env.startApp(data, NO_VAULT);
      const page = await env.openPage(app.url);
      // Asked once at start for the audit passphrase, which can be skipped: said to be unproven.
      const question = page.getByRole('alertdialog', { name: 'Audit passphrase' });
      await question.getByText(/changes this session are hash-chained only/).waitFor();
      await question.getByRole('button', { name: 'Skip' }).click();
      await question.waitFor({ state: 'detached' });
      await page.getByRole('table', { name: 'Current work' }).waitFor();
      // Its plan row was due long ago, but the file is with the receiver: not "Overdue".
      await page
        .getByRole('row')
        .filter({ hasText: `plan ${planId}, reference 1` })
        .getByText('Uploaded, awaiting verification')
        .waitFor();
      const check = page.getByRole('button', { name: 'Check for verification results' });
      await check.click();
      const said = page.getByText(`Cannot check: no password for ${DESTINATION}.`);
      await said.waitFor();
      expect(await page.getByText(/still being checked/).count()).toBe(0);
      const ask = page.getByRole('form', { name: `Password for ${DESTINATION}` });
      await ask.waitFor();
      await screenshot(page, 'verification-without-vault-asks');

      await ask.getByLabel(`Password for ${DESTINATION}`).fill(DEMO.password);
      await ask.getByRole('button', { name: 'Check with this password' }).click();
      await page
        .getByText(/not remembered after ReturnDesk closes/)
        .first()
        .waitFor();
      await page.getByText(`${built.name} was accepted`, { exact: true }).waitFor();
      await page
        .getByText(/^Asked hefce about 1 upload pending verification: 1 new result/)
        .waitFor();
      expect(await page.getByText(/still being checked/).count()).toBe(0);
      expect(await said.count()).toBe(0);

      // The batch is accepted: on the dashboard's Current tab, awaiting HEFCE's updated outputs
      // (the guide's loop goes on after acceptance), and on Uploads.
      await page.getByRole('tab', { name: /^Current/ }).click();
      await page
        .getByRole('row')
        .filter({ hasText: `Batch ${batch.id} - ${UPIN} ${YEAR}` })
        .getByText("Accepted: awaiting HEFCE's updated outputs")
        .waitFor();
      await openScreen(page, 'Uploads', 'Uploads');
      await page
        .getByRole('row')
        .filter({ hasText: built.name })
        .getByText('Accepted', { exact: true })
        .waitFor();
      await screenshot(page, 'verification-without-vault-accepted');
    });
  },
);
