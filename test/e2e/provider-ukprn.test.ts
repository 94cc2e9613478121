// A provider added without a UKPRN gets one in Settings, as ILR XML amendment files need it: a
// wrong value is refused in the field, a right one is kept in the history.
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen } from './support/screens';

describe.skipIf(!chromiumAvailable)(
  `Settings: a provider's UKPRN${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv();

    it('sets the UKPRN of a provider added without one, refusing a value that is not eight digits', async () => {
      const app = await env.startApp();
      const added = await env.cli(app.dataDir, [
        'provider',
        'add',
        '--upin',
        '012345',
        '--name',
        'Riverside College',
      ]);
      expect(added.code, added.stderr).toBe(0);
      const page = await env.openPage(app.url);
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      await openScreen(page, 'Settings', 'Settings');

      await page.getByRole('button', { name: 'Set the UKPRN of Riverside College' }).click();
      const field = page.getByRole('textbox', { name: /UKPRN of Riverside College/ });
      await field.fill('1000123');
      await page.getByRole('button', { name: 'Save UKPRN' }).click();
      await page.getByText('The UKPRN must be eight digits.').waitFor();
      await screenshot(page, 'settings-ukprn-refused-light');

      await field.fill('10001234');
      await page.getByRole('button', { name: 'Save UKPRN' }).click();
      await page.getByText('Riverside College now has UKPRN 10001234.').waitFor();
      // The list reloads when the history says it changed, a moment after the notice.
      await page
        .getByRole('button', { name: 'Set the UKPRN of Riverside College' })
        .waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: '10001234' }).waitFor();

      const list = await env.cli(app.dataDir, ['provider', 'list', '--json']);
      expect(JSON.parse(list.stdout)).toEqual([
        expect.objectContaining({ upin: '012345', ukprn: '10001234' }),
      ]);
    });
  },
);
