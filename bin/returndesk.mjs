#!/usr/bin/env node
// The `returndesk` command: runs the command-line entry from the TypeScript sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
