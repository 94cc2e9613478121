// An in-memory extranet behind the Transport port, for unit tests of the upload client: sessions,
// one upload area joined with a group key, tus uploads and receipts, and hooks to make any request
// fail the way a network or a busy server does. It reads request bodies as streams, like a server.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type {
  Transport,
  TransportRequest,
  TransportResponse,
} from '../../../electron/upload/transport';
import { NetworkError } from '../../../electron/upload/transport';

export const BASE = 'https://extranet.test';
export const AREA = { id: 'gua', name: 'FAMD General upload area (GUA)' };
export const PASSWORD = 'pw';
export const GROUP_KEY = 'KEY';

export interface FakeUpload {
  name: string;
  length: number;
  stored: Buffer;
}

export interface Seen {
  method: string;
  path: string;
  offset?: number;
  /** Body bytes the fake read (and counted through onBodyBytes). */
  bodyBytes: number;
}

/** What a hook may do to a request: answer it, fail it like a network, or let it through. */
export type Fault = TransportResponse | NetworkError | undefined;

export class FakeExtranet implements Transport {
  readonly uploads = new Map<string, FakeUpload>();
  readonly seen: Seen[] = [];
  joined = false;
  /** Runs before each request is handled. */
  before: (req: Seen, count: number) => Fault = () => undefined;
  /** For a PATCH: how many of its body bytes to store before cutting the connection. */
  cutPatchAfter: (patchNumber: number, bodyLength: number) => number | undefined = () => undefined;
  /** Replaces the SHA-256 the receipt reports (a server that stored other bytes). */
  receiptSha: ((real: string) => string) | undefined;
  private tokens = new Set<string>();
  private patches = 0;

  async request(req: TransportRequest): Promise<TransportResponse> {
    const url = new URL(req.url);
    const offsetHeader = req.headers?.['Upload-Offset'];
    const seen: Seen = {
      method: req.method,
      path: url.pathname,
      offset: offsetHeader === undefined ? undefined : Number(offsetHeader),
      bodyBytes: 0,
    };
    this.seen.push(seen);
    const fault = this.before(seen, this.seen.length);
    if (fault instanceof NetworkError) throw fault;
    if (fault) return fault;
    if (url.pathname === '/api/v1/session' && req.method === 'POST') return this.login(req);
    const token = req.headers?.Authorization?.replace(/^Bearer /, '');
    if (!token || !this.tokens.has(token)) return error(401, 'SESSION_EXPIRED');
    return this.route(req, url.pathname, seen);
  }

  /** Ends every session, as a server does when they expire. */
  expireSessions(): void {
    this.tokens.clear();
  }

  private login(req: TransportRequest): TransportResponse {
    const body = JSON.parse(String(req.body)) as { password: string };
    if (body.password !== PASSWORD) return error(401, 'BAD_CREDENTIALS');
    const token = `t${this.tokens.size + 1}-${this.seen.length}`;
    this.tokens.add(token);
    return json(201, { token, expiresAt: '2030-01-01T00:00:00Z', username: 'demo' });
  }

  private async route(req: TransportRequest, path: string, seen: Seen) {
    const id = /^\/files\/(\w+)$/.exec(path)?.[1];
    const upload = id === undefined ? undefined : this.uploads.get(id);
    if (req.method === 'GET' && path === '/api/v1/areas')
      return json(200, { areas: this.joined ? [AREA] : [] });
    if (req.method === 'POST' && path === '/api/v1/areas/join') {
      const { groupKey } = JSON.parse(String(req.body)) as { groupKey: string };
      if (groupKey !== GROUP_KEY) return error(403, 'BAD_GROUP_KEY');
      this.joined = true;
      return json(200, { area: AREA });
    }
    if (req.method === 'POST' && path === '/files/') {
      const newId = `u${this.uploads.size + 1}`;
      const name = /filename (\S+)/.exec(req.headers?.['Upload-Metadata'] ?? '')?.[1] ?? '';
      this.uploads.set(newId, {
        name: Buffer.from(name, 'base64').toString(),
        length: Number(req.headers?.['Upload-Length']),
        stored: Buffer.alloc(0),
      });
      return { status: 201, headers: { location: `/files/${newId}` }, body: Buffer.alloc(0) };
    }
    if (req.method === 'HEAD' && id !== undefined) {
      if (!upload) return { status: 404, headers: {}, body: Buffer.alloc(0) };
      return { status: 200, headers: offsetHeaders(upload), body: Buffer.alloc(0) };
    }
    if (req.method === 'PATCH' && upload) return this.patch(req, upload, seen);
    const receiptId = /^\/api\/v1\/uploads\/(\w+)$/.exec(path)?.[1];
    const done = receiptId === undefined ? undefined : this.uploads.get(receiptId);
    if (req.method === 'GET' && done) return json(200, this.receipt(receiptId ?? '', done));
    return error(404, 'NOT_FOUND');
  }

  private async patch(req: TransportRequest, upload: FakeUpload, seen: Seen) {
    if (seen.offset !== upload.stored.length) return error(409, 'OFFSET_MISMATCH');
    const body = req.body instanceof Readable ? req.body : Readable.from([req.body ?? '']);
    const cutAt = this.cutPatchAfter(++this.patches, upload.length - upload.stored.length);
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const room = cutAt === undefined ? chunk.length : cutAt - seen.bodyBytes;
      const kept = chunk.subarray(0, Math.max(0, room));
      chunks.push(kept);
      seen.bodyBytes += chunk.length;
      req.onBodyBytes?.(chunk.length);
      if (kept.length < chunk.length) break;
    }
    upload.stored = Buffer.concat([upload.stored, ...chunks]);
    if (upload.stored.length > upload.length) return error(413, 'TOO_LARGE');
    if (cutAt !== undefined && cutAt < seen.bodyBytes)
      throw new NetworkError(
        'RESET',
        'The connection to extranet.test was interrupted (ECONNRESET).',
      );
    return { status: 204, headers: offsetHeaders(upload), body: Buffer.alloc(0) };
  }

  private receipt(id: string, u: FakeUpload) {
    const complete = u.stored.length === u.length;
    const real = createHash('sha256').update(u.stored).digest('hex');
    return {
      id,
      area: AREA.name,
      fileName: u.name,
      bytes: u.length,
      offset: u.stored.length,
      sha256: complete ? (this.receiptSha?.(real) ?? real) : null,
      user: 'demo',
      receivedAt: complete ? '2011-03-14T12:00:00Z' : null,
      replaced: null,
      status: complete ? 'pending-verification' : 'receiving',
      messages: [],
    };
  }
}

function offsetHeaders(u: FakeUpload): Record<string, string> {
  return { 'upload-offset': String(u.stored.length), 'upload-length': String(u.length) };
}

export function json(status: number, value: unknown): TransportResponse {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(value)),
  };
}

export function error(status: number, code: string): TransportResponse {
  return json(status, { error: { code, message: `${code} (fake)` } });
}
