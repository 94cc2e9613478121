// Opening the history for a command: the data folder from --data-dir, RETURNDESK_DATA_DIR or the
// platform default; warnings on stderr; the daily backup on first use; store errors as one line.
// The history's code (SQLite), the credential vault's and the network's are loaded only when a
// command uses them, so that a check of a file on disk (`portal check`) starts without them.
import type { Command } from 'commander';
import type { Store } from '../store';
import { StoreError } from '../store/errors';
import { resolveDataFolder } from '../store/data-folder';
import { systemClock } from '../../shared/ports';
import type { CredentialVault } from '../../shared/ports';
import type { Transport } from '../upload/transport';
import { createOperations } from '../operations';
import { AUDIT_PASSPHRASE, sessionSecrets } from '../operations/session-secrets';
import { readSecretFromStdin } from './stdin';
import type { Operations, OperationHost } from '../operations';
import { APP_VERSION } from '../version';
import { EXIT, RefusedError, UsageError } from './output';
import { ExtractHeapError, extractHeapFrom } from '../operations/extract-heap';
import type { Io } from './output';
import type { Events } from '../../shared/ipc/contract';
import { progressLine } from './progress';
import { EXIT_CODES } from './exit-codes';
import { dataFolderHint } from './hints/history';

export interface SessionOptions {
  /** False for commands that never touch the history (checking a file): nothing is opened. */
  history?: boolean;
  /** Transfer progress on standard error (off with --json or --quiet). */
  progress?: boolean;
  /**
   * Check files in this process rather than the import worker (`validate`, which must start
   * fast): a bad file ends only this command.
   */
  readFilesInProcess?: boolean;
}

/**
 * The operations for one command: the history in the data folder (opened first, with its warnings
 * and today's automatic backup, and closed after), the credential vault, Node's HTTPS.
 */
export async function withOperations<T>(
  cmd: Command,
  io: Io,
  fn: (ops: Operations) => Promise<T> | T,
  o: SessionOptions = {},
): Promise<T> {
  const { dataDir } = cmd.optsWithGlobals<{ dataDir?: string }>();
  const folder = resolveDataFolder(dataDir, io.env);
  const extractHeapMb = extractHeap(io.env);
  const history = o.history === false ? undefined : await import('../store');
  let store: Store | undefined;
  const open = (): Store => {
    if (store) return store;
    if (!history) throw new Error('This command was started without the history.');
    try {
      store = new history.Store(folder);
    } catch (e) {
      throw asCliError(e);
    }
    for (const w of store.warnings) io.err(`returndesk: warning: ${w}\n`);
    return store;
  };
  const progress = o.progress ? progressLine(io) : undefined;
  const host: OperationHost = {
    store: open,
    async reopen<R>(f: () => Promise<R>): Promise<R> {
      store?.close();
      store = undefined;
      try {
        return await f();
      } finally {
        open();
      }
    },
    vault: keyringVault(io.env.RETURNDESK_VAULT_SERVICE ?? undefined),
    transportFor: (d) => nodeTransport(d.caPem),
    clock: systemClock,
    mode: 'browser',
    version: APP_VERSION,
    ...(o.readFilesInProcess ? { readsFilesInProcess: true } : {}),
    ...(extractHeapMb === undefined ? {} : { extractHeapMb }),
    emit: (event, payload) => {
      if (event === 'upload.progress' && progress) progress(payload as Events['upload.progress']);
    },
  };
  try {
    if (o.history !== false) {
      const phrase = await auditPassphrase(cmd, io);
      if (phrase !== undefined) sessionSecrets(host).set(AUDIT_PASSPHRASE, phrase);
      const s = open();
      try {
        await s.dailyBackup();
      } catch (e) {
        io.err(
          `returndesk: warning: today's automatic backup could not be made (${e instanceof Error ? e.message : String(e)}).\n`,
        );
      }
    }
    return await fn(createOperations(host));
  } finally {
    store?.close();
  }
}

/**
 * The audit passphrase, for histories kept where there is no credential vault: from standard input
 * with --audit-passphrase-stdin, else RETURNDESK_AUDIT_PASSPHRASE (for scripts; anything able to
 * read the process's environment can read it too). Used only when the vault cannot be reached.
 */
async function auditPassphrase(cmd: Command, io: Io): Promise<string | undefined> {
  const { auditPassphraseStdin } = cmd.optsWithGlobals<{ auditPassphraseStdin?: boolean }>();
  if (auditPassphraseStdin) {
    const other = Object.entries(cmd.opts()).find(([k, v]) => k.endsWith('Stdin') && v === true);
    if (other)
      throw new UsageError(
        `--audit-passphrase-stdin and --${other[0].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} both read standard input: give the audit passphrase in RETURNDESK_AUDIT_PASSPHRASE instead.`,
      );
    return readSecretFromStdin(io, 'audit passphrase');
  }
  const fromEnv = io.env.RETURNDESK_AUDIT_PASSPHRASE;
  return fromEnv ? fromEnv : undefined;
}

/** The system's credential vault, its native module loaded on first use. */
function keyringVault(service: string | undefined): CredentialVault {
  let vault: Promise<CredentialVault> | undefined;
  const loaded = () =>
    (vault ??= import('../vault/keyring-vault').then((m) => new m.KeyringVault(service)));
  return {
    get: async (account) => (await loaded()).get(account),
    set: async (account, secret) => (await loaded()).set(account, secret),
    delete: async (account) => (await loaded()).delete(account),
    list: async () => (await loaded()).list(),
  };
}

/** Node's HTTPS with the destination's CA file, its code loaded on the first request. */
function nodeTransport(caPem: string | null): Transport {
  let transport: Promise<Transport> | undefined;
  const loaded = () =>
    (transport ??= import('../upload/node-transport').then((m) => new m.NodeTransport(caPem)));
  return { request: async (req) => (await loaded()).request(req) };
}

/** A store error met outside an operation (opening the history), exiting by the one table. */
export function asCliError(e: unknown): unknown {
  if (!(e instanceof StoreError)) return e;
  const hint = dataFolderHint(e.message);
  const text = hint ? `${e.message} ${hint}` : e.message;
  return EXIT_CODES[e.code] === EXIT.invalid ? new RefusedError(text) : new UsageError(text);
}

/** Prints JSON with --json, otherwise the human text. */
export function print(
  io: Io,
  json: boolean | undefined,
  value: unknown,
  human: () => string,
): void {
  io.out(json ? `${JSON.stringify(value)}\n` : human());
}

/** A plain text table with columns padded to fit. */
export function table(head: string[], rows: (string | number | null)[][]): string {
  const cells = [head, ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return (
    cells
      .map((r) =>
        r
          .map((c, i) => (c ?? '').padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

export function positiveInt(label: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v) || Number(v) < 1)
      throw new UsageError(`${label} must be a whole number from 1 (got '${v}').`);
    return Number(v);
  };
}

export function wholeNumber(label: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v)) throw new UsageError(`${label} must be a whole number (got '${v}').`);
    return Number(v);
  };
}

/** RETURNDESK_EXTRACT_HEAP_MB, refused as a usage error when it is not a size in range. */
export function extractHeap(env: Io['env']): number | undefined {
  try {
    return extractHeapFrom(env);
  } catch (e) {
    if (e instanceof ExtractHeapError) throw new UsageError(e.message);
    throw e;
  }
}
