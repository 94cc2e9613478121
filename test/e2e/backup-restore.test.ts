// Settings: what a backup holds is shown before it is restored, and again in the confirmation;
// the history it replaced is kept as a backup of its own.
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen } from './support/screens';

describe.skipIf(!chromiumAvailable)(
  `Settings: restoring a backup${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv();

    it('shows what each backup holds, asks with those counts, and names the safety backup', async () => {
      const app = await env.startApp();
      const cli = async (args: string[]) => {
        const r = await env.cli(app.dataDir, args);
        expect(r.code, r.stderr).toBe(0);
        return r.stdout;
      };
      // The first command makes the day's automatic backup of the empty history.
      await cli(['provider', 'add', '--upin', '012345', '--name', 'Riverside College']);
      const { name } = JSON.parse(await cli(['backup', '--json'])) as { name: string };
      await cli(['provider', 'add', '--upin', '054321', '--name', 'Added after the backup']);
      const daily = (JSON.parse(await cli(['backups', '--json'])) as { name: string }[]).find((b) =>
        /^returndesk-\d{4}-\d{2}-\d{2}\.db$/.test(b.name),
      )!.name;

      const page = await env.openPage(app.url);
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await openScreen(page, 'Settings', 'Settings');
      const row = (n: string) =>
        page.getByRole('row', { name: new RegExp(n.replace(/\./g, '\\.')) });

      await row(daily).getByRole('button', { name: "What's in it" }).click();
      await page.getByText(/It holds no data at all/).waitFor();
      await row(name).getByRole('button', { name: "What's in it" }).click();
      await page
        .getByText(/It holds 1 provider, 0 action plans, 0 files, 0 uploads; newest audit entry/)
        .waitFor();

      await row(name).getByRole('button', { name: 'Restore…' }).click();
      const confirm = page.getByRole('alertdialog');
      await confirm.getByText(/It holds 1 provider, 0 action plans/).waitFor();
      await screenshot(page, 'settings-restore-confirm-light');
      await confirm.getByRole('button', { name: 'Restore this backup' }).click();
      await page
        .getByText(
          new RegExp(
            `Restored ${name}\\. The history as it was just before is kept as returndesk-before-restore-`,
          ),
        )
        .waitFor();
      const providers = JSON.parse(await cli(['provider', 'list', '--json'])) as unknown[];
      expect(providers).toHaveLength(1);
    });
  },
);
