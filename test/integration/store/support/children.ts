// Child processes that work on the same history as the test: started with `bin/run-ts.mjs` (or a
// prebuilt bundle), each says "ready" on stdout once its store is open.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './cli';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Child {
  process: ChildProcess;
  /** Resolves when the child printed "ready"; rejects if it ended first or took too long. */
  ready: Promise<void>;
  exit: Promise<Exit>;
}

const READY_WAIT_MS = 30_000;

function watch(child: ChildProcess): Child {
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => {};
  let onNotReady: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    onNotReady = reject;
  });
  // Awaiting `ready` still sees the rejection; this only keeps an unawaited one from being fatal.
  ready.catch(() => {});
  const timer = setTimeout(
    () => onNotReady(new Error(`child ${child.pid} was not ready within ${READY_WAIT_MS} ms`)),
    READY_WAIT_MS,
  );
  child.stdout?.on('data', (b: Buffer) => {
    stdout += b.toString('utf8');
    if (/^ready$/m.test(stdout)) {
      clearTimeout(timer);
      onReady();
    }
  });
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const exit = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      onNotReady(new Error(`child ended before it was ready (${code ?? signal}): ${stderr}`));
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { process: child, ready, exit };
}

/** `node bin/run-ts.mjs SCRIPT ARGS...`, SCRIPT relative to the repository root. */
export function runTs(script: string, args: readonly string[]): Child {
  return watch(
    spawn(process.execPath, ['bin/run-ts.mjs', script, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** A prebuilt CommonJS bundle; its packages (better-sqlite3) come from the repository. */
export function runBundle(bundle: string, args: readonly string[]): Child {
  return watch(
    spawn(process.execPath, [bundle, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_PATH: join(REPO_ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}
