// The data portal side of the reference extranet (Ofqual's Data Portal): data requests loaded with
// --requests, uploads made against them and checked against the template's columns, nil returns,
// and the refusals a client must handle, over real HTTPS.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExtranetUntilExit } from '../../extranet/spawn';
import { expectError, joinArea, parsed, tempDir } from './client';
import {
  PORTAL,
  COLUMNS,
  SPEC,
  T1,
  entry,
  REQUESTS,
  csv,
  GOOD_CSV,
  errorMessage,
  Portal,
  type DataRequest,
} from './portal-support';

describe('reference extranet: data requests', () => {
  it('lists an area’s requests by due date, then template, each awaiting a file', async () => {
    const requests = await (await Portal.start()).requests();
    expect(requests.map((r) => [r.due, r.template])).toEqual([
      ['2019-03-28', 'EaRs DR1'],
      ['2019-04-03', 'GQ Item Level'],
      ['2019-04-03', 'SpecificationCodes'],
      ['2019-04-05', 'T1 Entries'],
      ['2019-08-06', 'SummerAwarding 1ab'],
    ]);
    expect(requests[2]).toEqual({
      id: SPEC,
      areaId: 'ofqual-data-portal',
      period: 'June 2019',
      template: 'SpecificationCodes',
      opens: '2019-03-01',
      due: '2019-04-03',
      status: 'awaiting',
      uploadId: null,
      fileName: null,
      messages: [],
      nilReturnAt: null,
      nilReturnBy: null,
    });
    expect(requests.map((r) => r.id)).toEqual([
      'november-2018-ears-dr1',
      'june-2019-gq-item-level',
      SPEC,
      T1,
      'summer-1ab',
    ]);
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(['awaiting']));
  });

  it('keeps non-members out of an area’s requests and answers UNKNOWN_AREA for no such area', async () => {
    const portal = await Portal.start({ users: ['demo:demo-password', 'outsider:pw-2'] });
    const outsider = await portal.as('outsider', 'pw-2');
    expectError(await outsider.listing(), 403, 'NOT_A_MEMBER');
    expectError(await outsider.create('spec.csv', SPEC, 1), 403, 'NOT_A_MEMBER');
    expectError(await outsider.nilReturn(SPEC), 403, 'NOT_A_MEMBER');
    expectError(await outsider.listing('no-such-area'), 404, 'UNKNOWN_AREA');
    expectError(await outsider.listing('Not An Id'), 404, 'UNKNOWN_AREA');
  });

  it('answers UNKNOWN_REQUEST for a request that does not exist, BAD_REQUEST for another area’s', async () => {
    const portal = await Portal.start();
    expectError(await portal.create('x.csv', 'no-such-request', 1), 404, 'UNKNOWN_REQUEST');
    expectError(await portal.nilReturn('no-such-request'), 404, 'UNKNOWN_REQUEST');
    expectError(await portal.nilReturn('NOT A VALID ID'), 404, 'UNKNOWN_REQUEST');
    const gua = await joinArea(portal.server, portal.token, 'P699 8C22EF79');
    expectError(await portal.create('x.csv', SPEC, 1, gua.id), 400, 'BAD_REQUEST');
  });
});

