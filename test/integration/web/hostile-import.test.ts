// Browser mode's server survives a crafted action plan workbook, crafted amendment and ILR XML
// files to check or keep (an amendment file's huge values are shown shortened), and MIS extracts too large to compare or build from: each is refused in
// one sentence and the server keeps answering. The files are read in the import worker, never in
// the server's own thread; its heap for extracts is set small here (as RETURNDESK_EXTRACT_HEAP_MB
// sets it) so that extracts of a few megabytes exhaust it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperations } from '../../../electron/operations';
import { startWebServer } from '../../../electron/web/server';
import type { WebServer } from '../../../electron/web/server';
import { createNodeHost } from '../../../electron/web/node-host';
import type { NodeHost } from '../../../electron/web/node-host';
import { MemoryVault } from '../../support/memory-vault';
import { writeCraftedWorkbook } from '../../support/crafted-workbook';
import { providerWithPlan } from '../store/support/history';
import { extractBytes } from '../../support/compare-pair';

let dir: string;
let host: NodeHost;
let server: WebServer;
let token: string;

/** The session token, exchanged for a one-time code as the page does on its first load. */
function exchange(code: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/session',
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${server.port}`,
          Origin: `http://127.0.0.1:${server.port}`,
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve((JSON.parse(body) as { token: string }).token));
      },
    );
    req.once('error', reject);
    req.end(JSON.stringify({ code }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'returndesk-web-hostile-'));
  host = createNodeHost(join(dir, 'data'), { vault: new MemoryVault(), extractHeapMb: 48 });
  server = await startWebServer({
    operations: createOperations(host),
    staticDir: dir,
    subscribe: host.subscribe,
  });
  token = await exchange(server.newCode());
  await writeCraftedWorkbook(join(dir, 'huge.xlsx'), 3_000_000);
  await writeCraftedWorkbook(join(dir, 'many.xlsx'), 10_000);
}, 120_000);

afterAll(async () => {
  await server.close();
  host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One call of the operations over HTTP, as the browser-mode client makes it. */
function api(channel: string, input: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/call/${channel}`,
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${server.port}`,
          'x-returndesk-token': token,
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve(JSON.parse(body)));
      },
    );
    req.once('error', reject);
    req.end(JSON.stringify({ input }));
  });
}

const importing = (name: string) =>
  api('plans.importXlsx', {
    upin: '105432',
    year: '2010-11',
    fileName: name,
    base64: readFileSync(join(dir, name)).toString('base64'),
  });

/**
 * An amendment file each of whose records is one value of nearly a million characters, which four
 * rules quote in their findings: whole, they needed far more memory than the worker is allowed.
 */
function craftedAmendmentFile(): string {
  const value = `"\u0001${'X'.repeat(900_000)}"`;
  const header =
    'chg105432A01\n14032011\nCrafted\nCHANGE\nA01,A03,A05\nA05\n3\nA01\n4\n\n\nA01,A03,A05\n';
  const records = Array.from({ length: 70 }, (_, i) => `${value},000012345678,${i + 1}\n`);
  return Buffer.from(header + records.join('')).toString('base64');
}

/** An ILR XML file of three million elements each inside the last. */
function craftedXmlFile(): string {
  return Buffer.from(
    `<?xml version="1.0"?><Message xmlns="http://www.theia.org.uk/ILR/2011-12/1">${'<a>'.repeat(3_000_000)}`,
  ).toString('base64');
}

describe('browser mode given a crafted action plan workbook', () => {
  it('refuses it in one sentence and keeps answering', { timeout: 120_000 }, async () => {
    await api('providers.add', { upin: '105432', name: 'Riverside College' });
    expect(await importing('huge.xlsx')).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(
          /^huge\.xlsx is far larger than any action plan and was not read: 239 MB uncompressed/,
        ),
      }),
    });
    expect(await importing('many.xlsx')).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'INVALID_INPUT',
        message:
          'many.xlsx has more than 10,000 rows, far more than any action plan; reading stopped there.',
      }),
    });
    expect(await api('plans.list', { upin: '105432' })).toEqual({ ok: true, value: [] });
    expect(await api('providers.list', undefined)).toMatchObject({
      ok: true,
      value: [{ upin: '105432' }],
    });
  });
});

