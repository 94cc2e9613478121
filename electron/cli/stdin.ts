import { UsageError } from './output';

/** Reads a secret from standard input (so it never appears in the process list or history). */
export async function readSecretFromStdin(what: string): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError(`Pipe the ${what} into standard input, e.g. from your password manager.`);
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const secret = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (secret === '') throw new UsageError(`No ${what} arrived on standard input.`);
  return secret;
}
