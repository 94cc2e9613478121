import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { operationsFrom } from '../../../electron/operations';
import type { OperationHost, OperationTable } from '../../../electron/operations';
import { FORBIDDEN_SENDER, registerIpcHandlers } from '../../../electron/shell/ipc';
import { APP_ENTRY_URL } from '../../../electron/shell/app-protocol';
import { EVENT_NAMES, eventChannel, isEventName } from '../../../electron/shell/ipc-names';

type Invoke = (event: unknown, input: unknown) => Promise<unknown>;

function setUp() {
  const registered = new Map<string, Invoke>();
  const ipcMain = { handle: (channel: string, h: Invoke) => void registered.set(channel, h) };
  const table = Object.fromEntries(
    CHANNELS.map((c) => [c, vi.fn((input: unknown) => ({ channel: c, input }))]),
  ) as unknown as OperationTable;
  const emitted: unknown[] = [];
  const host = { emit: (event: string, payload: unknown) => emitted.push([event, payload]) };
  registerIpcHandlers(ipcMain as never, operationsFrom(host as unknown as OperationHost, table));
  return { registered, table, emitted };
}

const fromApp = { senderFrame: { url: APP_ENTRY_URL, parent: null } };

describe('IPC registration', () => {
  it('registers exactly one handler per contract channel', () => {
    const { registered } = setUp();
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('runs the handler for the app page, with the input checked against the schema', async () => {
    const { registered, table } = setUp();
    const add = registered.get('providers.add') as Invoke;
    const input = { upin: '012345', name: 'Example College' };
    expect(await add(fromApp, input)).toEqual({
      ok: true,
      value: { channel: 'providers.add', input },
    });
    const bad = (await add(fromApp, { upin: '12345', name: 'x' })) as {
      ok: boolean;
      error: { code: string };
    };
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(table['providers.add']).toHaveBeenCalledTimes(1);
  });

  it('tells the screens the history changed after a mutating channel, and only then', async () => {
    const { registered, table, emitted } = setUp();
    await (registered.get('providers.list') as Invoke)(fromApp, undefined);
    await (registered.get('providers.add') as Invoke)(fromApp, { upin: '12345', name: 'x' });
    expect(emitted).toEqual([]);
    await (registered.get('providers.add') as Invoke)(fromApp, { upin: '012345', name: 'x' });
    expect(emitted).toEqual([['history.changed', { tables: ['providers'] }]]);
    expect(table['providers.add']).toHaveBeenCalledTimes(1);
  });

  it('never lets the page name where a backup is written: only an in-process door can', async () => {
    const { registered, table } = setUp();
    const create = registered.get('backups.create') as Invoke;
    const sink = { fileName: 'copy.db', path: () => '/somewhere/copy.db' };
    // What the command line passes cannot cross IPC (structured clone) or HTTP (JSON) intact...
    expect(() => structuredClone({ to: sink })).toThrow();
    const overHttp: unknown = JSON.parse(JSON.stringify({ to: sink }));
    // ...and whatever a page could send in its place is refused before any operation runs.
    for (const input of [
      overHttp,
      { to: { fileName: 'copy.db', path: '/somewhere/copy.db' } },
      { to: '/somewhere/copy.db' },
    ])
      expect(await create(fromApp, input)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    expect(table['backups.create']).not.toHaveBeenCalled();
    expect(await create(fromApp, undefined)).toMatchObject({ ok: true });
    expect(table['backups.create']).toHaveBeenCalledTimes(1);
  });

  it('refuses every channel when senderFrame is null, a sub-frame, or another origin', async () => {
    const { registered, table } = setUp();
    const senders = [
      { senderFrame: null },
      { senderFrame: { url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL } } },
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///C:/x/index.html', parent: null } },
    ];
    for (const channel of CHANNELS) {
      for (const sender of senders) {
        expect(await (registered.get(channel) as Invoke)(sender, undefined)).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: FORBIDDEN_SENDER },
        });
      }
      expect(table[channel]).not.toHaveBeenCalled();
    }
  });
});

describe('event channel names', () => {
  it('give each contract event a fixed channel of its own', () => {
    expect(EVENT_NAMES.sort()).toEqual([
      'history.changed',
      'upload.progress',
      'verification.result',
    ]);
    const channels = EVENT_NAMES.map(eventChannel);
    expect(new Set(channels).size).toBe(channels.length);
    for (const c of channels) expect(CHANNELS as string[]).not.toContain(c);
    expect(isEventName('upload.progress')).toBe(true);
    expect(isEventName('toString')).toBe(false);
    expect(isEventName('app.info')).toBe(false);
  });
});
