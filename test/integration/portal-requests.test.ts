// The data portal's schedule from the command line, offline: requests added or imported for a
// portal ReturnDesk cannot reach, their status wording on a given day, file formats attached to a
// template, and nil returns kept in the history.
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, runCli, useTempDirs, writeIn } from './cli';

const tempDir = useTempDirs();

interface RequestJson {
  id: number;
  period: string;
  template: string;
  opens: string;
  due: string;
  status: string;
  tab: 'current' | 'previous';
  canUpload: boolean;
  destination: string | null;
  format: string | null;
}

async function rd(data: string, args: string[]) {
  return runCli(['--data-dir', data, ...args]);
}

async function requests(data: string, today: string): Promise<RequestJson[]> {
  const r = await rd(data, ['portal', 'requests', '--today', today, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as RequestJson[];
}

/** `opens` null: no --opens, so the collection opens on the due date. */
const add = (
  data: string,
  template: string,
  opens: string | null,
  due: string,
  period = 'June 2019',
) =>
  rd(data, [
    'portal',
    'request',
    'add',
    '--period',
    period,
    '--template',
    template,
    ...(opens === null ? [] : ['--opens', opens]),
    '--due',
    due,
  ]);

describe('returndesk portal requests', () => {
  it("words each status as the portal's dashboard does on the day given", async () => {
    const data = await tempDir();
    expect((await add(data, 'EaRs DR1', '2019-03-28', '2019-03-28', 'November 2018')).code).toBe(0);
    expect((await add(data, 'SpecificationCodes', '2019-04-03', '2019-04-03')).code).toBe(0);
    expect((await add(data, 'T1 Entries', '2019-04-05', '2019-04-05')).code).toBe(0);
    const list = await requests(data, '2019-03-22');
    expect(list.map((r) => [r.period, r.template, r.due, r.status])).toEqual([
      ['November 2018', 'EaRs DR1', '2019-03-28', 'Collection open in 6 days'],
      ['June 2019', 'SpecificationCodes', '2019-04-03', 'Collection open in 12 days'],
      ['June 2019', 'T1 Entries', '2019-04-05', 'Collection open in 14 days'],
    ]);
    const later = await requests(data, '2019-05-29');
    expect(later.map((r) => r.status)).toEqual([
      'Overdue by 62 days',
      'Overdue by 56 days',
      'Overdue by 54 days',
    ]);
    expect(later.every((r) => r.canUpload && r.tab === 'current')).toBe(true);
  });

  it("reproduces the guide's first table from the due dates alone: without --opens a collection opens on its due date", async () => {
    const data = await tempDir();
    const first = await add(data, 'EaRs DR1', null, '2019-03-28', 'November 2018');
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^Added request 1: EaRs DR1 for November 2018, due 2019-03-28 \(/);
    expect((await add(data, 'SpecificationCodes', null, '2019-04-03')).code).toBe(0);
    expect((await add(data, 'T1 Entries', null, '2019-04-05')).code).toBe(0);
    const list = await requests(data, '2019-03-22');
    expect(list.map((r) => [r.period, r.template, r.opens, r.due, r.status, r.canUpload])).toEqual([
      ['November 2018', 'EaRs DR1', '2019-03-28', '2019-03-28', 'Collection open in 6 days', false],
      [
        'June 2019',
        'SpecificationCodes',
        '2019-04-03',
        '2019-04-03',
        'Collection open in 12 days',
        false,
      ],
      ['June 2019', 'T1 Entries', '2019-04-05', '2019-04-05', 'Collection open in 14 days', false],
    ]);
    const onDue = await requests(data, '2019-03-28');
    expect(onDue.map((r) => [r.status, r.canUpload])).toEqual([
      ['Due today', true],
      ['Collection open in 6 days', false],
      ['Collection open in 8 days', false],
    ]);
  });

  it('prints a table a person can read', async () => {
    const data = await tempDir();
    await add(data, 'SpecificationCodes', '2019-03-01', '2019-04-03');
    const r = await rd(data, ['portal', 'requests', '--today', '2019-04-02']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Reporting period\s+Template\s+Opens\s+Due\s+Status/);
    expect(r.stdout).toMatch(
      /June 2019\s+SpecificationCodes\s+2019-03-01\s+2019-04-03\s+Due in 1 day/,
    );
  });

  it('imports a schedule saved from Excel, with the dates as the portal writes them', async () => {
    const data = await tempDir();
    const dir = await tempDir();
    const schedule = await writeIn(
      dir,
      'schedule.csv',
      [
        'Reporting Period,Template,Opens,Due Date',
        'June 2019,SpecificationCodes,25/03/2019,3rd Apr 2019',
        'June 2018,SpecialConsideration,2018-09-01,28th Sep 2018',
      ].join('\r\n'),
    );
    const r = await rd(data, ['portal', 'request', 'import', schedule, '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ added: 2, skipped: 0 });
    const again = await rd(data, ['portal', 'request', 'import', schedule, '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ added: 0, skipped: 2 });
    const list = await requests(data, '2019-03-22');
    expect(list.map((x) => [x.template, x.opens, x.due])).toEqual([
      ['SpecialConsideration', '2018-09-01', '2018-09-28'],
      ['SpecificationCodes', '2019-03-25', '2019-04-03'],
    ]);
  });

  it('imports a schedule without an Opens column, or with blank opening dates: they open on the due date', async () => {
    const data = await tempDir();
    const dir = await tempDir();
    const noColumn = await writeIn(
      dir,
      'due-only.csv',
      ['Reporting Period,Template,Due Date', 'November 2018,EaRs DR1,28th Mar 2019'].join('\r\n'),
    );
    const blanks = await writeIn(
      dir,
      'some-blank.csv',
      [
        'Reporting Period,Template,Opens,Due Date',
        'June 2019,SpecificationCodes,,3rd Apr 2019',
        'June 2019,T1 Entries,01/04/2019,5th Apr 2019',
      ].join('\r\n'),
    );
    for (const [file, added] of [
      [noColumn, 1],
      [blanks, 2],
    ] as const) {
      const r = await rd(data, ['portal', 'request', 'import', file, '--json']);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({ added, skipped: 0 });
    }
    const list = await requests(data, '2019-03-22');
    expect(list.map((x) => [x.template, x.opens, x.due, x.status])).toEqual([
      ['EaRs DR1', '2019-03-28', '2019-03-28', 'Collection open in 6 days'],
      ['SpecificationCodes', '2019-04-03', '2019-04-03', 'Collection open in 12 days'],
      ['T1 Entries', '2019-04-01', '2019-04-05', 'Collection open in 10 days'],
    ]);
  });

  it('refuses a schedule without a Due column, naming it', async () => {
    const data = await tempDir();
    const dir = await tempDir();
    const schedule = await writeIn(
      dir,
      'schedule.csv',
      'Reporting period,Template,Opens\nJune 2019,A,2019-03-01\n',
    );
    const r = await rd(data, ['portal', 'request', 'import', schedule]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Reporting period, Template and Due .*; due is missing/);
    expect(await requests(data, '2019-03-22')).toEqual([]);
  });

  it('refuses a schedule with a bad row, naming the row, and imports nothing', async () => {
    const data = await tempDir();
    const dir = await tempDir();
    const schedule = await writeIn(
      dir,
      'schedule.csv',
      'Reporting period,Template,Opens,Due\nJune 2019,A,2019-03-01,2019-04-01\nJune 2019,B,31/02/2019,2019-04-01\n',
    );
    const r = await rd(data, ['portal', 'request', 'import', schedule]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Row 3: the opening date '31\/02\/2019' is not a date/);
    expectNoStackTrace(r);
    expect(await requests(data, '2019-03-22')).toEqual([]);
  });

  it.each([
    [['--opens', '2019-02-30'], /--opens: Give a date that exists/],
    [['--opens', '2019-04-10'], /--due: The due date cannot be before the collection opens/],
  ])('refuses a request with %j in one line', async (change, says) => {
    const data = await tempDir();
    const args = ['portal', 'request', 'add', '--period', 'June 2019', '--template', 'T'];
    args.push('--opens', '2019-03-01', '--due', '2019-04-03', ...change);
    const r = await rd(data, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(says);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('records a nil return for a request kept here: it moves to Previous as "No data submitted"', async () => {
    const data = await tempDir();
    await add(data, 'SummerAwarding 1ab GradeBoundary', '2019-07-01', '2019-08-06');
    const [r] = await requests(data, '2019-10-01');
    const nil = await rd(data, ['portal', 'nil-return', '--request', String(r?.id), '--json']);
    expect(nil.stderr).toBe('');
    expect(JSON.parse(nil.stdout)).toMatchObject({ status: 'No data submitted', tab: 'previous' });
    const audit = await rd(data, ['audit', 'verify']);
    expect(audit.code).toBe(0);
  });

  it('refuses to sync a destination that does not exist, exit 2', async () => {
    const data = await tempDir();
    const r = await rd(data, ['portal', 'requests', '--destination', 'Nowhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^returndesk: There is no destination named 'Nowhere'/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names the command that lists the requests when one does not exist, exit 2', async () => {
    const data = await tempDir();
    const r = await rd(data, ['portal', 'nil-return', '--request', '99']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "returndesk: There is no data request 99. 'returndesk portal requests' lists them.\n",
    );
  });

  it('refuses to upload for a request that has no destination, saying where to do it', async () => {
    const data = await tempDir();
    const dir = await tempDir();
    await add(data, 'SpecificationCodes', '2019-03-01', '2029-04-03');
    const file = await writeIn(dir, 'codes.csv', 'Year\n2019\n');
    const [r] = await requests(data, '2019-03-22');
    const up = await rd(data, ['portal', 'upload', '--request', String(r?.id), file]);
    expect(up.code).toBe(1);
    expect(up.stderr).toMatch(/without a destination.*portal's own website/);
    expectNoStackTrace(up);
  });
});

describe('returndesk portal format import', () => {
  const SPEC =
    'Name,Description,Position,Validation Regular Expression\nYear,Year,1,^\\d{4}$\nTier,Tier,2,(F|H|-2)\n';

  it('attaches a file format to a template; requests show it', async () => {
    const data = await tempDir();
    const dir = await tempDir();
    const spec = await writeIn(dir, 'codes-format.csv', SPEC);
    const r = await rd(data, [
      'portal',
      'format',
      'import',
      '--template',
      'SpecificationCodes',
      spec,
      '--json',
    ]);
    expect(r.stderr).toBe(
      'returndesk: warning: no data request has the template SpecificationCodes, so no file is checked against this format until one does (there are no data requests yet).\n',
    );
    expect(JSON.parse(r.stdout)).toMatchObject({
      template: 'SpecificationCodes',
      columns: ['Year', 'Tier'],
    });
    await add(data, 'SpecificationCodes', '2019-03-01', '2019-04-03');
    const [req] = await requests(data, '2019-03-22');
    expect(req?.format).toBe('codes-format.csv');
  });

  it("warns of a template no request has, naming the requests' templates, and not of one they have", async () => {
    const data = await tempDir();
    const dir = await tempDir();
    const spec = await writeIn(dir, 'codes-format.csv', SPEC);
    await add(data, 'SpecificationCodes', '2019-03-01', '2019-04-03');
    const typo = await rd(data, ['portal', 'format', 'import', '--template', 'SpecCodes', spec]);
    expect(typo.code).toBe(0);
    expect(typo.stderr).toBe(
      "returndesk: warning: no data request has the template SpecCodes, so no file is checked against this format until one does (the requests' templates: SpecificationCodes).\n",
    );
    const right = await rd(data, [
      'portal',
      'format',
      'import',
      '--template',
      'specificationcodes',
      spec,
    ]);
    expect(right.stderr).toBe('');
  });

  it('refuses a specification whose unquoted expression holds a comma, naming the row', async () => {
    const data = await tempDir();
    const dir = await tempDir();
    const spec = await writeIn(dir, 'names.csv', `${SPEC}Centre,Centre name,3,^.{1,200}$\n`);
    const r = await rd(data, ['portal', 'format', 'import', '--template', 'X', spec]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /Row 4 of the specification \(Centre\) has 5 values but the first row names 4 columns/,
    );
  });

  it('checks an upload against it and refuses a file with errors unless --accept-errors', async () => {
    const data = await tempDir();
    const dir = await tempDir();
    const spec = await writeIn(dir, 'codes-format.csv', SPEC);
    await rd(data, ['portal', 'format', 'import', '--template', 'SpecificationCodes', spec]);
    await add(data, 'SpecificationCodes', '2019-03-01', '2029-04-03');
    const [req] = await requests(data, '2019-03-22');
    const bad = await writeIn(dir, 'codes.csv', 'Year,Tier\n19,X\n');
    const up = await rd(data, ['portal', 'upload', '--request', String(req?.id), bad]);
    expect(up.code).toBe(1);
    expect(up.stderr).toMatch(/CSV_VALUE_PATTERN/);
    expect(up.stderr).toMatch(
      /has 2 errors against the SpecificationCodes file format.*--accept-errors/,
    );
  });

  it('refuses a broken specification and attaches nothing', async () => {
    const data = await tempDir();
    const dir = await tempDir();
    const spec = await writeIn(
      dir,
      'bad.csv',
      'Name,Description,Position,Validation Regular Expression\nYear,Year,1,^(\\d{4}$\n',
    );
    const r = await rd(data, ['portal', 'format', 'import', '--template', 'X', spec]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a valid regular expression/);
    const list = await rd(data, ['portal', 'formats', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });
});
