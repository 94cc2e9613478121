#!/usr/bin/env node
// The `returndesk` command: runs the built command line, dist/cli/cli.mjs (`npm ci` builds it;
// after changing the sources, `npm run build:cli`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/cli.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('returndesk: the command line is not built yet; run npm run build:cli first.');
  process.exit(2);
}

// A reader that stops early (`returndesk files list | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
