// The protocol of test/extranet/README.md, from the client's side: sessions, upload areas, tus
// uploads and receipts. Every response is parsed with a schema; every failure is an UploadError
// with a stable code and a message that says what to do.
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { isoDateSchema } from '../../shared/domain';
import type { Transport, TransportRequest, TransportResponse } from './transport';
import { UploadError } from './upload-error';

export { UploadError } from './upload-error';
export type { UploadErrorCode } from './upload-error';

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const Session = z.object({ token: z.string().min(1), expiresAt: z.string() });
const Area = z.object({ id: z.string(), name: z.string() });
const Message = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().nullable().optional(),
});
export const Receipt = z.object({
  id: z.string(),
  area: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  offset: z.number(),
  sha256: z.string().nullable(),
  user: z.string(),
  receivedAt: z.string().nullable(),
  replaced: z.string().nullable(),
  status: z.enum(['receiving', 'pending-verification', 'accepted', 'failed']),
  messages: z.array(Message),
});
export type ServerReceipt = z.infer<typeof Receipt>;
const Day = isoDateSchema;
export const PortalRequestJson = z.object({
  id: z.string().min(1).max(200),
  period: z.string().max(200),
  template: z.string().max(200),
  // A portal that gives no opening date opens the collection on the due date (the store's rule).
  opens: Day.nullish(),
  due: Day,
  status: z.enum(['awaiting', 'pending-verification', 'accepted', 'failed', 'nil-return']),
  uploadId: z.string().nullable(),
  fileName: z.string().nullable(),
  messages: z.array(Message),
  nilReturnAt: z.string().nullable(),
  nilReturnBy: z.string().nullable(),
});
export type PortalRequestJson = z.infer<typeof PortalRequestJson>;

const TUS = { 'Tus-Resumable': '1.0.0' };

export class ExtranetClient {
  private token: string | undefined;

  constructor(
    private readonly base: string,
    private readonly transport: Transport,
    private readonly credentials: { username: string; password: () => Promise<string> },
  ) {}

  async login(): Promise<void> {
    const password = await this.credentials.password();
    const res = await this.transport.request(
      json('POST', `${this.base}/api/v1/session`, {
        username: this.credentials.username,
        password,
      }),
    );
    if (res.status === 401)
      throw new UploadError(
        'BAD_CREDENTIALS',
        `The user name or password for ${this.credentials.username} was not accepted. Check them and log in again.`,
        401,
      );
    this.token = this.parse(Session, res, 201).token;
  }

  async areas(): Promise<{ id: string; name: string }[]> {
    return this.parse(
      z.object({ areas: z.array(Area) }),
      await this.authed({ method: 'GET', url: `${this.base}/api/v1/areas` }),
      200,
    ).areas;
  }

  async join(groupKey: string): Promise<{ id: string; name: string }> {
    const res = await this.authed(json('POST', `${this.base}/api/v1/areas/join`, { groupKey }));
    if (res.status === 403)
      throw new UploadError(
        'BAD_GROUP_KEY',
        'The group key was not accepted: check it against the regulator\'s guidance (e.g. HEFCE\'s "P699 8C22EF79").',
        403,
      );
    return this.parse(z.object({ area: Area }), res, 200).area;
  }

  /** The portal's data requests in an area, due date first. */
  async requests(areaId: string): Promise<PortalRequestJson[]> {
    return this.parse(
      z.object({ requests: z.array(PortalRequestJson) }),
      await this.authed({
        method: 'GET',
        url: `${this.base}/api/v1/areas/${encodeURIComponent(areaId)}/requests`,
      }),
      200,
    ).requests;
  }

  /** Records "No data to submit" for a request on the portal. */
  async nilReturn(requestId: string): Promise<PortalRequestJson> {
    return this.parse(
      PortalRequestJson,
      await this.authed(
        json(
          'POST',
          `${this.base}/api/v1/requests/${encodeURIComponent(requestId)}/nil-return`,
          {},
        ),
      ),
      200,
    );
  }

  /** Starts a tus upload (against a portal data request when `request` is given); returns its address. */
  async create(
    fileName: string,
    size: number,
    areaId: string,
    sha256: string,
    request?: string,
    auditHead?: { entry: number; seal: string },
  ): Promise<string> {
    // The audit head goes with the file, so the regulator's record witnesses the history's state.
    const fields = {
      filename: fileName,
      area: areaId,
      sha256,
      ...(request ? { request } : {}),
      ...(auditHead ? { auditentry: String(auditHead.entry), auditseal: auditHead.seal } : {}),
    };
    const meta = Object.entries(fields)
      .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
      .join(',');
    const res = await this.authed({
      method: 'POST',
      url: `${this.base}/files/`,
      headers: { ...TUS, 'Upload-Length': String(size), 'Upload-Metadata': meta },
    });
    if (res.status !== 201 || !res.headers.location) this.fail(res, 'create the upload');
    const at = new URL(res.headers.location ?? '', `${this.base}/`);
    // The file and the session go only to the destination's own origin (scheme, host and port):
    // a server that points elsewhere is misconfigured or compromised, and nothing is sent there.
    const home = new URL(this.base).origin;
    if (at.origin !== home)
      throw new UploadError(
        'PROTOCOL',
        `The server asked for the file to be sent to another address (${at.origin}), not the destination's own (${home}); nothing was sent there. Check the destination's address with the portal's operator.`,
        res.status,
      );
    return at.href;
  }

