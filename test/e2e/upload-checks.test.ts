// Files are checked before ReturnDesk takes them. On the Uploads screen, a raw MIS extract chosen
// from this computer is named with its size and rows as a file ReturnDesk cannot check, is said to
// look like learners' personal data, and Upload stays disabled until the user confirms; a valid
// amendment file chosen instead is shown as checked and is sent without that confirmation. On the
// Data portal screen, a specification whose expression holds an unquoted comma is refused naming
// its row, with the template chosen from the requests' templates, and nothing is imported.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import { serverAreaFiles } from './support/extranet';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen } from './support/screens';
import {
  COLUMNS,
  importFileFormat,
  openPortal,
  openRequest,
  portalFirstRun,
  refresh,
  startPortal,
  writeCsv,
} from './support/portal';
import { AREA, GROUP_KEY, USER, firstRun } from './support-journey/journey';

const NAME = 'chg012345A01.amd';
const GOLDEN = join(REPO_ROOT, 'test', 'fixtures', 'golden', NAME);
const RAW = 'students-export.csv';
const RAW_ROWS = 100;

/** A raw MIS export: one row per learner, with names, dates of birth, postcodes and ULNs. */
const rawExtract = () => [
  'LearnerRef,Surname,Date of birth,Postcode,ULN,Course',
  ...Array.from(
    { length: RAW_ROWS },
    (_, i) => `L${String(i).padStart(5, '0')},Smith,01/02/2001,AB1 2CD,${1000000000 + i},ABC1`,
  ),
];

describe.skipIf(!chromiumAvailable)(
  `ReturnDesk in browser mode: files checked before they are taken${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv({ secretService: true });

    it('holds back a raw extract from this computer until its size, rows and personal-data warning are confirmed, and sends a checked amendment file without asking', async () => {
      const server = await env.startExtranet({
        users: [`${USER.username}:${USER.password}`],
        areas: [`${AREA}:${GROUP_KEY}`],
        verifyDelayMs: 600_000,
      });
      const app = await env.startApp();
      const work = await env.tempDir();
      const page = await env.openPage(app.url);
      await firstRun(page, server);

      const raw = await writeCsv(work, RAW, rawExtract());
      const { size } = await stat(raw);
      // Under 10 KB the screen gives one decimal place.
      expect(size).toBeGreaterThan(1024);
      expect(size).toBeLessThan(10 * 1024);
      const sized = `${(size / 1024).toFixed(1)} KB, ${RAW_ROWS} rows`;

      await openScreen(page, 'Uploads', 'Uploads');
      const chooser = page.getByRole('form', { name: 'Choose what to upload' });
      await chooser.getByRole('radio', { name: 'Files from this computer' }).check();
      await chooser.getByLabel('Choose the files').setInputFiles(raw);
      await chooser.getByRole('button', { name: 'Upload…' }).click();
      const rawConfirm = page.getByRole('alertdialog', {
        name: `Are you sure you want to upload “${RAW}” for this submission?`,
      });
      const what = rawConfirm.getByRole('list', { name: 'What the files are' });
      await what.waitFor();
      expect(await what.getByRole('listitem').allTextContents()).toEqual([
        `${RAW}: Not a file ReturnDesk can check (${sized})`,
      ]);
      await rawConfirm.getByText('This may hold learners’ personal data').waitFor();
      expect(await rawConfirm.textContent()).toContain(
        `${RAW} has ${RAW_ROWS} rows and columns such as Surname, Date of birth, Postcode, ULN: it looks like a raw MIS extract, not a return.`,
      );
      const send = rawConfirm.getByRole('button', { name: 'Upload', exact: true });
      const know = rawConfirm.getByRole('checkbox', {
        name: `Upload ${RAW} (${sized}) unchecked: I know what it is and that it is meant for this area.`,
      });
      expect(await send.getAttribute('aria-disabled')).toBe('true');
      // Pressing it anyway sends nothing.
      await send.click({ force: true });
      expect(await rawConfirm.isVisible()).toBe(true);
      await know.check();
      expect(await send.getAttribute('aria-disabled')).toBeNull();
      await screenshot(page, 'upload-unchecked-personal-data');
      // The data officer thinks again: the extract is not what should go.
      await rawConfirm.getByRole('button', { name: 'Cancel' }).click();
      await rawConfirm.waitFor({ state: 'hidden' });

      await chooser.getByLabel('Choose the files').setInputFiles(GOLDEN);
      await chooser.getByRole('button', { name: 'Upload…' }).click();
      const confirm = page.getByRole('alertdialog', {
        name: `Are you sure you want to upload “${NAME}” for this submission?`,
      });
      const checked = confirm.getByRole('list', { name: 'What the files are' });
      await checked.waitFor();
      expect(await checked.getByRole('listitem').allTextContents()).toEqual([
        `${NAME}: Amendment file (3 records: no errors)`,
      ]);
      expect(await confirm.getByRole('checkbox').count()).toBe(0);
      expect(await confirm.getByText('This may hold learners’ personal data').count()).toBe(0);
      const upload = confirm.getByRole('button', { name: 'Upload', exact: true });
      expect(await upload.getAttribute('aria-disabled')).toBeNull();
      await upload.click();
      await page
        .getByText(/^Upload finished\. The receiver now checks each file/)
        .waitFor({ timeout: 20_000 });
      // Only the amendment file reached the server.
      expect(await serverAreaFiles(server, USER)).toEqual({ [AREA]: [NAME] });
    });

    it('refuses a file format whose expression holds an unquoted comma, naming the row, and imports nothing', async () => {
      const template = 'SpecificationCodes';
      const server = await startPortal(env, [openRequest('June 2019', template, COLUMNS)]);
      const app = await env.startApp();
      const work = await env.tempDir();
      const page = await env.openPage(app.url);
      await portalFirstRun(page, server);
      await openPortal(page);
      await refresh(page);

      const spec = await writeCsv(work, 'unquoted-format.csv', [
        'Name,Description,Position,Validation Regular Expression',
        'Year,The year of the series,1,\\d{4}',
        'SpecificationCode,The specification’s code,2,[A-Z0-9]{4}',
        'Title,The specification’s title,3,^.{1,200}$',
      ]);
      await importFileFormat(page, template, spec);
      const form = page.getByRole('form', { name: 'Import a file format' });
      // The template was chosen from the requests' templates, not typed.
      expect(await form.getByRole('combobox', { name: 'Template' }).inputValue()).toBe(template);
      const refusal = page
        .getByRole('alert')
        .filter({ hasText: 'The file format was not imported' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(
        'Row 4 of the specification (Title) has 5 values but the first row names 4 columns; a value containing a comma, such as the expression ^.{1,200}$, must be in double quotes.',
      );
      await screenshot(page, 'portal-format-unquoted-comma');
      await form.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('No file format has been imported yet.').waitFor();
    });
  },
);
