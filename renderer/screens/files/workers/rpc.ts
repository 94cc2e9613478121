// Typed request/response over a worker's messages: each call has an id, may report progress, and
// ends with a value or a readable failure. Both ends are typed from one map of calls, so the page
// and the worker cannot drift apart.

export interface Progress {
  /** What is happening, in the users' words ("Reading the file", "Reading records"). */
  phase: string;
  done: number;
  total: number;
}

export type CallMap = Record<string, { input: unknown; output: unknown }>;

export type RpcRequest<M extends CallMap> = {
  [K in keyof M & string]: { id: number; call: K; input: M[K]['input'] };
}[keyof M & string];

export type RpcResponse =
  | { id: number; kind: 'progress'; progress: Progress }
  | { id: number; kind: 'done'; value: unknown }
  | { id: number; kind: 'failed'; message: string };

/** The part of a Worker (or a worker's own scope, or a MessagePort) the two ends use. */
export interface Port {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

export type Handlers<M extends CallMap> = {
  [K in keyof M & string]: (
    input: M[K]['input'],
    progress: (p: Progress) => void,
  ) => M[K]['output'] | Promise<M[K]['output']>;
};

/** Large typed arrays are moved, not copied, across the boundary (only their buffers are). */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) return [value.buffer];
  return [];
}

export function serve<M extends CallMap>(port: Port, handlers: Handlers<M>): void {
  // Calls run one after another: a search must not interleave with the load it depends on.
  let queue: Promise<void> = Promise.resolve();
  port.addEventListener('message', (e: MessageEvent) => {
    const req = e.data as RpcRequest<M>;
    queue = queue.then(async () => {
      const progress = (p: Progress) =>
        port.postMessage({ id: req.id, kind: 'progress', progress: p });
      try {
        const handler = handlers[req.call] as (i: unknown, report: typeof progress) => unknown;
        const value = await handler(req.input, progress);
        port.postMessage({ id: req.id, kind: 'done', value }, transferablesOf(value));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        port.postMessage({ id: req.id, kind: 'failed', message });
      }
    });
  });
}

export class RpcClient<M extends CallMap> {
  private next = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: (p: Progress) => void }
  >();

  constructor(private readonly port: Port) {
    port.addEventListener('message', this.onMessage);
  }

  call<K extends keyof M & string>(
    call: K,
    input: M[K]['input'],
    o: { progress?: (p: Progress) => void; transfer?: ArrayBuffer[] } = {},
  ): Promise<M[K]['output']> {
    const id = this.next++;
    return new Promise<M[K]['output']>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        progress: o.progress,
      });
      this.port.postMessage({ id, call, input }, o.transfer ?? []);
    });
  }

  /** Fails whatever is still waiting, e.g. when the worker is stopped. */
  close(reason = 'The work was stopped.'): void {
    this.port.removeEventListener('message', this.onMessage);
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }

  private readonly onMessage = (e: MessageEvent) => {
    const res = e.data as RpcResponse;
    const p = this.pending.get(res.id);
    if (!p) return;
    if (res.kind === 'progress') return p.progress?.(res.progress);
    this.pending.delete(res.id);
    if (res.kind === 'done') p.resolve(res.value);
    else p.reject(new Error(res.message));
  };
}
