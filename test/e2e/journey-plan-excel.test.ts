// An action plan leaves ReturnDesk as HEFCE's Excel workbook and comes back the same: exported
// through the browser's download, imported through the plan import form, every row identical. The
// e-mail it was sent with is kept with its submission and saved back out byte for byte.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen } from './support/screens';
import { addPlanRow, createPlan, firstRun } from './support-journey/journey';

/**
 * Every row of the plan's rows table as its cells' text, the last (Actions) column left out, once
 * the table shows `rows` rows besides its header (a row just added is on screen a moment after
 * its notice).
 */
async function planRows(page: Page, planId: number, rows: number): Promise<string[][]> {
  const table = page.getByRole('table', { name: `Rows of plan ${planId}` });
  await table.getByRole('row').nth(rows).waitFor();
  const all = await table.getByRole('row').all();
  return Promise.all(
    all.map(async (row, i) =>
      (await row.getByRole(i === 0 ? 'columnheader' : 'cell').allTextContents())
        .slice(0, -1)
        .map((t) => t.trim()),
    ),
  );
}

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode: an action plan through Excel and back${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv({ secretService: true });

    it('exports a plan to .xlsx and imports the workbook as a new draft plan with identical rows', async () => {
      const app = await env.startApp();
      const work = await env.tempDir();
      const page = await env.openPage(app.url);
      await firstRun(page);

      const planId = await createPlan(page, 'Corrections for Excel');
      await addPlanRow(page, {
        kind: 'CHANGE',
        description: 'Highest qualification on entry (L35) returned as not known',
        fields: 'L35, L36',
        records: '12',
        due: '2011-03-31',
      });
      await addPlanRow(page, {
        kind: 'DELETE',
        description: 'Aims entered twice for the same learner',
        records: '3',
        due: '2011-04-15',
      });
      const original = await planRows(page, planId, 2);
      expect(original.slice(1)).toEqual([
        [
          '1',
          'Highest qualification on entry (L35) returned as not known',
          'CHANGE',
          'L35, L36',
          '12',
          '31/03/2011',
        ],
        ['2', 'Aims entered twice for the same learner', 'DELETE', 'All fields', '3', '15/04/2011'],
      ]);
      await screenshot(page, 'journey-excel-plan');

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        page.getByRole('button', { name: 'Export to Excel (.xlsx)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = join(work, download.suggestedFilename());
      await download.saveAs(workbook);
      await page.getByText(`Exported ${download.suggestedFilename()}.`).waitFor();

      // Sent to HEFCE with an e-mail, kept as evidence; the copy saved from the steps is the same.
      const mail = join(work, 'sent to HEFCE.eml');
      // Ending in bytes that are not UTF-8, to show nothing is decoded on the way.
      const mailBytes = Buffer.concat([
        Buffer.from('Subject: Action plan\r\n\r\nAttached: the workbook.\r\n'),
        Buffer.from([0xa3, 0x00, 0xff]),
      ]);
      await writeFile(mail, mailBytes);
      await page.getByRole('button', { name: 'Mark as submitted…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('E-mail or letter (optional)').setInputFiles(mail);
      await dialog.getByRole('button', { name: 'Mark as submitted', exact: true }).click();
      await page.getByText(`Plan ${planId}: marked as submitted on`, { exact: false }).waitFor();
      const [evidence] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        page.getByRole('button', { name: 'Save a copy of sent to HEFCE.eml' }).click(),
      ]);
      expect(evidence.suggestedFilename()).toBe('sent to HEFCE.eml');
      const saved = join(work, 'saved.eml');
      await evidence.saveAs(saved);
      expect(await readFile(saved)).toEqual(mailBytes);

      await openScreen(page, 'Action plans', 'Action plans');
      await page.getByRole('button', { name: 'Import a plan from Excel…' }).click();
      const form = page.getByRole('form', { name: 'Import an action plan' });
      await form.getByRole('textbox', { name: 'ILR year' }).fill('2010-11');
      await form.getByLabel('Action plan workbook (.xlsx)').setInputFiles(workbook);
      await screenshot(page, 'journey-excel-import-form');
      await form.getByRole('button', { name: 'Import plan' }).click();
      await page.waitForURL(new RegExp(`#/plans/(?!${planId}$)\\d+$`));
      const importedId = Number(/#\/plans\/(\d+)$/.exec(page.url())?.[1]);
      await page
        .getByText(`Imported the workbook as plan ${importedId}, a draft with 2 rows`, {
          exact: false,
        })
        .waitFor();
      expect(await planRows(page, importedId, 2)).toEqual(original);
      await screenshot(page, 'journey-excel-imported');
    });
  },
);
