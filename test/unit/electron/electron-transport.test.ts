// ElectronTransport against a real HTTP server on loopback, through a stand-in for net.request
// that behaves like Electron's ClientRequest where it matters here: without chunkedEncoding it
// buffers the whole body until end(); write callbacks fire as chunks are taken; a redirect in
// 'manual' mode emits 'redirect' and then fails unless followed; errors are "net::ERR_…" strings.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ElectronTransport,
  describeNetError,
  requestHeaders,
} from '../../../electron/upload/electron-transport';
import type { NetRequester } from '../../../electron/upload/electron-transport';
import { NetworkError } from '../../../electron/upload/transport';
import { createUploadNetwork } from '../../../electron/shell/upload-network';

type Options = {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  redirect?: string;
};

class FakeClientRequest extends EventEmitter {
  chunkedEncoding = false;
  private aborted = false;
  private buffered: Buffer[] = [];
  private readonly req: http.ClientRequest;

  constructor(readonly options: Options) {
    super();
    this.req = http.request(options.url as string, {
      method: options.method,
      headers: options.headers,
    });
    this.req.on('response', (res) => {
      const location = res.headers.location;
      if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location) {
        const headers = Object.fromEntries(
          Object.entries(res.headers).map(([k, v]) => [k, ([] as string[]).concat(v ?? [])]),
        );
        this.emit('redirect', res.statusCode, options.method, location, headers);
        if (!this.aborted) this.emit('error', new Error('Redirect was cancelled'));
        res.resume();
        return;
      }
      this.emit('response', res);
    });
    this.req.on('error', (e: NodeJS.ErrnoException) => {
      if (this.aborted) return;
      const code = e.code === 'ECONNREFUSED' ? 'ERR_CONNECTION_REFUSED' : 'ERR_CONNECTION_RESET';
      this.emit('error', new Error(`net::${code}`));
    });
  }

  write(chunk: Buffer, _encoding?: string, callback?: () => void): void {
    if (!this.chunkedEncoding) {
      this.buffered.push(chunk);
      callback?.();
    } else this.req.write(chunk, () => callback?.());
  }

  end(chunk?: Buffer, _encoding?: string, callback?: () => void): this {
    if (chunk) this.write(chunk);
    if (!this.chunkedEncoding && this.buffered.length) {
      const body = Buffer.concat(this.buffered);
      this.req.setHeader('Content-Length', body.length);
      this.req.end(body, callback);
    } else this.req.end(callback);
    return this;
  }

  abort(): void {
    this.aborted = true;
    this.req.destroy();
  }
}

