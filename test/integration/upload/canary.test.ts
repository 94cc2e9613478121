// A canary password and group key, used through a whole session at the command line, must end up in
// the credential vault and nowhere else: not in any file of the data folder (database, WAL,
// backups, stored content), and not in anything the commands printed.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Store } from '../../../electron/store';
import { vaultAccount } from '../../../electron/vault/keyring-vault';
import { REPO_ROOT } from '../cli';
import { addDestination, cliFor, expectOneLineRefusal, waitForVerdict } from './support/cli';
import { filesContaining, useUploadEnv, walkFiles } from './support/env';

const env = useUploadEnv();
const cli = cliFor(env.service);
const VALID = join(REPO_ROOT, 'examples', 'chg105432A01.amd');

describe('canary secrets', () => {
  it('never appear in the data folder or in any output, only in the vault', async () => {
    const password = `canary-${randomUUID()}`;
    const groupKey = `canary-key-${randomUUID()}`;
    const area = 'Canary upload area';
    const server = await env.startServer({
      users: [`officer:${password}`],
      areas: [`${area}:${groupKey}`],
    });
    const data = await env.tempDir();
    // An open connection (the desktop app, say) keeps the WAL file alive between the commands, so
    // the walk sees what each command wrote through it.
    const reader = new Store(data);
    onTestFinished(() => reader.close());
    const dest = await addDestination(cli, data, server, {
      area,
      username: 'officer',
      password,
      groupKey,
      login: false,
    });

    const wrong = await cli.run(data, ['login', '--destination', dest, '--password-stdin'], {
      stdin: `${password}-wrong\n`,
    });
    expectOneLineRefusal(wrong, 1, /The user name or password for officer was not accepted\./);
    const login = await cli.run(data, ['login', '--destination', dest, '--password-stdin'], {
      stdin: `${password}\n`,
    });
    expect(login.code).toBe(0);
    expect((await cli.run(data, ['destination', 'test', '--name', dest])).code).toBe(0);
    expect((await cli.run(data, ['upload', '--destination', dest, VALID])).code).toBe(0);
    const [verdict] = await waitForVerdict(cli, data, ['chg105432A01.amd']);
    expect(verdict?.status).toBe('accepted');
    for (const args of [['status'], ['destination', 'list'], ['audit', 'list', '--json']]) {
      expect((await cli.run(data, args)).code).toBe(0);
    }
    expect((await cli.run(data, ['backup', '--to', join(data, 'by-hand.db')])).code).toBe(0);

    // The secrets are in the vault, so the walk below is looking for something that exists.
    expect(await env.vault.get(vaultAccount.password(1, 'officer'))).toBe(password);
    expect(await env.vault.get(vaultAccount.groupKey(1))).toBe(groupKey);

    const files = await walkFiles(data);
    // What the walk covers: the database with its WAL, the daily and the hand-made backup, content.
    expect(files.map((f) => f.slice(data.length + 1).replace(/\d{4}-\d{2}-\d{2}/, 'DATE'))).toEqual(
      expect.arrayContaining([
        'by-hand.db',
        'returndesk.db',
        'returndesk.db-wal',
        expect.stringMatching(/^backups\/.*DATE/),
        expect.stringMatching(/^content\/[0-9a-f]{64}$/),
      ]),
    );
    // The walk reads what was written: the destination's area is in the WAL and in the backup.
    expect(await filesContaining(data, area)).toEqual(
      expect.arrayContaining([join(data, 'returndesk.db-wal'), join(data, 'by-hand.db')]),
    );
    expect(await filesContaining(data, password)).toEqual([]);
    expect(await filesContaining(data, groupKey)).toEqual([]);
    expect(await filesContaining(data, 'canary-')).toEqual([]);
    const printed = cli.output();
    expect(printed).toMatch(/received by 'hefce'/);
    expect(printed).not.toContain('canary-');
  });
});
