// One file to one upload area: join the area if needed, create or resume the tus upload, stream
// from the server's offset, retry with backoff on network errors and 5xx, and finally compare the
// server's SHA-256 with ours. Memory use does not grow with the file: bytes stream from disk.
import type { Readable } from 'node:stream';
import type { ExtranetClient, ServerReceipt } from './extranet-client';
import { UploadError } from './extranet-client';
import { NetworkError } from './transport';

/** What is sent: content known by its SHA-256, readable again from any offset (for a resume). */
export interface UploadSource {
  sha256: string;
  size: number;
  /** A fresh stream of the content from `offset`. */
  open(offset: number): Readable;
}

export interface Progress {
  fileName: string;
  sent: number;
  total: number;
  /** Bytes a second, smoothed. */
  rate: number;
  secondsLeft: number | null;
}

export interface RetryPolicy {
  /** Attempts in a row without progress before giving up. */
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, firstDelayMs: 250, maxDelayMs: 8000 };

export interface UploaderOptions {
  areaName: string;
  groupKey: () => Promise<string | undefined>;
  retry?: RetryPolicy;
  onProgress?: (p: Progress) => void;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

export function isRetryable(e: unknown): boolean {
  return (
    (e instanceof NetworkError && e.retryable) ||
    (e instanceof UploadError && e.code === 'SERVER_ERROR')
  );
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Uploader {
  private areaId: string | undefined;
  private readonly retryPolicy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly client: ExtranetClient,
    private readonly opts: UploaderOptions,
  ) {
    this.retryPolicy = opts.retry ?? DEFAULT_RETRY;
    this.sleep = opts.sleep ?? realSleep;
  }

  /** Runs `fn`, retrying retryable failures with exponential backoff. */
  async retry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (!isRetryable(e) || attempt >= this.retryPolicy.attempts) throw giveUp(e, attempt);
        await this.sleep(this.delay(attempt));
      }
    }
  }

  async ensureArea(): Promise<string> {
    if (this.areaId) return this.areaId;
    const wanted = this.opts.areaName.trim().toLowerCase();
    const find = (areas: { id: string; name: string }[]) =>
      areas.find((a) => a.name.trim().toLowerCase() === wanted);
    let area = find(await this.retry(() => this.client.areas()));
    if (!area) {
      const key = await this.opts.groupKey();
      if (!key)
        throw new UploadError(
          'NOT_A_MEMBER',
          `This account has not joined '${this.opts.areaName}'. Give the destination the area's group key.`,
        );
      const joined = await this.retry(() => this.client.join(key));
      if (joined.name.trim().toLowerCase() !== wanted) {
        throw new UploadError(
          'UNKNOWN_AREA',
          `The group key opened '${joined.name}', not '${this.opts.areaName}'. Check the destination's area name and group key.`,
        );
      }
      area = joined;
    }
    this.areaId = area.id;
    return area.id;
  }

  /**
   * Sends the content, resuming at `resumeUrl` if the server still knows it. `onUrl` is told the
   * upload's address as soon as it exists, so it can be kept for a resume after a restart.
   */
  async send(
    fileName: string,
    source: UploadSource,
    resumeUrl: string | null,
    onUrl: (url: string, id: string) => void,
    /** The portal's data request this file answers. */
    request?: string,
    /** The history's audit head when the upload started, sent as upload metadata. */
    auditHead?: { entry: number; seal: string },
  ): Promise<ServerReceipt> {
    const areaId = await this.ensureArea();
    let url = resumeUrl;
    let offset = url ? await this.retry(() => this.client.offset(url ?? '')) : undefined;
    if (url === null || offset === undefined) {
      url = await this.retry(() =>
        this.client.create(fileName, source.size, areaId, source.sha256, request, auditHead),
      );
      onUrl(url, uploadIdOf(url));
      offset = 0;
    }
    const target = url;
    const meter = new Meter(fileName, source.size, this.opts.onProgress);
    let failures = 0;
    while (offset < source.size) {
      const from: number = offset;
      try {
        offset = await this.client.patch(
          target,
          from,
          source.open(from),
          (n) => meter.add(n),
          this.opts.signal,
        );
        failures = 0;
      } catch (e) {
        if (!isRetryable(e)) throw e;
        const known = await this.retry(() => this.client.offset(target));
        if (known === undefined)
          throw new UploadError(
            'PROTOCOL',
            'The server no longer knows this upload; start it again.',
          );
        // Progress resets the count: a connection that drops every few megabytes still finishes.
        failures = known > from ? 0 : failures + 1;
        if (failures >= this.retryPolicy.attempts) throw giveUp(e, failures);
        offset = known;
        meter.reset(known);
        if (failures > 0) await this.sleep(this.delay(failures));
      }
    }
    meter.reset(source.size);
    const receipt = await this.finishedReceipt(uploadIdOf(target));
    if (receipt.sha256 !== source.sha256) {
      throw new UploadError(
        'INTEGRITY',
        `The server received ${fileName} with SHA-256 ${receipt.sha256 ?? 'none'}, but the file's is ${source.sha256}: the copy was damaged in transit and does not count as sent. Upload it again.`,
        undefined,
        receipt.sha256,
      );
    }
    return receipt;
  }

  private async finishedReceipt(id: string): Promise<ServerReceipt> {
    for (let i = 0; i < 50; i++) {
      const r = await this.retry(() => this.client.receipt(id));
      if (r.status !== 'receiving') return r;
      await this.sleep(100);
    }
    throw new UploadError(
      'PROTOCOL',
      "The server has every byte but has not issued a receipt yet; check the upload's status later.",
    );
  }

  private delay(attempt: number): number {
    return Math.min(
      this.retryPolicy.maxDelayMs,
      this.retryPolicy.firstDelayMs * 2 ** (attempt - 1),
    );
  }
}

export function uploadIdOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '');
}

function giveUp(e: unknown, attempts: number): unknown {
  if (!isRetryable(e)) return e;
  const why = e instanceof Error ? e.message : String(e);
  return new UploadError(
    'GAVE_UP',
    `Gave up after ${attempts} attempts: ${why} Try again to resume where it stopped.`,
  );
}

/** Bytes sent, smoothed rate and time left, at most every 100 ms. */
class Meter {
  private sent = 0;
  private rate = 0;
  private lastAt = Date.now();
  private lastSent = 0;

  constructor(
    private readonly fileName: string,
    private readonly total: number,
    private readonly onProgress?: (p: Progress) => void,
  ) {}

  add(n: number): void {
    this.sent += n;
    this.emit(false);
  }

  reset(offset: number): void {
    this.sent = offset;
    this.lastSent = offset;
    this.emit(true);
  }

  private emit(force: boolean): void {
    if (!this.onProgress) return;
    const now = Date.now();
    const dt = now - this.lastAt;
    if (!force && dt < 100) return;
    if (dt > 0 && this.sent >= this.lastSent) {
      const instant = ((this.sent - this.lastSent) * 1000) / dt;
      this.rate = this.rate === 0 ? instant : this.rate * 0.7 + instant * 0.3;
    }
    this.lastAt = now;
    this.lastSent = this.sent;
    const left = this.total - this.sent;
    this.onProgress({
      fileName: this.fileName,
      sent: this.sent,
      total: this.total,
      rate: this.rate,
      secondsLeft: this.rate > 0 ? left / this.rate : null,
    });
  }
}
