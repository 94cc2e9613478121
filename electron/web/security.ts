// Browser mode listens on 127.0.0.1, where any web page the user visits could try to reach it.
// The Host header must be the server's own (defeats DNS rebinding); a state-changing request from
// a foreign Origin is refused; every API call must carry a session token in TOKEN_HEADER (see
// sessions.ts), never in a cookie or the address. The page and its assets are the public build of
// the renderer and hold no data: they are served to any request with the right Host.
import type { IncomingMessage } from 'node:http';
import type { Sessions } from './sessions';

export const TOKEN_HEADER = 'x-returndesk-token';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  return typeof header === 'string' ? header : undefined;
}

/**
 * Why a request is refused, or undefined if it may proceed. `session` when the request needs a
 * session token (every API call but the exchange of a code for one).
 */
export function refusal(
  req: IncomingMessage,
  port: number,
  session: Sessions | null,
): string | undefined {
  if (!allowedHosts(port).has(req.headers.host ?? '')) return 'unknown host';
  const origin = req.headers.origin;
  if (
    req.method !== 'GET' &&
    req.method !== 'HEAD' &&
    origin !== undefined &&
    !allowedOrigins(port).has(origin)
  )
    return 'foreign origin';
  if (session && !session.valid(tokenOf(req))) return 'missing or wrong token';
  return undefined;
}

/** The same policy the Electron window gets: nothing but our own scripts; no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Fluent UI writes its styles at run time (CSS-in-JS), so inline styles must be allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
