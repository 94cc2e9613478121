// Browser mode: the same handler table as the Electron app, over HTTP on 127.0.0.1, serving the
// built renderer. Protocol (what renderer/api/http-api.ts speaks):
//   GET  /?code=C             the app; the page exchanges the one-time code C for a session token
//   GET  /assets/...          the renderer's files
//   POST /api/session         body {"code": C} → {"token": T}, or 403 {"error": {code, message}}
//   POST /api/call/CHANNEL    body {"input": ...} (application/json) → a Result as JSON
//   GET  /api/events          Server-Sent Events, read with fetch: each `data:` is {"event","payload"}
// Every API call but the exchange needs the token in the x-returndesk-token header; nothing is
// kept in a cookie. See security.ts and sessions.ts.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Operations } from '../operations';
import { dispatch } from '../operations';
import type { Events } from '../../shared/ipc/contract';
import { SECURITY_HEADERS, refusal, tokenOf } from './security';
import { Sessions } from './sessions';
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
  subscribe(listener: <E extends keyof Events>(event: E, payload: Events[E]) => void): () => void;
}

export interface WebServer {
  /** The server's own address, http://127.0.0.1:PORT/, with no code: it opens nothing by itself. */
  url: string;
  port: number;
  /** A fresh one-time code (see sessions.ts); `onRedeemed` runs once it has been exchanged. */
  newCode(onRedeemed?: () => void): string;
  /** The address that opens the app with `code`. */
  address(code: string): string;
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

/** A path's own characters; null for a malformed escape such as a lone % (answered 400). */
function decoded(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

const REFUSED_CODE = {
  CODE_USED: 'This address has been used already: each address ReturnDesk gives opens one page.',
  CODE_UNKNOWN: 'This address is not one this run of ReturnDesk gave out.',
};

export function startWebServer(o: WebServerOptions): Promise<WebServer> {
  const root = resolve(o.staticDir);
  const sessions = new Sessions();
  let port = 0;
  /** Each event stream, under the session it belongs to, so an ended session's streams close. */
  const streams = new Map<ServerResponse, string>();
  const unsubscribe = o.subscribe((event, payload) => {
    const line = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const s of streams.keys()) s.write(line);
  });
  const stopEnding = sessions.onEnded((key) => {
    for (const [s, k] of streams) if (k === key) s.end();
  });

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const path = decoded(url.pathname);
      const api = url.pathname.startsWith('/api/');
      const isExchange = url.pathname === '/api/session';
      const why = refusal(req, port, api && !isExchange ? sessions : null);
      if (why) return send(res, 403, `Forbidden: ${why}.`);
      if (path === null) return send(res, 400, 'The address is not valid.');
      if (isExchange && req.method === 'POST') {
        if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
          return send(res, 415, 'Send JSON.');
        let code: unknown;
        try {
          code = (JSON.parse(await readBody(req, 4096)) as { code?: unknown }).code;
        } catch {
          code = undefined;
        }
        if (typeof code !== 'string' || code.length > 200)
          return send(
            res,
            400,
            JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'Send {"code": ...}.' } }),
            'application/json',
          );
        const r = sessions.redeem(code);
        if ('refused' in r)
          return send(
            res,
            403,
            JSON.stringify({ error: { code: r.refused, message: REFUSED_CODE[r.refused] } }),
            'application/json',
          );
        return send(res, 200, JSON.stringify({ token: r.token }), 'application/json');
      }
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
        const result = await dispatch(o.operations, path.slice('/api/call/'.length), input);
        // A file's check report holds line 7's and line 9's numbers as bigints (a checksum can pass
        // 2^53); JSON has no such type, so they travel as their digits.
        const json = JSON.stringify(result, (_, v: unknown) =>
          typeof v === 'bigint' ? v.toString() : v,
        );
        return send(res, 200, json, 'application/json');
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        streams.set(res, sessions.key(tokenOf(req) ?? ''));
        req.once('close', () => streams.delete(res));
        return;
      }
      if (api) return send(res, 404, 'Not found.');
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'Method not allowed.');
      const rel = url.pathname === '/' ? 'index.html' : normalize(path).replace(/^[/\\]+/, '');
      const file = join(root, rel);
      if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
        // Unknown paths get the app, so a reload on any screen works.
        if (!extname(rel)) return serveFile(res, join(root, 'index.html'));
        return send(res, 404, 'Not found.');
      }
      return serveFile(res, file);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.end();
    });
  });

  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const base = `http://127.0.0.1:${port}/`;
      resolveStart({
        url: base,
        port,
        newCode: (onRedeemed) => sessions.newCode(onRedeemed),
        address: (code) => `${base}?code=${encodeURIComponent(code)}`,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            stopEnding();
            for (const s of streams.keys()) s.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function serveFile(res: ServerResponse, file: string): void {
  if (!existsSync(file)) return send(res, 503, 'The app is not built yet: run npm run build.');
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  createReadStream(file).pipe(res);
}
