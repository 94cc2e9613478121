// JSON in and out. Every error leaves as {"error":{"code","message"}} with a stable code; nothing
// thrown inside the server ever reaches a client as a stack trace.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const sessionExpired = () =>
  new ApiError(401, 'SESSION_EXPIRED', 'Your session has expired or is not valid. Log in again.');

export function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (res.headersSent || res.destroyed) return;
  // An unread request body (an upload refused before it was read) would otherwise have to be
  // drained before the connection could be reused; closing it is cheaper and unambiguous.
  if (!req.complete) res.setHeader('Connection', 'close');
  if (error instanceof ApiError) {
    sendJson(res, error.status, { error: { code: error.code, message: error.message } });
    return;
  }
  console.error('[extranet] unexpected error:', error);
  sendJson(res, 500, {
    error: { code: 'INTERNAL', message: 'The server could not complete this request.' },
  });
}

const MAX_JSON_BODY = 64 * 1024;

/**
 * Reads a small JSON body; anything larger than 64 KiB is not a login or a join request. With
 * `orEmpty`, an empty body reads as `{}` (for calls whose body says nothing, like a nil return).
 */
export async function readJson(req: IncomingMessage, orEmpty = false): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BODY) {
      throw new ApiError(413, 'TOO_LARGE', 'The request body is larger than 64 KiB.');
    }
    chunks.push(chunk);
  }
  if (orEmpty && size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new ApiError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

export function parseWith<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    throw new ApiError(400, 'BAD_REQUEST', `${what} is not valid: ${detail}.`);
  }
  return parsed.data;
}
