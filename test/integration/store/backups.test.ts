// Backups made at once never collide, and restore replaces the history only with a whole
// ReturnDesk history, after showing what it holds.
import { readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useHistories } from './support/folders';
import { useApp } from './support/app';
import { expectOneLineRefusal, json, returndesk, returndeskProcess } from './support/cli';
import type { BackupContentsView, BackupView } from '../../../shared/ipc/views';
import { inspectBackup } from '../../../electron/store/backup-check';
import { LATEST_VERSION } from '../../../electron/store/migrations';

const histories = useHistories('returndesk-backups-');
const app = useApp(() => histories.folder());

/**
 * Every backup in the folder is whole and restorable (those made after the provider was added
 * hold it), and nothing half-written is left.
 */
function expectOnlyWholeBackups(data: string, made: string[]): string[] {
  const names = readdirSync(join(data, 'backups'));
  expect(names.filter((n) => !n.endsWith('.db'))).toEqual([]);
  for (const n of names) {
    const holds = inspectBackup(join(data, 'backups', n), n);
    if (made.includes(n)) expect(holds.providers).toBe(1);
  }
  expect(names).toEqual(expect.arrayContaining(made));
  return names;
}

async function historyWithProvider(): Promise<string> {
  const data = histories.folder();
  await json(data, ['provider', 'add', '--upin', '105432', '--name', 'Riverside College']);
  return data;
}

describe('backups made at once', () => {
  it('twelve requested together through the operation are twelve whole backups', async () => {
    const { ok, host } = app();
    await ok('providers.add', { upin: '105432', name: 'Riverside College' });
    const made = await Promise.all(
      Array.from({ length: 12 }, () => ok('backups.create') as Promise<BackupView>),
    );
    expect(new Set(made.map((b) => b.name)).size).toBe(12);
    expect(made.every((b) => b.bytes > 0)).toBe(true);
    const names = made.map((b) => b.name);
    expect(expectOnlyWholeBackups(host.store().folder, names).sort()).toEqual(names.sort());
  });

  it('several processes backing up one history leave whole backups, one daily, no partial file', async () => {
    const data = await historyWithProvider();
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => returndeskProcess(data, ['backup', '--json'])),
    );
    for (const r of runs) expect(r).toMatchObject({ code: 0, stderr: '' });
    const made = runs.map((r) => (JSON.parse(r.stdout) as BackupView).name);
    expect(new Set(made).size).toBe(4);
    const names = expectOnlyWholeBackups(data, made);
    expect(names.filter((n) => /^returndesk-\d{4}-\d{2}-\d{2}\.db$/.test(n))).toHaveLength(1);
  });
});

