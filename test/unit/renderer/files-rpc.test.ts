import { afterEach, describe, expect, it } from 'vitest';
import { RpcClient, serve } from '../../../renderer/screens/files/workers/rpc';
import type { Handlers, Port, Progress } from '../../../renderer/screens/files/workers/rpc';

type Calls = {
  double: { input: { n: number }; output: number };
  count: { input: { to: number }; output: Uint32Array };
  fail: { input: { why: string }; output: never };
  slow: { input: { label: string }; output: string };
};

const ports: { close(): void }[] = [];

function pair(handlers: Handlers<Calls>): RpcClient<Calls> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  serve(port2 as unknown as Port, handlers);
  const client = new RpcClient<Calls>(port1 as unknown as Port);
  port1.start();
  port2.start();
  return client;
}

afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

const log: string[] = [];
const handlers: Handlers<Calls> = {
  double: ({ n }) => n * 2,
  count: ({ to }, progress) => {
    for (let i = 1; i <= to; i++) progress({ phase: 'Counting', done: i, total: to });
    return Uint32Array.from({ length: to }, (_, i) => i);
  },
  fail: ({ why }) => {
    throw new Error(why);
  },
  slow: async ({ label }) => {
    log.push(`start ${label}`);
    await new Promise((r) => setTimeout(r, 5));
    log.push(`end ${label}`);
    return label;
  },
};

describe('worker calls', () => {
  it('answer with the handler’s value', async () => {
    expect(await pair(handlers).call('double', { n: 21 })).toBe(42);
  });

  it('pass progress to the caller before the answer, and move typed arrays across', async () => {
    const seen: Progress[] = [];
    const rows = await pair(handlers).call('count', { to: 3 }, { progress: (p) => seen.push(p) });
    expect([...rows]).toEqual([0, 1, 2]);
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3]);
  });

  it('turn a failure in the worker into a rejection with its message', async () => {
    await expect(pair(handlers).call('fail', { why: 'The extract is empty.' })).rejects.toThrow(
      'The extract is empty.',
    );
  });

  it('run one after another, in the order they were asked', async () => {
    log.length = 0;
    const c = pair(handlers);
    const answers = await Promise.all([
      c.call('slow', { label: 'a' }),
      c.call('slow', { label: 'b' }),
    ]);
    expect(answers).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('fail whatever is still waiting when the worker is stopped', async () => {
    const c = pair(handlers);
    const waiting = c.call('slow', { label: 'c' });
    c.close('Stopped.');
    await expect(waiting).rejects.toThrow('Stopped.');
  });
});
