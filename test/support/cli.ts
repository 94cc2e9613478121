// The one way tests run the `returndesk` command line. Most call `main(argv, io)` in this process,
// with their own output, standard input and environment, exactly as bin/returndesk.mjs does; the
// few that are about the process itself (a kill, a signal, EPIPE, the built bundle) spawn it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/output';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to (or, as undefined, removed from) this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Standard input; none (a terminal) when absent. */
  stdin?: string;
}

/** The environment a command sees: never the developer's own history folder. */
function environment(o: CliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env.RETURNDESK_DATA_DIR;
  return { ...env, ...o.env };
}

/** `returndesk ARGS...` in this process. */
export async function returndesk(args: readonly string[], o: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    stdin: () => Promise.resolve(o.stdin ?? null),
    env: environment(o),
  };
  const code = await main([...args], io);
  return { code, stdout, stderr };
}

/** `node bin/returndesk.mjs ARGS...` as a child process, returned at once with its result. */
export function spawnReturndesk(
  args: readonly string[],
  o: CliOptions = {},
): { child: ChildProcess; result: Promise<CliResult> } {
  const child = spawn(process.execPath, ['bin/returndesk.mjs', ...args], {
    cwd: REPO_ROOT,
    env: environment(o),
    stdio: [o.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (o.stdin !== undefined) child.stdin?.end(o.stdin);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (b: Buffer) => out.push(b));
  child.stderr?.on('data', (b: Buffer) => err.push(b));
  const result = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
  return { child, result };
}
