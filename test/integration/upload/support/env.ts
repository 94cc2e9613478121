// What every upload test needs: its own temporary folders and reference servers (stopped and removed
// after each test), its own service name in the real Secret Service (emptied after each test), and
// bounded polling for a state instead of sleeps.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { KeyringVault } from '../../../../electron/vault/keyring-vault';
import { startExtranet, type ExtranetOptions, type RunningExtranet } from '../../../extranet/spawn';

export const GUA = 'FAMD General upload area (GUA)';
export const GUA_KEY = 'P699 8C22EF79';
export const DEMO = { username: 'demo', password: 'demo-password' };

export interface UploadTestEnv {
  /** The Secret Service collection's service name for this file: RETURNDESK_VAULT_SERVICE. */
  service: string;
  vault: KeyringVault;
  tempDir(): Promise<string>;
  /** A reference extranet on its own data folder (or `dataDir`), stopped after the test. */
  startServer(options?: Partial<ExtranetOptions>): Promise<RunningExtranet>;
}

/**
 * The vault's accounts for destinations (passwords, group keys): the audit trail's own key, which
 * every history that records a change puts there too, left out.
 */
export async function destinationAccounts(vault: KeyringVault): Promise<string[]> {
  return (await vault.list()).filter((a) => !a.startsWith('audit-key#'));
}

/** Call once per test file. */
export function useUploadEnv(): UploadTestEnv {
  const service = `ReturnDesk-test-${randomUUID()}`;
  const vault = new KeyringVault(service);
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(() => {
    // Without the private Secret Service these tests would write to the developer's own keyring.
    if (process.env.RETURNDESK_SECRET_SERVICE !== '1')
      throw new Error(
        'Run the upload tests inside test/support/with-secret-service.sh (npm test does).',
      );
  });
  const clearVault = async () => {
    for (const account of await vault.list()) await vault.delete(account);
  };
  afterEach(async () => {
    // Servers first (newest first), then their folders.
    for (const c of cleanups.splice(0).reverse()) await c();
    await clearVault();
  });
  afterAll(clearVault);

  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'returndesk-upload-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  };
  return {
    service,
    vault,
    tempDir,
    startServer: async (options = {}) => {
      const server = await startExtranet({
        verifyDelayMs: 100,
        ...options,
        dataDir: options.dataDir ?? (await tempDir()),
      });
      cleanups.push(() => server.stop());
      return server;
    },
  };
}

/** A port that was free a moment ago, so a restarted server can come back on the same one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Asks `probe` every `intervalMs` until `done` holds for its answer; fails after `timeoutMs` with
 * the last answer, so a test never waits forever and never sleeps for a guessed time.
 */
export async function pollUntil<T>(
  what: string,
  probe: () => Promise<T> | T,
  done: (value: T) => boolean,
  { timeoutMs = 15_000, intervalMs = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`gave up waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Every file under `dir`, recursively (hidden ones, WAL, backups and content included). */
export async function walkFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walkFiles(path)));
    else out.push(path);
  }
  return out.sort();
}

/** The files under `dir` whose bytes contain `secret` as UTF-8 or UTF-16LE. */
export async function filesContaining(dir: string, secret: string): Promise<string[]> {
  const needles = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  const hits: string[] = [];
  for (const path of await walkFiles(dir)) {
    const bytes = await readFile(path);
    if (needles.some((n) => bytes.includes(n))) hits.push(path);
  }
  return hits;
}
