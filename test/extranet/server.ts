// The HTTPS front door: faults first (they happen "before anything is done"), then the JSON API or
// tus, with every failure answered as a JSON error.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Api } from './api';
import type { FaultInjector } from './faults';
import { ApiError, sendError } from './http';
import type { TlsMaterial } from './tls';
import type { TusEndpoint } from './tus';

export interface Handlers {
  api: Api;
  tus: TusEndpoint;
  faults: FaultInjector;
}

function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'https://127.0.0.1').pathname;
  } catch {
    return '';
  }
}

async function route(req: IncomingMessage, res: ServerResponse, h: Handlers): Promise<void> {
  await h.faults.slowDown();
  if (h.faults.failNow()) {
    throw new ApiError(503, 'UNAVAILABLE', 'The extranet is busy (injected fault). Try again.');
  }
  const path = pathOf(req);
  if (path === '/files' || path.startsWith('/files/')) return h.tus.handle(req, res, path);
  if (path.startsWith('/api/')) return h.api.handle(req, res, path);
  throw new ApiError(404, 'NOT_FOUND', 'There is nothing at this address.');
}

export function createExtranetServer(tls: TlsMaterial, handlers: Handlers): Server {
  const server = createServer(
    {
      key: tls.key,
      cert: tls.cert,
      minVersion: 'TLSv1.2',
      // A 1 GiB PATCH on a slow college link takes longer than Node's default 5-minute request
      // limit; tus clients resume anyway, but cutting healthy uploads would only waste their time.
      requestTimeout: 0,
    },
    (req, res) => {
      const started = Date.now();
      res.on('close', () => {
        // An answer written to a connection that was already cut (drop-after) never arrived.
        const status = res.writableFinished ? res.statusCode : 'cut';
        console.error(
          `[extranet] ${req.method ?? '?'} ${pathOf(req)} ${status} ${Date.now() - started}ms`,
        );
      });
      route(req, res, handlers).catch((e: unknown) => sendError(req, res, e));
    },
  );
  // A client that goes away mid-handshake is routine in fault tests, not worth a stack trace.
  server.on('tlsClientError', (err) => console.error(`[extranet] TLS: ${err.message}`));
  return server;
}
