#!/usr/bin/env node
// Bundles the `returndesk` command line with esbuild into dist/cli/: cli.mjs (ESM, for Node 20),
// the chunks it loads on demand (each command's code: electron/cli/commands.ts) and the
// data-portal check worker `portal check` starts (portal-check-worker.cjs, as beside the app's
// main.cjs) and the import worker the imports start (import-worker.cjs, likewise). bin/returndesk.mjs runs cli.mjs. Built by `npm ci` (prepare), `npm run build`, and
// once per test run (vitest's globalSetup), so the tests never run a stale bundle.
import { build, context } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECK_WORKER, COMMONJS, IMPORT_WORKER, NATIVE } from './build-electron.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Every file of the bundle sits in dist/cli/, as deep in the tree as electron/cli/, so code that
 * finds a file relative to import.meta.url (package.json, dist/renderer) finds the same one from
 * the sources and from the bundle.
 */
export const CLI_DIR = join(root, 'dist', 'cli');

/** The Node the command line supports (package.json's engines). */
const TARGET = 'node20';

// At the top of every output file: the CommonJS libraries bundled into ESM call require() for
// Node's own modules, and bundled-worker.ts finds the worker in __dirname, as in the app's bundle.
const BANNER = [
  "import { createRequire as __returndeskRequire } from 'node:module';",
  "import { dirname as __returndeskDirname } from 'node:path';",
  "import { fileURLToPath as __returndeskPath } from 'node:url';",
  'const require = __returndeskRequire(import.meta.url);',
  'const __filename = __returndeskPath(import.meta.url);',
  'const __dirname = __returndeskDirname(__filename);',
].join('\n');

function cliOptions(outdir) {
  return {
    absWorkingDir: root,
    entryPoints: { cli: 'electron/cli/main.ts' },
    bundle: true,
    format: 'esm',
    // Each command's code in its own chunks, loaded by import() only when that command runs.
    splitting: true,
    chunkNames: '[name]-[hash]',
    platform: 'node',
    target: TARGET,
    outdir,
    outExtension: { '.js': '.mjs' },
    external: NATIVE,
    banner: { js: BANNER },
    sourcemap: 'linked',
    logLevel: 'warning',
    metafile: true,
  };
}

function workerOptions(outdir) {
  return {
    ...COMMONJS,
    absWorkingDir: root,
    entryPoints: { ...CHECK_WORKER, ...IMPORT_WORKER },
    outdir,
    outExtension: { '.js': '.cjs' },
    target: TARGET,
    external: NATIVE,
  };
}

/**
 * Removes what an earlier build left in OUTDIR (chunk names change with their contents) but
 * this one did not write. Written first and pruned after, so a command started meanwhile from the
 * same sources still finds its files.
 */
function prune(outdir, metafiles) {
  const written = new Set(
    metafiles.flatMap((m) => Object.keys(m.outputs).map((o) => basename(resolve(root, o)))),
  );
  for (const name of readdirSync(outdir)) {
    if (!written.has(name)) rmSync(join(outdir, name), { recursive: true, force: true });
  }
}

/**
 * Builds the command line into OUTDIR; returns the path of its entry, cli.mjs, and esbuild's
 * account of the bundle's files (what each holds and imports).
 */
export async function buildCli({ outdir = CLI_DIR } = {}) {
  const [cli, worker] = await Promise.all([
    build(cliOptions(outdir)),
    build(workerOptions(outdir)),
  ]);
  prune(outdir, [cli.metafile, worker.metafile]);
  return { entry: join(outdir, 'cli.mjs'), metafile: cli.metafile };
}

/**
 * Rebuilds the command line on every change to its sources (`npm run dev`), calling onBuilt after
 * each build that succeeded. Resolves after the first build with a function that stops watching.
 */
export async function watchCli({ outdir = CLI_DIR, onBuilt = () => {} } = {}) {
  let firstDone;
  const first = new Promise((resolve) => (firstDone = resolve));
  const built = {
    name: 'returndesk-cli-built',
    setup: (b) =>
      b.onEnd((r) => {
        if (r.errors.length === 0) onBuilt();
        firstDone();
      }),
  };
  const contexts = await Promise.all([
    context({ ...cliOptions(outdir), plugins: [built] }),
    context(workerOptions(outdir)),
  ]);
  await Promise.all(contexts.map((c) => c.watch()));
  await first;
  return () => Promise.all(contexts.map((c) => c.dispose()));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const out = await buildCli();
    console.log(`Built ${out.entry}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
