// The real `returndesk` command line as a child process, the way a data officer or a script runs it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
export const AIMS_EXTRACT = join(REPO_ROOT, 'examples', 'aims-extract.csv');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `returndesk --data-dir DATA ARGS...` from the repository root. */
export function returndesk(
  dataDir: string,
  args: readonly string[],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  return run(['--data-dir', dataDir, ...args], extraEnv);
}

export function run(args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // Every call names its --data-dir; the user's own history must never be touched.
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...extraEnv };
    delete env.RETURNDESK_DATA_DIR;
    const child = spawn(process.execPath, ['bin/returndesk.mjs', ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
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