describe('reference extranet: uploads against data requests', () => {
  it('keeps the request pending verification until the verdict, then accepted with the file', async () => {
    const first = await Portal.start({ verifyDelayMs: 600_000 });
    const id = await first.send('Specification codes.CSV', SPEC, GOOD_CSV);
    const sent = { uploadId: id, fileName: 'Specification codes.CSV' };
    expect(await first.receipt(id)).toMatchObject({
      status: 'pending-verification',
      request: SPEC,
    });
    expect(await first.request(SPEC)).toMatchObject({ status: 'pending-verification', ...sent });

    // The waiting verification runs after the next start; the request follows its verdict.
    const portal = await first.restart();
    expect(await portal.verdict(id)).toMatchObject({ status: 'accepted', messages: [] });
    expect(await portal.request(SPEC)).toMatchObject({ status: 'accepted', ...sent, messages: [] });
  });

  it('fails a CSV whose header is not the template’s columns with HEADER on line 1', async () => {
    const portal = await Portal.start();
    const data = csv(['Year,Date,SpecificationCode,Title', '2019,2019-06-01,601/8299/X,Biology']);
    const id = await portal.send('spec.csv', SPEC, data);
    const r = await portal.verdict(id);
    expect(r.status).toBe('failed');
    const expected =
      /Year,ReportingDate,SpecificationCode,Title.*Year,Date,SpecificationCode,Title/;
    expect(r.messages).toEqual([
      { code: 'HEADER', message: expect.stringMatching(expected), line: 1 },
    ]);
    expect(await portal.request(SPEC)).toMatchObject({
      status: 'failed',
      uploadId: id,
      messages: r.messages,
    });
    // The same file sent without a request is checked as before: any non-empty file passes.
    const plain = await portal.send('spec.csv', undefined, data);
    expect(await portal.verdict(plain)).toMatchObject({ status: 'accepted', request: null });
  });

  it('reports each row with the wrong number of values as COLUMN_COUNT with its line, 20 at most', async () => {
    const portal = await Portal.start();
    const rows = [COLUMNS.join(','), '2019,2019-06-01,601/8299/X,"A, B"', '2019,2019-06-01,X'];
    rows.push('', '2019,2019-06-01,601/8299/X,Biology,extra');
    for (let n = 0; n < 21; n++) rows.push('2019');
    const r = await portal.verdict(await portal.send('spec.csv', SPEC, csv(rows)));
    expect(r.status).toBe('failed');
    expect(r.messages.slice(0, 2)).toEqual([
      { code: 'COLUMN_COUNT', message: expect.stringMatching(/Line 3 has 3 .*4 columns/), line: 3 },
      { code: 'COLUMN_COUNT', message: expect.stringMatching(/Line 5 has 5 values/), line: 5 },
    ]);
    expect(r.messages).toHaveLength(21);
    expect(r.messages[19]?.line).toBe(23);
    expect(r.messages[20]).toEqual({
      code: 'COLUMN_COUNT',
      message: expect.stringContaining('3 more'),
      line: null,
    });
  });

  it('fails an empty CSV with EMPTY, and accepts any non-empty file for a request without columns', async () => {
    const portal = await Portal.start();
    const empty = await portal.verdict(await portal.send('spec.csv', SPEC, Buffer.alloc(0)));
    expect(empty.messages.map((m) => m.code)).toEqual(['EMPTY']);
    const any = await portal.verdict(
      await portal.send('t1.csv', T1, csv(['anything,at all', '1'])),
    );
    expect(any).toMatchObject({ status: 'accepted', messages: [] });
  });

  it('refuses an upload before the request opens with NOT_OPEN, naming the date it opens', async () => {
    const early = await Portal.start();
    const refused = await early.create('gb.csv', 'summer-1ab', 5);
    expectError(refused, 409, 'NOT_OPEN');
    expect(errorMessage(refused)).toContain('2019-06-01');

    const opened = await early.restart({ today: '2019-06-01' });
    expect((await opened.create('gb.csv', 'summer-1ab', 5)).status).toBe(201);
  });

  it('takes a new file for a failed request, then refuses uploads and nil returns once accepted', async () => {
    const portal = await Portal.start();
    const bad = await portal.send('spec.csv', SPEC, csv(['Year']));
    expect((await portal.verdict(bad)).status).toBe('failed');
    const good = await portal.send('spec-v2.csv', SPEC, GOOD_CSV);
    expect((await portal.verdict(good)).status).toBe('accepted');
    expect(await portal.request(SPEC)).toMatchObject({
      status: 'accepted',
      uploadId: good,
      fileName: 'spec-v2.csv',
      messages: [],
    });

    const closed = await portal.create('spec-v3.csv', SPEC, 10);
    expectError(closed, 409, 'CLOSED');
    expect(errorMessage(closed)).toMatch(/regulator must first reject the existing submission/);
    expectError(await portal.nilReturn(SPEC, {}), 409, 'CLOSED');
  });
});

