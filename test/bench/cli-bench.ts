// `npm run bench -- cli`: how long `returndesk validate` of a small file takes from start to exit,
// beside Node starting and doing nothing (`node -e 0`), and the command's peak memory. The command
// line is built from the current sources first, as the tests do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../scripts/build-cli.mjs';

export interface CliBenchRow {
  figure: string;
  value: string;
  reference: string;
  ratio: string;
  goal: string;
  /** Undefined for a figure reported without a goal. */
  met?: boolean;
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = join('examples', 'chg105432A01.amd');
const RUNS = 15;
const WARM_UP = 2;
const RSS_RUNS = 3;
const RATIO_GOAL = 4;

const VALIDATE = ['bin/returndesk.mjs', 'validate', EXAMPLE];
const NOTHING = ['-e', '0'];

/** Preloaded into a run: writes the process's peak RSS (KiB) to the file named on exit. */
const REPORT_RSS = `process.on('exit', () => require('node:fs').writeFileSync(process.env.RD_BENCH_RSS, String(process.resourceUsage().maxRSS)));`;

function timedRun(args: readonly string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'ignore' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
  return ms;
}

/** The highest of a few runs' peak resident set size, in bytes. */
function peakRss(args: readonly string[], dir: string): number {
  const file = join(dir, 'rss');
  let peak = 0;
  for (let i = 0; i < RSS_RUNS; i++) {
    const r = spawnSync(process.execPath, ['--require', join(dir, 'rss.cjs'), ...args], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
      env: { ...process.env, RD_BENCH_RSS: file },
    });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
    peak = Math.max(peak, Number(readFileSync(file, 'utf8')) * 1024);
  }
  return peak;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export async function runCliBench(log: (line: string) => void): Promise<CliBenchRow[]> {
  const building = performance.now();
  await buildCli();
  log(`Built the command line in ${((performance.now() - building) / 1000).toFixed(2)} s.`);
  log(
    `Timing \`returndesk validate ${EXAMPLE}\` and \`node -e 0\`, ${RUNS} runs each, interleaved...`,
  );
  for (let i = 0; i < WARM_UP; i++) [VALIDATE, NOTHING].forEach(timedRun);
  const validate: number[] = [];
  const nothing: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    validate.push(timedRun(VALIDATE));
    nothing.push(timedRun(NOTHING));
  }
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-cli-bench-'));
  let rss: number;
  let rssNothing: number;
  try {
    writeFileSync(join(dir, 'rss.cjs'), REPORT_RSS);
    rss = peakRss(VALIDATE, dir);
    rssNothing = peakRss(NOTHING, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const mb = (x: number) => `${(x / 1_000_000).toFixed(1)} MB`;
  const ratio = median(validate) / median(nothing);
  return [
    {
      figure: 'validate, median wall time (start to exit)',
      value: ms(median(validate)),
      reference: `${ms(median(nothing))} (node -e 0)`,
      ratio: ratio.toFixed(2),
      goal: `<= ${RATIO_GOAL}`,
      met: ratio <= RATIO_GOAL,
    },
    {
      figure: `validate, peak RSS (highest of ${RSS_RUNS})`,
      value: mb(rss),
      reference: `${mb(rssNothing)} (node -e 0)`,
      ratio: (rss / rssNothing).toFixed(2),
      goal: '-',
    },
  ];
}
