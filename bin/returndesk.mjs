#!/usr/bin/env node
// The `returndesk` command: runs the command-line entry from the TypeScript sources.
import { register } from 'tsx/esm/api';

// A reader that stops early (`returndesk files list | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
