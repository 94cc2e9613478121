#!/usr/bin/env node
// Runs a TypeScript entry point straight from the sources, for development only (tsx is a
// development dependency): the benchmarks, the reference upload server and the tests' child
// processes. The `returndesk` command itself runs the built bundle (bin/returndesk.mjs).
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts ENTRY.ts [ARGS...]');
  process.exit(2);
}
process.argv = [process.argv[0], entry, ...rest];
await import(pathToFileURL(resolve(entry)).href);
