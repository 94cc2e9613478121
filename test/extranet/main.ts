// `npm run extranet -- [options]`: the reference extranet server. Wiring only; see README.md for the
// protocol. Prints one JSON line {"url","ca"} on stdout when ready; everything else goes to stderr.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Api } from './api';
import { londonToday } from './calendar';
import { FaultInjector } from './faults';
import { Extranet } from './model';
import { USAGE, UsageError, parseOptions } from './options';
import { RequestFileError, readRequestFiles } from './request-file';
import { DataRequests } from './requests';
import { createExtranetServer } from './server';
import { StateFile } from './state';
import { ensureTls } from './tls';
import { TusEndpoint } from './tus';
import { Verifier } from './verify';

function readOptions(): ReturnType<typeof parseOptions> {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`extranet: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
}

/** A bad --requests file is a bad option: one line on stderr, exit code 2, nothing started. */
async function orRefuse<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof RequestFileError)) throw e;
    console.error(`extranet: ${e.message}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options === 'help') {
    console.error(USAGE);
    return;
  }
  const requestSpecs = await orRefuse(() => readRequestFiles(options.requestFiles));

  const uploadsDir = join(options.dataDir, 'uploads');
  // The folder stays readable (clients read tls/ca.pem from it); the uploads inside it do not.
  await mkdir(options.dataDir, { recursive: true });
  await mkdir(uploadsDir, { recursive: true, mode: 0o700 });
  const stateFile = await StateFile.open(options.dataDir);
  const extranet = new Extranet(stateFile, uploadsDir, options.sessionTtlSeconds * 1000);
  await extranet.seed(options.users, options.areas);
  const { today } = options;
  const requests = new DataRequests(stateFile, extranet, () => today ?? londonToday());
  await orRefuse(() => requests.load(requestSpecs));
  const tls = await ensureTls(options.dataDir);

  const faults = new FaultInjector(options.faults, options.seed);
  const verifier = new Verifier(extranet, requests, options.verifyDelayMs);
  const tus = new TusEndpoint(extranet, requests, verifier, faults.dropAfter, faults.corrupt, {
    foreignLocation: faults.foreignLocation,
  });
  await tus.finishCompleteUploads();
  verifier.resumePending();

  const server = createExtranetServer(tls, {
    api: new Api(extranet, requests),
    tus,
    faults,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: this server exists for tests and local trials, never for a network.
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  console.error(
    `[extranet] data ${options.dataDir}, session ttl ${options.sessionTtlSeconds}s, ` +
      `verify delay ${options.verifyDelayMs}ms, faults: ${faults.describe()}` +
      (today === undefined ? '' : `, today ${today}`),
  );
  process.stdout.write(`${JSON.stringify({ url: `https://127.0.0.1:${port}`, ca: tls.caPath })}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`[extranet] ${signal}: stopping`);
    server.close();
    // Open uploads are cut; what they stored stays on disk and is resumed after the next start.
    server.closeAllConnections();
    await verifier.stop();
    await extranet.save();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e: unknown) => {
  console.error('[extranet] could not start:', e);
  process.exit(1);
});
