// The transport port: one HTTP request at a time, bodies streamed. Under Node (command line,
// browser mode, tests) it is Node's HTTPS with the destination's CA file and HTTPS_PROXY; in the
// desktop app it is Electron's net module (system proxy, Windows certificate store).
import type { Readable } from 'node:stream';

export type HttpMethod = 'GET' | 'POST' | 'HEAD' | 'PATCH' | 'DELETE';

export interface TransportRequest {
  method: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  body?: Buffer | Readable;
  /** Called as body bytes go out, for progress (fetch-style APIs report none). */
  onBodyBytes?: (n: number) => void;
  signal?: AbortSignal;
  /** No response (or no progress) for this long fails the request. */
  timeoutMs?: number;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Transport {
  request(req: TransportRequest): Promise<TransportResponse>;
}

export type NetworkProblem = 'UNREACHABLE' | 'TLS_UNTRUSTED' | 'RESET' | 'TIMEOUT' | 'ABORTED';

/** A request that got no HTTP answer; `retryable` says whether trying again can help. */
export class NetworkError extends Error {
  constructor(
    readonly problem: NetworkProblem,
    message: string,
  ) {
    super(message);
    this.name = 'NetworkError';
  }

  get retryable(): boolean {
    return this.problem === 'RESET' || this.problem === 'TIMEOUT' || this.problem === 'UNREACHABLE';
  }
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|ALTNAME|ERR_TLS/;

/** Turns a socket or TLS error into one line a data officer can act on. */
export function describeNetworkError(e: unknown, url: string): NetworkError {
  const code = String((e as NodeJS.ErrnoException | undefined)?.code ?? '');
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  if (e instanceof NetworkError) return e;
  if ((e as Error | undefined)?.name === 'AbortError')
    return new NetworkError('ABORTED', 'The upload was stopped.');
  if (TLS_CODES.test(code)) {
    return new NetworkError(
      'TLS_UNTRUSTED',
      `The certificate of ${host} is not trusted (${code}). If your college or the portal uses its own certificate authority, give the destination that authority's CA certificate.`,
    );
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code)) {
    return new NetworkError(
      'UNREACHABLE',
      `${host} cannot be reached (${code}). Check the address, your network connection and any proxy settings.`,
    );
  }
  if (code === 'ETIMEDOUT' || code === 'TIMEOUT')
    return new NetworkError(
      'TIMEOUT',
      `${host} stopped answering; the transfer will resume from where it stopped.`,
    );
  return new NetworkError(
    'RESET',
    `The connection to ${host} was interrupted (${code || (e instanceof Error ? e.message : 'unknown')}).`,
  );
}
