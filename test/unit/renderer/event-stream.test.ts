// Browser mode's event stream read with fetch: messages cut anywhere between chunks, the token in
// a header, a new connection after a drop, and none after a refusal or once closed.
import { describe, expect, it } from 'vitest';
import { openEventStream, sseData } from '../../../renderer/api/event-stream';
import type { StreamFetch } from '../../../renderer/api/event-stream';

const bytes = (s: string) => new TextEncoder().encode(s);

/** A body giving these chunks, then ending. */
function body(chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(bytes(chunk));
      c.close();
    },
  });
}

describe('server-sent event messages', () => {
  it('takes the data of whole messages and keeps the unfinished rest', () => {
    expect(sseData(': connected\n\ndata: {"a":1}\n\ndata: {"b"')).toEqual({
      data: ['{"a":1}'],
      rest: 'data: {"b"',
    });
    expect(sseData('data: one\r\ndata: two\r\n\r\n')).toEqual({ data: ['one\ntwo'], rest: '' });
  });
});

describe('the event stream', () => {
  it('sends the headers, delivers messages cut across chunks, and connects again after a drop', async () => {
    const asked: { url: string; headers: Record<string, string> }[] = [];
    const answers = [
      { status: 200, body: body([': connected\n\ndata: {"n"', ':1}\n\nda', 'ta: {"n":2}\n\n']) },
      { status: 200, body: body(['data: {"n":3}\n\n']) },
      { status: 403, body: null },
    ];
    const fetch: StreamFetch = async (url, init) => {
      asked.push({ url, headers: init.headers });
      const a = answers.shift();
      if (!a) throw new Error('asked once too often');
      return a;
    };
    const seen: string[] = [];
    const waits: number[] = [];
    let refused = () => {};
    const done = new Promise<void>((r) => (refused = r));
    openEventStream(
      fetch,
      '/api/events',
      { 'x-returndesk-token': 'T' },
      (d) => seen.push(d),
      async (ms) => {
        waits.push(ms);
        if (answers.length === 1) setTimeout(refused, 10);
      },
    );
    await done;
    expect(seen).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    expect(asked).toHaveLength(3);
    expect(
      asked.every((a) => a.url === '/api/events' && a.headers['x-returndesk-token'] === 'T'),
    ).toBe(true);
    // Each drop waits before connecting again; the refusal (403) ends it without a wait.
    expect(waits).toHaveLength(2);
  });

  it('stops for good once closed', async () => {
    let aborted: AbortSignal | undefined;
    let asks = 0;
    const fetch: StreamFetch = (_url, init) => {
      asks++;
      aborted = init.signal;
      return new Promise((_resolve, reject) =>
        init.signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    };
    const close = openEventStream(
      fetch,
      '/api/events',
      {},
      () => undefined,
      async () => {
        throw new Error('must not wait to connect again once closed');
      },
    );
    close();
    await new Promise((r) => setTimeout(r, 20));
    expect(aborted?.aborted).toBe(true);
    expect(asks).toBe(1);
  });
});
