// The 2011-12 journey: amendments are whole ILR 'A'/'B' XML files, and HEFCE incorporates an earlier
// file only when every one already submitted is sent again in one batch. A first batch of two files
// is accepted; the next batch proposes both as carried over; leaving one out is refused by name until
// the user overrides with a reason, which the batch then shows. Browser mode in Chromium, a fresh
// data folder, the real Secret Service and the reference extranet.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import { horizontalOverflow, unlabelledFields, unnamedControls } from './support/keyboard';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen, saveProvider, stepHeading } from './support/screens';
import { PROVIDER, USER, addPlanRow, literally, submitAndApprove } from './support-journey/journey';
import {
  XML_AREA,
  XML_GROUP_KEY,
  createXmlBatch,
  createXmlPlan,
  firstRunXml,
  writeXml,
} from './support-journey/xml';

/** Sends the batch shown on the Uploads screen and waits until every file is accepted. */
async function uploadAndAccept(page: Page, batchId: number, names: string[]): Promise<void> {
  await page
    .getByRole('form', { name: 'Choose what to upload' })
    .getByRole('button', { name: 'Upload…' })
    .click();
  const confirm = page.getByRole('alertdialog', {
    name: `Are you sure you want to upload batch ${batchId} (${names.length} file${names.length === 1 ? '' : 's'}) for this submission?`,
  });
  await confirm.waitFor();
  await confirm.getByRole('button', { name: 'Upload', exact: true }).click();
  await page
    .getByText(/^Upload finished\. The receiver now checks each file/)
    .waitFor({ timeout: 20_000 });
  const check = page.getByRole('button', { name: 'Check for verification results' });
  const accepted = new RegExp(`(${names.map((n) => literally(n).source).join('|')}).*Accepted`);
  await expect
    .poll(
      async () => {
        await check.click();
        await expect.poll(() => check.getAttribute('aria-disabled')).not.toBe('true');
        return page.getByRole('row', { name: accepted }).count();
      },
      { timeout: 20_000, interval: 250 },
    )
    .toBeGreaterThanOrEqual(names.length);
}

