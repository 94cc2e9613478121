// The credential vault over the real Secret Service (gnome-keyring in a private D-Bus session), and
// what happens when it cannot be reached: one clear line, and the secret stored nowhere else.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SECRET_CHARS, SecretTooLongError } from '../../../electron/vault/keyring-vault';
import { REPO_ROOT } from '../cli';
import { addDestination, cliFor, expectOneLineRefusal } from './support/cli';
import { DEMO, destinationAccounts, filesContaining, useUploadEnv } from './support/env';

const env = useUploadEnv();
const cli = cliFor(env.service);
const { vault } = env;
const VALID = join(REPO_ROOT, 'examples', 'chg105432A01.amd');
/** A session bus address where nothing listens: the Secret Service is out of reach. */
const NO_BUS = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
/**
 * `returndesk` in a process of its own without the bus: the vault library reads the bus address
 * from the process's environment, which a command run in this process cannot change.
 */
const withoutBus = (data: string, args: readonly string[], stdin?: string) =>
  cli.start(data, args, { stdin, env: NO_BUS }).result;

interface ProbeLine {
  op: string;
  ok: boolean;
  value?: unknown;
  name?: string;
  message?: string;
}

function probeWithoutBus(service: string): Promise<{ lines: ProbeLine[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/run-ts.mjs', 'test/integration/upload/children/vault-probe.ts', service],
      { cwd: REPO_ROOT, env: { ...process.env, ...NO_BUS }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', () =>
      resolve({
        lines: stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as ProbeLine),
        stderr,
      }),
    );
  });
}

describe('KeyringVault on the real Secret Service', () => {
  it('sets, gets, overwrites, lists and deletes secrets', async () => {
    await vault.set('1:demo', 'first');
    await vault.set('1:demo', 'pässwörd £ with spaces');
    await vault.set('1#group-key', 'P699 8C22EF79');
    expect(await vault.get('1:demo')).toBe('pässwörd £ with spaces');
    expect(await vault.get('1#group-key')).toBe('P699 8C22EF79');

    expect(await vault.delete('1:demo')).toBe(true);
    expect(await vault.get('1:demo')).toBeUndefined();
    expect(await vault.delete('1:demo')).toBe(false);
    expect(await vault.list()).toEqual(['1#group-key']);
  });

  it('lists account names only, never the secrets', async () => {
    await vault.set('2:jo.bloggs', 'secret-for-jo');
    await vault.set('1:demo', 'secret-for-demo');
    const listed = await vault.list();
    expect(listed).toEqual(['1:demo', '2:jo.bloggs']);
    expect(JSON.stringify(listed)).not.toMatch(/secret-for/);
  });

  it('answers undefined for an account it does not hold', async () => {
    expect(await vault.get('99:nobody')).toBeUndefined();
  });

  it(`refuses a secret over ${MAX_SECRET_CHARS} characters and stores nothing`, async () => {
    await expect(vault.set('1:demo', 'x'.repeat(MAX_SECRET_CHARS + 1))).rejects.toBeInstanceOf(
      SecretTooLongError,
    );
    expect(await vault.list()).toEqual([]);
    await vault.set('1:demo', 'y'.repeat(MAX_SECRET_CHARS));
    expect(await vault.get('1:demo')).toHaveLength(MAX_SECRET_CHARS);
  });

  it('throws VaultUnavailableError, in one line without a backtrace, for every operation when the Secret Service is unreachable', async () => {
    const { lines, stderr } = await probeWithoutBus(env.service);
    expect(lines.map((l) => [l.op, l.ok, l.name])).toEqual(
      ['set', 'get', 'list', 'delete'].map((op) => [op, false, 'VaultUnavailableError']),
    );
    for (const l of lines) {
      expect(l.message).toMatch(
        /^The system credential vault is not available \(.+\), so ReturnDesk will ask for the password each time; it never stores it anywhere else\.$/,
      );
      expect(l.message).not.toMatch(/\n|backtrace|\bat \S+:\d+|\.(c|rs):\d+/i);
      expect(l.message).not.toMatch(/probe-secret/);
    }
    expect(stderr).toBe('');
    expect(await vault.list()).toEqual([]);
  });
});

describe('the command line without a vault', () => {
  it('login says the vault is unavailable in one line, exit 1, and stores the password nowhere', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server, { login: false });
    const r = await withoutBus(
      data,
      ['login', '--destination', dest, '--password-stdin'],
      `${DEMO.password}\n`,
    );
    expectOneLineRefusal(
      r,
      1,
      /the system credential vault is not available \(.+\), so ReturnDesk will ask for it each time\. Give it with --password-stdin when you upload\./,
    );
    expect(await destinationAccounts(vault)).toEqual(['1#group-key']);
    expect(await filesContaining(data, DEMO.password)).toEqual([]);
  });

  it('uploads with a password given for the run when the vault is unreachable', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    // Joined the area earlier, while the vault worked; then the vault goes away.
    const dest = await addDestination(cli, data, server);
    expect((await cli.run(data, ['destination', 'test', '--name', dest])).code).toBe(0);
    await vault.delete('1:demo');

    const without = await withoutBus(data, ['upload', '--destination', dest, VALID]);
    expectOneLineRefusal(
      without,
      1,
      /credential vault is not available .* Give the password with --password-stdin\./,
    );
    const r = await withoutBus(
      data,
      ['upload', '--destination', dest, VALID, '--password-stdin'],
      `${DEMO.password}\n`,
    );
    expect(r.stderr).not.toMatch(/returndesk:/);
    expect(r.code).toBe(0);
    expect(await filesContaining(data, DEMO.password)).toEqual([]);
  });
});
