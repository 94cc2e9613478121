// An Uploader over the real ExtranetClient and the in-memory extranet, with its sleeps recorded
// instead of slept, so retry and backoff can be checked exactly and instantly.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ExtranetClient } from '../../../electron/upload/extranet-client';
import {
  Uploader,
  type Progress,
  type RetryPolicy,
  type UploadSource,
} from '../../../electron/upload/uploader';
import { AREA, BASE, FakeExtranet, GROUP_KEY, PASSWORD } from './fake-extranet';

export const POLICY: RetryPolicy = { attempts: 5, firstDelayMs: 10, maxDelayMs: 50 };

/** Content served in 1,000-byte chunks, so a PATCH body arrives in pieces like a file's. */
export function sourceOf(content: Buffer): UploadSource {
  return {
    sha256: createHash('sha256').update(content).digest('hex'),
    size: content.length,
    open: (offset) =>
      Readable.from(
        (function* () {
          for (let at = offset; at < content.length; at += 1000)
            yield content.subarray(at, Math.min(at + 1000, content.length));
        })(),
      ),
  };
}

export function setup(
  o: { policy?: RetryPolicy; groupKey?: string; onProgress?: (p: Progress) => void } = {},
) {
  const server = new FakeExtranet();
  const sleeps: number[] = [];
  const client = new ExtranetClient(BASE, server, {
    username: 'demo',
    password: async () => PASSWORD,
  });
  const uploader = new Uploader(client, {
    areaName: AREA.name,
    groupKey: async () => o.groupKey ?? GROUP_KEY,
    retry: o.policy ?? POLICY,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onProgress: o.onProgress,
  });
  const urls: string[] = [];
  const send = (content: Buffer, resumeUrl: string | null = null) =>
    uploader.send('chg105432A01.amd', sourceOf(content), resumeUrl, (url) => urls.push(url));
  const patches = () => server.seen.filter((s) => s.method === 'PATCH');
  return { server, sleeps, uploader, send, urls, patches };
}
