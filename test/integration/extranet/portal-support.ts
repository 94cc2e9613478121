// The data portal side of the reference extranet, as the portal tests drive it: requests loaded on
// 22 March 2019 in the portal's area, and one user's session that creates, sends and lists.
import { expect } from 'vitest';
import type { RequestFileEntry } from '../../extranet/request-file';
import type { RunningExtranet } from '../../extranet/spawn';
import {
  call,
  joinArea,
  json,
  login,
  parsed,
  patch,
  receipt,
  startServer,
  verdict,
  type Reply,
} from './client';

export const PORTAL = 'Ofqual Data Portal';
export const TODAY = '2019-03-22';
export const COLUMNS = ['Year', 'ReportingDate', 'SpecificationCode', 'Title'];
export const SPEC = 'june-2019-specificationcodes';
export const T1 = 'june-2019-t1-entries';

export const entry = (period: string, template: string, opens: string, due: string) =>
  ({ area: PORTAL, period, template, opens, due }) satisfies RequestFileEntry;

// The requests on the guide's dashboards, given in no particular order.
export const REQUESTS: RequestFileEntry[] = [
  entry('June 2019', 'T1 Entries', '2019-03-01', '2019-04-05'),
  { ...entry('June 2019', 'SpecificationCodes', '2019-03-01', '2019-04-03'), columns: COLUMNS },
  { ...entry('Summer 2019', 'SummerAwarding 1ab', '2019-06-01', '2019-08-06'), id: 'summer-1ab' },
  entry('November 2018', 'EaRs DR1', '2019-03-01', '2019-03-28'),
  entry('June 2019', 'GQ Item Level', '2019-03-01', '2019-04-03'),
];

export interface DataRequest {
  id: string;
  status: string;
  uploadId: string | null;
  fileName: string | null;
  messages: { code: string; message: string; line: number | null }[];
  nilReturnAt: string | null;
  nilReturnBy: string | null;
  [more: string]: unknown;
}

export const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
// With a byte order mark, as Excel writes it, and quoted values holding a comma and a line break.
export const GOOD_CSV = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  csv([
    COLUMNS.join(','),
    '2019,2019-06-01,601/8299/X,"Biology, Chemistry ""combined"""',
    '2019,2019-06-01,601/8300/1,"A title that goes on',
    'over two lines"',
  ]),
]);

export const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
export const errorMessage = (reply: Reply) =>
  parsed<{ error: { message: string } }>(reply).error.message;

/** One user's session on a server holding REQUESTS on 22 March 2019, in the portal's area. */
export class Portal {
  constructor(
    readonly server: RunningExtranet,
    readonly token: string,
    readonly area = 'ofqual-data-portal',
  ) {}

  static async start(options: Parameters<typeof startServer>[0] = {}): Promise<Portal> {
    const server = await startServer({
      requests: REQUESTS,
      today: TODAY,
      verifyDelayMs: 0,
      ...options,
    });
    const token = await login(server);
    return new Portal(server, token, (await joinArea(server, token, 'OFQL-2019-DATA-PORT')).id);
  }

  /** Stops the server and starts it again on the same data folder (memberships are kept). */
  async restart(options: Parameters<typeof startServer>[0] = {}): Promise<Portal> {
    await this.server.stop();
    const dataDir = this.server.dataDir;
    const server = await startServer({ dataDir, today: TODAY, verifyDelayMs: 0, ...options });
    return new Portal(server, await login(server), this.area);
  }

  async as(user: string, password: string): Promise<Portal> {
    return new Portal(this.server, await login(this.server, user, password), this.area);
  }

  create(name: string, request: string | undefined, length: number, area = this.area) {
    const meta = [`filename ${b64(name)}`, `area ${b64(area)}`];
    if (request !== undefined) meta.push(`request ${b64(request)}`);
    return call(this.server, 'POST', '/files/', {
      token: this.token,
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(length),
        'Upload-Metadata': meta.join(','),
      },
    });
  }

  /** Creates the upload and sends every byte in one PATCH; returns the upload's id. */
  async send(name: string, request: string | undefined, data: Buffer): Promise<string> {
    const created = await this.create(name, request, data.length);
    expect(created.status, created.text).toBe(201);
    const location = String(created.headers.location);
    const sent = await patch(this.server, this.token, location, 0, data);
    expect(sent.status, sent.text).toBe(204);
    return location.slice('/files/'.length);
  }

  listing(area = this.area) {
    return call(this.server, 'GET', `/api/v1/areas/${area}/requests`, { token: this.token });
  }

  async requests(): Promise<DataRequest[]> {
    const reply = await this.listing();
    expect(reply.status, reply.text).toBe(200);
    return parsed<{ requests: DataRequest[] }>(reply).requests;
  }

  async request(id: string): Promise<DataRequest | undefined> {
    return (await this.requests()).find((r) => r.id === id);
  }

  nilReturn(id: string, body?: unknown) {
    return json(this.server, 'POST', `/api/v1/requests/${id}/nil-return`, body, this.token);
  }

  receipt = (id: string) => receipt(this.server, this.token, id);
  verdict = (id: string) => verdict(this.server, this.token, id);
}
