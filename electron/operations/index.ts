// The one application layer. The app's window (IPC), browser mode (HTTP) and the command line are
// doors onto these operations: each hands `dispatch` a channel and raw input, and gets a Result back.
// dispatch is the one place every call goes through: the channel must exist, the input must parse
// with its schema, failures come back as data, and the screens hear about changes to the history.
import { inputs, mutations } from '../../shared/ipc/contract';
import type { Channel, Input, Output } from '../../shared/ipc/contract';
import type { AppError, Result } from '../../shared/ipc/result';
import type { OperationHost } from './host';
import type { OperationTable } from './table';
import type { Handler } from './table';
import { DOMAIN_OF, LOADERS } from './domains';
import type { Domain } from './domains';

export type { OperationHost } from './host';
export type { OperationTable } from './table';

/** The operations bound to one host: what every door dispatches to. */
export interface Operations {
  readonly host: OperationHost;
  /** The operation answering a channel (its domain's code is loaded on first use). */
  operation<C extends Channel>(channel: C): Promise<Handler<C>>;
  /** Before a channel that writes to the history: the audit trail gets its key (once). */
  beforeWrite?(): Promise<void>;
}

export function createOperations(host: OperationHost): Operations {
  const loaded = new Map<Domain, Promise<Partial<OperationTable>>>();
  return {
    host,
    async operation<C extends Channel>(channel: C): Promise<Handler<C>> {
      const domain = DOMAIN_OF[channel];
      let table = loaded.get(domain);
      if (!table) {
        table = LOADERS[domain]().then((factory) => factory(host));
        loaded.set(domain, table);
      }
      return (await table)[channel] as Handler<C>;
    },
    beforeWrite: async () => (await import('./audit-key')).keyAuditTrail(host, true),
  };
}

/** Operations from a table at hand (tests of the doors). */
export function operationsFrom(host: OperationHost, table: OperationTable): Operations {
  return { host, operation: (channel) => Promise.resolve(table[channel]) };
}

/** Channels that may write audit entries though the screens are not told of every call. */
const WRITES_WITHOUT_NOTICE: ReadonlySet<Channel> = new Set(['uploads.refresh', 'batches.check']);

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(inputs, name);
}

export async function dispatch(
  ops: Operations,
  channel: string,
  raw: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return {
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: `There is no operation called '${channel}'.` },
    };
  let parsed: unknown;
  try {
    parsed = inputs[channel].parse(raw);
  } catch (e) {
    return { ok: false, error: await appError(e) };
  }
  const changes = mutations[channel];
  try {
    // A channel that writes to the history first gets the audit trail its key (once per history).
    if (changes || WRITES_WITHOUT_NOTICE.has(channel)) await ops.beforeWrite?.();
    const operation = (await ops.operation(channel)) as (input: unknown) => unknown;
    return { ok: true, value: await operation(parsed) };
  } catch (e) {
    return { ok: false, error: await appError(e) };
  } finally {
    // Also after a failure: an upload that failed still left its receipt, and a refused change
    // costs the screens no more than a reload of what they show.
    if (changes) ops.host.emit('history.changed', { tables: [...changes] });
  }
}

/**
 * Loaded when something failed: it knows every layer's errors (the history's, the vault's, the
 * transfers'), which a command that only checks files should not have to load to succeed.
 */
async function appError(e: unknown): Promise<AppError> {
  return (await import('./errors')).toAppError(e);
}

/** dispatch, typed by the contract, for doors that call an operation by name (the CLI). */
export function call<C extends Channel>(
  ops: Operations,
  channel: C,
  input: Input<C>,
): Promise<Result<Output<C>>> {
  return dispatch(ops, channel, input) as Promise<Result<Output<C>>>;
}
