// Bad input to the history commands: one clear line, exit 1 (refused) or 2 (wrong input), no
// stack trace, and nothing half-written.
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../electron/store';
import { useHistories } from './support/folders';
import { PLAN_ROWS, UPIN, YEAR, seedApprovedPlan } from './support/history';
import { buildArgs, expectOneLineRefusal, returndesk } from './support/cli';

const histories = useHistories('returndesk-badcli-');

/** Everything a refused command could have touched. */
function state(store: Store) {
  return {
    providers: store.providers.list(),
    plans: store.plans.list(),
    files: store.files.list(),
    batches: store.batches.list(),
    audit: store.verifyAudit(),
  };
}

/** A history with an approved plan (id 1: CHANGE, DELETE, ADD rows) and a draft plan (id 2). */
function history() {
  const data = histories.folder();
  const approved = seedApprovedPlan(data);
  const store = histories.open(data);
  const draft = store.plans.create({ upin: UPIN, year: YEAR, title: 'Not yet sent' });
  store.plans.addRow(draft.id, PLAN_ROWS[0]!);
  return { data, store, approved, draft: draft.id, before: state(store) };
}

describe('the history commands refuse bad input with one line', () => {
  it.each([
    [
      'plan show of an unknown plan',
      ['plan', 'show', '--plan', '99'],
      /There is no action plan 99/,
    ],
    [
      'provider add with a 100,000-character name',
      ['provider', 'add', '--upin', '999999', '--name', 'x'.repeat(100_000)],
      /^returndesk: --name: The provider name is 100,000 characters; the most ReturnDesk accepts is 200\.$/m,
    ],
    [
      'plan submit of an unknown plan',
      ['plan', 'submit', '--plan', '99'],
      /There is no action plan 99/,
    ],
    [
      'batch create with an unknown plan',
      ['batch', 'create', '--provider', UPIN, '--year', YEAR, '--plan', '99'],
      /no action plan 99/,
    ],
    ['batch show of an unknown batch', ['batch', 'show', '--batch', '7'], /There is no batch 7/],
    [
      'files show of an unknown file',
      ['files', 'show', 'chg105432A42.amd'],
      /no amendment file named chg105432A42\.amd/,
    ],
    ['build against an unknown plan', buildArgs('99:1'), /There is no action plan 99/],
    ['build against an unknown row', buildArgs('1:9'), /Plan 1 has no row with reference number 9/],
    [
      'plan create for an unknown provider',
      ['plan', 'create', '--provider', '999999', '--year', YEAR, '--title', 'T'],
      /no provider with UPIN 999999\. Add it with 'returndesk provider add --upin 999999 --name NAME'\./,
    ],
    [
      'provider update of an unknown provider',
      ['provider', 'update', '--upin', '999999', '--ukprn', '10007928'],
      /no provider with UPIN 999999\. Add it with 'returndesk provider add --upin 999999/,
    ],
    [
      'batch create for an unknown provider',
      ['batch', 'create', '--provider', '999999', '--year', YEAR, '--plan', '1'],
      /no provider with UPIN 999999/,
    ],
  ])('%s exits 2 with one line and changes nothing', async (_what, args, says) => {
    const h = history();
    expectOneLineRefusal(await returndesk(h.data, args), 2, says);
    expect(state(h.store)).toEqual(h.before);
  });

  it('refuses to build against a plan that is not approved, exit 1, nothing stored or written', async () => {
    const h = history();
    const out = histories.folder();
    const r = await returndesk(h.data, buildArgs(`${h.draft}:1`, ['--out', out]));
    expectOneLineRefusal(r, 1, new RegExp(`Plan ${h.draft} is draft, not approved`));
    expect(readdirSync(out)).toEqual([]);
    expect(state(h.store)).toEqual(h.before);
  });

  it('refuses a batch linked to a plan that is not approved, exit 1', async () => {
    const h = history();
    const r = await returndesk(h.data, [
      'batch',
      'create',
      '--provider',
      UPIN,
      '--year',
      YEAR,
      '--plan',
      String(h.draft),
    ]);
    expectOneLineRefusal(r, 1, /a batch must be linked to an approved action plan/);
    expect(state(h.store)).toEqual(h.before);
  });

  it('refuses a file of another kind than its plan row, exit 2', async () => {
    const h = history();
    const args = buildArgs(`${h.approved}:1`).map((a) => (a === 'change' ? 'delete' : a));
    const r = await returndesk(
      h.data,
      args.filter((a, i) => a !== '--changed' && args[i - 1] !== '--changed'),
    );
    expectOneLineRefusal(
      r,
      2,
      /Row 1 of plan 1 is a CHANGE area of difference; this is a DELETE file/,
    );
    expect(state(h.store)).toEqual(h.before);
  });

  it.each([
    [
      'provider add with a five-digit UPIN',
      ['provider', 'add', '--upin', '12345', '--name', 'Five Digits'],
      /--upin: The UPIN must be six digits/,
    ],
    [
      'plan create with a five-digit UPIN',
      ['plan', 'create', '--provider', '12345', '--year', YEAR, '--title', 'T'],
      /--provider: The UPIN must be six digits/,
    ],
    [
      'provider add with a seven-digit UKPRN',
      ['provider', 'add', '--upin', '012345', '--name', 'X', '--ukprn', '1234567'],
      /--ukprn: The UKPRN must be eight digits/,
    ],
    [
      'provider update with a seven-digit UKPRN',
      ['provider', 'update', '--upin', UPIN, '--ukprn', '1234567'],
      /--ukprn: The UKPRN must be eight digits/,
    ],
    [
      'provider update with nothing to change',
      ['provider', 'update', '--upin', UPIN],
      /Give --ukprn or --name \(or both\) to change/,
    ],
    [
      'audit list with a limit that is not a number',
      ['audit', 'list', '--limit', 'x'],
      /--limit must be a whole number/,
    ],
  ])('%s exits 2 with one line and changes nothing', async (_what, args, says) => {
    const h = history();
    expectOneLineRefusal(await returndesk(h.data, args), 2, says);
    expect(state(h.store)).toEqual(h.before);
  });

  it('refuses a backup into a folder that does not exist, exit 2, writing nothing', async () => {
    const h = history();
    const parent = histories.folder();
    const to = join(parent, 'no-such-folder', 'copy.db');
    expectOneLineRefusal(
      await returndesk(h.data, ['backup', '--to', to]),
      2,
      /The backup cannot be written to .*copy\.db: the folder .*no-such-folder does not exist/,
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it.each([['2011-02-29'], ['2011-04-31'], ['2011-13-01']])(
    'refuses the due date %s, which does not exist, exit 2',
    async (due) => {
      const h = history();
      const r = await returndesk(h.data, [
        'plan',
        'add-row',
        '--plan',
        String(h.draft),
        '--kind',
        'DELETE',
        '--description',
        'Duplicates',
        '--records',
        '2',
        '--due',
        due,
      ]);
      expectOneLineRefusal(r, 2, /--due: Give a date that exists, written YYYY-MM-DD/);
      expect(state(h.store)).toEqual(h.before);
    },
  );

  it('refuses a data folder that cannot be written, creating nothing', async () => {
    const parent = histories.folder();
    const root = process.getuid?.() === 0;
    // Root ignores chmod (as in CI): there, a path under a regular file stands in for a read-only
    // folder, since no one can create it.
    const dataDir = root ? join(parent, 'not-a-folder', 'history') : join(parent, 'history');
    if (root) writeFileSync(join(parent, 'not-a-folder'), 'x');
    else mkdirSync(dataDir, { mode: 0o555 });
    let r;
    try {
      r = await returndesk(dataDir, ['provider', 'add', '--upin', UPIN, '--name', 'X']);
    } finally {
      if (!root) chmodSync(dataDir, 0o755);
    }
    expectOneLineRefusal(r, 2, /cannot be (created|opened)/);
    expect(readdirSync(parent)).toEqual([root ? 'not-a-folder' : 'history']);
    if (!root) expect(readdirSync(dataDir)).toEqual([]);
  });

  it(
    'refuses to write while another process holds the database locked, exit 1, nothing half-written',
    { timeout: 60_000 },
    async () => {
      const h = history();
      const out = histories.folder();
      const holder = new Database(join(h.data, 'returndesk.db'));
      holder.exec('BEGIN EXCLUSIVE');
      let results;
      try {
        results = await Promise.all([
          returndesk(h.data, buildArgs(`${h.approved}:1`, ['--out', out])),
          returndesk(h.data, ['provider', 'add', '--upin', '012345', '--name', 'Waiting College']),
        ]);
      } finally {
        holder.exec('ROLLBACK');
        holder.close();
      }
      for (const r of results)
        expectOneLineRefusal(r, 1, /is busy: another ReturnDesk window or command/);
      expect(readdirSync(out)).toEqual([]);
      expect(state(h.store)).toEqual(h.before);
    },
  );
});
