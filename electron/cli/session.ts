// Opening the history for a command: the data folder from --data-dir, RETURNDESK_DATA_DIR or the
// platform default; warnings on stderr; the daily backup on first use; store errors as one line.
import type { Command } from 'commander';
import { Store, StoreError, resolveDataFolder } from '../store';
import type { StoreErrorCode } from '../store';
import { EXIT, RefusedError, UsageError } from './output';
import type { Io } from './output';

/** Refusals of a valid request exit 1; bad or unreadable input exits 2. */
const REFUSED: ReadonlySet<StoreErrorCode> = new Set([
  'INVALID_STATE',
  'CONFLICT',
  'LOCKED',
  'READ_ONLY',
  'DISK_FULL',
]);

export function exitCodeFor(e: StoreError): number {
  return REFUSED.has(e.code) ? EXIT.invalid : EXIT.usage;
}

export async function withStore<T>(
  cmd: Command,
  io: Io,
  fn: (store: Store) => Promise<T> | T,
): Promise<T> {
  const { dataDir } = cmd.optsWithGlobals<{ dataDir?: string }>();
  let store: Store;
  try {
    store = new Store(resolveDataFolder(dataDir));
  } catch (e) {
    throw asCliError(e);
  }
  try {
    for (const w of store.warnings) io.err(`returndesk: warning: ${w}\n`);
    try {
      await store.dailyBackup();
    } catch (e) {
      io.err(
        `returndesk: warning: today's automatic backup could not be made (${e instanceof Error ? e.message : String(e)}).\n`,
      );
    }
    return await fn(store);
  } catch (e) {
    throw asCliError(e);
  } finally {
    store.close();
  }
}

export function asCliError(e: unknown): unknown {
  if (e instanceof StoreError)
    return exitCodeFor(e) === EXIT.invalid
      ? new RefusedError(e.message)
      : new UsageError(e.message);
  return e;
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
