// Asynchronous verification: an upload waits in `pending-verification` for --verify-delay, as it did
// on the real extranet (results came later, by e-mail), then gets its one and final verdict.
import { checkAmd, checkOther } from './amd-check';
import { checkCsv } from './csv-check';
import type { Extranet } from './model';
import type { DataRequests } from './requests';
import type { UploadRecord, VerificationMessage } from './state';

export class Verifier {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly extranet: Extranet,
    private readonly requests: DataRequests,
    private readonly delayMs: number,
  ) {}

  /** After a restart, uploads that were waiting for a verdict are picked up again. */
  resumePending(): void {
    for (const u of this.extranet.uploads()) {
      if (u.status === 'pending-verification') this.schedule(u.id);
    }
  }

  schedule(id: string): void {
    if (this.stopped || this.timers.has(id)) return;
    const timer = setTimeout(() => {
      this.timers.delete(id);
      const run = this.verify(id).catch((e: unknown) => {
        // The verdict stays pending; the next start tries again rather than inventing a result.
        console.error(`[extranet] verification of ${id} could not run:`, e);
      });
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }, this.delayMs);
    this.timers.set(id, timer);
  }

  private async verify(id: string): Promise<void> {
    const upload = this.extranet.upload(id);
    if (!upload || upload.status !== 'pending-verification') return;
    const messages = await this.check(upload);
    if (this.stopped) return;
    await this.extranet.setVerdict(id, messages.length === 0, messages);
    console.error(
      `[extranet] ${upload.fileName} (${id}): ${messages.length === 0 ? 'accepted' : 'failed'}`,
    );
  }

  private check(upload: UploadRecord): Promise<VerificationMessage[]> | VerificationMessage[] {
    const path = this.extranet.uploadPath(upload.id);
    const name = upload.fileName.toLowerCase();
    // A CSV sent against a data request is checked against that request's template.
    if (upload.request !== null && name.endsWith('.csv')) {
      return checkCsv(path, upload.bytes, this.requests.columnsOf(upload.request));
    }
    return name.endsWith('.amd') ? checkAmd(path) : checkOther(upload.bytes);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }
}
