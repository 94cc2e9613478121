// The command line for the build and validate tests, run in-process (test/support/cli.ts), and a
// temporary folder for each test.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { returndesk } from '../support/cli';
import type { CliResult } from '../support/cli';

export { REPO_ROOT } from '../support/cli';
export type { CliResult } from '../support/cli';

/** `returndesk ARGS...`; paths in ARGS are absolute. */
export function runCli(args: readonly string[]): Promise<CliResult> {
  return returndesk(args);
}

/** A failure is one or two plain lines a user can act on: never a stack trace. */
export function expectNoStackTrace(r: CliResult): void {
  const all = `${r.stdout}\n${r.stderr}`;
  expect(all).not.toMatch(/^ {4}at /m);
  expect(all).not.toMatch(/\b(TypeError|ReferenceError|SyntaxError|RangeError):/);
}

/**
 * Call once per test file: returns a function that makes a fresh folder under the system's temp
 * folder, and removes every folder it made after each test.
 */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'returndesk-it-'));
    made.push(dir);
    return dir;
  };
}

/** Text lines joined the way amendment files are written: CRLF, with one after the last line. */
export function crlf(lines: readonly string[]): string {
  return lines.map((l) => `${l}\r\n`).join('');
}

export interface ChangeFileOptions {
  name?: string;
  date?: string;
  description?: string;
  /** Line 7; defaults to the number of records. */
  count?: string;
  /** Line 9; defaults to the sum of A05 over the records. */
  checksum?: string;
}

/**
 * The lines of a learning-aim CHANGE file correcting A27, keyed by the recommended keys, with A05 as
 * checksum field. Records are `A01,A03,A05,A48a,A48b,A27`.
 */
export function aimChangeLines(records: readonly string[], o: ChangeFileOptions = {}): string[] {
  const name = o.name ?? 'chg105432A01.amd';
  const sum = records.reduce((n, r) => n + Number(r.split(',')[2] ?? 0), 0);
  return [
    name.replace(/\.amd$/, ''),
    o.date ?? '14032011',
    o.description ?? 'Learning start dates (A27) corrected - reference number 1',
    'CHANGE',
    'A01,A03,A05,A48a,A48b',
    'A27',
    o.count ?? String(records.length),
    'A05',
    o.checksum ?? String(sum),
    '',
    '',
    'A01,A03,A05,A48a,A48b,A27',
    ...records,
  ];
}

/** Writes `content` as `name` in `dir` and returns its path. */
export async function writeIn(dir: string, name: string, content: string | Buffer) {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** The names in `dir`, or [] when it does not exist. */
export async function filesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

export type BuildOptions = Record<string, string | readonly string[] | true | undefined>;

/**
 * `build` arguments for a learning-aim change file correcting A27, provider 012345, NN 01; each
 * option can be overridden, or dropped by setting it to undefined. Arrays repeat the option.
 */
export function buildArgs(from: string, out: string, overrides: BuildOptions = {}): string[] {
  const options: BuildOptions = {
    kind: 'change',
    dataset: 'A',
    provider: '012345',
    seq: '01',
    date: '14032011',
    description: 'Learning start dates (A27) corrected - reference number 1',
    changed: 'A27',
    'checksum-field': 'auto',
    from,
    out,
    ...overrides,
  };
  const args = ['build'];
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (value === true) args.push(`--${name}`);
    else if (typeof value === 'string') args.push(`--${name}`, value);
    else for (const v of value) args.push(`--${name}`, v);
  }
  return args;
}

/** The result `build --json` prints (the fields the tests rely on). */
export interface BuildJson {
  name: string;
  path: string;
  seq: number;
  sha256: string;
  records: number;
  checksumField: string;
  checksum: string;
  checksumAdded: boolean;
  ignoredColumns: string[];
  encoding: string;
}
