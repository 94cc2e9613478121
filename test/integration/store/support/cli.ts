// The command line for the history tests, in-process (test/support/cli.ts), each call naming its
// own --data-dir so the user's own history is never touched.
import { join } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT, returndesk as cli, spawnReturndesk } from '../../../support/cli';
import type { CliResult } from '../../../support/cli';

export { REPO_ROOT } from '../../../support/cli';
export type { CliResult } from '../../../support/cli';
export const AIMS_EXTRACT = join(REPO_ROOT, 'examples', 'aims-extract.csv');

/** `returndesk --data-dir DATA ARGS...` */
export function returndesk(
  dataDir: string,
  args: readonly string[],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  return run(['--data-dir', dataDir, ...args], extraEnv);
}

/** `returndesk --data-dir DATA ARGS...` as a process of its own, for tests of processes at once. */
export function returndeskProcess(dataDir: string, args: readonly string[]): Promise<CliResult> {
  return spawnReturndesk(['--data-dir', dataDir, ...args]).result;
}

export function run(args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return cli(args, { env: extraEnv });
}

/** Runs a command that must succeed with --json and returns what it printed. */
export async function json<T = Record<string, unknown>>(
  dataDir: string,
  args: readonly string[],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<T> {
  const r = await returndesk(dataDir, [...args, '--json'], extraEnv);
  expect(r.stderr, `returndesk ${args.join(' ')}`).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/**
 * A refusal a user can act on: exit 1 or 2, nothing on stdout, one line on stderr that starts
 * with 'returndesk:', and no stack trace or raw JavaScript error.
 */
export function expectOneLineRefusal(r: CliResult, code: 1 | 2, says: RegExp): void {
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/^ {4}at /m);
  expect(r.stderr).not.toMatch(/\b(TypeError|ReferenceError|RangeError|SqliteError)\b/);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^returndesk: /);
  expect(r.stderr).toMatch(says);
  expect(r.code).toBe(code);
}

/** `build --plan-row` from the example learning-aim extract (a CHANGE file correcting A27). */
export function buildArgs(planRow: string, extra: readonly string[] = []): string[] {
  return [
    'build',
    '--kind',
    'change',
    '--dataset',
    'A',
    '--changed',
    'A27',
    '--checksum-field',
    'auto',
    '--from',
    AIMS_EXTRACT,
    '--plan-row',
    planRow,
    ...extra,
  ];
}
