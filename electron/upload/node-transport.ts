// The transport under Node: HTTPS with certificate verification always on, the destination's CA
// added to the trusted roots, and HTTPS_PROXY honoured through a CONNECT tunnel (loopback and
// NO_PROXY hosts go direct). Plain http is allowed only to this machine, for tests.
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import type { Duplex } from 'node:stream';
import type { Transport, TransportRequest, TransportResponse } from './transport';
import { NetworkError, describeNetworkError } from './transport';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The proxy for a request: HTTPS_PROXY, unless the host is this machine or listed in NO_PROXY. */
export function proxyFor(url: URL, env: NodeJS.ProcessEnv): URL | undefined {
  const raw = env.HTTPS_PROXY ?? env.https_proxy;
  if (!raw || url.protocol !== 'https:' || LOOPBACK.has(url.hostname)) return undefined;
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const host = url.hostname.toLowerCase();
  if (
    noProxy.some(
      (n) =>
        n === '*' ||
        host === n.replace(/^\./, '') ||
        host.endsWith(n.startsWith('.') ? n : `.${n}`),
    )
  )
    return undefined;
  return new URL(raw);
}

function tunnel(proxy: URL, target: URL, ca: string[] | undefined): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const auth = proxy.username
      ? {
          'Proxy-Authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`,
        }
      : undefined;
    const req = http.request({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: 'CONNECT',
      path: `${target.hostname}:${target.port || 443}`,
      headers: auth,
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        reject(
          new NetworkError(
            'UNREACHABLE',
            `The proxy ${proxy.host} refused the connection to ${target.host} (HTTP ${res.statusCode}).`,
          ),
        );
        return;
      }
      const secure = tls.connect({
        socket,
        servername: target.hostname,
        ca: ca ? [...tls.rootCertificates, ...ca] : undefined,
      });
      secure.once('secureConnect', () => resolve(secure));
      secure.once('error', reject);
    });
    req.once('error', reject);
    req.end();
  });
}

export class NodeTransport implements Transport {
  private readonly ca: string[] | undefined;

  constructor(
    caPem: string | null = null,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    // Added to the usual roots, not instead of them: a college proxy's own CA may sit in front.
    this.ca = caPem ? [...tls.rootCertificates, caPem] : undefined;
  }

  async request(req: TransportRequest): Promise<TransportResponse> {
    const url = new URL(req.url);
    if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
      throw new NetworkError(
        'TLS_UNTRUSTED',
        `${url.host} is not https: ReturnDesk sends files only over an encrypted connection.`,
      );
    }
    const proxy = proxyFor(url, this.env);
    const socket = proxy
      ? await tunnel(proxy, url, this.ca).catch((e: unknown) => {
          throw describeNetworkError(e, req.url);
        })
      : undefined;
    return new Promise<TransportResponse>((resolve, reject) => {
      const lib = url.protocol === 'https:' ? https : http;
      const r = lib.request(url, {
        method: req.method,
        headers: req.headers,
        ca: this.ca,
        signal: req.signal,
        ...(socket ? { createConnection: () => socket } : {}),
      });
      let settled = false;
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        r.destroy();
        reject(describeNetworkError(e, req.url));
      };
      r.setTimeout(req.timeoutMs ?? 60_000, () =>
        fail(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
      );
      r.once('error', fail);
      r.once('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('error', fail);
        res.once('end', () => {
          if (settled) return;
          settled = true;
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      });
      if (req.body === undefined) r.end();
      else if (Buffer.isBuffer(req.body)) {
        req.onBodyBytes?.(0);
        r.end(req.body, () => req.onBodyBytes?.(req.body instanceof Buffer ? req.body.length : 0));
      } else pipeCounting(req.body, r, req.onBodyBytes, fail);
    });
  }
}

function pipeCounting(
  body: Readable,
  out: http.ClientRequest,
  onBytes: ((n: number) => void) | undefined,
  fail: (e: unknown) => void,
): void {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes?.(chunk.length);
      done(null, chunk);
    },
  });
  body.once('error', fail);
  out.once('close', () => body.destroy());
  body.pipe(counter).pipe(out);
}
