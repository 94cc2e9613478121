// tus 1.0 at /files/ with @tus/server. Every request is authorised and its headers parsed here,
// before tus sees it; tus's own errors are turned into the protocol's JSON errors on the way out.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Metadata, Server as TusServer, type Upload } from '@tus/server';
import { z } from 'zod';
import { ApiError, errorBody, parseWith } from './http';
import type { Extranet } from './model';
import type { DataRequests } from './requests';
import {
  UploadStore,
  flipOneByte,
  sha256File,
  tusContext,
  type TusRequestContext,
} from './upload-store';
import type { Verifier } from './verify';

const UPLOAD_ID = /^[0-9a-f]{32}$/;

const tusVersion = z.object({ 'tus-resumable': z.literal('1.0.0') });

const digits = z
  .string()
  .regex(/^\d{1,16}$/, 'must be a whole number')
  .transform(Number)
  .refine(Number.isSafeInteger, 'is too large');

const creationHeaders = z.object({
  'upload-length': digits,
  'upload-metadata': z.string().max(8192),
});

const creationMetadata = z.object({
  filename: z
    .string()
    .min(1)
    .max(255)
    // A name, not a path: it is shown to people and compared with other uploads' names.
    .refine(
      (s) =>
        ![...s].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20) &&
        s !== '.' &&
        s !== '..',
      'must be a plain file name',
    ),
  area: z.string().min(1).max(100),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal digits')
    .transform((s) => s.toLowerCase())
    .optional(),
  request: z.string().min(1).max(100).optional(),
  // The client's audit trail head (entry number and seal) when it started: kept and shown back.
  auditentry: digits.optional(),
  auditseal: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal digits')
    .optional(),
});

const patchHeaders = z.object({ 'upload-offset': digits });

// Codes for the errors @tus/server raises itself, by HTTP status.
const TUS_ERROR_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  403: 'BAD_REQUEST',
  404: 'UNKNOWN_UPLOAD',
  409: 'OFFSET_MISMATCH',
  410: 'UNKNOWN_UPLOAD',
  413: 'TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  501: 'NOT_SUPPORTED',
};

export class TusEndpoint {
  private readonly tus: TusServer;
  private readonly finishing = new Map<string, Promise<void>>();

