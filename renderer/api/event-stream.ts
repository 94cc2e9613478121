// Browser mode's event stream (GET /api/events, Server-Sent Events) read with fetch rather than
// EventSource, which cannot send headers: the session token goes in a header, as with every call.
// Like EventSource, it connects again after a dropped connection, waiting a little longer each
// time; a refusal (403: the session ended) stops it.

export type StreamFetch = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<{ status: number; body: ReadableStream<Uint8Array> | null }>;

/** The data of each whole message in `buffer`, and what is left of an unfinished one. */
export function sseData(buffer: string): { data: string[]; rest: string } {
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const data: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.startsWith('data:'));
    // A block of comments only (": connected") carries no message.
    if (lines.length > 0) data.push(lines.map((l) => l.slice(5).replace(/^ /, '')).join('\n'));
  }
  return { data, rest };
}

const RETRY_MS = [1000, 2000, 5000, 10_000];

/** Reads the stream at `url`, calling onData with each message's data, until closed. */
export function openEventStream(
  fetch: StreamFetch,
  url: string,
  headers: Record<string, string>,
  onData: (data: string) => void,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): () => void {
  const abort = new AbortController();
  void (async () => {
    for (let attempt = 0; !abort.signal.aborted; attempt++) {
      try {
        const res = await fetch(url, { headers, signal: abort.signal });
        if (res.status === 403) return;
        if (res.status === 200 && res.body) {
          const reader = res.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            attempt = 0;
            const { data, rest } = sseData(buffer + decoder.decode(value, { stream: true }));
            buffer = rest;
            for (const d of data) onData(d);
          }
        }
      } catch {
        // A dropped connection, or closed on purpose: the loop's condition tells which.
      }
      if (!abort.signal.aborted) await wait(RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 0);
    }
  })();
  return () => abort.abort();
}