async function expectTidy(page: Page, where: string): Promise<void> {
  expect(await horizontalOverflow(page), `sideways scroll on ${where}`).toEqual({
    page: 0,
    main: 0,
  });
  expect(await unnamedControls(page), `unnamed controls on ${where}`).toEqual([]);
  expect(await unlabelledFields(page), `unlabelled fields on ${where}`).toEqual([]);
}

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode: 2011-12 ILR XML files and the re-submission rule${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv({ secretService: true });

    it('sends two XML files in batch 1, proposes both again in batch 2, refuses batch 2 without one by name, and sends it after an override whose reason the batch shows', async () => {
      const server = await env.startExtranet({
        users: [`${USER.username}:${USER.password}`],
        areas: [`${XML_AREA}:${XML_GROUP_KEY}`],
        verifyDelayMs: 100,
      });
      const app = await env.startApp();
      const work = await env.tempDir();
      const page = await env.openPage(app.url);
      await firstRunXml(page, server);

      const planId = await createXmlPlan(page, 'Learners left out of the 2011-12 return');
      await addPlanRow(page, {
        kind: 'ADD',
        description: 'Learners omitted from the original return',
        records: '3',
        due: '2012-03-31',
      });
      await submitAndApprove(page, planId);

      // Batch 1: nothing earlier to carry over; two new files added by dropping them in.
      const first = await createXmlBatch(page);
      await page.getByText('nothing to carry over', { exact: false }).waitFor();
      const a1 = await writeXml(work, '01');
      const a2 = await writeXml(work, '02', { type: 'B' });
      await page.getByLabel('ILR XML files to add (.xml)').setInputFiles([a1.path, a2.path]);
      const set1 = page.getByRole('table', { name: `Re-submission set of batch ${first}` });
      await set1.getByRole('row', { name: literally(a2.name) }).waitFor();
      for (const name of [a1.name, a2.name])
        expect(await set1.getByRole('row', { name: literally(name) }).textContent()).toContain(
          'New in this batch',
        );
      await page.getByRole('textbox', { name: 'Name of the person signing off' }).fill('Jo Bloggs');
      await screenshot(page, 'xml-batch-first-light');
      await page.getByRole('button', { name: 'Sign off batch' }).click();
      await page
        .getByText(`Batch ${first} is signed off by Jo Bloggs.`, { exact: false })
        .waitFor();
      await page.getByRole('button', { name: 'Upload…' }).click();
      await page.getByRole('heading', { level: 1, name: 'Uploads' }).waitFor();
      await uploadAndAccept(page, first, [a1.name, a2.name]);

      // Batch 2 starts with both, carried over from batch 1, as HEFCE's rule asks.
      const second = await createXmlBatch(page);
      await page
        .getByText('starts with the 2 XML files already submitted', { exact: false })
        .waitFor();
      const set2 = page.getByRole('table', { name: `Re-submission set of batch ${second}` });
      for (const name of [a1.name, a2.name])
        expect(await set2.getByRole('row', { name: literally(name) }).textContent()).toContain(
          `Carried over from batch ${first}`,
        );
      await screenshot(page, 'xml-batch-proposed-light');
      await expectTidy(page, 'the proposed batch');

      // Leaving one out: the batch names it, and the upload is refused naming it.
      await page.getByRole('button', { name: `Remove ${a2.name} from the batch` }).click();
      await page.getByText(`Removed ${a2.name}.`, { exact: true }).waitFor();
      const missing = page.getByRole('list', { name: 'Missing earlier files' });
      expect(await missing.textContent()).toContain(`${a2.name}Sent in batch ${first}`);
      await page.getByRole('textbox', { name: 'Name of the person signing off' }).fill('Jo Bloggs');
      await page.getByRole('button', { name: 'Sign off batch' }).click();
      await page.getByText('Not ready to upload').waitFor();
      expect(await page.getByRole('button', { name: 'Upload…' }).count()).toBe(0);
      await screenshot(page, 'xml-batch-missing-light');
      await expectTidy(page, 'a batch with a missing file');

      await page.evaluate((id) => (window.location.hash = `#/uploads/batch/${id}`), second);
      await page.getByRole('heading', { level: 1, name: 'Uploads' }).waitFor();
      const chooser = page.getByRole('form', { name: 'Choose what to upload' });
      await chooser.getByRole('button', { name: 'Upload…' }).click();
      const refusal = chooser.getByText(`Batch ${second} leaves out 1 earlier submitted file`, {
        exact: false,
      });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(`${a2.name} (sent in batch ${first})`);
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      await screenshot(page, 'xml-upload-refused-light');

      // The override, with a reason: afterwards the batch can go, and says who and why.
      const reason = 'HEFCE asked for the B file to be left out of this batch (e-mail of 2 April).';
      await page.evaluate((id) => (window.location.hash = `#/batches/${id}`), second);
      const override = page.getByRole('form', { name: 'Override the re-submission rule' });
      await override.getByRole('button', { name: 'Override and allow the upload' }).click();
      await override.getByText('Say why the earlier files are left out.').waitFor();
      await override
        .getByRole('textbox', { name: 'Why are the earlier files left out?' })
        .fill(reason);
      await override.getByRole('button', { name: 'Override and allow the upload' }).click();
      const given = page.getByText(/^Overridden by \S+ on .+: “HEFCE asked/);
      await given.waitFor();
      expect(await given.textContent()).toContain(`“${reason}”. Left out: ${a2.name}.`);
      await page.getByRole('button', { name: 'Upload…' }).click();
      await page.getByRole('heading', { level: 1, name: 'Uploads' }).waitFor();
      await uploadAndAccept(page, second, [a1.name]);

      // At 1024 px the receipts' Status column stays in view, with no sideways scroll; each
      // receipt opens as a printable page, whose print leaves the app's frame and buttons off.
      await page.setViewportSize({ width: 1024, height: 768 });
      const receipts = page.getByRole('table', { name: 'Receipts' });
      const status = await receipts.getByRole('columnheader', { name: 'Status' }).boundingBox();
      expect(status && status.x + status.width).toBeLessThanOrEqual(1024);
      await expectTidy(page, 'the receipts at 1024 px');
      expect(await receipts.getByRole('row').nth(1).textContent()).toContain(
        'computer account: no name set in Settings',
      );
      await receipts
        .getByRole('link', { name: `Printable receipt for ${a1.name}` })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: /^Upload receipt \d+$/ }).waitFor();
      const facts = page.getByRole('list', { name: 'Receipt' }).or(page.getByLabel('Receipt'));
      await expect.poll(() => facts.textContent()).toContain('Accepted by the regulator');
      expect(await facts.textContent()).toMatch(/Audit headEntry \d+, [0-9a-f]{64}/);
      const print = page.getByRole('button', { name: 'Print or save as PDF' });
      expect(await print.isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await print.isVisible()).toBe(false);
      expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1366, height: 768 });

      await page.evaluate((id) => (window.location.hash = `#/batches/${id}`), second);
      await given.waitFor();
      await screenshot(page, 'xml-batch-override-light');
      const dark = await env.openPage(`${app.url}#/batches/${second}`, 'dark');
      await dark.getByText(/^Overridden by \S+ on .+: “HEFCE asked/).waitFor();
      await screenshot(dark, 'xml-batch-override-dark');

      // The Amendment files screen lists the XML files with the batches they were in.
      await openScreen(page, 'Amendment files', 'Amendment files');
      const xmlTable = page.getByRole('table', { name: 'ILR XML files' });
      const row1 = xmlTable.getByRole('row', { name: literally(a1.name) });
      await row1.waitFor();
      // The batches arrive in a call of their own: wait for them rather than read the first paint.
      await row1.getByText(`Batches ${first}, ${second}`).waitFor();
      expect(await row1.textContent()).toContain(`Batches ${first}, ${second}`);
      expect(await xmlTable.getByRole('row', { name: literally(a2.name) }).textContent()).toContain(
        `Batch ${first}`,
      );
      await screenshot(page, 'xml-files-list-light');
      await expectTidy(page, 'the Amendment files screen');
      await row1.getByRole('link', { name: a1.name }).click();
      await page.getByRole('heading', { level: 1, name: a1.name }).waitFor();
      await page.getByRole('table', { name: 'Receipts' }).waitFor();
      expect(await page.getByRole('table', { name: 'Receipts' }).getByRole('row').count()).toBe(3);
      await screenshot(page, 'xml-file-detail-light');
    });

    it('checks a dropped XML file with findings by line and column, adds a clean one to the history, withdraws it with a reason, and works out an amendment from two files', async () => {
      const app = await env.startApp();
      const work = await env.tempDir();
      const page = await env.openPage(app.url);
      await page.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' }).waitFor();
      await saveProvider(page, PROVIDER);
      await stepHeading(page, 'Step 2 of 3: Where you upload (optional)').waitFor();
      await page.getByRole('button', { name: 'Skip for now' }).click();
      await page.getByRole('button', { name: 'Go to the dashboard' }).click();
      await openScreen(page, 'Amendment files', 'Amendment files');

      // A header that disagrees with the name: refused, each finding with its line and column.
      const broken = await writeXml(work, '05', { header: { SerialNo: '07' } });
      await page.getByLabel('ILR XML files to check (.xml)').setInputFiles(broken.path);
      const findings = page.getByRole('table', { name: `Findings in ${broken.name}` });
      await findings.waitFor();
      await page.getByText('Not valid: HEFCE would reject this file', { exact: false }).waitFor();
      const cells = findings.getByRole('row').nth(1).getByRole('cell');
      expect(await cells.nth(1).textContent()).toMatch(/^\d+$|^Whole file$/);
      expect(await page.getByRole('button', { name: 'Add to the history' }).count()).toBe(0);
      await screenshot(page, 'xml-check-findings-light');
      await expectTidy(page, 'an XML check with findings');
      const dark = await env.openPage(`${app.url}#/files`, 'dark');
      await dark.getByLabel('ILR XML files to check (.xml)').setInputFiles(broken.path);
      await dark.getByRole('table', { name: `Findings in ${broken.name}` }).waitFor();
      await screenshot(dark, 'xml-check-findings-dark');

      // A clean file: its summary, then kept for the provider its UKPRN names.
      const clean = await writeXml(work, '03');
      // Dropped on the window, as a user drags it from Explorer, not into the drop zone.
      const text = await readFile(clean.path, 'utf8');
      await page.evaluate(
        ({ name, text }) => {
          const dt = new DataTransfer();
          dt.items.add(new File([text], name, { type: 'text/xml' }));
          document.body.dispatchEvent(
            new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
          );
        },
        { name: clean.name, text },
      );
      await page.getByText('Valid: every check is met.').waitFor();
      const facts = page.getByRole('definition');
      expect(await facts.allTextContents()).toEqual(expect.arrayContaining(['10001234', '3']));
      const add = page.getByRole('form', { name: `Add ${clean.name} to the history` });
      await add.getByRole('button', { name: 'Add to the history' }).click();
      await add
        .getByText(`${clean.name} is kept in the history for 012345 2011-12`, { exact: false })
        .waitFor();
      const row = page
        .getByRole('table', { name: 'ILR XML files' })
        .getByRole('row', { name: literally(clean.name) });
      await row.waitFor();
      expect(await row.textContent()).toContain('Checked, not sent');
      await screenshot(page, 'xml-check-added-light');

      await row.getByRole('button', { name: `Withdraw ${clean.name}…` }).click();
      const dialog = page.getByRole('alertdialog', { name: `Withdraw ${clean.name}?` });
      await dialog.getByRole('button', { name: 'Withdraw the file' }).click();
      await dialog.getByText('Say why the file is withdrawn.').waitFor();
      await dialog
        .getByRole('textbox', { name: 'Why is the file withdrawn?' })
        .fill('Sent by mistake');
      await screenshot(page, 'xml-withdraw-dialog-light');
      await dialog.getByRole('button', { name: 'Withdraw the file' }).click();
      await page.getByText(`${clean.name} is withdrawn`, { exact: false }).waitFor();
      await row.waitFor({ state: 'detached' });
      await page.getByRole('checkbox', { name: 'Show withdrawn files' }).check();
      expect(await row.textContent()).toContain('Withdrawn');

      // An amendment worked out from the file as returned and the corrected one: L1 and L2 hold
      // each other's details (changed), NEW is added, DEL is only in the returned file. The serial
      // number follows the history's 03, though that file is withdrawn (a name is never reused).
      const returned = await writeXml(work, '01', { learners: ['L1', 'L2', 'DEL'] });
      const corrected = await writeXml(work, '02', { learners: ['L2', 'L1', 'NEW'] });
      const amend = page.getByRole('form', { name: 'Work out an amendment' });
      await amend.getByLabel('File as returned (.xml)').setInputFiles(returned.path);
      await amend.getByLabel('Corrected file (.xml)').setInputFiles(corrected.path);
      await amend.getByRole('button', { name: 'Work out the amendment' }).click();
      const amendment = 'ILR-B-10001234-1112-0013-04.XML';
      const result = page.getByRole('region', { name: amendment });
      await result
        .getByText(
          '3 learners to send (2 changed, 1 added), every field; serial number 04; 0 unchanged left out.',
        )
        .waitFor();
      expect(await result.getByRole('list').nth(1).textContent()).toBe('NEW');
      expect(await result.getByRole('list').nth(2).textContent()).toBe('DEL');
      await expectTidy(page, 'a worked-out amendment');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        result.getByRole('button', { name: `Save ${amendment}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(amendment);
    });
  },
);