describe('reference extranet: nil returns', () => {
  it('records a nil return with who and when, harmlessly again, and then refuses uploads', async () => {
    const portal = await Portal.start();
    const before = Date.now();
    const reply = await portal.nilReturn(T1);
    expect(reply.status, reply.text).toBe(200);
    const recorded = parsed<DataRequest>(reply);
    expect(recorded).toMatchObject({ id: T1, status: 'nil-return', nilReturnBy: 'demo' });
    expect(recorded.nilReturnAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const at = Date.parse(recorded.nilReturnAt ?? '');
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);

    const again = await portal.nilReturn(T1, {});
    expect(again.status).toBe(200);
    expect(parsed(again)).toEqual(recorded);
    expect(await portal.request(T1)).toEqual(recorded);
    expectError(await portal.create('t1.csv', T1, 3), 409, 'CLOSED');
  });

  it('refuses a nil return while a file is pending verification, and before the request opens', async () => {
    const portal = await Portal.start({ verifyDelayMs: 600_000 });
    await portal.send('spec.csv', SPEC, GOOD_CSV);
    const pending = await portal.nilReturn(SPEC);
    expectError(pending, 409, 'PENDING');
    expect(errorMessage(pending)).toMatch(/wait for the verification result/);
    expectError(await portal.nilReturn('summer-1ab'), 409, 'NOT_OPEN');
    expectError(await portal.nilReturn(SPEC, []), 400, 'BAD_REQUEST');
    expect(await portal.request(SPEC)).toMatchObject({ status: 'pending-verification' });
    expect(await portal.request('summer-1ab')).toMatchObject({ status: 'awaiting' });
  });
});

describe('reference extranet: the --requests file', () => {
  it('keeps uploads and nil returns when the file is loaded again on a later start, with new dates', async () => {
    const first = await Portal.start();
    const id = await first.send('spec.csv', SPEC, GOOD_CSV);
    expect((await first.verdict(id)).status).toBe('accepted');
    expect((await first.nilReturn(T1)).status).toBe(200);

    const moved = REQUESTS.map((r) =>
      r.template === 'SpecificationCodes' ? { ...r, due: '2019-04-10' } : r,
    );
    const portal = await first.restart({ requests: moved });
    const requests = await portal.requests();
    expect(requests.map((r) => r.id)).toEqual([
      'november-2018-ears-dr1',
      'june-2019-gq-item-level',
      T1,
      SPEC,
      'summer-1ab',
    ]);
    expect(requests[3]).toMatchObject({ due: '2019-04-10', status: 'accepted', uploadId: id });
    expect(requests[2]).toMatchObject({ status: 'nil-return', nilReturnBy: 'demo' });

    // Without --requests the stored requests stay as they are.
    const plain = await portal.restart();
    expect(await plain.requests()).toEqual(requests);
  });

  it('opens a request written without opens on its due date, and takes nothing before then', async () => {
    const dueOnly = {
      area: PORTAL,
      period: 'June 2019',
      template: 'T1 Entries',
      due: '2019-04-05',
    };
    const portal = await Portal.start({ requests: [dueOnly] });
    expect(await portal.requests()).toMatchObject([
      { id: T1, opens: '2019-04-05', due: '2019-04-05', status: 'awaiting' },
    ]);
    expectError(await portal.nilReturn(T1), 409, 'NOT_OPEN');
  });

  it('refuses a bad --requests file with exit code 2 and one line naming the file and entry', async () => {
    const dir = await tempDir();
    const t1 = entry('June 2019', 'T1', '2019-03-01', '2019-04-05');
    const cases: [unknown, RegExp][] = [
      ['[{"area": ', /requests-0\.json is not valid JSON/],
      [{ area: PORTAL }, /should hold a JSON array/],
      [[t1, { ...t1, period: undefined }], /entry 2: period is missing/],
      [[{ ...t1, opens: '2019-02-29' }], /entry 1: opens should be a real date/],
      [[{ ...t1, due: '2019-02-28' }], /entry 1: due is before opens/],
      [[{ ...t1, colums: ['Year'] }], /entry 1: .*colums/],
      [
        [t1, { ...t1, template: 'T2', area: 'No such area' }],
        /entry 2 \(june-2019-t2\): there is no area named "No such area"/,
      ],
      [
        [t1, t1],
        /entry 2 \(june-2019-t1\): the request id "june-2019-t1" is also used by .*entry 1/,
      ],
    ];
    // Each case has its own file and data folder, so they can start side by side.
    const runs = cases.map(async ([content, expected], n) => {
      const file = join(dir, `requests-${n}.json`);
      await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
      const dataDir = join(dir, `data-${n}`);
      return { file, expected, run: await runExtranetUntilExit({ dataDir, requestFiles: [file] }) };
    });
    for (const { file, expected, run } of await Promise.all(runs)) {
      expect(run.exit, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^extranet: --requests \//);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(expected);
      expect(lines[0]).not.toMatch(/\s+at |\.ts:\d+/);
    }
  });
});
