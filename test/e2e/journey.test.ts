// The journey a data officer takes with a change: an action plan approved, a change file built from
// the MIS extract (a broken record found in the preview and left out), finalised as NN 01, a second
// file previewed as NN 02 (fewer records than its row: warned, a reason asked; a reload continues
// its draft; "Start again" asks first), both batched, signed off, uploaded with progress, and
// accepted by the extranet; then HEFCE's updated outputs are recorded, the impact is not as
// expected, and the revised plan opens as a draft with the rows carried over.
// Browser mode in Chromium, a fresh data folder, the real Secret Service and the reference extranet.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import type { E2eEnv } from './support/env';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen } from './support/screens';
import {
  AREA,
  GROUP_KEY,
  USER,
  addPlanRow,
  createPlan,
  DESTINATION,
  firstRun,
  literally,
  back,
  loadExtract,
  next,
  submitAndApprove,
  wizardStep,
  writeExtract,
} from './support-journey/journey';

/** The stored file's text, exported with the command line into `dir`. */
async function storedFile(env: E2eEnv, dataDir: string, dir: string, name: string) {
  const out = await env.cli(dataDir, ['files', 'export', name, '--out', dir]);
  expect(out.code, out.stderr).toBe(0);
  return readFile(join(dir, name), 'latin1');
}

