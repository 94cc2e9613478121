// Everything that must stop an upload with one clear line and exit 1, storing nothing: a wrong
// password, a bad group key, a certificate nobody trusts, a server that is gone, plain http.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UploadError } from '../../../electron/upload/extranet-client';
import { REPO_ROOT } from '../cli';
import { addDestination, cliFor, expectOneLineRefusal } from './support/cli';
import {
  DEMO,
  GUA,
  destinationAccounts,
  filesContaining,
  pollUntil,
  useUploadEnv,
} from './support/env';
import { onDisk, serviceFor } from './support/service';

const env = useUploadEnv();
const cli = cliFor(env.service);
const VALID = join(REPO_ROOT, 'examples', 'chg105432A01.amd');

describe('refusals', () => {
  it('refuses a wrong password in one line, exit 1, and stores it nowhere', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server, { login: false });
    const wrong = 'not-the-demo-password';
    const r = await cli.run(data, ['login', '--destination', dest, '--password-stdin'], {
      stdin: `${wrong}\n`,
    });
    expectOneLineRefusal(r, 1, /The user name or password for demo was not accepted\./);
    expect(await destinationAccounts(env.vault)).toEqual(['1#group-key']);
    expect(await filesContaining(data, wrong)).toEqual([]);
  });

  it('refuses a group key the server does not know (BAD_GROUP_KEY) before any upload starts', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server, { groupKey: 'AAAA BBBB CCCC' });
    const r = await cli.run(data, ['upload', '--destination', dest, VALID]);
    expectOneLineRefusal(r, 1, /The group key was not accepted: check it against/);
    expect(await cli.json(data, ['status'])).toEqual([]);
    // The server writes its log line after answering: wait for it, never for a guessed time.
    await pollUntil(
      'the refused join in the server log',
      () => server.logs(),
      (logs) => /POST \/api\/v1\/areas\/join 403/.test(logs),
    );
  });

  it('refuses a server whose certificate is not trusted when the destination has no CA file', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server, { trustCa: false, login: false });
    const r = await cli.run(data, ['login', '--destination', dest, '--password-stdin'], {
      stdin: `${DEMO.password}\n`,
    });
    const host = new URL(server.url).host.replace(/\./g, '\\.');
    expectOneLineRefusal(
      r,
      1,
      new RegExp(
        `The certificate of ${host} is not trusted \\([A-Z_]+\\)\\. .* with --ca\\.$`,
        'm',
      ),
    );
    expect(await destinationAccounts(env.vault)).toEqual(['1#group-key']);
    // Nothing was sent: the TLS handshake failed before the password could leave.
    expect(server.logs()).not.toMatch(/POST \/api\/v1\/session/);
  });

  it('says a stopped server cannot be reached, in one line, exit 1', async () => {
    const server = await env.startServer();
    const data = await env.tempDir();
    const dest = await addDestination(cli, data, server);
    await server.stop();
    const r = await cli.run(data, ['login', '--destination', dest, '--password-stdin'], {
      stdin: `${DEMO.password}\n`,
    });
    const host = new URL(server.url).host.replace(/\./g, '\\.');
    expectOneLineRefusal(r, 1, new RegExp(`${host} cannot be reached \\(ECONNREFUSED\\)`));
  });

  it('gives up on a stopped server after the retry policy, leaving no upload behind', async () => {
    const server = await env.startServer();
    const { store, service, transport } = await serviceFor(env, await env.tempDir(), server, {
      retry: { attempts: 3, firstDelayMs: 10, maxDelayMs: 20 },
    });
    try {
      await server.stop();
      const error = await service
        .uploadFiles('hefce', await onDisk([VALID]))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UploadError);
      expect(error).toMatchObject({ code: 'GAVE_UP' });
      expect((error as Error).message).toMatch(
        /^Gave up after 3 attempts: 127\.0\.0\.1:\d+ cannot be reached \(ECONNREFUSED\)\..* Try again to resume/,
      );
      expect(transport.sent.map((s) => s.outcome)).toEqual([
        'UNREACHABLE',
        'UNREACHABLE',
        'UNREACHABLE',
      ]);
      expect(store.uploads.list()).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('refuses a plain http address unless it is this machine', async () => {
    const data = await env.tempDir();
    const add = (name: string, url: string) =>
      cli.run(
        data,
        ['destination', 'add', '--name', name, '--url', url, '--area', GUA].concat([
          '--username',
          'demo',
        ]),
      );
    expectOneLineRefusal(
      await add('remote', 'http://extranet.example.ac.uk/'),
      2,
      /--url: The address must start with https:\/\/ \(ReturnDesk sends files only over an encrypted connection\)\./,
    );
    expect((await add('local', 'http://127.0.0.1:8080')).code).toBe(0);
    const list = await cli.json<{ name: string }[]>(data, ['destination', 'list']);
    expect(list.map((d) => d.name)).toEqual(['local']);
  });
});
