// Progress as the Uploader reports it: bytes sent, a smoothed rate and the time left, at most every
// 100 ms, and after a cut it restarts from the server's offset rather than from zero.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Progress, UploadSource } from '../../../electron/upload/uploader';
import { setup } from './harness';

/** 1,000-byte chunks, the clock moving `msPerChunk(i)` before chunk i goes out. */
function timedSource(content: Buffer, msPerChunk: (i: number) => number): UploadSource {
  return {
    sha256: createHash('sha256').update(content).digest('hex'),
    size: content.length,
    open: (offset) =>
      Readable.from(
        (function* () {
          for (let at = offset, i = 0; at < content.length; at += 1000, i++) {
            vi.setSystemTime(Date.now() + msPerChunk(i));
            yield content.subarray(at, Math.min(at + 1000, content.length));
          }
        })(),
      ),
  };
}

describe('upload progress', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2011-03-14T09:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports bytes, a smoothed rate and the time left, at most every 100 ms', async () => {
    const events: Progress[] = [];
    const { uploader } = setup({ onProgress: (p) => events.push(p) });
    const content = randomBytes(8000);
    // 1,000 bytes every 50 ms (20,000 B/s) for four chunks, then every 100 ms (10,000 B/s).
    const source = timedSource(content, (i) => (i < 4 ? 50 : 100));
    await uploader.send('big.dat', source, null, () => {});

    expect(events.every((e) => e.fileName === 'big.dat' && e.total === 8000)).toBe(true);
    expect(events.map((e) => [e.sent, Math.round(e.rate)])).toEqual([
      [2000, 20_000],
      [4000, 20_000],
      // Halved speed moves the rate 30% of the way at each report: 17,000 then 14,900...
      [5000, 17_000],
      [6000, 14_900],
      [7000, 13_430],
      [8000, 12_401],
      // ...and the last report, forced when every byte is there, whatever the time.
      [8000, 12_401],
    ]);
    expect(events[0]?.secondsLeft).toBeCloseTo(6000 / 20_000);
    expect(events[2]?.secondsLeft).toBeCloseTo(3000 / 17_000);
    expect(events.at(-1)?.secondsLeft).toBe(0);
  });

  it('goes back to the server offset after a cut, not to zero', async () => {
    const events: Progress[] = [];
    const { uploader, server } = setup({ onProgress: (p) => events.push(p) });
    server.cutPatchAfter = (n) => (n === 1 ? 2500 : undefined);
    const content = randomBytes(6000);
    await uploader.send(
      'cut.dat',
      timedSource(content, () => 100),
      null,
      () => {},
    );
    const sent = events.map((e) => e.sent);
    // Three chunks went out before the cut (3,000), the server kept 2,500: the report steps back
    // to 2,500 (what is really there), then climbs to the end.
    expect(sent).toEqual([1000, 2000, 3000, 2500, 3500, 4500, 5500, 6000, 6000]);
  });
});
