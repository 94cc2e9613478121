import { describe, expect, it } from 'vitest';
import { exchangeCode, takeCode } from '../../../renderer/api/token';
import type { ExchangeFetch } from '../../../renderer/api/token';

describe('the one-time code in the address', () => {
  it('is read and removed, leaving other parameters in place', () => {
    expect(takeCode('?code=abc-_123')).toEqual({ code: 'abc-_123', search: '' });
    expect(takeCode('?lang=en&code=abc')).toEqual({ code: 'abc', search: '?lang=en' });
  });

  it('is null when absent or empty (after a reload the tab keeps its session)', () => {
    expect(takeCode('')).toEqual({ code: null, search: '' });
    expect(takeCode('?code=')).toEqual({ code: null, search: '' });
  });
});

describe('exchanging the code for a session token', () => {
  const answering =
    (status: number, body: unknown): ExchangeFetch =>
    async () => ({ status, text: async () => JSON.stringify(body) });

  it('posts the code to /api/session and gives the token', async () => {
    const sent: unknown[] = [];
    const fetch: ExchangeFetch = async (url, init) => {
      sent.push({ url, ...init });
      return { status: 200, text: async () => JSON.stringify({ token: 'T0K' }) };
    };
    expect(await exchangeCode(fetch, 'C0DE')).toEqual({ token: 'T0K' });
    expect(sent).toEqual([
      {
        url: '/api/session',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"code":"C0DE"}',
      },
    ]);
  });

  it('says why there is none: the code was used, is unknown, or the service is not there', async () => {
    expect(await exchangeCode(answering(403, { error: { code: 'CODE_USED' } }), 'c')).toEqual({
      refused: 'CODE_USED',
    });
    expect(await exchangeCode(answering(403, { error: { code: 'CODE_UNKNOWN' } }), 'c')).toEqual({
      refused: 'CODE_UNKNOWN',
    });
    expect(await exchangeCode(answering(403, 'Forbidden: unknown host.'), 'c')).toEqual({
      refused: 'CODE_UNKNOWN',
    });
    const down: ExchangeFetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await exchangeCode(down, 'c')).toEqual({ refused: 'NETWORK' });
  });
});
