// The Data portal screen as Ofqual's guide describes it, in browser mode in Chromium against the
// reference extranet's portal side, the real Secret Service and a data folder of each test's own:
// a request synced with Refresh, a CSV checked, confirmed and accepted (moving to Previous), a
// header the portal rejects (Failed validation with its message on Current), a file with errors
// sent only once the user says they know, and a nil return. Dates are relative to today.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import { hasFocus, horizontalOverflow } from './support/keyboard';
import { SKIPPED_WITHOUT_CHROMIUM, backgroundLuminance } from './support/screens';
import {
  COLUMNS,
  SPEC_LINES,
  chooseAndCheck,
  confirmDialog,
  dayFromToday,
  importFileFormat,
  openPortal,
  openRequest,
  portalFirstRun,
  refresh,
  refreshUntil,
  requestRow,
  showTab,
  startPortal,
  statusOf,
  writeCsv,
} from './support/portal';

const SPEC = { period: 'June 2019', template: 'SpecificationCodes' };
const GOOD = ['Year,SpecificationCode,Title', '2019,AB12,Biology', '2019,CD34,Chemistry'];

/** The guide's due date for a day relative to today, e.g. "3rd Apr 2019". */
function portalDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', {
    month: 'short',
    timeZone: 'UTC',
  });
  const teen = d >= 11 && d <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[d % 10];
  return `${d}${suffix ?? 'th'} ${month.slice(0, 3)} ${y}`;
}

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode: the Data portal screen${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv({ secretService: true });

    /** The portal with `requests`, the app through its first run, on the Data portal screen. */
    async function portalWith(requests: Parameters<typeof startPortal>[1]) {
      const server = await startPortal(env, requests);
      const app = await env.startApp();
      const work = await env.tempDir();
      const page = await env.openPage(app.url);
      await portalFirstRun(page, server);
      await openPortal(page);
      return { server, app, work, page };
    }

    async function upload(page: Page, fileName: string) {
      const confirm = confirmDialog(page, fileName);
      await page.getByRole('button', { name: 'Upload…' }).click();
      await confirm.waitFor();
      return confirm;
    }

    it('syncs a request with Refresh, checks a good CSV as valid, confirms as the guide does, shows Upload pending verification, then Accepted under Previous', async () => {
      const { app, work, page } = await portalWith([
        openRequest(SPEC.period, SPEC.template, COLUMNS),
        {
          ...openRequest('November 2018', 'EaRs DR1'),
          opens: dayFromToday(6),
          due: dayFromToday(30),
        },
      ]);
      await showTab(page, 'Current');
      expect(await page.getByText('No data requests need doing.').count()).toBe(1);

      expect(await refresh(page)).toBe(
        'Asked Ofqual portal: 2 new requests, 0 requests updated. The statuses below are up to date.',
      );
      const current = page.getByRole('table', { name: 'Current data requests' });
      await current.waitFor();
      // The guide's columns, in date order: the request due sooner first.
      expect(await current.getByRole('columnheader').allTextContents()).toEqual([
        'Reporting Period',
        'Template',
        'Due Date',
        'Status',
        'Actions',
      ]);
      const rows = current.getByRole('row');
      expect(await rows.nth(1).getByRole('cell').first().textContent()).toBe('June 2019');
      const row = requestRow(page, SPEC.template);
      expect(await row.getByRole('cell').nth(2).textContent()).toBe(portalDate(dayFromToday(20)));
      expect(await statusOf(page, SPEC.template)).toBe('Due in 20 days');
      // Not open yet: no upload button, as the guide says ("when the reporting period opens").
      expect(await statusOf(page, 'EaRs DR1')).toBe('Collection open in 6 days');
      expect(await requestRow(page, 'EaRs DR1').getByRole('button').count()).toBe(0);
      await screenshot(page, 'portal-current-light');

      // A file format for the template, so the check has something to check against.
      const spec = await writeCsv(work, 'SpecificationCodes-format.csv', SPEC_LINES);
      await importFileFormat(page, SPEC.template, spec);
      await page
        .getByText(
          'Imported SpecificationCodes-format.csv for SpecificationCodes: 3 columns. Files for SpecificationCodes are now checked against it.',
        )
        .waitFor();

      const good = await writeCsv(work, 'Test_ExamsTimetable_v2.csv', GOOD);
      await chooseAndCheck(page, SPEC, good, 'Test_ExamsTimetable_v2.csv');
      await page.getByText('Test_ExamsTimetable_v2.csv is valid').waitFor();
      expect(
        await page.getByText(/^2 rows checked against SpecificationCodes-format\.csv/).count(),
      ).toBe(1);
      expect(await horizontalOverflow(page), 'upload page').toEqual({ page: 0, main: 0 });
      await screenshot(page, 'portal-check-valid-light');

      const confirm = await upload(page, 'Test_ExamsTimetable_v2.csv');
      const facts = await confirm.locator('dt').allTextContents();
      const values = await confirm.locator('dd').allTextContents();
      expect(Object.fromEntries(facts.map((t, i) => [t, values[i]]))).toEqual({
        'Reporting Period': 'June 2019',
        Template: 'SpecificationCodes',
        'Due Date': portalDate(dayFromToday(20)),
      });
      // A valid file needs no acknowledgement.
      expect(await confirm.getByRole('checkbox').count()).toBe(0);
      await screenshot(page, 'portal-confirm-light');
      await confirm.getByRole('button', { name: 'Upload', exact: true }).click();

      // Back on the dashboard, the request now waits for the portal's verdict.
      await page
        .getByRole('heading', { level: 1, name: 'Data portal' })
        .waitFor({ timeout: 30_000 });
      await page.getByText(/Test_ExamsTimetable_v2\.csv was sent for SpecificationCodes/).waitFor();
      expect(await statusOf(page, SPEC.template)).toContain('Upload pending verification');
      expect(await requestRow(page, SPEC.template).getByRole('button').count()).toBe(0);

      await refreshUntil(page, SPEC.template, 'Previous', 'Accepted');
      await showTab(page, 'Current');
      expect(await requestRow(page, SPEC.template).count()).toBe(0);
      await showTab(page, 'Previous');
      await page.getByRole('table', { name: 'Previous data requests' }).waitFor();
      await screenshot(page, 'portal-previous-light');
      // At 1024 px the Previous tab keeps its Status column on screen, with no sideways scroll.
      await page.setViewportSize({ width: 1024, height: 768 });
      const status = await page
        .getByRole('table', { name: 'Previous data requests' })
        .getByRole('columnheader', { name: 'Status' })
        .boundingBox();
      expect(status && status.x + status.width).toBeLessThanOrEqual(1024);
      expect(await horizontalOverflow(page), 'Previous at 1024 px').toEqual({ page: 0, main: 0 });

      // The same screen in the dark.
      const dark = await env.openPage(`${app.url}#/portal`, 'dark');
      await dark.getByRole('table', { name: 'Current data requests' }).waitFor();
      expect(await backgroundLuminance(dark.getByRole('main'))).toBeLessThan(0.05);
      expect(await horizontalOverflow(dark)).toEqual({ page: 0, main: 0 });
      await screenshot(dark, 'portal-current-dark');
    });

    it('shows Failed validation with the portal’s own message on Current when the portal rejects the header, and offers the upload again', async () => {
      const { work, page } = await portalWith([openRequest(SPEC.period, SPEC.template, COLUMNS)]);
      await refresh(page);
      const bad = await writeCsv(work, 'wrong-header.csv', ['Yr,Code,Title', '2019,AB12,Biology']);
      await chooseAndCheck(page, SPEC, bad, 'wrong-header.csv');
      // Without a file format only the upload is done, and the screen says so.
      await page
        .getByText('No file format is attached to the template SpecificationCodes')
        .waitFor();
      expect(
        await page.getByText(/import the template’s file format under File formats/).count(),
      ).toBe(1);
      const confirm = await upload(page, 'wrong-header.csv');
      await confirm.getByRole('button', { name: 'Upload', exact: true }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Data portal' })
        .waitFor({ timeout: 30_000 });

      await refreshUntil(page, SPEC.template, 'Current', 'Failed validation');
      const said = page.getByRole('group', {
        name: 'What the portal said about SpecificationCodes for June 2019',
      });
      await said.waitFor();
      expect(await said.textContent()).toContain(
        'should be the template\'s header "Year,SpecificationCode,Title"; it is "Yr,Code,Title".',
      );
      // A corrected file may be sent.
      expect(
        await page
          .getByRole('button', { name: 'Upload a file for SpecificationCodes for June 2019' })
          .count(),
      ).toBe(1);
      expect(await horizontalOverflow(page)).toEqual({ page: 0, main: 0 });
      await screenshot(page, 'portal-failed-validation-light');
    });

    it('refuses a broken file format with its reason, checks a CSV with errors against a good one, and enables Upload only once the user ticks that they know', async () => {
      const { work, page } = await portalWith([openRequest(SPEC.period, SPEC.template, COLUMNS)]);
      await refresh(page);

      const broken = await writeCsv(work, 'broken-format.csv', [
        'Name,Description,Position,Validation Regular Expression',
        'Year,The year,1,(\\d+)+',
      ]);
      await importFileFormat(page, SPEC.template, broken);
      const refusal = page
        .getByRole('alert')
        .filter({ hasText: 'The file format was not imported' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(
        'broken-format.csv cannot be used as a file format: Row 2 of the specification (Year): the expression (\\d+)+ repeats a repeated group',
      );
      await screenshot(page, 'portal-format-refused-light');
      await page
        .getByRole('form', { name: 'Import a file format' })
        .getByRole('button', { name: 'Cancel' })
        .click();

      const spec = await writeCsv(work, 'SpecificationCodes-format.csv', SPEC_LINES);
      await importFileFormat(page, SPEC.template, spec);
      const formats = page.getByRole('table', { name: 'File formats' });
      await formats.getByRole('cell', { name: 'SpecificationCodes-format.csv' }).waitFor();

      const withErrors = await writeCsv(work, 'with-errors.csv', [
        'Year,SpecificationCode,Title',
        '20X9,AB12,Biology',
        '2019,cd3,Chemistry',
      ]);
      await chooseAndCheck(page, SPEC, withErrors, 'with-errors.csv');
      await page.getByText('with-errors.csv has 2 errors').waitFor();
      const findings = page.getByRole('table', { name: 'Findings in with-errors.csv' });
      expect(await findings.getByRole('columnheader').allTextContents()).toEqual([
        'Row',
        'Column',
        'Value',
        'Message',
        'Code',
      ]);
      const first = findings.getByRole('row').nth(1).getByRole('cell');
      expect((await first.allTextContents()).slice(0, 3)).toEqual(['2', 'Year', '20X9']);
      expect(await first.nth(4).textContent()).toBe('CSV_VALUE_PATTERN (error)');
      await screenshot(page, 'portal-check-errors-light');

      const confirm = await upload(page, 'with-errors.csv');
      const send = confirm.getByRole('button', { name: 'Upload', exact: true });
      const know = confirm.getByRole('checkbox', {
        name: 'I know this file has 2 errors and want to upload it anyway',
      });
      expect(await send.getAttribute('aria-disabled')).toBe('true');
      // Pressing it anyway sends nothing.
      await send.click({ force: true });
      expect(await confirm.isVisible()).toBe(true);
      await know.check();
      expect(await send.getAttribute('aria-disabled')).toBeNull();
      await screenshot(page, 'portal-confirm-errors-light');
      await send.click();
      await page
        .getByRole('heading', { level: 1, name: 'Data portal' })
        .waitFor({ timeout: 30_000 });
      expect(await statusOf(page, SPEC.template)).toContain('Upload pending verification');
    });

    it('records a nil return after its confirmation, and the request moves to Previous as No data submitted', async () => {
      const t1 = { period: 'June 2019', template: 'T1 Entries' };
      const { page } = await portalWith([openRequest(t1.period, t1.template)]);
      await refresh(page);
      await page
        .getByRole('button', { name: 'No data to submit for T1 Entries for June 2019' })
        .click();
      const dialog = page.getByRole('alertdialog', {
        name: 'Record that there is no data to submit for T1 Entries, June 2019?',
      });
      await dialog.waitFor();
      // Focus starts on Cancel: a stray Enter must not record a nil return.
      await expect
        .poll(() => hasFocus(dialog.getByRole('button', { name: 'Cancel' })), { timeout: 5_000 })
        .toBe(true);
      expect(await dialog.textContent()).toContain('ReturnDesk tells Ofqual portal');
      await screenshot(page, 'portal-nil-return-confirm-light');
      await dialog.getByRole('button', { name: 'No data to submit' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page
        .getByText('Recorded that there is no data to submit for T1 Entries for June 2019.', {
          exact: false,
        })
        .waitFor();
      await showTab(page, 'Previous');
      expect(await statusOf(page, t1.template)).toBe('No data submitted');
      expect(await requestRow(page, t1.template).getByRole('button').count()).toBe(0);
      await showTab(page, 'Current');
      expect(await requestRow(page, t1.template).count()).toBe(0);
      // The portal has it too: after Refresh it is still a nil return.
      await refreshUntil(page, t1.template, 'Previous', 'No data submitted');
    });
  },
);
