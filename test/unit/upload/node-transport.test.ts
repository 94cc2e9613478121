// The Node transport's decisions that need no network: which proxy a request goes through
// (HTTPS_PROXY, NO_PROXY, loopback), refusing plain http to another machine, and how socket and TLS
// errors become one line with a problem a caller can act on.
import { describe, expect, it } from 'vitest';
import { NodeTransport, proxyFor } from '../../../electron/upload/node-transport';
import { NetworkError, describeNetworkError } from '../../../electron/upload/transport';

const EXTRANET = new URL('https://extranet.hefce.ac.uk/files/');
const PROXY = 'http://proxy.college.ac.uk:3128';

const proxied = (url: URL | string, env: NodeJS.ProcessEnv) =>
  proxyFor(typeof url === 'string' ? new URL(url) : url, env)?.href;

describe('proxyFor', () => {
  it('goes direct without HTTPS_PROXY', () => {
    expect(proxied(EXTRANET, {})).toBeUndefined();
    expect(proxied(EXTRANET, { HTTP_PROXY: PROXY })).toBeUndefined();
  });

  it('uses HTTPS_PROXY, or https_proxy, for an https address', () => {
    expect(proxied(EXTRANET, { HTTPS_PROXY: PROXY })).toBe(`${PROXY}/`);
    expect(proxied(EXTRANET, { https_proxy: PROXY })).toBe(`${PROXY}/`);
    expect(proxied(EXTRANET, { HTTPS_PROXY: PROXY, https_proxy: 'http://other:1' })).toBe(
      `${PROXY}/`,
    );
  });

  it('never sends this machine through the proxy', () => {
    for (const url of ['https://127.0.0.1:4443/', 'https://localhost/', 'https://[::1]:4443/'])
      expect(proxied(url, { HTTPS_PROXY: PROXY })).toBeUndefined();
  });

  it('goes direct for NO_PROXY hosts and their subdomains, ignoring case and spaces', () => {
    const env = (NO_PROXY: string) => ({ HTTPS_PROXY: PROXY, NO_PROXY });
    expect(proxied(EXTRANET, env('hefce.ac.uk'))).toBeUndefined();
    expect(proxied(EXTRANET, env('.hefce.ac.uk'))).toBeUndefined();
    expect(proxied('https://hefce.ac.uk/', env('.hefce.ac.uk'))).toBeUndefined();
    expect(proxied(EXTRANET, env(' intranet.local , EXTRANET.HEFCE.AC.UK '))).toBeUndefined();
    expect(proxied(EXTRANET, env('*'))).toBeUndefined();
    expect(proxied(EXTRANET, { HTTPS_PROXY: PROXY, no_proxy: 'hefce.ac.uk' })).toBeUndefined();
  });

  it('still uses the proxy for hosts that only look like a NO_PROXY entry', () => {
    const env = (NO_PROXY: string) => ({ HTTPS_PROXY: PROXY, NO_PROXY });
    expect(proxied('https://nothefce.ac.uk/', env('hefce.ac.uk'))).toBe(`${PROXY}/`);
    expect(proxied('https://hefce.ac.uk.evil.example/', env('hefce.ac.uk'))).toBe(`${PROXY}/`);
    expect(proxied(EXTRANET, env('other.ac.uk,,'))).toBe(`${PROXY}/`);
  });
});

describe('NodeTransport', () => {
  it('refuses plain http to another machine before connecting', async () => {
    const r = new NodeTransport().request({ method: 'GET', url: 'http://extranet.example.ac.uk/' });
    await expect(r).rejects.toBeInstanceOf(NetworkError);
    await expect(r).rejects.toMatchObject({
      problem: 'TLS_UNTRUSTED',
      message:
        'extranet.example.ac.uk is not https: ReturnDesk sends files only over an encrypted connection.',
    });
  });
});

describe('describeNetworkError', () => {
  const url = 'https://extranet.hefce.ac.uk:8443/files/abc';
  const withCode = (code: string) => Object.assign(new Error(code), { code });

  it.each([
    [
      'ECONNREFUSED',
      'UNREACHABLE',
      true,
      /^extranet\.hefce\.ac\.uk:8443 cannot be reached \(ECONNREFUSED\)\./,
    ],
    ['ENOTFOUND', 'UNREACHABLE', true, /cannot be reached \(ENOTFOUND\)/],
    [
      'ECONNRESET',
      'RESET',
      true,
      /^The connection to extranet\.hefce\.ac\.uk:8443 was interrupted \(ECONNRESET\)\.$/,
    ],
    ['ETIMEDOUT', 'TIMEOUT', true, /stopped answering; the transfer will resume/],
    [
      'SELF_SIGNED_CERT_IN_CHAIN',
      'TLS_UNTRUSTED',
      false,
      /^The certificate of extranet\.hefce\.ac\.uk:8443 is not trusted \(SELF_SIGNED_CERT_IN_CHAIN\)\..* give the destination that authority's CA certificate\.$/,
    ],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'TLS_UNTRUSTED', false, /is not trusted/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS_UNTRUSTED', false, /is not trusted/],
  ] as const)('turns %s into %s (retryable: %s)', (code, problem, retryable, message) => {
    const e = describeNetworkError(withCode(code), url);
    expect(e).toMatchObject({ problem, retryable });
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
  });

  it('treats a stopped transfer as final, not as something to retry', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(describeNetworkError(abort, url)).toMatchObject({
      problem: 'ABORTED',
      retryable: false,
    });
  });
});
