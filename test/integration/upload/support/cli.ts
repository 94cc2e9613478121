// The `returndesk` command line with the test file's vault service name, a secret on standard input
// when the command reads one, and every byte it printed kept for checks: in-process, or as a child
// process for the tests that kill it.
import type { ChildProcess } from 'node:child_process';
import { expect } from 'vitest';
import { returndesk, spawnReturndesk } from '../../../support/cli';
import type { RunningExtranet } from '../../../extranet/spawn';
import { DEMO, GUA, GUA_KEY } from './env';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  stdin?: string;
  env?: NodeJS.ProcessEnv;
}

export interface CliRunner {
  /** `returndesk --data-dir DATA ARGS...` */
  run(data: string, args: readonly string[], o?: CliOptions): Promise<CliResult>;
  /** Like run, but returns the child at once (for killing it mid-upload) with its result. */
  start(
    data: string,
    args: readonly string[],
    o?: CliOptions,
  ): { child: ChildProcess; result: Promise<CliResult> };
  /** Runs a command that must succeed with --json; its parsed output. */
  json<T>(data: string, args: readonly string[], o?: CliOptions): Promise<T>;
  /** Everything every command printed so far, for the canary checks. */
  output(): string;
}

export function cliFor(vaultService: string): CliRunner {
  const printed: string[] = [];
  const options = (o: CliOptions) => ({
    stdin: o.stdin ?? '',
    env: { RETURNDESK_VAULT_SERVICE: vaultService, ...o.env },
  });
  const keep = (r: CliResult) => {
    printed.push(r.stdout, r.stderr);
    return r;
  };
  const start = (data: string, args: readonly string[], o: CliOptions = {}) => {
    const { child, result } = spawnReturndesk(['--data-dir', data, ...args], options(o));
    return { child, result: result.then((r) => keep({ ...r, signal: r.signal ?? null })) };
  };
  const run = async (data: string, args: readonly string[], o: CliOptions = {}) =>
    keep({ ...(await returndesk(['--data-dir', data, ...args], options(o))), signal: null });
  return {
    run,
    start,
    output: () => printed.join('\n'),
    json: async <T>(data: string, args: readonly string[], o?: CliOptions) => {
      const r = await run(data, [...args, '--json'], o);
      expect(r.stderr, `returndesk ${args.join(' ')}`).toBe('');
      expect(r.code, `returndesk ${args.join(' ')}`).toBe(0);
      return JSON.parse(r.stdout) as T;
    },
  };
}

/**
 * A refusal a data officer can act on: exit `code`, nothing on stdout, and exactly one line on
 * stderr that starts with 'returndesk:' and matches `says`, with no stack trace in it.
 */
export function expectOneLineRefusal(r: CliResult, code: 1 | 2, says: RegExp): void {
  expect(r.stderr).toMatch(says);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^returndesk: /);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at |backtrace|\bat \S+:\d+|\.(c|rs|ts):\d+/im);
  expect(r.code).toBe(code);
}

/** The receipt `upload --json` and `status --json` print (the fields the tests rely on). */
export interface ReceiptJson {
  id: number;
  file: string;
  bytes: number;
  sha256: string;
  serverSha256: string | null;
  uploadId: string | null;
  status: 'transferring' | 'pending-verification' | 'accepted' | 'failed';
  batchId: number | null;
  messages: { code: string; message: string; line?: number | null }[];
  auditHead: { entry: number; seal: string } | null;
}

export interface DestinationSetup {
  name?: string;
  area?: string;
  username?: string;
  password?: string;
  groupKey?: string;
  /** false: add the destination without the server's CA file. */
  trustCa?: boolean;
  /** false: add the destination only, without logging in. */
  login?: boolean;
}

/** `destination add` (with the group key on stdin) then `login`, as a data officer sets up. */
export async function addDestination(
  cli: CliRunner,
  data: string,
  server: RunningExtranet,
  o: DestinationSetup = {},
): Promise<string> {
  const name = o.name ?? 'hefce';
  const args = ['destination', 'add', '--name', name, '--url', server.url, '--area', o.area ?? GUA];
  args.push('--username', o.username ?? DEMO.username, '--group-key-stdin');
  if (o.trustCa !== false) args.push('--ca', server.ca);
  const added = await cli.run(data, args, { stdin: `${o.groupKey ?? GUA_KEY}\n` });
  expect(added.stderr).toBe('');
  expect(added.stdout).toMatch(/The group key is in the credential vault\./);
  expect(added.code).toBe(0);
  if (o.login !== false) {
    const login = await cli.run(data, ['login', '--destination', name, '--password-stdin'], {
      stdin: `${o.password ?? DEMO.password}\n`,
    });
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
  }
  return name;
}

/** Bounded polling of `status --json` until the upload of `file` has the server's verdict. */
export async function waitForVerdict(
  cli: CliRunner,
  data: string,
  files: readonly string[],
): Promise<ReceiptJson[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const list = await cli.json<ReceiptJson[]>(data, ['status']);
    const mine = files.map((f) => list.filter((u) => u.file === f).at(-1));
    if (mine.every((u) => u?.status === 'accepted' || u?.status === 'failed'))
      return mine as ReceiptJson[];
    if (Date.now() > deadline)
      throw new Error(`no verdict for ${files.join(', ')}: ${JSON.stringify(list)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
