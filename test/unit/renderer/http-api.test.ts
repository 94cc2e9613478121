import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { createHttpApi, TOKEN_HEADER } from '../../../renderer/api/http-api';
import type { FetchLike, HttpApiOptions } from '../../../renderer/api/http-api';

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that records what was sent and answers with the given status and text. */
function fakeFetch(answer: (sent: Sent) => { status: number; text: string }) {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (url, init) => {
    const s = { url, headers: init.headers, body: JSON.parse(init.body) as unknown };
    sent.push(s);
    const a = answer(s);
    return { status: a.status, text: async () => a.text };
  };
  return { fetch, sent };
}

const okJson = (value: unknown) => ({ status: 200, text: JSON.stringify({ ok: true, value }) });

function fakeEvents() {
  const opened: string[] = [];
  const headers: Record<string, string>[] = [];
  let push: (data: string) => void = () => undefined;
  const openEvents: HttpApiOptions['openEvents'] = (url, h, onData) => {
    opened.push(url);
    headers.push(h);
    push = onData;
    return () => undefined;
  };
  return { openEvents, opened, headers, send: (data: string) => push(data) };
}

describe('the browser-mode api client', () => {
  it('posts each call to /api/call/CHANNEL with its input and the token header', async () => {
    const { fetch, sent } = fakeFetch(() => okJson({ id: 1, upin: '012345' }));
    const api = createHttpApi({ fetch, token: 'T0K' });
    const r = await api['providers.add']({ upin: '012345', name: 'Example College' });
    expect(r).toEqual({ ok: true, value: { id: 1, upin: '012345' } });
    expect(sent).toEqual([
      {
        url: '/api/call/providers.add',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'T0K' },
        body: { input: { upin: '012345', name: 'Example College' } },
      },
    ]);
  });

  it('sends no input for channels that take none, and no token header where something else adds it', async () => {
    const { fetch, sent } = fakeFetch(() => okJson({ today: '2019-04-03', items: [] }));
    const api = createHttpApi({ fetch, token: null, base: 'http://127.0.0.1:1234' });
    await api['dashboard.get']();
    expect(sent[0]?.url).toBe('http://127.0.0.1:1234/api/call/dashboard.get');
    expect(sent[0]?.body).toEqual({});
    expect(sent[0]?.headers[TOKEN_HEADER]).toBeUndefined();
  });

  it('passes the handler’s own error through unchanged', async () => {
    const error = { code: 'INVALID_INPUT', message: 'The UPIN must be six digits.' };
    const { fetch } = fakeFetch(() => ({
      status: 200,
      text: JSON.stringify({ ok: false, error }),
    }));
    const r = await createHttpApi({ fetch, token: 't' })['providers.list']();
    expect(r).toEqual({ ok: false, error });
  });

  it('turns a network failure into a NETWORK error instead of throwing', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    const r = await createHttpApi({ fetch, token: 't' })['app.info']();
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('NETWORK');
      expect(r.error.message).not.toMatch(/TypeError|fetch/);
    }
  });

  it('turns a refused token (403) into a FORBIDDEN error that says what to do', async () => {
    const { fetch } = fakeFetch(() => ({
      status: 403,
      text: 'Forbidden: missing or wrong token.',
    }));
    const r = await createHttpApi({ fetch, token: 'old' })['backups.list']();
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!r.ok) expect(r.error.message).toMatch(/Open the newest address returndesk serve printed/);
  });

  it('turns an unreadable answer into an INTERNAL error naming the HTTP status', async () => {
    for (const text of ['<html>oops</html>', '{"value":1}', '{"ok":false}', '']) {
      const { fetch } = fakeFetch(() => ({ status: 500, text }));
      const r = await createHttpApi({ fetch, token: 't' })['audit.verify']();
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      if (!r.ok) expect(r.error.message).toContain('HTTP 500');
    }
  });

  it('has exactly one method for every channel in the contract', () => {
    const { fetch } = fakeFetch(() => okJson(null));
    const { events, ...methods } = createHttpApi({ fetch, token: 't' });
    expect(Object.keys(methods).sort()).toEqual([...CHANNELS].sort());
    expect(typeof events.on).toBe('function');
  });

  it('calls each channel by its own name', async () => {
    const { fetch, sent } = fakeFetch(() => okJson(null));
    const api = createHttpApi({ fetch, token: 't' });
    await api['destinations.test']({ destinationId: 2 });
    await api['backups.restore']({ name: 'returndesk-2019-04-03.db' });
    await api['uploads.refresh']();
    expect(sent.map((s) => s.url)).toEqual([
      '/api/call/destinations.test',
      '/api/call/backups.restore',
      '/api/call/uploads.refresh',
    ]);
    expect(sent[0]?.body).toEqual({ input: { destinationId: 2 } });
  });
});

describe('events in browser mode', () => {
  it('opens one stream, on the first listener, and delivers each event to its own listeners', () => {
    const { fetch } = fakeFetch(() => okJson(null));
    const ev = fakeEvents();
    const api = createHttpApi({ fetch, token: 't', openEvents: ev.openEvents });
    expect(ev.opened).toEqual([]);
    const changed: unknown[] = [];
    const results: unknown[] = [];
    api.events.on('history.changed', (p) => changed.push(p));
    api.events.on('verification.result', (p) => results.push(p));
    expect(ev.opened).toEqual(['/api/events']);
    expect(ev.headers).toEqual([{ [TOKEN_HEADER]: 't' }]);
    ev.send(JSON.stringify({ event: 'history.changed', payload: { tables: ['uploads'] } }));
    const result = { fileName: 'chg012345A01.amd', status: 'accepted', messages: [] };
    ev.send(JSON.stringify({ event: 'verification.result', payload: result }));
    expect(changed).toEqual([{ tables: ['uploads'] }]);
    expect(results).toEqual([result]);
  });

  it('stops delivering to a listener once it unsubscribes', () => {
    const { fetch } = fakeFetch(() => okJson(null));
    const ev = fakeEvents();
    const api = createHttpApi({ fetch, token: 't', openEvents: ev.openEvents });
    const seen: unknown[] = [];
    const off = api.events.on('history.changed', (p) => seen.push(p));
    ev.send(JSON.stringify({ event: 'history.changed', payload: { tables: ['a'] } }));
    off();
    ev.send(JSON.stringify({ event: 'history.changed', payload: { tables: ['b'] } }));
    expect(seen).toEqual([{ tables: ['a'] }]);
  });

  it('ignores malformed messages, and one failing listener does not silence the others', () => {
    const { fetch } = fakeFetch(() => okJson(null));
    const ev = fakeEvents();
    const api = createHttpApi({ fetch, token: 't', openEvents: ev.openEvents });
    const seen: unknown[] = [];
    const quiet = console.error;
    console.error = () => undefined;
    try {
      api.events.on('history.changed', () => {
        throw new Error('a screen’s bug');
      });
      api.events.on('history.changed', (p) => seen.push(p));
      ev.send('not json');
      ev.send(JSON.stringify({ event: 'history.changed', payload: { tables: ['x'] } }));
    } finally {
      console.error = quiet;
    }
    expect(seen).toEqual([{ tables: ['x'] }]);
  });
});
