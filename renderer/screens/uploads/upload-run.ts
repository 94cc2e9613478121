// The upload in progress, kept outside the screen: the user may look at another screen while a
// large file goes, and come back to its progress. After it, the receiver is asked for
// verification results now and then until every file of the run has one.
import type { WindowApi } from '../../../shared/ipc/api';
import type { Input } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/result';
import type { ReceiptView } from '../../../shared/ipc/views';
import {
  applyProgress,
  finishQueue,
  interruptQueue,
  newQueue,
  sourceNames,
  touchedReceipts,
} from './upload-model';
import type { QueueItem, UploadSource } from './upload-model';

export interface RunRequest {
  destinationId: number;
  destinationName: string;
  area: string;
  source: UploadSource;
}

export type RunPhase = 'idle' | 'running' | 'stopping' | 'done' | 'stopped' | 'failed';

export interface RunState {
  request: RunRequest | null;
  items: QueueItem[];
  phase: RunPhase;
  error: AppError | null;
}

export type RunApi = Pick<
  WindowApi,
  'uploads.start' | 'uploads.stop' | 'uploads.refresh' | 'uploads.list' | 'events'
>;

const IDLE: RunState = { request: null, items: [], phase: 'idle', error: null };

/** Seconds between checks for verification results: soon at first, then less often. */
export const POLL_DELAYS = [2, 5, 10, 20, 30, 60, 60, 120, 300, 600];

export function startInput(request: RunRequest, password?: string): Input<'uploads.start'> {
  const { source } = request;
  const base = { destinationId: request.destinationId, area: request.area, password };
  if (source.kind === 'batch') return { ...base, batchId: source.batchId };
  if (source.kind === 'stored') return { ...base, names: source.names };
  return {
    ...base,
    files: source.files.map((f) => ({ fileName: f.fileName, base64: f.base64 })),
    confirmUnchecked: source.confirmUnchecked,
  };
}

/** On retry, files already sent are not sent again (a batch skips them itself). */
export function retrySource(state: RunState): UploadSource | null {
  const source = state.request?.source;
  if (!source) return null;
  if (source.kind === 'batch') return source;
  const done = new Set(state.items.filter((i) => i.state === 'sent').map((i) => i.fileName));
  if (source.kind === 'stored')
    return { ...source, names: source.names.filter((n) => !done.has(n)) };
  return { ...source, files: source.files.filter((f) => !done.has(f.fileName)) };
}

export class UploadRun {
  private state: RunState = IDLE;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly schedule: (fn: () => void, ms: number) => ReturnType<typeof setTimeout> = (
      fn,
      ms,
    ) => setTimeout(fn, ms),
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RunState => this.state;

  get busy(): boolean {
    return this.state.phase === 'running' || this.state.phase === 'stopping';
  }

  async start(api: RunApi, request: RunRequest, password?: string): Promise<void> {
    if (this.busy) return;
    this.stopPolling();
    this.set({
      request,
      items: newQueue(sourceNames(request.source)),
      phase: 'running',
      error: null,
    });
    const before = await api['uploads.list']({});
    const off = api.events.on('upload.progress', (p) =>
      this.set({ items: applyProgress(this.state.items, p) }),
    );
    const r = await api['uploads.start'](startInput(request, password));
    off();
    if (r.ok) {
      this.set({ items: finishQueue(this.state.items, r.value), phase: 'done' });
      this.poll(api, 0);
      return;
    }
    const stopped = this.state.phase === 'stopping';
    const after = await api['uploads.list']({});
    const touched =
      before.ok && after.ok
        ? touchedReceipts(before.value, after.value).filter(
            (x) => x.destination === request.destinationName,
          )
        : [];
    this.set({
      items: interruptQueue(this.state.items, stopped, touched),
      phase: stopped ? 'stopped' : 'failed',
      error: stopped ? null : r.error,
    });
  }

  /** Stops the transfer; what the server already has is kept, so Retry resumes. */
  async stop(api: RunApi): Promise<void> {
    if (this.state.phase !== 'running') return;
    this.set({ phase: 'stopping' });
    const r = await api['uploads.stop']();
    // Nothing was running in main (it finished meanwhile): the start's answer settles the phase.
    if ((!r.ok || !r.value.stopped) && this.getSnapshot().phase === 'stopping')
      this.set({ phase: 'running' });
  }

  retry(api: RunApi, password?: string): Promise<void> {
    const source = retrySource(this.state);
    const request = this.state.request;
    if (!source || !request) return Promise.resolve();
    return this.start(api, { ...request, source }, password);
  }

  /** Clears a finished run from the screen. */
  dismiss(): void {
    if (this.busy) return;
    this.stopPolling();
    this.set(IDLE);
  }

  private poll(api: RunApi, attempt: number): void {
    const ids = new Set(this.receipts().map((r) => r.id));
    if (ids.size === 0 || attempt >= POLL_DELAYS.length) return;
    if (!this.receipts().some((r) => r.status === 'pending-verification')) return;
    this.timer = this.schedule(
      () => {
        void (async () => {
          await api['uploads.refresh']();
          const list = await api['uploads.list']({});
          if (!list.ok || this.busy) return;
          const latest = new Map(list.value.filter((r) => ids.has(r.id)).map((r) => [r.id, r]));
          this.set({
            items: this.state.items.map((i) =>
              i.receipt ? { ...i, receipt: latest.get(i.receipt.id) ?? i.receipt } : i,
            ),
          });
          this.poll(api, attempt + 1);
        })();
      },
      (POLL_DELAYS[attempt] ?? 600) * 1000,
    );
  }

  private receipts(): ReceiptView[] {
    return this.state.items.flatMap((i) => (i.receipt ? [i.receipt] : []));
  }

  private stopPolling(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private set(patch: Partial<RunState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}

/** The one run of this window: main runs one upload at a time. */
export const uploadRun = new UploadRun();