describe('restore', () => {
  it('shows what the backup holds, restores only with --yes, and keeps the history it replaced', async () => {
    const data = await historyWithProvider();
    const { name } = await json<BackupView>(data, ['backup']);
    await json(data, ['provider', 'add', '--upin', '777777', '--name', 'Added after the backup']);

    const asked = await returndesk(data, ['restore', name]);
    expect(asked.code).toBe(1);
    expect(asked.stdout).toMatch(
      new RegExp(
        `^The backup ${name} \\(made .*\\) holds 1 provider, 0 action plans, 0 files, 0 uploads; newest audit entry \\d{4}-`,
      ),
    );
    expect(asked.stderr).toMatch(
      /^returndesk: Nothing was restored: .*Add --yes to restore it\.\n$/,
    );
    expect(await json<unknown[]>(data, ['provider', 'list'])).toHaveLength(2);

    const done = await json<{
      contents: BackupContentsView;
      restored: string;
      safetyBackup: string;
    }>(data, ['restore', name, '--yes']);
    expect(done).toMatchObject({ restored: name, contents: { providers: 1, empty: false } });
    expect(await json<unknown[]>(data, ['provider', 'list'])).toHaveLength(1);
    expect(done.safetyBackup).toMatch(/^returndesk-before-restore-.*\.db$/);
    expect(
      inspectBackup(join(data, 'backups', done.safetyBackup), done.safetyBackup),
    ).toMatchObject({ providers: 2 });
  });

  it('says when a backup holds no data at all', async () => {
    const data = histories.folder();
    const { name } = await json<BackupView>(data, ['backup']);
    const r = await returndesk(data, ['restore', name]);
    expect(r.stdout).toMatch(
      /holds no data at all: no provider, plan, file, upload or audit entry/,
    );
  });

  it('never restores an empty, foreign, damaged or differently-made file placed among the backups', async () => {
    const data = await historyWithProvider();
    const { name } = await json<BackupView>(data, ['backup']);
    const dir = join(data, 'backups');
    const whole = readFileSync(join(dir, name));
    writeFileSync(join(dir, 'zero.db'), '');
    writeFileSync(join(dir, 'text.db'), 'not a database\n');
    const noTables = new Database(join(dir, 'no-tables.db'));
    noTables.pragma('user_version = 1');
    noTables.close();
    const foreign = new Database(join(dir, 'foreign.db'));
    foreign.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    foreign.close();
    writeFileSync(join(dir, 'truncated.db'), whole.subarray(0, Math.floor(whole.length / 2)));
    copyFileSync(join(dir, name), join(dir, 'edited.db'));
    const edited = new Database(join(dir, 'edited.db'));
    edited.prepare("UPDATE schema_migrations SET sha256 = 'x' WHERE version = 1").run();
    edited.close();
    copyFileSync(join(dir, name), join(dir, 'newer.db'));
    const newer = new Database(join(dir, 'newer.db'));
    newer.pragma(`user_version = ${LATEST_VERSION + 1}`);
    newer.close();

    const cases: [string, RegExp][] = [
      ['zero.db', /is empty \(0 bytes\): it holds no history at all/],
      ['text.db', /is not a ReturnDesk backup \(not an SQLite database\)/],
      ['no-tables.db', /is an empty database: it holds no history, not even its tables/],
      ['foreign.db', /is not a ReturnDesk backup \(an SQLite database without its tables\)/],
      ['truncated.db', /is (cut short|damaged)/],
      ['edited.db', /was not made by this ReturnDesk's migrations \(migration 1 differs/],
      ['newer.db', /was made by a newer ReturnDesk/],
    ];
    for (const [file, says] of cases) {
      const r = await returndesk(data, ['restore', file, '--yes']);
      expectOneLineRefusal(r, 2, says);
      expect(r.stderr).toMatch(/cannot be restored( here)?\.( Choose another\.)?$/m);
    }
    expectOneLineRefusal(
      await returndesk(data, ['restore', 'nope.db']),
      2,
      /There is no backup named nope\.db in the backups folder\. 'returndesk backups' lists them\.\n$/,
    );
    const providers = await json<{ upin: string }[]>(data, ['provider', 'list']);
    expect(providers.map((p) => p.upin)).toEqual(['105432']);
    expect(readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
    expect(await json(data, ['audit', 'verify'])).toMatchObject({ ok: true });
  });

  it('reads and restores a backup an earlier version left in WAL mode, leaving no -wal or -shm beside it', async () => {
    const data = await historyWithProvider();
    const { name } = await json<BackupView>(data, ['backup']);
    const dir = join(data, 'backups');
    copyFileSync(join(dir, name), join(dir, 'wal.db'));
    const wal = new Database(join(dir, 'wal.db'));
    wal.pragma('journal_mode = WAL');
    wal.close();
    expect(readdirSync(dir).filter((n) => n.startsWith('wal.db'))).toEqual(['wal.db']);

    expect(await json(data, ['backups'])).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'wal.db' })]),
    );
    const shown = await returndesk(data, ['restore', 'wal.db']);
    expect(shown.stdout).toMatch(/^The backup wal\.db \(made .*\) holds 1 provider/);
    expect(readdirSync(dir).filter((n) => n.startsWith('wal.db'))).toEqual(['wal.db']);
    await json(data, ['restore', 'wal.db', '--yes']);
    expect(readdirSync(dir).filter((n) => n.startsWith('wal.db'))).toEqual(['wal.db']);
    expect(await json<unknown[]>(data, ['provider', 'list'])).toHaveLength(1);
  });
});