  /** The server's offset for an upload, or undefined if it no longer knows it. */
  async offset(uploadUrl: string): Promise<number | undefined> {
    const res = await this.authed({ method: 'HEAD', url: uploadUrl, headers: TUS });
    if (res.status === 404 || res.status === 410) return undefined;
    const o = Number(res.headers['upload-offset']);
    if (res.status !== 200 || !Number.isInteger(o)) this.fail(res, 'read the upload offset');
    return o;
  }

  /** Sends bytes from `offset`; returns the server's new offset. */
  async patch(
    uploadUrl: string,
    offset: number,
    body: Readable,
    onBytes: (n: number) => void,
    signal?: AbortSignal,
  ): Promise<number> {
    const res = await this.authed(
      {
        method: 'PATCH',
        url: uploadUrl,
        headers: {
          ...TUS,
          'Upload-Offset': String(offset),
          'Content-Type': 'application/offset+octet-stream',
        },
        body,
        onBodyBytes: onBytes,
        signal,
        timeoutMs: 120_000,
      },
      false,
    );
    const o = Number(res.headers['upload-offset']);
    if (res.status !== 204 || !Number.isInteger(o)) this.fail(res, 'send the file');
    return o;
  }

  async receipt(uploadId: string): Promise<ServerReceipt> {
    return this.parse(
      Receipt,
      await this.authed({
        method: 'GET',
        url: `${this.base}/api/v1/uploads/${encodeURIComponent(uploadId)}`,
      }),
      200,
    );
  }

  /** Sends a request with the session; logs in again once if the session has expired. */
  private async authed(req: TransportRequest, retryOnExpiry = true): Promise<TransportResponse> {
    if (!this.token) await this.login();
    const send = () =>
      this.transport.request({
        ...req,
        headers: { ...req.headers, Authorization: `Bearer ${this.token}` },
      });
    let res = await send();
    // A HEAD answer has no body: any 401 to anything but login means the session expired.
    const expired = (r: TransportResponse) =>
      r.status === 401 && (req.method === 'HEAD' || errorCode(r) === 'SESSION_EXPIRED');
    if (retryOnExpiry && expired(res)) {
      await this.login();
      res = await send();
    }
    if (expired(res)) {
      // Streamed bodies cannot be replayed: log in now so the caller's retry finds a live session.
      await this.login();
      throw new UploadError('SERVER_ERROR', 'The session expired during the transfer.', 401);
    }
    if (res.status === 403 && errorCode(res) === 'NOT_A_MEMBER') {
      throw new UploadError(
        'NOT_A_MEMBER',
        "This account has not joined the upload area. Give the destination the area's group key.",
        403,
      );
    }
    return res;
  }

  private parse<T>(schema: z.ZodType<T>, res: TransportResponse, expected: number): T {
    if (res.status !== expected) this.fail(res, 'complete the request');
    try {
      return schema.parse(JSON.parse(res.body.toString('utf8')));
    } catch {
      throw new UploadError(
        'PROTOCOL',
        `The server's answer was not understood (HTTP ${res.status}); is the destination's address right?`,
        res.status,
      );
    }
  }

  private fail(res: TransportResponse, doing: string): never {
    const parsed = ErrorBody.safeParse(safeJson(res.body));
    if (parsed.success && parsed.data.error.code === 'UNKNOWN_REQUEST')
      throw new UploadError('UNKNOWN_REQUEST', parsed.data.error.message, res.status);
    // The portal's refusals (not open yet, closed, awaiting verification) are its own words.
    if (parsed.success && res.status === 409)
      throw new UploadError('REFUSED', parsed.data.error.message, res.status);
    const detail = parsed.success
      ? `${parsed.data.error.message} (${parsed.data.error.code})`
      : `HTTP ${res.status}`;
    throw new UploadError(
      res.status >= 500 ? 'SERVER_ERROR' : 'PROTOCOL',
      `The server could not ${doing}: ${detail}.`,
      res.status,
    );
  }
}

function json(method: 'POST', url: string, body: unknown): TransportRequest {
  return {
    method,
    url,
    headers: { 'Content-Type': 'application/json' },
    body: Buffer.from(JSON.stringify(body)),
  };
}

function safeJson(b: Buffer): unknown {
  try {
    return JSON.parse(b.toString('utf8'));
  } catch {
    return undefined;
  }
}

function errorCode(res: TransportResponse): string | undefined {
  const p = ErrorBody.safeParse(safeJson(res.body));
  return p.success ? p.data.error.code : undefined;
}
