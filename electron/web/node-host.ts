// The handlers' host under plain Node (browser mode, tests): the history in the data folder, the
// operating system's vault, Node's HTTPS transport, and an in-process event bus.
import { EventEmitter } from 'node:events';
import { Store } from '../store';
import type { OperationHost } from '../operations';
import type { Events } from '../../shared/ipc/contract';
import type { CredentialVault } from '../../shared/ports';
import { systemClock } from '../../shared/ports';
import { KeyringVault } from '../vault/keyring-vault';
import { NodeTransport } from '../upload/node-transport';

import { APP_VERSION } from '../version';

export { APP_VERSION };

export interface NodeHost extends OperationHost {
  subscribe(listener: <E extends keyof Events>(event: E, payload: Events[E]) => void): () => void;
  close(): void;
}

export function createNodeHost(
  dataFolder: string,
  opts: { vault?: CredentialVault; mode?: 'browser' | 'electron'; extractHeapMb?: number } = {},
): NodeHost {
  let store = new Store(dataFolder);
  const bus = new EventEmitter();
  return {
    store: () => store,
    async reopen<T>(fn: () => Promise<T>): Promise<T> {
      store.close();
      try {
        return await fn();
      } finally {
        store = new Store(dataFolder);
      }
    },
    vault: opts.vault ?? new KeyringVault(process.env.RETURNDESK_VAULT_SERVICE ?? undefined),
    transportFor: (d) => new NodeTransport(d.caPem),
    clock: systemClock,
    mode: opts.mode ?? 'browser',
    version: APP_VERSION,
    ...(opts.extractHeapMb === undefined ? {} : { extractHeapMb: opts.extractHeapMb }),
    emit: (event, payload) => bus.emit('event', event, payload),
    subscribe(listener) {
      const l = (event: keyof Events, payload: Events[keyof Events]) =>
        listener(event, payload as never);
      bus.on('event', l);
      return () => bus.off('event', l);
    },
    close: () => store.close(),
  };
}
