#!/usr/bin/env node
// Bundles the Electron main process and the preload with esbuild into dist/app/ (CommonJS, as
// Electron loads a package's "main" and a sandboxed preload). Everything is bundled except
// Electron itself and the native modules, which electron-builder ships unpacked beside the asar.
import { build, context } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Native code, loaded from node_modules at run time: never bundled (here or in the CLI). */
export const NATIVE = ['better-sqlite3', '@napi-rs/keyring'];

/** Loaded by Electron or as native code at run time, never bundled. */
export const EXTERNAL = ['electron', ...NATIVE];

/**
 * The data-portal CSV check runs in a worker thread loaded from its own CommonJS file beside the
 * bundle that starts it (electron/portal/bundled-worker.ts), so that a runaway expression can be
 * terminated. Built into the app (beside main.cjs) and into the command line (build-cli.mjs).
 */
export const CHECK_WORKER = { 'portal-check-worker': 'electron/portal/check-worker.ts' };

/**
 * Untrusted files read whole for an import (action plan workbooks, request schedules, file-format
 * specifications) are parsed in a worker thread under a memory limit, loaded from its own CommonJS
 * file beside the bundle that starts it (electron/files/import/bundled-worker.ts), so that a
 * crafted file ends the worker, never the app. Built into the app and into the command line.
 */
export const IMPORT_WORKER = { 'import-worker': 'electron/files/import/worker.ts' };

// Electron 45 runs Node 24 in main and a Chromium newer than 142 in the renderer.
const MAIN_TARGET = 'node24';
const PRELOAD_TARGET = 'chrome142';

/** Every CommonJS bundle's options: the app's main, preload and workers; the CLI's workers. */
export const COMMONJS = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
  // In a CommonJS bundle import.meta is empty: a module that relies on it would break at run
  // time, so make it a build error instead.
  logOverride: { 'empty-import-meta': 'error' },
};

/** The sandboxed preload may require only 'electron'; anything else would fail in the window. */
export function preloadRequires(metafile) {
  const found = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports) if (imp.external) found.add(imp.path);
  }
  return [...found].sort();
}

const APP_DIR = join(root, 'dist', 'app');

function mainOptions(outdir) {
  return {
    ...COMMONJS,
    absWorkingDir: root,
    entryPoints: { main: 'electron/main.ts', ...CHECK_WORKER, ...IMPORT_WORKER },
    outdir,
    outExtension: { '.js': '.cjs' },
    target: MAIN_TARGET,
    external: EXTERNAL,
  };
}

function preloadOptions(outdir) {
  return {
    ...COMMONJS,
    absWorkingDir: root,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    target: PRELOAD_TARGET,
    external: ['electron'],
  };
}

/** Why the preload cannot run sandboxed, or undefined when it can. */
function preloadProblem(metafile) {
  const extra = preloadRequires(metafile).filter((p) => p !== 'electron');
  if (extra.length > 0)
    return `The preload must require only 'electron', but requires: ${extra.join(', ')}`;
  return undefined;
}

export async function buildElectron({ outdir = APP_DIR } = {}) {
  await build(mainOptions(outdir));
  const preload = await build(preloadOptions(outdir));
  const problem = preloadProblem(preload.metafile);
  if (problem) throw new Error(problem);
  return { main: join(outdir, 'main.cjs'), preload: join(outdir, 'preload.cjs') };
}

/** Rebuilds the app's bundle on every change to its sources (`npm run dev`); returns a stop. */
export async function watchElectron({ outdir = APP_DIR } = {}) {
  const checkPreload = {
    name: 'returndesk-preload-check',
    setup: (b) =>
      b.onEnd((r) => {
        const problem = r.metafile && preloadProblem(r.metafile);
        if (problem) console.error(problem);
      }),
  };
  const contexts = await Promise.all([
    context(mainOptions(outdir)),
    context({ ...preloadOptions(outdir), plugins: [checkPreload] }),
  ]);
  await Promise.all(contexts.map((c) => c.watch()));
  return () => Promise.all(contexts.map((c) => c.dispose()));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const out = await buildElectron();
    console.log(`Built ${out.main} and ${out.preload}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