const made: FakeClientRequest[] = [];
const fakeNet = {
  request: (o: Options) => {
    const r = new FakeClientRequest(o);
    made.push(r);
    return r;
  },
} as unknown as NetRequester;

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/slow') return; // never answers
    if (req.url === '/redirect') {
      res.writeHead(302, { Location: 'https://elsewhere.example/' });
      return res.end();
    }
    if (req.url === '/proxy') {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="college"' });
      return res.end();
    }
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Many': ['a', 'b'] });
      res.end(
        JSON.stringify({
          bytes,
          te: req.headers['transfer-encoding'] ?? null,
          length: req.headers['content-length'] ?? null,
          auth: req.headers.authorization ?? null,
        }),
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const transport = new ElectronTransport(fakeNet);

describe('ElectronTransport', () => {
  it('sends a small body whole and reports its bytes', async () => {
    const progress: number[] = [];
    const res = await transport.request({
      method: 'POST',
      url: `${base}/echo`,
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' },
      body: Buffer.from('{"a":1}'),
      onBodyBytes: (n) => progress.push(n),
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-many']).toBe('a, b');
    expect(JSON.parse(res.body.toString())).toEqual({
      bytes: 7,
      te: null,
      length: '7',
      auth: 'Bearer t',
    });
    expect(progress).toEqual([0, 7]);
    expect(made.at(-1)?.options).toMatchObject({ redirect: 'manual', useSessionCookies: false });
  });

  it('streams a file body chunk by chunk and counts every byte', async () => {
    const chunk = Buffer.alloc(64 * 1024, 1);
    const body = Readable.from(Array.from({ length: 16 }, () => chunk));
    const progress: number[] = [];
    const res = await transport.request({
      method: 'PATCH',
      url: `${base}/upload`,
      headers: { 'Content-Type': 'application/offset+octet-stream' },
      body,
      onBodyBytes: (n) => progress.push(n),
    });
    const seen = JSON.parse(res.body.toString()) as { bytes: number; te: string };
    expect(seen).toMatchObject({ bytes: 16 * chunk.length, te: 'chunked' });
    expect(made.at(-1)?.chunkedEncoding).toBe(true);
    expect(progress.length).toBe(16);
    expect(progress.reduce((a, b) => a + b, 0)).toBe(16 * chunk.length);
  });

  it('leaves the headers Chromium owns to Chromium', () => {
    expect(
      requestHeaders({
        'Content-Length': '5',
        Host: 'x',
        Connection: 'close',
        'Upload-Offset': '0',
      }),
    ).toEqual({ 'Upload-Offset': '0' });
  });

  it('answers a redirect as it is, without following it', async () => {
    const res = await transport.request({ method: 'GET', url: `${base}/redirect` });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('https://elsewhere.example/');
    expect(res.body.length).toBe(0);
  });

  it('fails with TIMEOUT when the server stops answering', async () => {
    const e = await transport
      .request({ method: 'GET', url: `${base}/slow`, timeoutMs: 150 })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect((e as NetworkError).problem).toBe('TIMEOUT');
  });

  it('stops with ABORTED when the upload is cancelled', async () => {
    const ac = new AbortController();
    const pending = transport.request({ method: 'GET', url: `${base}/slow`, signal: ac.signal });
    ac.abort();
    await expect(pending).rejects.toMatchObject({ problem: 'ABORTED' });
    ac.abort();
    await expect(
      transport.request({ method: 'GET', url: `${base}/echo`, signal: ac.signal }),
    ).rejects.toMatchObject({ problem: 'ABORTED' });
  });

  it('explains a proxy that wants a password instead of returning its 407', async () => {
    await expect(transport.request({ method: 'GET', url: `${base}/proxy` })).rejects.toMatchObject({
      problem: 'UNREACHABLE',
      message: expect.stringMatching(/proxy server asks for a user name and password/),
    });
  });

  it('reports a refused connection as unreachable', async () => {
    const closed = http.createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    await expect(
      transport.request({ method: 'GET', url: `http://127.0.0.1:${port}/` }),
    ).rejects.toMatchObject({ problem: 'UNREACHABLE' });
  });

  it('sends nothing over plain http except to this machine', async () => {
    const before = made.length;
    for (const url of ['http://extranet.example.ac.uk/api', 'ftp://example.org/x']) {
      await expect(transport.request({ method: 'GET', url })).rejects.toMatchObject({
        problem: 'TLS_UNTRUSTED',
      });
    }
    expect(made.length).toBe(before);
  });
});

describe('net errors in plain English', () => {
  it.each([
    ['net::ERR_CERT_AUTHORITY_INVALID', 'TLS_UNTRUSTED', false],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'TLS_UNTRUSTED', false],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'TLS_UNTRUSTED', false],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'UNREACHABLE', true],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'UNREACHABLE', true],
    ['net::ERR_NAME_NOT_RESOLVED', 'UNREACHABLE', true],
    ['net::ERR_INTERNET_DISCONNECTED', 'UNREACHABLE', true],
    ['net::ERR_TIMED_OUT', 'TIMEOUT', true],
    ['net::ERR_CONNECTION_RESET', 'RESET', true],
    ['net::ERR_HTTP2_PROTOCOL_ERROR', 'RESET', true],
  ])('%s is %s', (message, problem, retryable) => {
    const e = describeNetError(message, 'https://extranet.example.ac.uk/files/1');
    expect(e.problem).toBe(problem);
    expect(e.retryable).toBe(retryable);
    expect(e.message).toContain('extranet.example.ac.uk');
  });
});

describe('the upload network', () => {
  it('installs the own-CA verify proc on its session and registers each destination', () => {
    let proc: ((req: unknown, cb: (v: number) => void) => void) | undefined;
    const session = { setCertificateVerifyProc: (p: typeof proc) => (proc = p) };
    const network = createUploadNetwork(fakeNet, session as never);
    expect(proc).toBeTypeOf('function');
    const t = network.transportFor({ url: 'https://extranet.example.ac.uk/', caPem: 'PEM' });
    expect(t).toBeInstanceOf(ElectronTransport);
    const verdicts: number[] = [];
    proc?.(
      {
        hostname: 'other.example',
        verificationResult: 'net::OK',
        errorCode: 0,
        certificate: { data: '' },
      },
      (v) => verdicts.push(v),
    );
    expect(verdicts).toEqual([-3]);
  });
});
