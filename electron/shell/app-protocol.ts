// The window loads the built renderer from app://returndesk/, never from a web server or file://:
// a privileged standard scheme gives the page a real origin for the CSP's 'self' and the IPC
// sender check, and this module decides which file (if any) a URL may reach.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Privileges } from 'electron';
import { SECURITY_HEADERS } from '../web/security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'returndesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The root, as in browser mode: the renderer routes by hash (#/settings), never by path. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/**
 * standard + secure: relative URLs, localStorage and a secure context, like https. Left unset on
 * purpose: corsEnabled (would let other origins read our files), bypassCSP, service workers.
 */
export const APP_SCHEME_PRIVILEGES: Privileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
};

export type Resolved = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

type PathApi = Pick<typeof path, 'join' | 'relative' | 'isAbsolute' | 'resolve'>;

// Anything in a decoded segment that could leave the folder or mean something else on Windows:
// separators, a drive or alternate-data-stream colon, NUL, and the dot segments themselves.
const BAD_SEGMENT = /[/\\:\0]|^\.{1,2}$/;

/**
 * Maps an app:// URL to a file under `root`, or refuses it. Pure (given a path API) so it can be
 * tested with POSIX and Windows paths alike.
 */
export function resolveAppFile(root: string, url: string, p: PathApi = path): Resolved {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return { ok: false, status: 404 };
  }
  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (BAD_SEGMENT.test(segment)) return { ok: false, status: 403 };
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const base = p.resolve(root);
  const file = p.join(base, ...segments);
  const rel = p.relative(base, file);
  // Belt and braces: whatever the checks above missed, the result must still be inside root.
  if (rel === '' || rel.startsWith('..') || p.isAbsolute(rel)) return { ok: false, status: 403 };
  return { ok: true, file };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}

type ReadFile = (file: string) => Promise<Buffer>;

/**
 * The protocol.handle handler: read-only, GET only, files under `root` only; every answer carries
 * the same security headers (CSP included) as browser mode. An unknown path without an extension
 * gets index.html, so reloading on any screen works.
 */
export function createAppProtocolHandler(
  root: string,
  read: ReadFile = (f) => readFile(f),
): (request: Request) => Promise<Response> {
  const load = async (file: string): Promise<Buffer | undefined> => {
    try {
      return await read(file);
    } catch {
      return undefined;
    }
  };
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveAppFile(root, request.url);
    if (!resolved.ok) return refuse(resolved.status);
    let file = resolved.file;
    let body = await load(file);
    if (body === undefined && path.extname(file) === '') {
      file = path.join(root, 'index.html');
      body = await load(file);
    }
    if (body === undefined) return refuse(404);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) },
    });
  };
}
