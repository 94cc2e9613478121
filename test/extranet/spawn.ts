// Starts the reference extranet as a child process for tests, the way `npm run extranet` does, and
// waits for its ready line. A real process (not an in-process server) so a test can kill it in the
// middle of an upload and start it again on the same data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequestFileEntry } from './request-file';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ExtranetOptions {
  /** The server's data folder; the caller owns it (and deletes it). */
  dataDir: string;
  port?: number;
  /** `NAME:PASSWORD` entries. */
  users?: string[];
  /** `NAME:GROUPKEY` entries. */
  areas?: string[];
  /**
   * Data requests: written to `DATADIR/spawn-requests.json` (replaced on every start) and given
   * with --requests, after any `requestFiles`.
   */
  requests?: RequestFileEntry[];
  /** Files given as they are with --requests, e.g. a malformed one. */
  requestFiles?: string[];
  /** --today YYYY-MM-DD: the portal's date instead of today's in Europe/London. */
  today?: string;
  sessionTtlSeconds?: number;
  verifyDelayMs?: number;
  /**
   * `drop-after=BYTES`, `error-rate=R`, `slow=MS`, or `corrupt` (one stored byte of every completed
   * upload is flipped before the server hashes it, so the receipt's SHA-256 is not the client's).
   */
  faults?: string[];
  seed?: number;
  /** How long to wait for the ready line; 20 s by default. */
  readyTimeoutMs?: number;
}

export interface RunningExtranet {
  url: string;
  ca: string;
  dataDir: string;
  /** SIGTERM, then waits for the process to exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** SIGKILL: a crash, for resume tests. Await `exited` before reusing anything it held. */
  kill(): void;
  exited: Promise<void>;
  /** What the server wrote to stderr so far (the last 64 KiB), for failure messages. */
  logs(): string;
  /** Everything the server wrote to stdout so far: the ready line and nothing else. */
  stdout(): string;
  process: ChildProcess;
}

const READY = /^\{"url":"(https:\/\/127\.0\.0\.1:\d+)","ca":"(.+)"\}$/;
const MAX_LOG = 64 * 1024;

function argsFor(o: ExtranetOptions): string[] {
  const args = ['--port', String(o.port ?? 0), '--data', o.dataDir];
  for (const u of o.users ?? []) args.push('--user', u);
  for (const a of o.areas ?? []) args.push('--area', a);
  for (const f of o.requestFiles ?? []) args.push('--requests', f);
  if (o.requests !== undefined) {
    mkdirSync(o.dataDir, { recursive: true });
    const file = join(o.dataDir, 'spawn-requests.json');
    writeFileSync(file, JSON.stringify(o.requests, null, 1));
    args.push('--requests', file);
  }
  if (o.today !== undefined) args.push('--today', o.today);
  if (o.sessionTtlSeconds !== undefined) args.push('--session-ttl', String(o.sessionTtlSeconds));
  if (o.verifyDelayMs !== undefined) args.push('--verify-delay', String(o.verifyDelayMs));
  for (const f of o.faults ?? []) args.push('--fault', f);
  if (o.seed !== undefined) args.push('--seed', String(o.seed));
  return args;
}

/** The server's entry point, as `npm run extranet` runs it. */
export const EXTRANET_MAIN = join(REPO_ROOT, 'test', 'extranet', 'main.ts');
/**
 * The environment variable naming a bundle of EXTRANET_MAIN made for this test run
 * (test/support/build-extranet.ts); without it the server runs from the sources through tsx.
 */
export const EXTRANET_BUNDLE = 'RETURNDESK_TEST_EXTRANET_BUNDLE';

function spawnServer(options: ExtranetOptions): ChildProcess {
  const bundle = process.env[EXTRANET_BUNDLE];
  const entry = bundle ? [bundle] : ['bin/run-ts.mjs', EXTRANET_MAIN];
  return spawn(process.execPath, [...entry, ...argsFor(options)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
}

export interface RefusedStart {
  /** The exit code, or the signal's name if it was killed. */
  exit: number | string;
  stdout: string;
  stderr: string;
}

/**
 * Runs the server with options it is expected to refuse, until it exits (SIGKILL after
 * `readyTimeoutMs`, 20 s by default). A server that does start is stopped and reported as such.
 */
export function runExtranetUntilExit(options: ExtranetOptions): Promise<RefusedStart> {
  const child = spawnServer(options);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (s: string) => {
    stdout += s;
    if (stdout.includes('\n')) child.kill('SIGTERM');
  });
  child.stderr?.on('data', (s: string) => (stderr = (stderr + s).slice(-MAX_LOG)));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.readyTimeoutMs ?? 20_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exit: code ?? signal ?? 'unknown', stdout, stderr });
    });
  });
}

export function startExtranet(options: ExtranetOptions): Promise<RunningExtranet> {
  const child = spawnServer(options);
  let log = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => {
    log = (log + s).slice(-MAX_LOG);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

  return new Promise<RunningExtranet>((resolve, reject) => {
    let stdout = '';
    let ready = false;
    const fail = (why: string) => {
      if (ready) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`reference extranet did not start: ${why}\n${log}`));
    };
    const timer = setTimeout(
      () => fail(`no ready line within ${options.readyTimeoutMs ?? 20_000} ms`),
      options.readyTimeoutMs ?? 20_000,
    );
    child.once('error', (e) => fail(e.message));
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`exited with ${signal ?? code}`);
    child.once('exit', onEarlyExit);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (s: string) => {
      stdout += s;
      const nl = stdout.indexOf('\n');
      if (ready || nl === -1) return;
      const m = READY.exec(stdout.slice(0, nl));
      if (!m?.[1] || !m[2]) return fail(`unexpected output ${JSON.stringify(stdout.slice(0, nl))}`);
      ready = true;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      const ca = JSON.parse(stdout.slice(0, nl)) as { ca: string };
      resolve({
        url: m[1],
        ca: ca.ca,
        dataDir: options.dataDir,
        process: child,
        exited,
        logs: () => log,
        stdout: () => stdout,
        kill: () => {
          child.kill('SIGKILL');
        },
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(force);
        },
      });
    });
  });
}
