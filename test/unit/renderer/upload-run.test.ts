import { describe, expect, it } from 'vitest';
import type { Events } from '../../../shared/ipc/contract';
import type { Input } from '../../../shared/ipc/contract';
import type { ReceiptView } from '../../../shared/ipc/views';
import type { Result } from '../../../shared/ipc/result';
import { UploadRun, retrySource, startInput } from '../../../renderer/screens/uploads/upload-run';
import type { RunApi, RunRequest } from '../../../renderer/screens/uploads/upload-run';

const receipt = (over: Partial<ReceiptView>): ReceiptView => ({
  id: 1,
  file: 'a.amd',
  destination: 'HEFCE extranet',
  area: 'GUA',
  batchId: null,
  bytes: 100,
  sha256: 'a',
  serverSha256: 'a',
  uploadId: 'u1',
  status: 'pending-verification',
  messages: [],
  user: 'demo',
  userIsPerson: true,
  auditHead: null,
  startedAt: '',
  receivedAt: '',
  ...over,
});

/** main, as far as an upload run sees it: the start call is held open until the test settles it. */
class FakeMain {
  readonly starts: Input<'uploads.start'>[] = [];
  history: ReceiptView[] = [];
  refreshed = 0;
  private progress: ((p: Events['upload.progress']) => void) | null = null;
  private settle: ((r: Result<ReceiptView[]>) => void) | null = null;

  readonly api: RunApi = {
    'uploads.start': (input) => {
      this.starts.push(input);
      return new Promise((resolve) => (this.settle = resolve));
    },
    'uploads.stop': async () => {
      this.settle?.({ ok: false, error: { code: 'NETWORK', message: 'The upload was stopped.' } });
      return { ok: true, value: { stopped: true } };
    },
    'uploads.refresh': async () => {
      this.refreshed++;
      return { ok: true, value: { changed: 0, problems: [], pending: 0, destinations: [] } };
    },
    'uploads.list': async () => ({ ok: true, value: [...this.history] }),
    events: {
      on: (event, listener) => {
        if (event === 'upload.progress')
          this.progress = listener as (p: Events['upload.progress']) => void;
        return () => (this.progress = null);
      },
    },
  };

  sendProgress(fileName: string, sent: number): void {
    this.progress?.({ fileName, sent, total: 100, rate: 50, secondsLeft: 1 });
  }

  finish(value: ReceiptView[]): void {
    this.settle?.({ ok: true, value });
  }

  fail(code: 'BAD_CREDENTIALS' | 'NETWORK', message: string): void {
    this.settle?.({ ok: false, error: { code, message } });
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

const stored: RunRequest = {
  destinationId: 1,
  destinationName: 'HEFCE extranet',
  area: 'GUA',
  source: { kind: 'stored', names: ['a.amd', 'b.amd'] },
};

function manualTimers() {
  const pending: { fn: () => void; ms: number }[] = [];
  const schedule = (fn: () => void, ms: number) => {
    pending.push({ fn, ms });
    return 0 as unknown as ReturnType<typeof setTimeout>;
  };
  return { pending, schedule };
}

describe('an upload run', () => {
  it('sends exactly one of batch, names or files, with a password only when given', () => {
    expect(startInput(stored)).toEqual({
      destinationId: 1,
      area: 'GUA',
      names: ['a.amd', 'b.amd'],
    });
    expect(
      startInput({ ...stored, source: { kind: 'batch', batchId: 3, names: [] } }, 'pw'),
    ).toEqual({ destinationId: 1, area: 'GUA', batchId: 3, password: 'pw' });
    const disk = { kind: 'disk' as const, files: [{ fileName: 'x', base64: 'eA==', sha256: 'h' }] };
    expect(startInput({ ...stored, source: disk })).toEqual({
      destinationId: 1,
      area: 'GUA',
      files: [{ fileName: 'x', base64: 'eA==' }],
    });
  });

  it('shows progress as it arrives and each file’s receipt at the end', async () => {
    const main = new FakeMain();
    const run = new UploadRun(manualTimers().schedule);
    const seen: string[] = [];
    run.subscribe(() => seen.push(run.getSnapshot().phase));
    const done = run.start(main.api, stored);
    await flush();
    main.sendProgress('a.amd', 40);
    expect(run.getSnapshot().items[0]).toMatchObject({ state: 'sending', sent: 40 });
    expect(run.busy).toBe(true);
    main.finish([receipt({ id: 1, file: 'a.amd' }), receipt({ id: 2, file: 'b.amd' })]);
    await done;
    expect(run.getSnapshot().phase).toBe('done');
    expect(run.getSnapshot().items.map((i) => i.state)).toEqual(['sent', 'sent']);
    expect(seen[0]).toBe('running');
  });

  it('stops on request, and Retry sends only what had not arrived', async () => {
    const main = new FakeMain();
    const run = new UploadRun(manualTimers().schedule);
    const done = run.start(main.api, stored);
    await flush();
    main.sendProgress('a.amd', 100);
    main.sendProgress('b.amd', 10);
    main.history = [
      receipt({ id: 2, file: 'b.amd', status: 'transferring', receivedAt: null }),
      receipt({ id: 1, file: 'a.amd' }),
    ];
    await run.stop(main.api);
    await done;
    const state = run.getSnapshot();
    expect(state.phase).toBe('stopped');
    expect(state.error).toBeNull();
    expect(state.items.map((i) => i.state)).toEqual(['sent', 'stopped']);
    expect(retrySource(state)).toEqual({ kind: 'stored', names: ['b.amd'] });

    const again = run.retry(main.api);
    await flush();
    expect(main.starts.at(-1)).toEqual({ destinationId: 1, area: 'GUA', names: ['b.amd'] });
    main.finish([receipt({ id: 2, file: 'b.amd' })]);
    await again;
    expect(run.getSnapshot().items.map((i) => i.fileName)).toEqual(['b.amd']);
  });

  it('keeps the server’s refusal to show, and does not start twice', async () => {
    const main = new FakeMain();
    const run = new UploadRun(manualTimers().schedule);
    const done = run.start(main.api, stored);
    await flush();
    await run.start(main.api, stored);
    expect(main.starts).toHaveLength(1);
    main.fail('BAD_CREDENTIALS', 'The user name or password was refused.');
    await done;
    expect(run.getSnapshot()).toMatchObject({
      phase: 'failed',
      error: { code: 'BAD_CREDENTIALS' },
    });
    run.dismiss();
    expect(run.getSnapshot().phase).toBe('idle');
  });

  it('asks for verification results until the run’s files have them', async () => {
    const main = new FakeMain();
    const timers = manualTimers();
    const run = new UploadRun(timers.schedule);
    const done = run.start(main.api, { ...stored, source: { kind: 'stored', names: ['a.amd'] } });
    await flush();
    main.finish([receipt({ id: 5 })]);
    await done;
    expect(timers.pending.map((t) => t.ms)).toEqual([2000]);

    main.history = [receipt({ id: 5 })];
    timers.pending.shift()?.fn();
    await flush();
    expect(main.refreshed).toBe(1);
    expect(timers.pending.map((t) => t.ms)).toEqual([5000]);

    main.history = [
      receipt({ id: 5, status: 'failed', messages: [{ code: 'EMPTY', message: 'Empty' }] }),
    ];
    timers.pending.shift()?.fn();
    await flush();
    expect(run.getSnapshot().items[0]?.receipt?.status).toBe('failed');
    expect(timers.pending).toHaveLength(0);
  });
});
