// A draft action plan's rows proposed from the data: the extract as returned and the corrected one
// chosen in the plan, compared, and the proposed rows (kind, fields named, record counts) added.
// Then, the plan approved, the new-file wizard compares the corrected extract it loaded with the
// data as returned: duplicate keys stop the records step, and once they are gone the changed
// records (old → new) make the change file, which keeps which two extracts it came from. A reload
// after comparing loses nothing: the draft continued shows the same comparison.
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CORRECTED_CSV, RETURNED_CSV } from '../support/compare-pair';
import { chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen } from './support/screens';
import {
  createPlan,
  firstRun,
  loadExtract,
  next,
  submitAndApprove,
  wizardStep,
} from './support-journey/journey';

/** The pair without learners 5 and 8, whose keys are on more than one record. */
const unique = (csv: string) =>
  csv
    .split('\r\n')
    .filter((l) => !/00000000000[58],/.test(l))
    .join('\r\n');

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode: plan rows from a comparison${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv();

    it('compares the two extracts, adds the rows they call for, and makes the change file from them in the wizard', async () => {
      const app = await env.startApp();
      const work = await env.tempDir();
      const returned = join(work, 'returned.csv');
      const corrected = join(work, 'corrected.csv');
      await writeFile(returned, RETURNED_CSV);
      await writeFile(corrected, CORRECTED_CSV);
      const returnedUnique = join(work, 'returned-unique.csv');
      const correctedUnique = join(work, 'corrected-unique.csv');
      await writeFile(returnedUnique, unique(RETURNED_CSV));
      await writeFile(correctedUnique, unique(CORRECTED_CSV));
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
      // The plan is read again after the notice: wait for both rows before reading the table.
      await table.getByRole('row').nth(2).waitFor();
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

      // The wizard, for the change row: the corrected extract loaded, then the data as returned.
      await submitAndApprove(page, planId);
      await openScreen(page, 'Amendment files', 'Amendment files');
      await page.getByRole('button', { name: 'New amendment file' }).click();
      await wizardStep(page, 'Choose the approved plan row').waitFor();
      await page.getByRole('radio', { name: /^Row 1: CHANGE/ }).check();
      await next(page, /^Load the MIS extract/);
      await loadExtract(page, correctedUnique, 5);
      await next(page, /^Match columns/);
      await next(page, /^Choose the records/);
      const compareWith = async (path: string) => {
        await page.getByRole('button', { name: 'Compare with the data as returned…' }).click();
        await page.getByLabel('Data as returned (CSV)').setInputFiles(path);
        await page.getByRole('button', { name: 'Compare', exact: true }).click();
      };
      // Learner 5 is twice in the data as returned: the step stops, naming the key.
      const comparedRegion = page.getByRole('region', {
        name: 'Compared with the data as returned',
      });
      await compareWith(returned);
      await comparedRegion
        .getByText(
          'A key is on more than one record, so those records cannot be matched: A01=012345 A03=000000000005 A05=01 A48a=HNC A48b="" (records 5, 6 of the data as returned).',
          { exact: false },
        )
        .waitFor();
      expect(
        await page.getByRole('button', { name: 'Next', exact: true }).getAttribute('aria-disabled'),
      ).toBe('true');
      await page
        .getByRole('button', { name: 'Stop comparing and choose the records myself' })
        .click();

      await compareWith(returnedUnique);
      const key = (n: number) => `A01=012345 A03=00000000000${n} A05=01 A48a="" A48b=""`;
      const expectCompared = async () => {
        await comparedRegion
          .getByText(
            'returned-unique.csv (as returned) and corrected-unique.csv (corrected): 3 changed, 1 added, 1 deleted, 1 unchanged.',
            { exact: false },
          )
          .waitFor();
        const changed = comparedRegion.getByRole('table', { name: 'Changed records' });
        const lines = await changed.getByRole('row').all();
        const shown = await Promise.all(
          lines.slice(1).map((r) => r.getByRole('cell').allTextContents()),
        );
        expect(shown).toEqual([
          [key(2), 'A27', '01092010 → 15092010'],
          [key(3), 'A09', '60012345 → 50087876'],
          ['', 'A11a', '105 → 107'],
          [key(6), 'A27', '1092010 → 01092010'],
        ]);
        await comparedRegion
          .getByText(
            'The change file will hold the 3 changed records, with A27, A09, A11a as the fields being changed.',
          )
          .waitFor();
      };
      await expectCompared();
      await screenshot(page, 'journey-wizard-compare');

      // A reload loses nothing: the draft keeps the data as returned beside the corrected extract,
      // and continuing it compares the two again.
      await page.getByText('Draft kept in your history.').waitFor();
      await page.reload();
      await page
        .getByText('extract corrected-unique.csv; data as returned returned-unique.csv', {
          exact: false,
        })
        .waitFor();
      await page.getByRole('button', { name: /^Continue the draft from / }).click();
      await wizardStep(page, /^Choose the records/).waitFor();
      await expectCompared();

      await next(page, /^Key, changed and checksum fields/);
      await next(page, /^Preview and check/);
      await page
        .getByText(/^Valid/)
        .first()
        .waitFor();
      await next(page, 'Finalise');
      await page.getByRole('button', { name: 'Finalise', exact: true }).click();
      await page.getByText('Finalised as chg012345A01.amd.').waitFor();

      // The file holds exactly the changed records, and says which two extracts they came from.
      await page.getByRole('link', { name: 'chg012345A01.amd' }).click();
      await page.getByText(/^returned-unique\.csv, SHA-256 [0-9a-f]{64}$/).waitFor();
      await page.getByText(/^corrected-unique\.csv, SHA-256 [0-9a-f]{64}$/).waitFor();
      const text = page.getByRole('region', { name: 'Text and check' });
      for (const n of [2, 3, 6]) await text.getByText(`012345,00000000000${n},01,`).waitFor();
      for (const n of [1, 4, 7])
        expect(await text.getByText(`012345,00000000000${n},01,`).count()).toBe(0);
      expect(await text.getByText('A27,A09,A11a', { exact: true }).count()).toBe(1);
    });
  },
);
