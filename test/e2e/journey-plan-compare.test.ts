// A draft action plan's rows proposed from the data: the extract as returned and the corrected one
// chosen in the plan, compared, and the proposed rows (kind, fields named, record counts) added.
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CORRECTED_CSV, RETURNED_CSV } from '../support/compare-pair';
import { chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import { SKIPPED_WITHOUT_CHROMIUM } from './support/screens';
import { createPlan, firstRun } from './support-journey/journey';

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode: plan rows from a comparison${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv();

    it('compares the two extracts and adds the rows they call for to the draft plan', async () => {
      const app = await env.startApp();
      const work = await env.tempDir();
      const returned = join(work, 'returned.csv');
      const corrected = join(work, 'corrected.csv');
      await writeFile(returned, RETURNED_CSV);
      await writeFile(corrected, CORRECTED_CSV);
      const page = await env.openPage(app.url);
      await firstRun(page);
      const planId = await createPlan(page, 'Corrections worked out from the data');

      await page.getByRole('button', { name: 'Propose rows from the data…' }).click();
      const form = page.getByRole('region', { name: 'Propose rows from a comparison' });
      await form.getByLabel('Extract as returned').setInputFiles(returned);
      await form.getByLabel('Corrected extract').setInputFiles(corrected);
      await form.getByRole('button', { name: 'Compare' }).click();
      await form
        .getByText(
          'returned.csv and corrected.csv: 3 changed, 1 added, 1 deleted, 1 unchanged. 2 keys are on more than one record; those records are not counted.',
        )
        .waitFor();
      // The deletion is left for another plan.
      await form.getByRole('checkbox', { name: /^DELETE:/ }).uncheck();
      await form.getByRole('textbox', { name: 'Due' }).fill('31/03/2011');
      await screenshot(page, 'journey-plan-compare');
      await form.getByRole('button', { name: 'Add 2 rows to the plan' }).click();
      await page.getByText('Added 2 rows.').waitFor();

      const table = page.getByRole('table', { name: `Rows of plan ${planId}` });
      const rows = await table.getByRole('row').all();
      const cells = await Promise.all(
        rows.slice(1).map(async (r) => (await r.getByRole('cell').allTextContents()).slice(0, 6)),
      );
      expect(cells).toEqual([
        [
          '1',
          'Learning aim (A) fields A27, A09, A11a corrected (3 records)',
          'CHANGE',
          'A27, A09, A11a',
          '3',
          '31/03/2011',
        ],
        [
          '2',
          'Learning aim (A) records missing from the return added (1 record)',
          'ADD',
          'All fields',
          '1',
          '31/03/2011',
        ],
      ]);
    });
  },
);
