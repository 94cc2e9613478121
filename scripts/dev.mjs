#!/usr/bin/env node
// `npm run dev`: ReturnDesk in the browser while its code changes. The renderer comes from Vite's
// dev server, which swaps a changed screen in place; calls to /api go through Vite to
// `returndesk serve` (the same server as `npm start` in browser mode), which restarts whenever the
// command line is rebuilt. The command line (dist/cli/) and the app's bundle (dist/app/) are
// rebuilt on every change to their sources. Arguments go to serve, e.g.
// `npm run dev -- --data-dir C:\ReturnDesk-test`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { watchCli } from './build-cli.mjs';
import { watchElectron } from './build-electron.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serveArgs = process.argv.slice(2);

/** The header the browser-mode page sends its per-launch token in (electron/web/security.ts). */
const TOKEN_HEADER = 'x-returndesk-token';

/** A port free now, kept for every restart of serve so that the proxy's target never changes. */
async function freePort() {
  const probe = createNetServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  return port;
}

const apiPort = await freePort();
const api = `http://127.0.0.1:${apiPort}`;
let token = '';
let serve = null;
let stopping = false;

/** Starts `returndesk serve` and resolves once it has said where it listens. */
function startServe() {
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin', 'returndesk.mjs'),
      'serve',
      '--no-open',
      '--port',
      String(apiPort),
      ...serveArgs,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  serve = child;
  return new Promise((resolve) => {
    let out = '';
    let taken = false;
    child.stdout.setEncoding('utf8').on('data', (s) => {
      out += s;
      const line = out.match(/^\{.*"url".*\}$/m);
      if (!line || taken) return;
      taken = true;
      // The page comes from Vite, not from serve: this script takes the session with the code
      // serve printed (electron/web/sessions.ts) and the proxy adds its token to each call.
      const code = new URL(JSON.parse(line[0]).url).searchParams.get('code') ?? '';
      void fetch(`${api}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: api },
        body: JSON.stringify({ code }),
      })
        .then((r) => r.json())
        .then((r) => (token = r.token ?? ''))
        .catch(() => (token = ''))
        .finally(() => resolve());
    });
    child.once('exit', (code, signal) => {
      if (serve === child && !stopping)
        console.error(`returndesk serve stopped (${signal ?? `exit code ${code}`}).`);
      resolve();
    });
  });
}

async function stopServe() {
  const child = serve;
  serve = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

// Rebuilds come one after another: restart serve for each, in order.
let restarts = Promise.resolve();
const restartServe = () => {
  restarts = restarts.then(async () => {
    if (serve) console.log('The command line was rebuilt: restarting returndesk serve.');
    await stopServe();
    await startServe();
  });
};

const stopElectron = await watchElectron();
const stopCli = await watchCli({ onBuilt: restartServe });
await restarts;

const vite = await createServer({
  configFile: join(root, 'vite.renderer.config.ts'),
  server: {
    proxy: {
      '/api': {
        target: api,
        // serve accepts only requests addressed to itself (its Host) and carrying its token.
        changeOrigin: true,
        configure(proxy) {
          proxy.on('proxyReq', (req, incoming) => {
            req.setHeader(TOKEN_HEADER, token);
            // The page's origin is Vite's, which serve would refuse as foreign for a change; any
            // other origin goes through as it is, and is refused.
            if (viteOrigins().has(incoming.headers.origin ?? '')) req.setHeader('origin', api);
          });
        },
      },
    },
  },
});
const viteOrigins = () => new Set((vite.resolvedUrls?.local ?? []).map((u) => new URL(u).origin));
await vite.listen();
console.log(
  '\nReturnDesk in development: open the address below. A screen updates as you edit it;',
);
console.log('a change to the rest rebuilds the command line and the app, and restarts serve.');
vite.printUrls();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([vite.close(), stopCli(), stopElectron(), restarts.then(stopServe)]).then(() =>
      process.exit(0),
    );
  });
}
