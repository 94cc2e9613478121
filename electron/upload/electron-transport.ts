// The transport in the desktop app: Electron's net module, i.e. Chromium's network stack. That is
// what colleges' networks need: the system proxy (including PAC/WPAD), proxy authentication with
// the user's Windows logon (NTLM, Kerberos, Negotiate), and the Windows certificate store, so a
// TLS-inspecting proxy's private root is trusted like it is in the browser. A destination's own CA
// is honoured by the upload session's verify proc (electron/shell/certificate-trust.ts).
//
// `net` and the session are passed in (types only are imported), so this file loads under Node
// and is tested there with a stand-in for net.request.
import type { ClientRequest, ClientRequestConstructorOptions, Session } from 'electron';
import type { Readable } from 'node:stream';
import type { Transport, TransportRequest, TransportResponse } from './transport';
import { NetworkError } from './transport';

export interface NetRequester {
  request(options: ClientRequestConstructorOptions): ClientRequest;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

// Chromium computes these itself and refuses requests that try to set them.
const CHROMIUM_OWNED = new Set([
  'content-length',
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
]);

export function requestHeaders(headers: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (!CHROMIUM_OWNED.has(k.toLowerCase())) out[k] = v;
  return out;
}

export function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const UNREACHABLE =
  /ERR_(NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|CONNECTION_REFUSED|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED|NETWORK_ACCESS_DENIED|ADDRESS_INVALID)/;
const PROXY = /ERR_(PROXY_|TUNNEL_CONNECTION_FAILED|MANDATORY_PROXY)/;
const TIMEOUT = /ERR_(TIMED_OUT|CONNECTION_TIMED_OUT)/;
const TLS = /ERR_(CERT_|SSL_|BAD_SSL_|CERTIFICATE_)/;

/** Turns a Chromium net error ("net::ERR_…") into one line a data officer can act on. */
export function describeNetError(message: string, url: string): NetworkError {
  const host = hostOf(url);
  const code = /ERR_[A-Z0-9_]+/.exec(message)?.[0] ?? message;
  if (TLS.test(code)) {
    return new NetworkError(
      'TLS_UNTRUSTED',
      `The certificate of ${host} is not trusted (${code}). If your college or the portal uses its own certificate authority, install it in Windows' certificate store or give its certificate to the destination.`,
    );
  }
  if (PROXY.test(code)) {
    return new NetworkError(
      'UNREACHABLE',
      `The proxy server could not connect to ${host} (${code}). Check the proxy settings in Windows, or ask IT whether ${host} is allowed.`,
    );
  }
  if (UNREACHABLE.test(code)) {
    return new NetworkError(
      'UNREACHABLE',
      `${host} cannot be reached (${code}). Check the address, your network connection and any proxy settings.`,
    );
  }
  if (TIMEOUT.test(code)) {
    return new NetworkError(
      'TIMEOUT',
      `${host} stopped answering; the transfer will resume from where it stopped.`,
    );
  }
  return new NetworkError('RESET', `The connection to ${host} was interrupted (${code}).`);
}

export class ElectronTransport implements Transport {
  constructor(
    private readonly net: NetRequester,
    /** A session of its own for uploads, so the window's session never trusts a destination CA. */
    private readonly session?: Session,
  ) {}

  request(req: TransportRequest): Promise<TransportResponse> {
    const url = new URL(req.url);
    const host = url.host;
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      return Promise.reject(
        new NetworkError(
          'TLS_UNTRUSTED',
          `${host} is not https: ReturnDesk sends files only over an encrypted connection.`,
        ),
      );
    }
    if (req.signal?.aborted) {
      return Promise.reject(new NetworkError('ABORTED', 'The upload was stopped.'));
    }
    return new Promise<TransportResponse>((resolve, reject) => {
      const r = this.net.request({
        method: req.method,
        url: req.url,
        headers: requestHeaders(req.headers),
        ...(this.session ? { session: this.session } : {}),
        // A 3xx is answered to the caller as it is, like the Node transport does; a streamed
        // body could not be replayed to another address anyway.
        redirect: 'manual',
        useSessionCookies: false,
        cache: 'no-store',
      });
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      let stop: () => void = () => undefined;
      const stopped = new Promise<void>((done) => (stop = done));
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
        stop();
        return true;
      };
      const fail = (e: NetworkError) => {
        if (!settle()) return;
        reject(e);
        r.abort();
      };
      const answer = (res: TransportResponse) => {
        if (settle()) resolve(res);
      };
      // "No response or no progress for this long": re-armed on every chunk either way.
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(
          () =>
            fail(
              new NetworkError(
                'TIMEOUT',
                `${host} stopped answering; the transfer will resume from where it stopped.`,
              ),
            ),
          req.timeoutMs ?? 60_000,
        );
      };
      const onAbort = () => fail(new NetworkError('ABORTED', 'The upload was stopped.'));
      req.signal?.addEventListener('abort', onAbort, { once: true });
      arm();

      // Windows-logon proxy authentication happens inside Chromium; a proxy or server that still
      // asks for a password gets none from us, and its 407/401 answer comes back below.
      r.on('login', (_info, callback) => callback());
      r.on('redirect', (status, _method, location, headers) => {
        answer({
          status,
          headers: { ...flattenHeaders(headers), location },
          body: Buffer.alloc(0),
        });
        r.abort();
      });
      r.on('error', (e) => fail(describeNetError(e.message, req.url)));
      r.on('response', (res) => {
        if (res.statusCode === 407) {
          fail(
            new NetworkError(
              'UNREACHABLE',
              `The proxy server asks for a user name and password before it lets ReturnDesk reach ${host}. Ask IT to allow ${host} for your Windows account.`,
            ),
          );
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          arm();
        });
        res.on('end', () =>
          answer({
            status: res.statusCode,
            headers: flattenHeaders(res.headers),
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', (e: Error) => fail(describeNetError(e.message, req.url)));
        res.on('aborted', () =>
          fail(new NetworkError('RESET', `The connection to ${host} was interrupted.`)),
        );
      });

      if (req.body === undefined) r.end();
      else if (Buffer.isBuffer(req.body)) {
        const size = req.body.length;
        req.onBodyBytes?.(0);
        r.end(req.body, undefined, () => req.onBodyBytes?.(size));
      } else {
        // Without chunked encoding net buffers the whole body in memory before sending it.
        r.chunkedEncoding = true;
        pump(req.body, r, stopped, (n) => {
          req.onBodyBytes?.(n);
          arm();
        }).catch((e: unknown) =>
          fail(
            new NetworkError(
              'RESET',
              `The file could not be read while sending it (${e instanceof Error ? e.message : String(e)}).`,
            ),
          ),
        );
      }
    });
  }
}

/**
 * Writes the body one chunk at a time, waiting for net to take each chunk before reading the next
 * (so memory stays flat and progress counts bytes actually handed to the network), and stops as
 * soon as the request is over for any reason.
 */
async function pump(
  body: Readable,
  r: ClientRequest,
  stopped: Promise<void>,
  sent: (n: number) => void,
): Promise<void> {
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    const written = new Promise<boolean>((done) => r.write(buf, undefined, () => done(true)));
    if (!(await Promise.race([written, stopped.then(() => false)]))) return;
    sent(buf.length);
  }
  r.end();
}