  constructor(
    private readonly extranet: Extranet,
    private readonly requests: DataRequests,
    private readonly verifier: Verifier,
    dropAfter: number | undefined,
    /** The corrupt fault: damage what was stored before hashing it. */
    private readonly corrupt = false,
    private readonly more: { foreignLocation?: boolean } = {},
  ) {
    this.tus = new TusServer({
      path: '/files',
      datastore: new UploadStore(extranet.uploadsDir, dropAfter),
      // Relative, so the upload URL survives a restart on another port (tests use --port 0).
      relativeLocation: true,
      namingFunction: () => randomBytes(16).toString('hex'),
      // No CORS: ReturnDesk talks to the extranet from Node, never from a web page.
      allowedOrigins: () => false,
      onUploadCreate: async (_req, upload) => this.onCreate(upload),
      onUploadFinish: async (_req, upload) => {
        await this.finish(upload.id);
        return {};
      },
      onResponseError: (_req, err) => this.toJsonError(err),
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    // tus requires it on every answer, our own refusals included.
    res.setHeader('Tus-Resumable', '1.0.0');
    const { user } = this.extranet.authenticate(req.headers.authorization);
    const method = req.method ?? '';
    const id = /^\/files\/([^/]+)$/.exec(path)?.[1];
    const isCollection = path === '/files' || path === '/files/';
    if (!isCollection && id === undefined) {
      throw new ApiError(404, 'NOT_FOUND', 'There is nothing at this address.');
    }
    const allowed = isCollection ? ['POST', 'OPTIONS'] : ['HEAD', 'PATCH', 'OPTIONS'];
    if (!allowed.includes(method)) {
      res.setHeader('Allow', allowed.join(', '));
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here.`);
    }
    const ctx: TusRequestContext = { user, method, socket: req.socket };
    if (method !== 'OPTIONS') this.checkVersion(req, res);
    if (method === 'POST') ctx.creation = this.parseCreation(req, user);
    if (id !== undefined) {
      if (!UPLOAD_ID.test(id)) {
        throw new ApiError(404, 'UNKNOWN_UPLOAD', 'There is no such upload for this user.');
      }
      this.extranet.ownedUpload(user, id);
    }
    if (method === 'PATCH') {
      parseWith(patchHeaders, req.headers, 'The PATCH request headers');
      if (req.headers['content-type'] !== 'application/offset+octet-stream') {
        throw new ApiError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'A PATCH body must be sent as Content-Type: application/offset+octet-stream.',
        );
      }
    }
    labelErrorsAsJson(res);
    if (method === 'POST' && this.more.foreignLocation) sendElsewhere(req, res);
    await tusContext.run(ctx, () => this.tus.handle(req, res));
  }

  private checkVersion(req: IncomingMessage, res: ServerResponse): void {
    if (!tusVersion.safeParse(req.headers).success) {
      res.setHeader('Tus-Version', '1.0.0');
      throw new ApiError(
        412,
        'UNSUPPORTED_VERSION',
        'This server speaks tus 1.0.0 (Tus-Resumable: 1.0.0).',
      );
    }
  }

  private parseCreation(req: IncomingMessage, user: string): TusRequestContext['creation'] {
    const headers = parseWith(creationHeaders, req.headers, 'The upload creation headers');
    let raw: Record<string, string | null>;
    try {
      raw = Metadata.parse(headers['upload-metadata']);
    } catch {
      throw new ApiError(400, 'BAD_REQUEST', 'Upload-Metadata is not valid tus metadata.');
    }
    const meta = parseWith(creationMetadata, raw, 'Upload-Metadata');
    if (meta.request !== undefined) this.requests.checkUpload(user, meta.area, meta.request);
    else if (!this.extranet.isMember(user, meta.area)) {
      throw new ApiError(403, 'NOT_A_MEMBER', 'Join this upload area with its group key first.');
    }
    return {
      areaId: meta.area,
      fileName: meta.filename,
      clientSha256: meta.sha256 ?? null,
      request: meta.request ?? null,
      auditHead:
        meta.auditentry !== undefined && meta.auditseal !== undefined
          ? { entry: meta.auditentry, seal: meta.auditseal }
          : null,
    };
  }

  private async onCreate(upload: Upload): Promise<Record<string, never>> {
    const ctx = tusContext.getStore();
    if (!ctx?.creation) throw { status_code: 500, body: 'No creation context.' };
    await this.extranet.recordUpload({
      id: upload.id,
      areaId: ctx.creation.areaId,
      fileName: ctx.creation.fileName,
      bytes: upload.size ?? 0,
      clientSha256: ctx.creation.clientSha256,
      user: ctx.user,
      request: ctx.creation.request,
      auditHead: ctx.creation.auditHead,
    });
    return {};
  }

  /**
   * Hashes what was stored and writes the receipt, before the last PATCH is answered, so a client
   * that reads its receipt right after the upload finds the SHA-256 there. Safe to call twice.
   */
  finish(id: string): Promise<void> {
    const upload = this.extranet.upload(id);
    if (!upload || upload.receivedAt !== null) return Promise.resolve();
    let running = this.finishing.get(id);
    if (!running) {
      running = (async () => {
        if (this.corrupt && (await flipOneByte(this.extranet.uploadPath(id)))) {
          console.error(`[extranet] corrupt: flipped one stored byte of ${id}`);
        }
        const sha256 = await sha256File(this.extranet.uploadPath(id));
        const done = await this.extranet.markReceived(id, sha256);
        if (!done) return;
        console.error(
          `[extranet] received ${done.fileName} (${id}), ${done.bytes} bytes, sha256 ${sha256}` +
            (done.replaced ? `, replaces ${done.replaced}` : ''),
        );
        this.verifier.schedule(id);
      })().finally(() => this.finishing.delete(id));
      this.finishing.set(id, running);
    }
    return running;
  }

  /** After a crash between the last byte and the receipt: finish what is complete on disk. */
  async finishCompleteUploads(): Promise<void> {
    for (const u of this.extranet.uploads()) {
      if (u.receivedAt === null && (await this.extranet.storedBytes(u.id)) === u.bytes) {
        // One unreadable upload must not keep the server from starting for all the others.
        await this.finish(u.id).catch((e: unknown) =>
          console.error(`[extranet] could not finish ${u.id}:`, e),
        );
      }
    }
  }

  private toJsonError(err: Error | { status_code: number; body: string }) {
    const status = 'status_code' in err ? err.status_code : 500;
    const code = TUS_ERROR_CODES[status];
    if (code === undefined || !('body' in err)) {
      if (!tusContext.getStore()?.cut) console.error('[extranet] upload error:', err);
      return {
        status_code: status >= 400 && status < 600 ? status : 500,
        body: errorBody('INTERNAL', 'The server could not store this upload.'),
      };
    }
    return { status_code: status, body: errorBody(code, err.body.trim()) };
  }
}

/**
 * tus answers with a Web Response whose string body is labelled text/plain, and writes its headers
 * in one writeHead call; every error body it sends has been turned into JSON by toJsonError, so the
 * label is corrected at that last step.
 */
function labelErrorsAsJson(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const json = 'application/json; charset=utf-8';
  const relabel = (headers: unknown): unknown => {
    if (Array.isArray(headers)) {
      const out: unknown[] = [];
      for (let i = 0; i + 1 < headers.length; i += 2) {
        if (String(headers[i]).toLowerCase() !== 'content-type')
          out.push(headers[i], headers[i + 1]);
      }
      return [...out, 'Content-Type', json];
    }
    if (headers !== null && typeof headers === 'object') {
      const entries = Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'content-type');
      return { ...Object.fromEntries(entries), 'Content-Type': json };
    }
    return headers;
  };
  Object.assign(res, {
    writeHead: (status: number, ...rest: unknown[]) =>
      status >= 400 ? writeHead(status, ...rest.map(relabel)) : writeHead(status, ...rest),
  });
}

/**
 * The foreign-location fault: a created upload's Location names the next port of the same host, an
 * origin the client never logged in to, as a hijacked or misconfigured server might.
 */
function sendElsewhere(req: IncomingMessage, res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const here = new URL(`https://${req.headers.host ?? '127.0.0.1'}`);
  const elsewhere = `https://${here.hostname}:${Number(here.port || 443) + 1}`;
  const move = (headers: unknown): unknown => {
    if (Array.isArray(headers)) {
      return headers.map((v, i) =>
        i % 2 === 1 && String(headers[i - 1]).toLowerCase() === 'location'
          ? new URL(String(v), elsewhere).href
          : v,
      );
    }
    if (headers !== null && typeof headers === 'object') {
      return Object.fromEntries(
        Object.entries(headers).map(([k, v]) =>
          k.toLowerCase() === 'location' ? [k, new URL(String(v), elsewhere).href] : [k, v],
        ),
      );
    }
    return headers;
  };
  Object.assign(res, {
    writeHead: (status: number, ...rest: unknown[]) => {
      if (status === 201) console.error('[extranet] foreign-location: answered create elsewhere');
      return status === 201 ? writeHead(status, ...rest.map(move)) : writeHead(status, ...rest);
    },
  });
}
