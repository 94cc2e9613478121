// The audit key where there is no credential vault: derived from an audit passphrase given to the
// command line (standard input or RETURNDESK_AUDIT_PASSPHRASE), in processes of their own with no
// session bus, so the Secret Service is out of reach. The passphrase seals the entries; an entry
// edited and re-hashed without it is caught; a wrong one is refused with nothing written; and the
// passphrase and key are nowhere in the history.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../electron/store/audit';
import { createOperations, dispatch } from '../../../electron/operations';
import { createNodeHost } from '../../../electron/web/node-host';
import { VaultUnavailableError } from '../../../shared/ports';
import type { CredentialVault } from '../../../shared/ports';
import { returndesk, spawnReturndesk } from '../../support/cli';
import { expectOneLineRefusal } from './support/cli';
import { useHistories } from './support/folders';
import { UPIN } from './support/history';
import { editAndRehash } from './support/audit-attacks';

const histories = useHistories('returndesk-audit-passphrase-');
const PASSPHRASE = 'heron lantern quarry 1968';
/** A session bus address where nothing listens: no credential vault. */
const NO_BUS = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };

function noVault(
  folder: string,
  args: readonly string[],
  o: { stdin?: string; env?: object } = {},
) {
  return spawnReturndesk(['--data-dir', folder, ...args], {
    stdin: o.stdin,
    env: { ...NO_BUS, ...o.env },
  }).result;
}
const addProvider = ['provider', 'add', '--upin', UPIN, '--name', 'Riverside'];
const withPhrase = { env: { RETURNDESK_AUDIT_PASSPHRASE: PASSPHRASE } };

function trail(folder: string): AuditEntry[] {
  const store = histories.open(folder);
  try {
    return store.audit.list();
  } finally {
    store.close();
  }
}

describe('the audit passphrase, where there is no credential vault', () => {
  it('seals entries with the key it derives, and catches an entry edited and re-hashed without it', async () => {
    const folder = histories.folder();
    const add = await noVault(folder, ['--audit-passphrase-stdin', ...addProvider], {
      stdin: `${PASSPHRASE}\n`,
    });
    expect(add).toMatchObject({ code: 0, stderr: '' });
    const [entry] = trail(folder);
    expect(entry).toMatchObject({
      key_id: expect.stringMatching(/^passphrase:/),
      mac: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    for (const f of readdirSync(folder).filter((n) => n.startsWith('returndesk.db')))
      expect(readFileSync(join(folder, f)).includes(PASSPHRASE)).toBe(false);

    const verify = await noVault(folder, ['audit', 'verify'], withPhrase);
    expect(verify).toMatchObject({
      code: 0,
      stdout: "The audit trail is intact: 1 entry, each sealed with this history's audit key.\n",
    });
    expect(verify.stdout + verify.stderr + add.stdout).not.toContain(PASSPHRASE);

    editAndRehash(folder, 1);
    const after = await noVault(folder, ['audit', 'verify'], withPhrase);
    expect(after.code).toBe(1);
    expect(after.stdout).toBe(
      'The audit trail has been tampered with: entry 1 was changed after it was written (its keyed seal does not match). The first bad entry is 1.\n',
    );
  });

  it('refuses a wrong passphrase in one line, writing nothing', async () => {
    const folder = histories.folder();
    expect((await noVault(folder, addProvider, withPhrase)).code).toBe(0);

    const wrong = { env: { RETURNDESK_AUDIT_PASSPHRASE: 'not the one' } };
    const write = await noVault(
      folder,
      ['provider', 'add', '--upin', '105433', '--name', 'Hill'],
      wrong,
    );
    expectOneLineRefusal(
      write,
      2,
      /audit passphrase given is not this history's.*nothing was written/,
    );
    expect(trail(folder)).toHaveLength(1);
    const check = await noVault(folder, ['audit', 'verify'], wrong);
    expectOneLineRefusal(check, 2, /audit passphrase given is not this history's/);
  });

  it('refuses to read the audit passphrase and a password both from standard input', async () => {
    const folder = histories.folder();
    const r = await returndesk(
      [
        '--data-dir',
        folder,
        '--audit-passphrase-stdin',
        'destination',
        'update',
        'hefce',
        '--password-stdin',
      ],
      { stdin: 'secret\n' },
    );
    expectOneLineRefusal(
      r,
      2,
      /--audit-passphrase-stdin and --password-stdin both read standard input/,
    );
  });

  it('without the passphrase, writes entries marked as made without the key, and says what it cannot prove', async () => {
    const folder = histories.folder();
    expect((await noVault(folder, addProvider, withPhrase)).code).toBe(0);
    const later = await noVault(folder, ['provider', 'add', '--upin', '105433', '--name', 'Hill']);
    expect(later.code).toBe(0);
    expect(trail(folder).map((e) => e.key_id)).toEqual([
      'none:key-not-at-hand',
      expect.stringMatching(/^passphrase:/),
    ]);
    const verify = await noVault(folder, ['audit', 'verify', '--json']);
    expect(JSON.parse(verify.stdout)).toEqual({
      ok: true,
      entries: 2,
      keyed: 0,
      unkeyed: [{ from: 2, to: 2 }],
      keyNotAtHand: [{ from: 1, to: 1 }],
    });
  });
});

describe("the app's question for the audit passphrase, where there is no credential vault", () => {
  const unavailable = () => Promise.reject(new VaultUnavailableError('no Secret Service'));
  const vault: CredentialVault = {
    get: unavailable,
    set: unavailable,
    delete: unavailable,
    list: unavailable,
  };

  /** One session of the app on the history: its channels, and a way to end it. */
  function session(folder: string) {
    const host = createNodeHost(folder, { vault });
    const ops = createOperations(host);
    return {
      call: (channel: string, input?: unknown) => dispatch(ops, channel, input),
      close: () => host.close(),
    };
  }

  it('asks once; a wrong passphrase is refused before any change; skipped, entries are marked as written without the key', async () => {
    const folder = histories.folder();
    const first = session(folder);
    try {
      expect(await first.call('audit.keyState')).toEqual({
        ok: true,
        value: { ask: true, sealing: false, passphrase: 'none', passphraseChosen: false },
      });
      const given = await first.call('audit.setPassphrase', { passphrase: PASSPHRASE });
      expect(given).toMatchObject({
        ok: true,
        value: { ask: false, sealing: true, passphrase: 'given', passphraseChosen: true },
      });
      expect(JSON.stringify(given)).toMatch(/not remembered after ReturnDesk closes/);
      expect((await first.call('providers.add', { upin: UPIN, name: 'Riverside' })).ok).toBe(true);
    } finally {
      first.close();
    }

    const second = session(folder);
    try {
      const wrong = await second.call('audit.setPassphrase', { passphrase: 'not the one' });
      expect(wrong).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: expect.stringMatching(/^The audit passphrase given is not this history's/),
        },
      });
      expect(await second.call('audit.keyState')).toMatchObject({
        ok: true,
        value: { ask: true, passphraseChosen: true },
      });
      expect(await second.call('audit.setPassphrase', { skip: true })).toMatchObject({
        ok: true,
        value: { ask: false, sealing: false, passphrase: 'skipped' },
      });
      expect((await second.call('providers.add', { upin: '105433', name: 'Hill' })).ok).toBe(true);
    } finally {
      second.close();
    }
    expect(trail(folder).map((e) => e.key_id)).toEqual([
      'none:key-not-at-hand',
      expect.stringMatching(/^passphrase:/),
    ]);
  });
});
