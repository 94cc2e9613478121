#!/usr/bin/env node
// Runs several package.json scripts at once (`npm test` runs typecheck, lint and build:renderer
// this way): they read the same sources and write nothing another reads, and each is a single Node
// process, so on a machine with two or more cores they finish in about the time of the longest
// instead of the sum. Each script's output is printed whole once it ends, so lines never interleave;
// the exit code is 1 if any script failed. Usage: run-parallel.mjs SCRIPT...
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: run-parallel.mjs SCRIPT...');
  process.exit(2);
}

const npm = process.env.npm_execpath;
/** `npm run -s SCRIPT`, with the npm that started us when there is one. */
function run(script) {
  const started = Date.now();
  const [command, args] = npm
    ? [process.execPath, [npm, 'run', '-s', script]]
    : ['npm', ['run', '-s', script]];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (b) => output.push(b));
  child.stderr.on('data', (b) => output.push(b));
  return new Promise((resolve) => {
    child.on('error', (e) => {
      process.stdout.write(`\n> npm run ${script}: could not start: ${e.message}\n`);
      resolve({ script, ok: false });
    });
    child.on('close', (code, signal) => {
      const ok = code === 0;
      const text = Buffer.concat(output).toString('utf8');
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const how = ok ? 'passed' : `failed (${signal ?? `exit ${code}`})`;
      process.stdout.write(`\n> npm run ${script}: ${how} in ${seconds} s\n${text}`);
      resolve({ script, ok });
    });
  });
}

const results = await Promise.all(scripts.map(run));
const failed = results.filter((r) => !r.ok).map((r) => r.script);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