const HEADER = 'A01,A03,A05,A48a,A48b,A27,A11a';

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode: a change file from plan to accepted upload${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv({ secretService: true });

    it('takes a change from an approved plan row to accepted: a broken record is found in the preview and left out, NN 01 keeps its leading zeros, a second file is NN 02, and the signed-off batch is uploaded with progress and accepted', async () => {
      const server = await env.startExtranet({
        users: [`${USER.username}:${USER.password}`],
        areas: [`${AREA}:${GROUP_KEY}`],
        verifyDelayMs: 100,
        // Each request waits, so the queue is seen while it is still sending.
        faults: ['slow=150'],
      });
      const app = await env.startApp();
      const work = await env.tempDir();
      const page = await env.openPage(app.url);
      await firstRun(page, server);

      const planId = await createPlan(page, 'Learning start dates');
      await addPlanRow(page, {
        kind: 'CHANGE',
        description: 'Learning start dates (A27) corrected',
        fields: 'A27',
        records: '2',
        due: '2011-03-31',
      });
      await screenshot(page, 'journey-plan-draft');
      await submitAndApprove(page, planId);
      await screenshot(page, 'journey-plan-approved');

      const extract = await writeExtract(work, 'aims.csv', [
        HEADER,
        '012345,000012345678,01,,,01092010,105',
        '012345,000012345678,01,,,9.91E+12,105',
        '012345,000098765432,01,HNC,,15092010,107',
      ]);
      await openScreen(page, 'Amendment files', 'Amendment files');
      await page.getByRole('button', { name: 'New amendment file' }).click();
      await wizardStep(page, 'Choose the approved plan row').waitFor();
      await page.getByRole('radio', { name: /^Row 1: CHANGE/ }).check();
      await screenshot(page, 'journey-wizard-row');
      await next(page, /^Load the MIS extract/);
      await loadExtract(page, extract, 3);
      await screenshot(page, 'journey-wizard-extract');
      await next(page, /^Match columns/);
      await screenshot(page, 'journey-wizard-columns');
      await next(page, /^Choose the records/);
      await screenshot(page, 'journey-wizard-records');
      await next(page, /^Key, changed and checksum fields/);
      await screenshot(page, 'journey-wizard-fields');
      await next(page, /^Preview and check/);

      // The preview finds the broken record: Excel's exponent form and a repeated key, on line 14.
      const findings = page.getByRole('list', { name: 'Findings' });
      await findings.getByText('Line 14 (record 2), A27').waitFor();
      await expect
        .poll(() => findings.textContent(), { timeout: 5_000 })
        .toContain("A27 '9.91E+12' is in Excel's exponent form");
      expect(await findings.textContent()).toContain('AMD_DUPLICATE_KEY');
      await page
        .getByText('The file has errors: go back and correct them before going on.')
        .waitFor();
      // Next stays focusable (disabledFocusable) but is announced as disabled.
      expect(
        await page.getByRole('button', { name: 'Next', exact: true }).getAttribute('aria-disabled'),
      ).toBe('true');
      await screenshot(page, 'journey-wizard-preview-finding');

      // Back to Records: the broken record (extract row 3) is left out.
      for (const title of [/^Key, changed/, /^Choose the records/]) await back(page, title);
      const broken = page.getByRole('checkbox', { name: 'Include row 3' });
      await broken.uncheck();
      expect(await broken.isChecked()).toBe(false);
      await screenshot(page, 'journey-wizard-records-fixed');
      await next(page, /^Key, changed and checksum fields/);
      await next(page, /^Preview and check/);
      await page.getByText('Valid: every rule is met.').waitFor();
      expect(await findings.getByText(/^Line \d+/).count()).toBe(0);
      await screenshot(page, 'journey-wizard-preview-valid');

      await next(page, 'Finalise');
      await page.getByRole('button', { name: 'Finalise', exact: true }).click();
      await page.getByText('Finalised as chg012345A01.amd.').waitFor();
      await page.getByRole('button', { name: 'Save a copy… (chg012345A01.amd)' }).waitFor();
      await screenshot(page, 'journey-wizard-finalised-01');

      // The file keeps the extract's leading zeros and has only the two good records.
      const first = await storedFile(env, app.dataDir, work, 'chg012345A01.amd');
      const lines = first.split('\r\n');
      expect(lines[6]).toBe('2'); // line 7: the record count
      expect(lines.slice(11, 14)).toEqual([
        'A01,A03,A05,A48a,A48b,A27',
        '012345,000012345678,01,,,01092010',
        '012345,000098765432,01,HNC,,15092010',
      ]);

      // A second file for the same plan row takes the next NN.
      await page.getByRole('button', { name: 'Make another file' }).click();
      await wizardStep(page, 'Choose the approved plan row').waitFor();
      await page.getByRole('radio', { name: /^Row 1: CHANGE/ }).check();
      await next(page, /^Load the MIS extract/);
      const second = await writeExtract(work, 'aims-2.csv', [
        HEADER,
        '012345,000055555555,01,,,03092010,105',
      ]);
      await loadExtract(page, second, 1);
      for (const title of [/^Match columns/, /^Choose the records/, /^Key, changed/, /^Preview/])
        await next(page, title);
      await page.getByText('Valid: every rule is met.').waitFor();
      // The preview names the real file: NN 02, the next free one, not a placeholder.
      await page.getByText('NN 02', { exact: true }).waitFor();
      expect(await page.getByText('chg012345A02.amd').count()).toBeGreaterThan(0);
      expect(await page.getByText('Placeholder NN 01').count()).toBe(0);
      // The row is for 2 records and this file holds 1: said beside the row.
      await page.getByText('The row is for 2 records; the file holds 1 record (fewer).').waitFor();
      await screenshot(page, 'journey-wizard-row-vs-file');

      // A reload loses nothing: the draft kept in the history is offered and continued.
      await page.getByText('Draft kept in your history.').waitFor();
      await page.reload();
      await page.getByRole('button', { name: /^Continue the draft from / }).click();
      await wizardStep(page, /^Preview and check/).waitFor();
      await page.getByText('Valid: every rule is met.').waitFor();
      await page.getByText('NN 02', { exact: true }).waitFor();
      // "Start again" asks first; keeping on working keeps everything.
      await page.getByRole('button', { name: 'Start again…' }).click();
      const ask = page.getByRole('alertdialog', { name: 'Start again?' });
      await ask.waitFor();
      await screenshot(page, 'journey-wizard-start-again');
      await ask.getByRole('button', { name: 'Keep working' }).click();
      await next(page, 'Finalise');
      // One record against a row for two: finalising waits for the reason.
      const finalise = page.getByRole('button', { name: 'Finalise', exact: true });
      expect(await finalise.getAttribute('aria-disabled')).toBe('true');
      await page
        .getByRole('textbox', { name: /^Why does the file hold a different number of records/ })
        .fill('The other learner was corrected with the first file.');
      await finalise.click();
      await page.getByText('Finalised as chg012345A02.amd.').waitFor();
      await screenshot(page, 'journey-wizard-finalised-02');

      // A batch for the plan with both files, signed off.
      await openScreen(page, 'Batches', 'Batches');
      await page.getByRole('button', { name: 'Create a batch…' }).click();
      const create = page.getByRole('form', { name: 'Create a batch' });
      await create.getByLabel('Approved action plan').selectOption({ index: 1 });
      await create.getByRole('textbox', { name: 'Upload area' }).fill(AREA);
      await screenshot(page, 'journey-batch-create');
      await create.getByRole('button', { name: 'Create batch' }).click();
      await page.waitForURL(/#\/batches\/\d+$/);
      const batchId = Number(/#\/batches\/(\d+)$/.exec(page.url())?.[1]);
      const add = page.getByRole('form', { name: 'Add files to the batch' });
      await add.getByRole('button', { name: 'Choose all final files' }).click();
      await add.getByRole('button', { name: 'Add 2 files' }).click();
      await page.getByText('Added 2 files.', { exact: true }).waitFor();
      await page.getByRole('textbox', { name: 'Name of the person signing off' }).fill('Jo Bloggs');
      await screenshot(page, 'journey-batch-files');
      await page.getByRole('button', { name: 'Sign off batch' }).click();
      await page
        .getByText(`Batch ${batchId} is signed off by Jo Bloggs.`, { exact: false })
        .waitFor();
      await screenshot(page, 'journey-batch-signed-off');

      // The upload: asked to confirm, then each file's progress in the queue.
      await page.getByRole('button', { name: 'Upload…' }).click();
      await page.getByRole('heading', { level: 1, name: 'Uploads' }).waitFor();
      await screenshot(page, 'journey-upload-chooser');
      await page
        .getByRole('form', { name: 'Choose what to upload' })
        .getByRole('button', { name: 'Upload…' })
        .click();
      const confirm = page.getByRole('alertdialog', {
        name: `Are you sure you want to upload batch ${batchId} (2 files) for this submission?`,
      });
      await confirm.waitFor();
      expect(await confirm.getByRole('list', { name: 'Files to upload' }).textContent()).toContain(
        'chg012345A01.amd',
      );
      await screenshot(page, 'journey-upload-confirm');
      await confirm.getByRole('button', { name: 'Upload', exact: true }).click();
      const queue = page.getByRole('list', { name: 'Files in this upload' });
      await page.getByRole('heading', { level: 2, name: `Uploading to ${DESTINATION}` }).waitFor();
      await screenshot(page, 'journey-upload-in-progress');
      await page
        .getByText(/^Upload finished\. The receiver now checks each file/)
        .waitFor({ timeout: 20_000 });
      const bars = queue.getByRole('progressbar');
      expect(await bars.count()).toBe(2);
      for (const bar of await bars.all()) {
        expect(await bar.getAttribute('aria-valuenow')).toBe('1');
        expect(await bar.getAttribute('aria-valuetext')).toMatch(/^Sent: /);
      }
      await screenshot(page, 'journey-upload-done');

      // The verification arrives when the app is asked for it.
      const check = page.getByRole('button', { name: 'Check for verification results' });
      await expect
        .poll(
          async () => {
            await check.click();
            await expect.poll(() => check.getAttribute('aria-disabled')).not.toBe('true');
            return page.getByRole('row', { name: /chg012345A0[12]\.amd.*Accepted/ }).count();
          },
          { timeout: 20_000, interval: 250 },
        )
        .toBe(2);
      await screenshot(page, 'journey-upload-accepted');

      await openScreen(page, 'Amendment files', 'Amendment files');
      const files = page.getByRole('table', { name: 'Amendment files' });
      await files.getByRole('row').nth(2).waitFor();
      for (const [name, nn] of [
        ['chg012345A01.amd', '01'],
        ['chg012345A02.amd', '02'],
      ] as const) {
        const cells = files.getByRole('row', { name: literally(name) }).getByRole('cell');
        expect(await cells.nth(1).textContent()).toBe('Accepted');
        expect(await cells.nth(2).textContent()).toBe(nn);
      }
      await screenshot(page, 'journey-files-accepted');

      await openScreen(page, 'Dashboard', 'Dashboard');
      await page.getByRole('tab', { name: /^Previous \(/ }).click();
      const previous = page.getByRole('table', { name: 'Previous work' });
      // One row for the plan row, listing its files; the batch waits on Current (below).
      const planRow = previous.getByRole('row', { name: /plan \d+, reference 1: CHANGE/ });
      expect(await planRow.getByRole('cell').nth(1).textContent()).toContain(
        'chg012345A01.amd (accepted), chg012345A02.amd (accepted)',
      );
      expect(await planRow.getByRole('cell').nth(2).textContent()).toBe('Accepted');
      await screenshot(page, 'journey-dashboard-previous');

      // HEFCE's loop goes on after acceptance: the batch waits for HEFCE's updated outputs.
      await page.getByRole('tab', { name: /^Current \(/ }).click();
      const batchRow = page
        .getByRole('table', { name: 'Current work' })
        .getByRole('row', { name: new RegExp(`^Batch ${batchId} `) });
      expect(await batchRow.getByRole('cell').nth(2).textContent()).toBe(
        "Accepted: awaiting HEFCE's updated outputs",
      );
      await batchRow.getByRole('link').click();
      const outputs = page.getByRole('form', { name: 'Updated outputs' });
      await outputs.getByRole('button', { name: 'Record outputs available' }).click();
      // The outputs do not show the impact expected: a revised plan starts the process again.
      const impact = page.getByRole('form', { name: 'Impact of the amendments' });
      await impact.getByRole('radio', { name: /^No: not as expected/ }).check();
      await impact
        .getByRole('textbox', { name: /^What differed/ })
        .fill('Start dates of 2 learners unchanged in the outputs');
      await impact.getByRole('button', { name: 'Record not as expected' }).click();
      await page.waitForURL(/#\/plans\/\d+$/);
      const revisedId = Number(/#\/plans\/(\d+)$/.exec(page.url())?.[1]);
      expect(revisedId).not.toBe(planId);
      await page
        .getByText('This is the revised action plan, a draft with the rows carried over', {
          exact: false,
        })
        .waitFor();
      const facts = page.getByRole('region', { name: 'About this plan' });
      expect(await facts.getByText('Draft', { exact: true }).count()).toBe(1);
      const carried = page
        .getByRole('table', { name: `Rows of plan ${revisedId}` })
        .getByRole('row')
        .nth(1)
        .getByRole('cell');
      expect(await carried.nth(1).textContent()).toBe('Learning start dates (A27) corrected');
      expect(await carried.nth(3).textContent()).toBe('A27');
      await screenshot(page, 'journey-revised-plan-after-outputs');
    });
  },
);
