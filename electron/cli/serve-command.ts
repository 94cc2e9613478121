// `returndesk serve`: the app in the default browser, for machines without an Electron runtime.
//
// Each address it gives carries a one-time code that the page exchanges for its session token
// (electron/web/sessions.ts); the token itself never leaves the server but in that answer. The
// browser is opened with one code, and a different one is printed for the user: a command line
// (xdg-open's, open's, start's) can be read by other users of the machine, so what it holds must
// be worth nothing once the browser has used it, and must not be the user's only way in. If
// someone else did use the opened code first, the browser's attempt ends their session and the
// page says to use the printed address. Each time the printed code is used, a fresh address is
// printed, so the newest line always opens one more page (a second browser, a new tab).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { resolveDataFolder } from '../store';
import { createOperations } from '../operations';
import { startVerificationPolling } from '../operations/verification-poll';
import { createNodeHost } from '../web/node-host';
import { startWebServer } from '../web/server';
import { UsageError } from './output';
import type { Io } from './output';
import { asCliError, extractHeap } from './session';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.once('error', () => undefined);
  child.unref();
}

export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description('Run ReturnDesk in your web browser (on this computer only)')
    .option('--port <n>', 'port on 127.0.0.1 (default: any free port)')
    .option('--no-open', 'do not open the browser')
    .action(async (raw: { port?: string; open: boolean }, cmd: Command) => {
      if (raw.port !== undefined && !/^\d{1,5}$/.test(raw.port))
        throw new UsageError('--port must be a port number.');
      const { dataDir } = cmd.optsWithGlobals<{ dataDir?: string }>();
      const extractHeapMb = extractHeap(io.env);
      let host;
      try {
        host = createNodeHost(resolveDataFolder(dataDir), { extractHeapMb });
      } catch (e) {
        throw asCliError(e);
      }
      for (const w of host.store().warnings) io.err(`returndesk: warning: ${w}\n`);
      const operations = createOperations(host);
      const stopPolling = startVerificationPolling(operations);
      const server = await startWebServer({
        operations,
        staticDir: RENDERER_DIR,
        port: raw.port ? Number(raw.port) : 0,
        subscribe: host.subscribe,
      });
      const printAddress = (): void =>
        io.out(`${JSON.stringify({ url: server.address(server.newCode(printAddress)) })}\n`);
      printAddress();
      if (raw.open) openInBrowser(server.address(server.newCode()));
      await new Promise<void>((done) => {
        const stop = () =>
          void server.close().then(() => {
            stopPolling();
            host.close();
            done();
          });
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
