// Browser mode listens on 127.0.0.1, where any web page the user visits could try to reach it.
// Every request, page or API, must carry the per-launch token; the Host header must be the
// server's own (defeats DNS rebinding); a state-changing request from a foreign Origin is refused.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'rd_token';
export const TOKEN_HEADER = 'x-returndesk-token';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function tokenOf(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  const query = url.searchParams.get('token');
  if (query) return query;
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${TOKEN_COOKIE}=`));
  return cookie?.slice(TOKEN_COOKIE.length + 1);
}

/** Why a request is refused, or undefined if it may proceed. */
export function refusal(
  req: IncomingMessage,
  url: URL,
  port: number,
  token: string,
): string | undefined {
  if (!allowedHosts(port).has(req.headers.host ?? '')) return 'unknown host';
  if (!sameToken(tokenOf(req, url), token)) return 'missing or wrong token';
  const origin = req.headers.origin;
  if (
    req.method !== 'GET' &&
    req.method !== 'HEAD' &&
    origin !== undefined &&
    !allowedOrigins(port).has(origin)
  )
    return 'foreign origin';
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
