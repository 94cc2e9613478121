// The handlers' host inside the desktop app: built like browser mode's (web/node-host.ts), with
// mode 'electron', the upload network's Electron transport, and events sent to the window on a
// fixed channel per event instead of an in-process bus.
import { Store } from '../store';
import type { Destination } from '../store';
import type { OperationHost } from '../operations';
import type { Events } from '../../shared/ipc/contract';
import type { Clock, CredentialVault } from '../../shared/ports';
import { systemClock } from '../../shared/ports';
import type { Transport } from '../upload/transport';
import { eventChannel } from './ipc-names';

export interface ElectronHostOptions {
  dataFolder: string;
  version: string;
  vault: CredentialVault;
  transportFor(d: Destination): Transport;
  /** webContents.send on the window, if there is one; events for a closed window are dropped. */
  send(channel: string, payload: unknown): void;
  clock?: Clock;
  /** RETURNDESK_EXTRACT_HEAP_MB, read at launch (operations/extract-heap.ts). */
  extractHeapMb?: number;
}

export interface ElectronHost extends OperationHost {
  close(): void;
}

export function createElectronHost(o: ElectronHostOptions): ElectronHost {
  let store = new Store(o.dataFolder, { clock: o.clock });
  return {
    store: () => store,
    async reopen<T>(fn: () => Promise<T>): Promise<T> {
      store.close();
      try {
        return await fn();
      } finally {
        store = new Store(o.dataFolder, { clock: o.clock });
      }
    },
    vault: o.vault,
    transportFor: (d) => o.transportFor(d),
    clock: o.clock ?? systemClock,
    mode: 'electron',
    version: o.version,
    ...(o.extractHeapMb === undefined ? {} : { extractHeapMb: o.extractHeapMb }),
    emit<E extends keyof Events>(event: E, payload: Events[E]) {
      o.send(eventChannel(event), payload);
    },
    close: () => store.close(),
  };
}
