// How the command line speaks: results on stdout, one clear line per problem on stderr, and exit
// codes a script can rely on (0 fine, 1 the file has errors or the work was refused, 2 usage or
// unreadable input). Never a stack trace.

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** Wrong or missing arguments, or input that cannot be read: exit 2. */
export class UsageError extends Error {}

/** The work was understood but refused (a build that would produce an invalid file): exit 1. */
export class RefusedError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

/**
 * What a command may touch of its process: output, standard input and the environment. Tests run
 * the command line in-process with their own.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, read whole; null when it is a terminal (a secret is never typed there). */
  stdin(): Promise<string | null>;
  env: Readonly<Record<string, string | undefined>>;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  async stdin() {
    if (process.stdin.isTTY) return null;
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
};

/** A Node file-system error as one line a user can act on. */
export function describeFileError(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${path}: no such file or folder; check the path.`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: permission denied; check that you may read (or write) it.`;
    case 'EISDIR':
      return `${path}: is a folder, not a file.`;
    case 'ENOSPC':
      return `${path}: the disk is full; free some space and try again.`;
    case 'EROFS':
      return `${path}: the disk is read-only; choose another folder.`;
    default:
      return `${path}: cannot be read or written (${code ?? (e instanceof Error ? e.message : String(e))}).`;
  }
}