describe('browser mode given crafted files to check', () => {
  const xmlName = 'A10005432_1112_01_20120101_120000.xml';
  const xmlOutOfMemory = `${xmlName} needs more memory to read than any ILR XML file would, and was not checked.`;

  it(
    'checks an amendment file of million-character values, each shown shortened',
    { timeout: 120_000 },
    async () => {
      const r = (await api('files.check', {
        files: [{ fileName: 'chg105432A01.amd', base64: craftedAmendmentFile() }],
      })) as { ok: true; value: { findings: { value: string | null; message: string }[] }[] };
      expect(r.ok).toBe(true);
      const [report] = r.value;
      const quoted = report?.findings.filter((f) => f.value?.startsWith('"\u0001XXX')) ?? [];
      // Four rules quote the value on each of the 70 records.
      expect(quoted.length).toBeGreaterThanOrEqual(70);
      for (const f of quoted) {
        expect(f.value).toBe(`"\u0001${'X'.repeat(198)}… (900,003 characters)`);
        expect(f.message.length).toBeLessThan(3000);
      }
      expect(await api('providers.list', undefined)).toMatchObject({ ok: true });
    },
  );

  it(
    'refuses an ILR XML file that exhausts the check, to check or to keep',
    { timeout: 120_000 },
    async () => {
      const base64 = craftedXmlFile();
      expect(await api('xmlFiles.check', { fileName: xmlName, base64 })).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'INVALID_INPUT', message: xmlOutOfMemory }),
      });
      expect(await api('xmlFiles.add', { upin: '105432', fileName: xmlName, base64 })).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'INVALID_INPUT', message: xmlOutOfMemory }),
      });
      expect(await api('xmlFiles.list', {})).toEqual({ ok: true, value: [] });
      expect(await api('providers.list', undefined)).toMatchObject({ ok: true });
    },
  );
});

/** A learning-aim extract of `records` records, each with the start date given. */
function extract(records: number, start: string): string {
  const lines = Array.from(
    { length: records },
    (_, i) => `012345,${String(i + 1).padStart(12, '0')},01,,,${start}`,
  );
  return ['A01,A03,A05,A48a,A48b,A27', ...lines, ''].join('\r\n');
}

describe('browser mode given MIS extracts that exhaust the worker', () => {
  it(
    'refuses to compare them or build from them in one sentence, keeping nothing',
    { timeout: 120_000 },
    async () => {
      const plan = providerWithPlan(host.store(), '012345');
      // Every record differs, so the comparison would list all 400,000.
      const returned = extractBytes('returned.csv', extract(400_000, '01092010'));
      const corrected = extractBytes('corrected.csv', extract(400_000, '15092010'));
      expect(await api('files.compare', { dataSet: 'A', returned, corrected })).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'INVALID_INPUT',
          message:
            'returned.csv or corrected.csv needs more memory to read than any MIS extract would, and the extracts were not compared.',
        }),
      });
      const row = { planId: plan.id, ref: 3, kind: 'ADD', dataSet: 'A', additionType: 2 };
      expect(await api('files.build', { ...row, ...corrected, checksumField: 'auto' })).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'INVALID_INPUT',
          message:
            'corrected.csv needs more memory to read than any MIS extract would, and no file was built.',
        }),
      });
      expect(await api('files.list', {})).toEqual({ ok: true, value: [] });
      expect(await api('files.preview', row)).toEqual({
        ok: true,
        value: { name: 'add012345A201.amd', seq: 1 },
      });
      expect(await api('providers.list', undefined)).toMatchObject({ ok: true });
    },
  );
});
