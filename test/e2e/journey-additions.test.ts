// An addition of new learners (T=3): one plan row makes a set of three files, learner, learning
// aim and HE, built from three extracts in one pass of the wizard and finalised with one NN. An
// addition of aims none of which is HE (T=2 without HE): the set is its learning aim file alone.
import { describe, expect, it } from 'vitest';
import type { DataSet } from '../../shared/amd';
import { catalogueFor } from '../../shared/ilr/catalogue';
import { chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen } from './support/screens';
import {
  AREA,
  GROUP_KEY,
  USER,
  addPlanRow,
  createPlan,
  firstRun,
  literally,
  loadExtract,
  next,
  submitAndApprove,
  wizardStep,
  writeExtract,
} from './support-journey/journey';

// An addition carries every field of the year's data set, most of them blank here.
const VALUES: Record<DataSet, Record<string, string>> = {
  L: { L01: '012345', L03: '000000000101', L05: '1' },
  A: { A01: '012345', A03: '000000000101', A05: '01' },
  H: { H01: '012345', H03: '000000000101', H05: '1', H09: '1' },
};
function extract(d: DataSet): string[] {
  const codes = catalogueFor('2010-11')?.dataSets[d].fields.map((f) => f.code) ?? [];
  expect(codes.length).toBeGreaterThan(3);
  return [codes.join(','), codes.map((c) => VALUES[d][c] ?? '').join(',')];
}
const NAMES = { L: 'learner', A: 'learning aim', H: 'HE' } as const;

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode: an addition set of new learners${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv({ secretService: true });

    /** The app after its first run, with an approved plan of one ADD row chosen in the wizard. */
    async function approvedAdditionRow(title: string, description: string) {
      const server = await env.startExtranet({
        users: [`${USER.username}:${USER.password}`],
        areas: [`${AREA}:${GROUP_KEY}`],
      });
      const app = await env.startApp();
      const work = await env.tempDir();
      const page = await env.openPage(app.url);
      await firstRun(page, server);
      const planId = await createPlan(page, title);
      await addPlanRow(page, { kind: 'ADD', description, records: '1', due: '2011-03-31' });
      await submitAndApprove(page, planId);
      await openScreen(page, 'Amendment files', 'Amendment files');
      await page.getByRole('button', { name: 'New amendment file' }).click();
      await wizardStep(page, 'Choose the approved plan row').waitFor();
      await page.getByRole('radio', { name: /^Row 1: ADD/ }).check();
      return { page, work };
    }

    it('builds a T=3 addition as three files, L, A and H, finalised together with one NN 01', async () => {
      const { page, work } = await approvedAdditionRow(
        'Learners left out',
        'Learners omitted from the original return',
      );
      await page.getByRole('radio', { name: /^T=3: new learners/ }).check();
      await screenshot(page, 'journey-addition-row');

      for (const d of ['L', 'A', 'H'] as const) {
        const of = ` – ${NAMES[d]} (${d}) file`;
        await next(page, `Load the MIS extract${of}`);
        await loadExtract(page, await writeExtract(work, `${d}.csv`, extract(d)), 1);
        await next(page, `Match columns to ILR fields${of}`);
        await next(page, `Choose the records${of}`);
        await next(page, `Fields and checksum${of}`);
        await next(page, `Preview and check${of}`);
        await page.getByText(`add012345${d}301.amd`, { exact: true }).waitFor();
        await page.getByText('Valid: every rule is met.').waitFor();
        await screenshot(page, `journey-addition-preview-${d}`);
      }

      await next(page, 'Finalise');
      const table = page.getByRole('table', { name: 'Files to finalise' });
      await page.getByRole('button', { name: 'Finalise', exact: true }).click();
      await page.getByText('All 3 files of the set are finalised with NN 01.').waitFor();
      for (const d of ['L', 'A', 'H'])
        await table.getByRole('link', { name: `add012345${d}301.amd` }).waitFor();
      await screenshot(page, 'journey-addition-finalised');

      await openScreen(page, 'Amendment files', 'Amendment files');
      const files = page.getByRole('table', { name: 'Amendment files' });
      for (const d of ['L', 'A', 'H']) {
        const row = files.getByRole('row', { name: literally(`add012345${d}301.amd`) });
        expect(await row.getByRole('cell').nth(2).textContent()).toBe('01');
      }
      await screenshot(page, 'journey-addition-files');
    });

    it('builds a T=2 addition of aims none of which is HE as its A file alone, finalised with NN 01', async () => {
      const { page, work } = await approvedAdditionRow(
        'Aims left out',
        'Aims of existing learners omitted from the original return',
      );
      await page.getByRole('radio', { name: /^T=2: new learning aims/ }).check();
      const he = page.getByRole('checkbox', { name: /^Some of the learning aims are HE aims/ });
      expect(await he.isChecked()).toBe(true);
      await he.uncheck();
      await screenshot(page, 'journey-addition-no-he-row');

      const of = ' – learning aim (A) file';
      await next(page, `Load the MIS extract${of}`);
      await loadExtract(page, await writeExtract(work, 'A.csv', extract('A')), 1);
      await next(page, `Match columns to ILR fields${of}`);
      await next(page, `Choose the records${of}`);
      await next(page, `Fields and checksum${of}`);
      await next(page, `Preview and check${of}`);
      await page.getByText('add012345A201.amd', { exact: true }).waitFor();
      await page.getByText('Valid: every rule is met.').waitFor();
      // After the A file comes finalising: no HE file is asked for.
      await next(page, 'Finalise');
      const table = page.getByRole('table', { name: 'Files to finalise' });
      expect(await table.getByRole('row').count()).toBe(2);
      await page.getByRole('button', { name: 'Finalise', exact: true }).click();
      await page.getByText('Finalised as add012345A201.amd.').waitFor();
      await screenshot(page, 'journey-addition-no-he-finalised');

      await openScreen(page, 'Amendment files', 'Amendment files');
      const files = page.getByRole('table', { name: 'Amendment files' });
      const row = files.getByRole('row', { name: literally('add012345A201.amd') });
      expect(await row.getByRole('cell').nth(2).textContent()).toBe('01');
      expect(await files.getByRole('row', { name: /add012345H2/ }).count()).toBe(0);
    });
  },
);
