import { UsageError } from './output';
import type { Io } from './output';

/** Reads a secret from standard input (so it never appears in the process list or history). */
export async function readSecretFromStdin(io: Io, what: string): Promise<string> {
  const text = await io.stdin();
  if (text === null)
    throw new UsageError(`Pipe the ${what} into standard input, e.g. from your password manager.`);
  const secret = text.replace(/\r?\n$/, '');
  if (secret === '') throw new UsageError(`No ${what} arrived on standard input.`);
  return secret;
}
