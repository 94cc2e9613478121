// The preload runs under a stand-in for Electron's contextBridge and ipcRenderer: what it exposes
// to the page is checked for real, not by reading its source.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import type { WindowApi } from '../../../shared/ipc/api';
import { eventChannel } from '../../../electron/shell/ipc-names';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: [] as unknown[][],
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      bridge.invoke.push(args);
      return Promise.resolve({ ok: true, value: args[0] });
    },
    on: (channel: string, l: (...args: unknown[]) => void) => {
      const set = bridge.listeners.get(channel) ?? new Set();
      set.add(l);
      bridge.listeners.set(channel, set);
    },
    removeListener: (channel: string, l: (...args: unknown[]) => void) =>
      bridge.listeners.get(channel)?.delete(l),
  },
}));

let api: WindowApi;

beforeAll(async () => {
  await import('../../../electron/preload');
  api = bridge.exposed.get('api') as WindowApi;
});

describe('the preload', () => {
  it('exposes one object, window.api, and nothing else', () => {
    expect([...bridge.exposed.keys()]).toEqual(['api']);
  });

  it("has exactly the contract's channels, plus events", () => {
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'events'].sort());
    for (const channel of CHANNELS) expect(typeof api[channel], channel).toBe('function');
    expect(Object.keys(api.events)).toEqual(['on']);
  });

  it('sends the channel and the input only, for every channel', async () => {
    bridge.invoke.length = 0;
    const input = { upin: '012345', name: 'Example College' };
    expect(await api['providers.add'](input)).toEqual({ ok: true, value: 'providers.add' });
    await api['app.info']();
    expect(bridge.invoke).toEqual([
      ['providers.add', input],
      ['app.info', undefined],
    ]);
    for (const channel of CHANNELS) {
      bridge.invoke.length = 0;
      await (api[channel] as (i?: unknown) => Promise<unknown>)({ probe: true });
      expect(bridge.invoke[0]?.[0], channel).toBe(channel);
    }
  });

  it('hands event listeners the payload without the IPC event, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = api.events.on('upload.progress', (...args: unknown[]) => seen.push(args));
    const channel = eventChannel('upload.progress');
    const payload = { fileName: 'a.amd', sent: 1, total: 2, rate: 1, secondsLeft: 1 };
    const ipcEvent = { sender: { send: () => undefined }, ports: [] };
    for (const l of bridge.listeners.get(channel) ?? []) l(ipcEvent, payload);
    expect(seen).toEqual([[payload]]);
    off();
    expect(bridge.listeners.get(channel)?.size).toBe(0);
  });

  it('refuses to listen to an event the contract does not name', () => {
    const on = api.events.on as (e: string, l: () => void) => () => void;
    expect(() => on('ELECTRON_BROWSER_WINDOW_ALERT', () => undefined)).toThrow(/no event/);
    expect(bridge.listeners.has('ELECTRON_BROWSER_WINDOW_ALERT')).toBe(false);
  });
});
