// The one application layer. The app's window (IPC), browser mode (HTTP) and the command line are
// doors onto this table: each hands `dispatch` a channel and raw input, and gets a Result back.
// dispatch is the one place every call goes through: the channel must exist, the input must parse
// with its schema, failures come back as data, and the screens hear about changes to the history.
import { inputs, mutations } from '../../shared/ipc/contract';
import type { Channel, Input, Output } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { OperationHost } from './host';
import type { OperationTable } from './table';
import { toAppError } from './errors';
import { settingsOperations } from './settings';
import { historyOperations } from './history';
import { buildDashboard } from './dashboard';
import { planOperations } from './plans';
import { fileOperations } from './files';
import { batchOperations } from './batches';
import { xmlOperations } from './xml';
import { portalOperations } from './portal';
import { uploadOperations } from './uploads';

export type { OperationHost } from './host';
export type { OperationTable } from './table';

/** The operations bound to one host: what every door dispatches to. */
export interface Operations {
  readonly host: OperationHost;
  readonly table: OperationTable;
}

export function createOperations(host: OperationHost): Operations {
  return {
    host,
    table: {
      ...settingsOperations(host),
      ...historyOperations(host),
      ...planOperations(host),
      ...fileOperations(host),
      ...batchOperations(host),
      ...uploadOperations(host),
      ...xmlOperations(host),
      ...portalOperations(host),
      'dashboard.get': () => buildDashboard(host.store(), host.clock.now()),
    },
  };
}

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
    return { ok: false, error: toAppError(e) };
  }
  const changes = mutations[channel];
  try {
    const operation = ops.table[channel] as (input: unknown) => unknown;
    return { ok: true, value: await operation(parsed) };
  } catch (e) {
    return { ok: false, error: toAppError(e) };
  } finally {
    // Also after a failure: an upload that failed still left its receipt, and a refused change
    // costs the screens no more than a reload of what they show.
    if (changes) ops.host.emit('history.changed', { tables: [...changes] });
  }
}

/** dispatch, typed by the contract, for doors that call an operation by name (the CLI). */
export function call<C extends Channel>(
  ops: Operations,
  channel: C,
  input: Input<C>,
): Promise<Result<Output<C>>> {
  return dispatch(ops, channel, input) as Promise<Result<Output<C>>>;
}
