#!/usr/bin/env node
// `npm start` (after `npm run build`): the desktop app where an Electron runtime is installed,
// otherwise the same app in the default browser (`returndesk serve`), saying which in one line.
// Arguments pass through, e.g. `npm start -- --data-dir C:\ReturnDesk-test`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT, findElectronRuntime } from '../scripts/electron-runtime.mjs';

const args = process.argv.slice(2);
const runtime = findElectronRuntime();

let child;
if (runtime.binary) {
  console.log('Starting the ReturnDesk desktop app (an Electron runtime is installed).');
  // ELECTRON_RUN_AS_NODE inherited from a parent would make Electron a plain Node instead.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  child = spawn(runtime.binary, ['.', ...args], { cwd: PROJECT_ROOT, stdio: 'inherit', env });
} else {
  console.log(`${runtime.reason}, so ReturnDesk opens in your browser instead.`);
  // serve prints {"url": ...} when ready and opens the browser; where none can be opened
  // (no xdg-open), it carries on serving and the printed address still works.
  child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'returndesk.mjs'), 'serve', ...args], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.once('error', (e) => {
  console.error(`Could not start ReturnDesk: ${e.message}`);
  process.exitCode = 1;
});
child.once('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
