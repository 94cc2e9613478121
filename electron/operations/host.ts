// What the handlers run on: the history (reopened after a restore), the vault, the network, the
// clock, and a way to tell the renderer that something changed.
import type { Store, Destination } from '../store';
import type { CredentialVault, Clock } from '../../shared/ports';
import type { Transport } from '../upload/transport';
import type { Events } from '../../shared/ipc/contract';

export interface OperationHost {
  store(): Store;
  /** Closes the history, runs `fn` (e.g. a restore), and opens it again, even if `fn` fails. */
  reopen<T>(fn: () => Promise<T>): Promise<T>;
  vault: CredentialVault;
  transportFor(d: Destination): Transport;
  clock: Clock;
  mode: 'electron' | 'browser';
  version: string;
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
  /**
   * Set only by the command line's `validate`, whose process checks files itself: a bad file ends
   * that one command, and a worker would slow its start. Everywhere else (the app, browser mode's
   * server) untrusted files are read in the import worker (untrusted.ts).
   */
  readsFilesInProcess?: boolean;
  /**
   * The import worker's heap for MIS extracts, in megabytes, when the door was asked for other
   * than the default (extract-heap.ts).
   */
  extractHeapMb?: number;
}
