// The command line as a door onto the operations: a command maps its flags to the contract's
// input, and `run` parses it with the contract's schema (naming the flag in any message), calls the
// same dispatch the app uses, and hands back the output or fails with the operation's error.
import { inputs } from '../../shared/ipc/contract';
import type { Channel, Input, Output } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/ipc/result';
import { call } from '../operations';
import type { Operations } from '../operations';
import type { Command } from 'commander';
import { UsageError } from './output';
import type { Io } from './output';
import { hintFor } from './hints/index';
import type { SessionOptions } from './session';

/** An operation refused or failed: main prints its message (and a hint) and exits by its code. */
export class OperationFailed extends Error {
  constructor(
    readonly error: AppError,
    readonly channel: Channel,
  ) {
    super(error.message);
  }

  /** The message with what to type next, when this door knows it. */
  get text(): string {
    const hint = hintFor(this.error, this.channel);
    return hint ? `${this.error.message} ${hint}` : this.error.message;
  }
}

/**
 * Which flag gave each input field, by its path or its own name, e.g. { upin: '--provider' };
 * any other field is named after itself (`--kebab-case`).
 */
export type FlagNames = Readonly<Record<string, string>>;

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The contract's checks of a command's input, with messages naming the flags. */
export function checkInput<C extends Channel>(
  channel: C,
  input: Input<C>,
  flags: FlagNames = {},
): void {
  const r = inputs[channel].safeParse(input);
  if (r.success) return;
  const lines = r.error.issues.map((i) => {
    const names = i.path.filter((p): p is string => typeof p === 'string');
    const field = names[names.length - 1];
    if (field === undefined) return i.message;
    return `${flags[names.join('.')] ?? flags[field] ?? `--${kebab(field)}`}: ${i.message}`;
  });
  throw new UsageError(lines.join(' '));
}

export async function run<C extends Channel>(
  ops: Operations,
  channel: C,
  input: Input<C>,
  flags: FlagNames = {},
): Promise<Output<C>> {
  checkInput(channel, input, flags);
  const r = await call(ops, channel, input);
  if (!r.ok) throw new OperationFailed(r.error, channel);
  return r.value;
}

/**
 * A command that is one operation: its input is checked before the history is even opened (a
 * mistyped flag creates nothing), then the operation runs in a session of its own.
 */
export async function perform<C extends Channel>(
  cmd: Command,
  io: Io,
  channel: C,
  input: Input<C>,
  flags: FlagNames = {},
  o: SessionOptions = {},
): Promise<Output<C>> {
  checkInput(channel, input, flags);
  // Loaded here: a command that only checks files runs `run` on operations without the history,
  // and must not load the history's code (SQLite), the vault's or the network's to do so.
  const { withOperations } = await import('./session');
  return withOperations(cmd, io, (ops) => run(ops, channel, input, flags), o);
}
