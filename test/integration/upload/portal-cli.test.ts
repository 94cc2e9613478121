// Data portal returns end to end from the command line, against the reference server's portal
// side over real HTTPS with the password in the real Secret Service: requests synced, a file
// uploaded against its request and verified, a failed validation kept on Current, a nil return.
import { describe, expect, it } from 'vitest';
import { writeIn } from '../cli';
import { addDestination, cliFor, type CliRunner } from './support/cli';
import { pollUntil, useUploadEnv } from './support/env';
import { calendarDateIn } from '../../../shared/dates';
import { formatIsoDate } from '../../../shared/history/wording';

const env = useUploadEnv();
const cli = cliFor(env.service);
const PORTAL = 'Ofqual Data Portal';
const PORTAL_KEY = 'OFQL-2019-DATA-PORT';

/** A date `days` from today in England, as the app and the server both count. */
function day(days: number): string {
  const t = calendarDateIn(new Date());
  const d = new Date(Date.UTC(t.year, t.month - 1, t.day + days));
  return formatIsoDate({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
  });
}

interface RequestJson {
  id: number;
  template: string;
  status: string;
  tab: string;
  detail: string | null;
  fromPortal: boolean;
}

const REQUESTS = [
  {
    period: 'June 2019',
    template: 'SpecificationCodes',
    opens: day(-5),
    due: day(7),
    columns: ['Year', 'Tier'],
  },
  {
    period: 'June 2019',
    template: 'T1 Entries',
    opens: day(-30),
    due: day(-2),
    columns: ['Year', 'Entries'],
  },
  {
    period: 'Summer 2019',
    template: 'SummerAwarding 1ab GradeBoundary',
    opens: day(-60),
    due: day(-56),
  },
  { period: 'November 2019', template: 'EaRs DR1', opens: day(6), due: day(20) },
].map((r) => ({ area: PORTAL, ...r }));

async function setUp() {
  const server = await env.startServer({ requests: REQUESTS });
  const data = await env.tempDir();
  const dest = await addDestination(cli, data, server, {
    name: 'ofqual',
    area: PORTAL,
    groupKey: PORTAL_KEY,
  });
  return { data, dest, dir: await env.tempDir() };
}

const sync = (data: string, dest: string) =>
  cli.json<RequestJson[]>(data, ['portal', 'requests', '--destination', dest]);

function byTemplate(list: RequestJson[], template: string): RequestJson {
  const r = list.find((x) => x.template === template);
  if (!r) throw new Error(`${template} is not listed: ${JSON.stringify(list)}`);
  return r;
}

async function until(cliData: { data: string; dest: string }, template: string, status: string) {
  const list = await pollUntil(
    `${template} to read ${status}`,
    () => sync(cliData.data, cliData.dest),
    (l) => l.some((r) => r.template === template && r.status === status),
  );
  return byTemplate(list, template);
}

async function upload(c: CliRunner, data: string, id: number, path: string) {
  return c.run(data, ['portal', 'upload', '--request', String(id), path, '--json']);
}

describe('returndesk portal, end to end', () => {
  it("lists the portal's requests with the dashboard's wording, in due-date order", async () => {
    const { data, dest } = await setUp();
    const list = await sync(data, dest);
    expect(list.map((r) => [r.template, r.status])).toEqual([
      ['SummerAwarding 1ab GradeBoundary', 'Overdue by 56 days'],
      ['T1 Entries', 'Overdue by 2 days'],
      ['SpecificationCodes', 'Due in 7 days'],
      ['EaRs DR1', 'Collection open in 6 days'],
    ]);
    expect(list.every((r) => r.fromPortal)).toBe(true);
    // A second sync updates, it does not duplicate.
    expect(await sync(data, dest)).toHaveLength(4);
  });

  it('lists the requests as last synced when the portal refuses the sync: a warning, exit 1', async () => {
    const { data, dest } = await setUp();
    const synced = await sync(data, dest);
    const args = ['portal', 'requests', '--destination', dest, '--password-stdin', '--json'];
    const r = await cli.run(data, args, { stdin: 'not-the-password\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^returndesk: warning: could not sync 'ofqual' \(.+\); showing the requests as last synced\.\n$/,
    );
    expect(JSON.parse(r.stdout)).toEqual(synced);
  });

  it('uploads a file against its request: pending verification, then Accepted under Previous', async () => {
    const s = await setUp();
    const codes = byTemplate(await sync(s.data, s.dest), 'SpecificationCodes');
    const file = await writeIn(s.dir, 'codes.csv', 'Year,Tier\r\n2019,F\r\n');
    const r = await upload(cli, s.data, codes.id, file);
    expect(r.stderr).toMatch(/no file format is attached/);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      file: 'codes.csv',
      status: 'pending-verification',
      request: codes.id,
    });
    const done = await until(s, 'SpecificationCodes', 'Accepted');
    expect(done.tab).toBe('previous');
    // The portal will not take another file until the regulator rejects the accepted one.
    const again = await upload(cli, s.data, codes.id, file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /cannot take a file now \(Accepted\).*reject the existing submission/,
    );
  });

  it("keeps a failed validation on Current with the portal's message", async () => {
    const s = await setUp();
    const entries = byTemplate(await sync(s.data, s.dest), 'T1 Entries');
    const file = await writeIn(s.dir, 'entries.csv', 'Year,Entrants\r\n2019,4\r\n');
    expect((await upload(cli, s.data, entries.id, file)).code).toBe(0);
    const failed = await until(s, 'T1 Entries', 'Failed validation');
    expect(failed.tab).toBe('current');
    expect(failed.detail).toMatch(/^Line 1\b/);
    expect(failed.detail).not.toMatch(/^Line 1: Line 1/);
    // A corrected file may be sent: the request is still open.
    const fixed = await writeIn(s.dir, 'entries-fixed.csv', 'Year,Entries\r\n2019,4\r\n');
    expect((await upload(cli, s.data, entries.id, fixed)).code).toBe(0);
    expect((await until(s, 'T1 Entries', 'Accepted')).tab).toBe('previous');
  });

  it('records "No data to submit" on the portal; the request moves to Previous', async () => {
    const s = await setUp();
    const grades = byTemplate(await sync(s.data, s.dest), 'SummerAwarding 1ab GradeBoundary');
    const nil = await cli.json<RequestJson>(s.data, [
      'portal',
      'nil-return',
      '--request',
      String(grades.id),
    ]);
    expect(nil).toMatchObject({ status: 'No data submitted', tab: 'previous' });
    const after = byTemplate(await sync(s.data, s.dest), 'SummerAwarding 1ab GradeBoundary');
    expect(after.status).toBe('No data submitted');
  });

  it('refuses an upload before the collection opens, without sending anything', async () => {
    const s = await setUp();
    const ears = byTemplate(await sync(s.data, s.dest), 'EaRs DR1');
    const file = await writeIn(s.dir, 'ears.csv', 'A\r\n1\r\n');
    const r = await upload(cli, s.data, ears.id, file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot take a file now \(Collection open in 6 days\)/);
    const status = await cli.json<unknown[]>(s.data, ['status']);
    expect(status).toEqual([]);
  });
});
