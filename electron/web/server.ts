// Browser mode: the same handler table as the Electron app, over HTTP on 127.0.0.1, serving the
// built renderer. Protocol (what renderer/api/http-api.ts speaks):
//   GET  /?token=T            the app; sets the token cookie (HttpOnly, SameSite=Strict)
//   GET  /assets/...          the renderer's files
//   POST /api/call/CHANNEL    body {"input": ...} (application/json) → a Result as JSON
//   GET  /api/events          Server-Sent Events: each `data:` is {"event","payload"}
// Every request needs the token (header x-returndesk-token, the cookie, or ?token=); see security.ts.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Operations } from '../operations';
import { dispatch } from '../operations';
import type { Events } from '../../shared/ipc/contract';
import { SECURITY_HEADERS, TOKEN_COOKIE, refusal } from './security';
import {
  BROWSER_MODE_MAX_REQUEST_BYTES,
  BROWSER_MODE_MAX_TEXT_REQUEST_BYTES,
  carriesFile,
} from '../../shared/ipc/limits';
import { inputs } from '../../shared/ipc/contract';

export interface WebServerOptions {
  operations: Operations;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
  subscribe(listener: <E extends keyof Events>(event: E, payload: Events[E]) => void): () => void;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const MAX_BODY = BROWSER_MODE_MAX_REQUEST_BYTES;

/**
 * The channels whose input can carry a file (its bytes or records), read from the contract: they
 * keep the large limit; every other call is text, bounded by the contract's limits, and gets the
 * small one, so a runaway request is refused before it is read whole.
 */
const FILE_CHANNELS = new Set(
  Object.entries(inputs)
    .filter(([, schema]) => carriesFile(schema))
    .map(([channel]) => channel),
);

function bodyLimitFor(channel: string): number {
  return FILE_CHANNELS.has(channel) ? MAX_BODY : BROWSER_MODE_MAX_TEXT_REQUEST_BYTES;
}

class TooLarge extends Error {}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new TooLarge();
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startWebServer(o: WebServerOptions): Promise<WebServer> {
  const token = o.token ?? randomBytes(32).toString('base64url');
  const root = resolve(o.staticDir);
  let port = 0;
  const streams = new Set<ServerResponse>();
  const unsubscribe = o.subscribe((event, payload) => {
    const line = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const s of streams) s.write(line);
  });

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const why = refusal(req, url, port, token);
      if (why) return send(res, 403, `Forbidden: ${why}.`);
      if (url.pathname.startsWith('/api/call/') && req.method === 'POST') {
        if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
          return send(res, 415, 'Send JSON.');
        let input: unknown;
        const limit = bodyLimitFor(url.pathname.slice('/api/call/'.length));
        try {
          const body = await readBody(req, limit);
          input = body === '' ? undefined : (JSON.parse(body) as { input?: unknown }).input;
        } catch (e) {
          if (e instanceof TooLarge) {
            const mb = Math.round(limit / 1048576);
            return send(
              res,
              413,
              JSON.stringify({
                ok: false,
                error: {
                  code: 'INVALID_INPUT',
                  message:
                    limit === MAX_BODY
                      ? `The request is larger than the ${mb} MB browser mode accepts; use the desktop app, or send less at once.`
                      : `The request is larger than the ${mb} MB browser mode accepts for a call that carries no file; send less at once.`,
                },
              }),
              'application/json',
            );
          }
          return send(
            res,
            400,
            JSON.stringify({
              ok: false,
              error: { code: 'INVALID_INPUT', message: 'The request was not valid JSON.' },
            }),
            'application/json',
          );
        }
        const result = await dispatch(
          o.operations,
          decodeURIComponent(url.pathname.slice('/api/call/'.length)),
          input,
        );
        return send(res, 200, JSON.stringify(result), 'application/json');
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        streams.add(res);
        req.once('close', () => streams.delete(res));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'Method not allowed.');
      const rel =
        url.pathname === '/'
          ? 'index.html'
          : normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
      const file = join(root, rel);
      if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
        // Unknown paths get the app, so a reload on any screen works.
        if (!extname(rel)) return serveFile(res, join(root, 'index.html'), token);
        return send(res, 404, 'Not found.');
      }
      return serveFile(res, file, token);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.end();
    });
  });

  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolveStart({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const s of streams) s.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function serveFile(res: ServerResponse, file: string, token: string): void {
  if (!existsSync(file)) return send(res, 503, 'The app is not built yet: run npm run build.');
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Cache-Control': 'no-store',
  };
  if (type.startsWith('text/html'))
    headers['Set-Cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}
