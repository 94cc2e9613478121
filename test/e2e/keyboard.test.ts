// The main screens for people who do not use a mouse or do not see the screen: every control is
// reached with Tab (after the skip link and the navigation), shows where focus is, works with
// Enter, has a name a screen reader can say; the landmarks are there; nothing scrolls sideways at
// 1366×768. Each test has its own data folder and `returndesk serve`.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { UPIN, seedApprovedPlan } from '../integration/upload/support/history';
import { chromiumAvailable, screenshot } from './support/app';
import { useE2eEnv } from './support/env';
import {
  hasFocus,
  horizontalOverflow,
  keyboardControls,
  tabTo,
  unlabelledFields,
  unnamedControls,
  walkTabOrder,
} from './support/keyboard';
import { SKIPPED_WITHOUT_CHROMIUM, openScreen } from './support/screens';
import { addRequestByHand, dayFromToday, requestRow } from './support/portal';

const DESTINATION = 'HEFCE extranet';
/** Long enough, with no space to break at, to push a careless layout sideways. */
const LONG_URL = `https://extranet.example.ac.uk/${'returns/amendments/'.repeat(12)}upload`;

describe.skipIf(!chromiumAvailable)(
  `the main screens by keyboard and screen reader, at 1366×768${SKIPPED_WITHOUT_CHROMIUM}`,
  () => {
    const env = useE2eEnv({ secretService: true });

    /** A history with a provider, an approved plan row due (a dashboard row) and a destination. */
    async function appWithHistory() {
      const dataDir = await env.tempDir();
      seedApprovedPlan(dataDir);
      const added = await env.cli(dataDir, [
        'destination',
        'add',
        '--name',
        DESTINATION,
        '--url',
        LONG_URL,
        '--area',
        'FAMD General upload area (GUA)',
        '--username',
        'jo.bloggs',
      ]);
      expect(added.code, added.stderr).toBe(0);
      return env.startApp(dataDir);
    }

    /** appWithHistory, plus an open data request for the destination and a file format. */
    async function appWithPortalRequest() {
      const app = await appWithHistory();
      const added = await env.cli(app.dataDir, [
        'portal',
        'request',
        'add',
        '--period',
        'June 2019',
        '--template',
        'SpecificationCodes',
        '--opens',
        dayFromToday(-10),
        '--due',
        dayFromToday(20),
        '--destination',
        DESTINATION,
      ]);
      expect(added.code, added.stderr).toBe(0);
      return app;
    }

    /** Walks the Tab order and checks it against the controls on the page. */
    async function expectKeyboardReachesEverything(page: Page, withNavigation: boolean) {
      const stops = await walkTabOrder(page);
      const labels = stops.map((s) => s.label);
      expect(labels[0]).toBe('link "Skip to main content"');
      if (withNavigation) {
        const nav = page.getByRole('navigation', { name: 'ReturnDesk screens' });
        const navLinks = (await nav.getByRole('link').allTextContents()).map((t) => `link "${t}"`);
        expect(navLinks.length).toBeGreaterThanOrEqual(2);
        // Straight after the skip link, in the order they are listed.
        expect(labels.slice(1, 1 + navLinks.length)).toEqual(navLinks);
      }
      const missed = (await keyboardControls(page)).filter((c) => !labels.includes(c));
      expect(missed, 'controls Tab never reaches').toEqual([]);
      const invisible = stops.filter((s) => !s.focusVisible).map((s) => s.label);
      expect(invisible, 'controls that show no focus').toEqual([]);
      return labels;
    }

    it('reaches every control of the dashboard with Tab, after the skip link and the navigation, and shows where focus is', async () => {
      const app = await appWithHistory();
      const page = await env.openPage(app.url);
      await page.getByRole('table', { name: 'Current work' }).waitFor();
      const labels = await expectKeyboardReachesEverything(page, true);
      expect(labels).toEqual(
        expect.arrayContaining([
          'button "Check for verification results"',
          'tab "Current (1)"',
          'link "105432 plan 1, reference 1: CHANGE"',
        ]),
      );
      await tabTo(page, page.getByRole('button', { name: 'Check for verification results' }));
      await screenshot(page, 'keyboard-focus-dashboard-light');
    });

    it('reaches every control of Settings with Tab, each showing where focus is', async () => {
      const app = await appWithHistory();
      const page = await env.openPage(app.url);
      await openScreen(page, 'Settings', 'Settings');
      await page.getByRole('region', { name: DESTINATION, exact: true }).waitFor();
      await page.getByRole('button', { name: 'Restore…' }).first().waitFor();
      const labels = await expectKeyboardReachesEverything(page, true);
      expect(labels).toEqual(
        expect.arrayContaining([
          'button "Add a provider…"',
          'button "Test connection"',
          'button "Set password…"',
          'button "Change…"',
          'button "Remove…"',
          'button "Add a destination…"',
          'button "Make a backup now"',
          'button "Restore…"',
          'button "Check the audit trail"',
        ]),
      );
      await tabTo(page, page.getByRole('button', { name: 'Test connection' }));
      await screenshot(page, 'keyboard-focus-settings-light');
    });

    it('reaches every control of the Data portal and its upload page with Tab, each showing where focus is', async () => {
      const app = await appWithPortalRequest();
      const page = await env.openPage(app.url);
      await openScreen(page, 'Data portal', 'Data portal');
      await page.getByRole('table', { name: 'Current data requests' }).waitFor();
      await page.getByText('No file format has been imported yet.').waitFor();
      const labels = await expectKeyboardReachesEverything(page, true);
      const upload = 'Upload a file for SpecificationCodes for June 2019';
      expect(labels).toEqual(
        expect.arrayContaining([
          'button "Refresh"',
          'button "Add a request…"',
          'button "Import a schedule…"',
          'tab "Current (1)"',
          `button "${upload}"`,
          'button "No data to submit for SpecificationCodes for June 2019"',
          'button "Import a file format…"',
        ]),
      );
      await tabTo(page, page.getByRole('button', { name: upload }));
      await screenshot(page, 'keyboard-focus-portal-light');

      // Enter on the row's Upload opens its page at the title, and Tab goes on from there.
      await page.keyboard.press('Enter');
      const title = page.getByRole('heading', { level: 1, name: upload });
      await title.waitFor();
      await expect.poll(() => hasFocus(title), { timeout: 5_000 }).toBe(true);
      const uploadPage = await expectKeyboardReachesEverything(page, true);
      expect(uploadPage).toEqual(
        expect.arrayContaining(['button "Back to the data requests"', 'button "Data file (CSV)"']),
      );
    });

    it('reaches every field of both first-run forms with Tab, the CA file included, each showing where focus is', async () => {
      const app = await env.startApp();
      const page = await env.openPage(app.url);
      await page.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' }).waitFor();
      // Valid values first: leaving an empty required field rightly shows its error.
      await page.getByRole('textbox', { name: 'UPIN' }).fill('012345');
      await page.getByRole('textbox', { name: 'UKPRN (optional)' }).fill('10001234');
      await page.getByRole('textbox', { name: 'Provider name' }).fill('Example College');
      const provider = await expectKeyboardReachesEverything(page, false);
      expect(provider.slice(1)).toEqual([
        'textbox "UPIN"',
        'textbox "UKPRN (optional)"',
        'textbox "Provider name"',
        'button "Save and continue"',
      ]);

      // Enter in the last field sends the form.
      await tabTo(page, page.getByRole('textbox', { name: 'Provider name' }));
      await page.keyboard.press('Enter');
      const step2 = page.getByRole('heading', {
        level: 2,
        name: 'Step 2 of 3: Where you upload (optional)',
      });
      await step2.waitFor();
      // The new step is announced: focus is on its heading.
      await expect.poll(() => hasFocus(step2), { timeout: 5_000 }).toBe(true);

      await page.getByRole('textbox', { name: 'Destination name' }).fill(DESTINATION);
      await page
        .getByRole('textbox', { name: 'Web address' })
        .fill('https://extranet.example.ac.uk/');
      await page.getByRole('textbox', { name: 'Upload area' }).fill('GUA');
      await page.getByRole('textbox', { name: 'User name' }).fill('jo.bloggs');
      const destination = await expectKeyboardReachesEverything(page, false);
      expect(destination).toEqual(
        expect.arrayContaining([
          'textbox "Destination name"',
          'textbox "Web address"',
          'textbox "Upload area"',
          'textbox "User name"',
          'button "CA certificate (optional)"',
          'textbox "Password (optional)"',
          'textbox "Group key (optional)"',
          'button "Save destination"',
          'button "Skip for now"',
        ]),
      );
      await tabTo(page, page.getByLabel('CA certificate (optional)'));
      await screenshot(page, 'keyboard-focus-first-run-ca-file-light');
    });

    it('works with Enter and the arrow keys: a navigation link opens its screen at its title, buttons act, tabs switch', async () => {
      const app = await appWithHistory();
      const page = await env.openPage(app.url);
      await page.getByRole('table', { name: 'Current work' }).waitFor();

      // A button on the dashboard.
      await tabTo(page, page.getByRole('button', { name: 'Check for verification results' }));
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText('Nothing is pending verification.').waitFor();

      // The tabs: Tab reaches the selected one, the arrow keys the other, Enter chooses it.
      await tabTo(page, page.getByRole('tab', { name: 'Current (1)' }));
      await page.keyboard.press('ArrowRight');
      const previous = page.getByRole('tab', { name: 'Previous (0)' });
      expect(await hasFocus(previous)).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByText('Nothing has been completed yet.').waitFor();
      expect(await previous.getAttribute('aria-selected')).toBe('true');

      // A navigation link: the screen opens with focus on its title, and Tab goes on from there.
      await tabTo(page, page.getByRole('link', { name: 'Settings', exact: true }));
      await page.keyboard.press('Enter');
      const title = page.getByRole('heading', { level: 1, name: 'Settings' });
      await title.waitFor();
      await expect.poll(() => hasFocus(title), { timeout: 5_000 }).toBe(true);
      await page.keyboard.press('Tab');
      const addProvider = page.getByRole('button', { name: 'Add a provider…' });
      expect(await hasFocus(addProvider)).toBe(true);

      // A button that opens a form puts the keyboard in its first field; Enter saves it.
      await page.keyboard.press('Enter');
      const upin = page.getByRole('form', { name: 'Add a provider' }).getByRole('textbox', {
        name: 'UPIN',
      });
      await expect.poll(() => hasFocus(upin), { timeout: 5_000 }).toBe(true);
      await page.keyboard.type('023456');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Second College');
      await page.keyboard.press('Enter');
      await page.getByText('Added Second College (UPIN 023456).').waitFor();

      // A dialog takes the keyboard into its field; Escape closes it and gives focus back to the
      // button that opened it, so the user carries on from where they were.
      const setPassword = page.getByRole('button', { name: 'Set password…' });
      await tabTo(page, setPassword);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `Password for jo.bloggs at ${DESTINATION}` });
      await dialog.waitFor();
      const password = dialog.getByRole('textbox', { name: 'Password', exact: true });
      await expect.poll(() => hasFocus(password), { timeout: 5_000 }).toBe(true);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => hasFocus(setPassword), { timeout: 5_000 }).toBe(true);

      // The same for the confirmation before a restore, closed with its Cancel button.
      const restore = page.getByRole('button', { name: 'Restore…' }).first();
      await tabTo(page, restore);
      await page.keyboard.press('Enter');
      const confirm = page.getByRole('alertdialog');
      await confirm.waitFor();
      await tabTo(page, confirm.getByRole('button', { name: 'Cancel' }), 5);
      await page.keyboard.press('Enter');
      await confirm.waitFor({ state: 'hidden' });
      await expect.poll(() => hasFocus(restore), { timeout: 5_000 }).toBe(true);

      // The skip link takes focus past the navigation to the screen's title.
      await tabTo(page, page.getByRole('link', { name: 'Skip to main content' }));
      await screenshot(page, 'keyboard-skip-link-light');
      await page.keyboard.press('Enter');
      await expect.poll(() => hasFocus(title), { timeout: 5_000 }).toBe(true);

      // "Add a row…" replaces itself with the form: the keyboard goes to the form's first field,
      // never back to <body>; "Add row" closes the form and puts it on the new row.
      const draft = await env.cli(app.dataDir, [
        'plan',
        'create',
        '--provider',
        UPIN,
        '--year',
        '2010-11',
        '--title',
        'Draft',
        '--json',
      ]);
      expect(draft.code, draft.stderr).toBe(0);
      const draftId = (JSON.parse(draft.stdout) as { id: number }).id;
      await page.evaluate((id) => (window.location.hash = `#/plans/${id}`), draftId);
      const addRow = page.getByRole('button', { name: 'Add a row…' });
      await tabTo(page, addRow, 40);
      await page.keyboard.press('Enter');
      const rowForm = page.getByRole('form', { name: 'Add an area of difference' });
      await expect
        .poll(() => hasFocus(rowForm.getByRole('radio', { name: /^CHANGE:/ })), { timeout: 5_000 })
        .toBe(true);
      await rowForm.getByRole('textbox', { name: 'Description of the amendment' }).fill('Dates');
      await rowForm.getByRole('textbox', { name: 'Fields changed' }).fill('A27');
      await rowForm.getByRole('textbox', { name: 'Number of records' }).fill('3');
      // The date is written as in England, and read so: 04/03/2011 is the 4th of March.
      const due = rowForm.getByRole('textbox', { name: /^Date the amended data/ });
      expect(await due.getAttribute('type')).not.toBe('date');
      await rowForm.getByText('Written dd/mm/yyyy, e.g. 03/04/2019.').waitFor();
      await due.fill('04/03/2011');
      await tabTo(page, rowForm.getByRole('button', { name: 'Add row' }), 5);
      await page.keyboard.press('Enter');
      await rowForm.waitFor({ state: 'hidden' });
      const newRow = page.getByRole('table', { name: `Rows of plan ${draftId}` }).getByRole('row');
      await expect
        .poll(
          () =>
            newRow
              .nth(1)
              .getByRole('cell')
              .first()
              .evaluate((c) => c === document.activeElement),
          {
            timeout: 5_000,
          },
        )
        .toBe(true);
      expect(await newRow.nth(1).getByRole('cell').nth(5).textContent()).toBe('04/03/2011');
    });

    it('names every field and control for screen readers, and has the banner, navigation and main landmarks', async () => {
      const app = await appWithPortalRequest();
      const page = await env.openPage(app.url);
      await page.getByRole('table', { name: 'Current work' }).waitFor();

      const expectNamed = async (where: string) => {
        expect(await unnamedControls(page), `unnamed controls on ${where}`).toEqual([]);
        expect(await unlabelledFields(page), `unlabelled fields on ${where}`).toEqual([]);
        expect(await page.getByRole('main').count(), `main on ${where}`).toBe(1);
        expect(await page.getByRole('banner').count(), `banner on ${where}`).toBe(1);
        expect(
          await page.getByRole('navigation', { name: 'ReturnDesk screens' }).count(),
          `navigation on ${where}`,
        ).toBe(1);
      };
      await expectNamed('the dashboard');
      expect(
        await page.getByRole('tabpanel').getByRole('table', { name: 'Current work' }).count(),
      ).toBe(1);

      await openScreen(page, 'Settings', 'Settings');
      await page.getByRole('button', { name: 'Add a provider…' }).click();
      await page.getByRole('button', { name: 'Add a destination…' }).click();
      const form = page.getByRole('form', { name: 'Add an upload destination' });
      for (const name of [
        'Destination name',
        'Web address',
        'Upload area',
        'User name',
        'Password (optional)',
        'Group key (optional)',
      ])
        expect(await form.getByRole('textbox', { name, exact: true }).count(), name).toBe(1);
      expect(await form.getByLabel('CA certificate (optional)').count()).toBe(1);
      await expectNamed('Settings with both add forms open');

      await page.getByRole('button', { name: 'Set password…' }).click();
      const dialog = page.getByRole('dialog', { name: `Password for jo.bloggs at ${DESTINATION}` });
      await dialog.waitFor();
      expect(await dialog.getByRole('textbox', { name: 'Password', exact: true }).count()).toBe(1);
      expect(await unnamedControls(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      await openScreen(page, 'Data portal', 'Data portal');
      await page.getByRole('button', { name: 'Add a request…' }).click();
      const request = page.getByRole('form', { name: 'Add a data request' });
      await request.waitFor();
      // The dates are text fields too, typed dd/mm/yyyy (not the browser's locale date field).
      for (const name of [
        'Reporting period',
        'Template',
        'Collection opens (optional)',
        'Due date',
      ])
        expect(await request.getByRole('textbox', { name, exact: true }).count(), name).toBe(1);
      expect(await request.getByRole('combobox', { name: 'Destination (optional)' }).count()).toBe(
        1,
      );
      await page.getByRole('button', { name: 'Import a file format…' }).click();
      await page.getByRole('form', { name: 'Import a file format' }).waitFor();
      await expectNamed('the Data portal with both forms open');
      await page.getByRole('button', { name: 'Import a schedule…' }).click();
      await page.getByRole('form', { name: 'Import a reporting schedule' }).waitFor();
      await expectNamed('the Data portal importing a schedule');

      // The first run has no navigation yet, but its landmarks and names all the same.
      const fresh = await env.startApp();
      const first = await env.openPage(fresh.url);
      await first.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' }).waitFor();
      expect(await unnamedControls(first)).toEqual([]);
      expect(await unlabelledFields(first)).toEqual([]);
      expect(await first.getByRole('main').count()).toBe(1);
      expect(await first.getByRole('form', { name: 'Your provider' }).count()).toBe(1);
    });

    it('does not scroll sideways at 1366×768 on any screen, even with a very long web address, nor the Data portal or the plan at 1024 px', async () => {
      const app = await appWithPortalRequest();
      const page = await env.openPage(app.url);
      expect(page.viewportSize()).toEqual({ width: 1366, height: 768 });
      await page.getByRole('table', { name: 'Current work' }).waitFor();
      expect(await horizontalOverflow(page), 'dashboard').toEqual({ page: 0, main: 0 });

      await openScreen(page, 'Settings', 'Settings');
      await page.getByText(LONG_URL).waitFor();
      expect(await horizontalOverflow(page), 'settings').toEqual({ page: 0, main: 0 });
      await page.getByRole('button', { name: 'Add a provider…' }).click();
      await page.getByRole('button', { name: 'Add a destination…' }).click();
      await page.getByRole('form', { name: 'Add an upload destination' }).waitFor();
      expect(await horizontalOverflow(page), 'settings with forms open').toEqual({
        page: 0,
        main: 0,
      });
      await screenshot(page, 'settings-long-address-forms-open-light');

      await openScreen(page, 'Data portal', 'Data portal');
      await page.getByRole('button', { name: 'Add a request…' }).click();
      await page.getByRole('form', { name: 'Add a data request' }).waitFor();
      await page.getByRole('button', { name: 'Import a file format…' }).click();
      await page.getByRole('form', { name: 'Import a file format' }).waitFor();
      expect(await horizontalOverflow(page), 'data portal with forms open').toEqual({
        page: 0,
        main: 0,
      });
      await screenshot(page, 'portal-forms-open-light');

      // A request added by hand, its dates typed as in England: 04/05/2030 is the 4th of May, where
      // a browser's own date field set to American English would have meant the 5th of April.
      await addRequestByHand(page, {
        period: 'July 2030',
        template: 'Results',
        opens: '2030-04-03',
        due: '2030-05-04',
      });
      expect(await requestRow(page, 'Results').getByRole('cell').nth(2).textContent()).toBe(
        '4th May 2030',
      );

      // At 1024 px the requests keep their Status column on screen, with no sideways scroll.
      await page.setViewportSize({ width: 1024, height: 768 });
      const requests = page.getByRole('table', { name: 'Current data requests' });
      const status = await requests.getByRole('columnheader', { name: 'Status' }).boundingBox();
      expect(status && status.x + status.width).toBeLessThanOrEqual(1024);
      expect(await horizontalOverflow(page), 'data portal at 1024 px').toEqual({
        page: 0,
        main: 0,
      });

      // At 1024 px the plan's rows keep their Actions column on screen, with no sideways scroll.
      await page.evaluate(() => (window.location.hash = '#/plans/1'));
      const rows = page.getByRole('table', { name: 'Rows of plan 1' });
      await rows.waitFor();
      const actions = await rows.getByRole('columnheader', { name: 'Actions' }).boundingBox();
      expect(actions && actions.x + actions.width).toBeLessThanOrEqual(1024);
      expect(
        await rows.evaluate(
          (t) => (t.parentElement?.scrollWidth ?? 0) - (t.parentElement?.clientWidth ?? 0),
        ),
      ).toBe(0);
      expect(await horizontalOverflow(page), 'plan at 1024 px').toEqual({ page: 0, main: 0 });

      const fresh = await env.startApp();
      const first = await env.openPage(fresh.url);
      await first.getByRole('heading', { level: 1, name: 'Welcome to ReturnDesk' }).waitFor();
      expect(await horizontalOverflow(first), 'first run').toEqual({ page: 0, main: 0 });
    });
  },
);
