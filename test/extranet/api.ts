// The JSON part of the protocol under /api/v1/: sessions, upload areas, receipts, data requests.
// See README.md.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ApiError, parseWith, readJson, sendJson } from './http';
import type { Extranet } from './model';
import type { DataRequests } from './requests';

const loginBody = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});

const joinBody = z.object({ groupKey: z.string().min(1).max(200) });

const areaId = z.string().regex(/^[a-z0-9-]{1,100}$/);
const uploadId = z.string().regex(/^[0-9a-f]{32}$/);
const requestId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);
// "No data to submit" says nothing more: `{}` or no body at all.
const nilReturnBody = z.object({});

type Route = {
  method: string;
  pattern: RegExp;
  run: (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>;
};

export class Api {
  private readonly routes: Route[];

  constructor(
    private readonly extranet: Extranet,
    private readonly requests: DataRequests,
  ) {
    this.routes = [
      { method: 'POST', pattern: /^\/api\/v1\/session$/, run: (req, res) => this.login(req, res) },
      {
        method: 'DELETE',
        pattern: /^\/api\/v1\/session$/,
        run: (req, res) => this.logout(req, res),
      },
      { method: 'GET', pattern: /^\/api\/v1\/areas$/, run: (req, res) => this.areas(req, res) },
      {
        method: 'POST',
        pattern: /^\/api\/v1\/areas\/join$/,
        run: (req, res) => this.join(req, res),
      },
      {
        method: 'GET',
        pattern: /^\/api\/v1\/areas\/([^/]+)\/files$/,
        run: (req, res, p) => this.files(req, res, p[0] ?? ''),
      },
      {
        method: 'GET',
        pattern: /^\/api\/v1\/areas\/([^/]+)\/requests$/,
        run: (req, res, p) => this.requestsOf(req, res, p[0] ?? ''),
      },
      {
        method: 'POST',
        pattern: /^\/api\/v1\/requests\/([^/]+)\/nil-return$/,
        run: (req, res, p) => this.nilReturn(req, res, p[0] ?? ''),
      },
      {
        method: 'GET',
        pattern: /^\/api\/v1\/uploads\/([^/]+)$/,
        run: (req, res, p) => this.receipt(req, res, p[0] ?? ''),
      },
    ];
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const matching = this.routes
      .map((r) => ({ route: r, match: r.pattern.exec(path) }))
      .filter((m) => m.match !== null);
    if (matching.length === 0) {
      throw new ApiError(404, 'NOT_FOUND', 'There is nothing at this address.');
    }
    const hit = matching.find((m) => m.route.method === req.method);
    if (!hit?.match) {
      res.setHeader('Allow', matching.map((m) => m.route.method).join(', '));
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${req.method ?? ''} is not allowed here.`);
    }
    const params = hit.match.slice(1).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        throw new ApiError(400, 'BAD_REQUEST', 'The address is not valid.');
      }
    });
    await hit.route.run(req, res, params);
  }

  private async login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = parseWith(loginBody, await readJson(req), 'The login request');
    sendJson(res, 201, await this.extranet.login(body.username, body.password));
  }

  private async logout(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { token } = this.extranet.authenticate(req.headers.authorization);
    await this.extranet.logout(token);
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  }

  private async areas(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { user } = this.extranet.authenticate(req.headers.authorization);
    sendJson(res, 200, { areas: this.extranet.areasOf(user) });
  }

  private async join(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { user } = this.extranet.authenticate(req.headers.authorization);
    const body = parseWith(joinBody, await readJson(req), 'The join request');
    sendJson(res, 200, { area: await this.extranet.join(user, body.groupKey) });
  }

  private async files(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const { user } = this.extranet.authenticate(req.headers.authorization);
    if (!areaId.safeParse(id).success) {
      throw new ApiError(404, 'UNKNOWN_AREA', 'There is no upload area with that id.');
    }
    sendJson(res, 200, { files: await this.extranet.filesOf(user, id) });
  }

  private async requestsOf(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const { user } = this.extranet.authenticate(req.headers.authorization);
    if (!areaId.safeParse(id).success) {
      throw new ApiError(404, 'UNKNOWN_AREA', 'There is no upload area with that id.');
    }
    sendJson(res, 200, { requests: this.requests.list(user, id) });
  }

  private async nilReturn(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const { user } = this.extranet.authenticate(req.headers.authorization);
    parseWith(nilReturnBody, await readJson(req, true), 'The nil return');
    if (!requestId.safeParse(id).success) {
      throw new ApiError(404, 'UNKNOWN_REQUEST', 'There is no data request with that id.');
    }
    sendJson(res, 200, await this.requests.nilReturn(user, id));
  }

  private async receipt(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const { user } = this.extranet.authenticate(req.headers.authorization);
    if (!uploadId.safeParse(id).success) {
      throw new ApiError(404, 'UNKNOWN_UPLOAD', 'There is no such upload for this user.');
    }
    sendJson(res, 200, await this.extranet.toJson(this.extranet.ownedUpload(user, id)));
  }
}
