// The keyed audit chain: entries sealed with an HMAC whose key lives in the real Secret Service,
// never in the history; an entry edited and the whole chain re-hashed, as someone holding the file
// but not the key would, is caught; histories from before keying still verify and are reported as
// hash-chained only; without a vault the entries stay hash-chained and are never called intact.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { keyCheckValue } from '../../../electron/store/audit';
import type { AuditEntry } from '../../../electron/store/audit';
import type { Store } from '../../../electron/store';
import { KeyringVault } from '../../../electron/vault/keyring-vault';
import { auditKeyAccount } from '../../../electron/operations/audit-key';
import { createOperations, dispatch } from '../../../electron/operations';
import { createNodeHost } from '../../../electron/web/node-host';
import { VaultUnavailableError } from '../../../shared/ports';
import type { CredentialVault } from '../../../shared/ports';
import { useHistories } from './support/folders';
import { CHANGE_A, UPIN, finalise, providerWithPlan } from './support/history';
import { json, returndesk } from './support/cli';
import { editAndRehash, rewriteTrail, stripSeals } from './support/audit-attacks';

const histories = useHistories('returndesk-audit-key-');
const service = `ReturnDesk-audit-key-${randomUUID()}`;
const vault = new KeyringVault(service);
const env = { RETURNDESK_VAULT_SERVICE: service };
const clearVault = async () => {
  for (const account of await vault.list()) await vault.delete(account);
};
afterEach(clearVault);
afterAll(clearVault);

/** Gives an open store a key the way the app does: in the vault first, then named in the history. */
async function keyed(store: Store): Promise<Buffer> {
  const id = randomUUID();
  const secret = randomBytes(32);
  await vault.set(auditKeyAccount(id), secret.toString('base64'));
  store.audit.recordKey({ id, checkValue: keyCheckValue(secret) }, undefined);
  store.audit.useKey(id, secret);
  return secret;
}

/** Ten entries: provider, plan with 3 rows submitted and approved (7), three files finalised. */
function tenEntries(store: Store): void {
  const plan = providerWithPlan(store);
  for (let i = 0; i < 3; i++) finalise(store, plan, CHANGE_A);
}

describe('the keyed audit chain', () => {
  it('is keyed on the first change, with the key only in the vault', async () => {
    const folder = histories.folder();
    const add = await returndesk(
      folder,
      ['provider', 'add', '--upin', UPIN, '--name', 'Riverside'],
      env,
    );
    expect(add.code).toBe(0);
    const [entry] = await json<AuditEntry[]>(folder, ['audit', 'list'], env);
    expect(entry).toMatchObject({
      id: 1,
      key_id: expect.any(String),
      mac: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await vault.list()).toEqual([auditKeyAccount(entry?.key_id ?? '')]);
    // The key, with the history it was made for and the first entry it was to seal.
    const held = JSON.parse((await vault.get(auditKeyAccount(entry?.key_id ?? ''))) ?? '{}') as {
      key: string;
    };
    expect(held).toEqual({
      key: expect.any(String),
      history: join(folder, 'returndesk.db'),
      from: 1,
    });
    const secret = held.key;
    expect(Buffer.from(secret, 'base64')).toHaveLength(32);

    const verify = await returndesk(folder, ['audit', 'verify'], env);
    expect(verify).toMatchObject({
      code: 0,
      stdout: "The audit trail is intact: 1 entry, each sealed with this history's audit key.\n",
    });
    // Nowhere in the history's files, nor in anything printed.
    const hex = Buffer.from(secret, 'base64').toString('hex');
    for (const f of readdirSync(folder).filter((n) => n.startsWith('returndesk.db'))) {
      const bytes = readFileSync(join(folder, f)).toString('latin1');
      expect(bytes).not.toContain(secret);
      expect(bytes).not.toContain(hex);
    }
    expect(add.stdout + add.stderr + verify.stdout).not.toContain(secret);
  });

  it('catches an entry edited and the whole chain re-hashed without the key', async () => {
    const folder = histories.folder();
    const store = histories.open(folder);
    const secret = await keyed(store);
    tenEntries(store);
    store.close();
    expect(await json(folder, ['audit', 'verify'], env)).toEqual({
      ok: true,
      entries: 10,
      keyed: 10,
      unkeyed: [],
      keyNotAtHand: [],
    });

    editAndRehash(folder, 5);
    const again = histories.open(folder);
    // The plain chain is whole again: only the seal can tell.
    expect(again.verifyAudit().ok).toBe(true);
    const [id] = again.audit.keys().map((k) => k.id);
    expect(again.verifyAudit(new Map([[id ?? '', secret]]))).toMatchObject({
      ok: false,
      firstBad: { id: 5 },
    });
    again.close();

    const r = await returndesk(folder, ['audit', 'verify'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'The audit trail has been tampered with: entry 5 was changed after it was written (its keyed seal does not match). The first bad entry is 5.\n',
    );
  });

  it('keeps a history from before keying verifying, and says which entries are hash-chained only', async () => {
    const folder = histories.folder();
    const store = histories.open(folder);
    providerWithPlan(store); // 7 entries, written before the history had a key
    await keyed(store);
    const plan = store.plans.list({ upin: UPIN })[0];
    if (!plan) throw new Error('no plan');
    for (let i = 0; i < 3; i++) finalise(store, store.plans.get(plan.id), CHANGE_A);
    store.close();

    const r = await returndesk(folder, ['audit', 'verify'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'No entry of the 10 entries was found changed or removed, but not all can be proven unchanged: entries 1 to 7 are hash-chained but not keyed (written before the history had an audit key, or without the credential vault), so someone able to write the history could have changed and re-hashed them; the other 3 entries are keyed and intact.\n',
    );
    // Another computer's vault, without the key: checked as a chain, and said so.
    const elsewhere = await json(folder, ['audit', 'verify'], {
      RETURNDESK_VAULT_SERVICE: `${service}-elsewhere`,
    });
    expect(elsewhere).toMatchObject({ ok: true, keyed: 0, keyNotAtHand: [{ from: 8, to: 10 }] });
  });

  it('stays hash-chained where there is no vault, and is never called intact', async () => {
    const unavailable: CredentialVault = {
      get: () => Promise.reject(new VaultUnavailableError('no Secret Service')),
      set: () => Promise.reject(new VaultUnavailableError('no Secret Service')),
      delete: () => Promise.reject(new VaultUnavailableError('no Secret Service')),
      list: () => Promise.reject(new VaultUnavailableError('no Secret Service')),
    };
    const host = createNodeHost(histories.folder(), { vault: unavailable });
    try {
      const ops = createOperations(host);
      const added = await dispatch(ops, 'providers.add', { upin: UPIN, name: 'Riverside' });
      expect(added.ok).toBe(true);
      const verdict = await dispatch(ops, 'audit.verify', undefined);
      expect(verdict).toEqual({
        ok: true,
        value: { ok: true, entries: 1, keyed: 0, unkeyed: [{ from: 1, to: 1 }], keyNotAtHand: [] },
      });
    } finally {
      host.close();
    }
  });
});

describe('seals removed, and entries written without the key', () => {
  it('fails for entries after the first sealed one that carry no seal', async () => {
    const folder = histories.folder();
    const store = histories.open(folder);
    await keyed(store);
    tenEntries(store);
    store.close();
    stripSeals(folder, 6);

    const r = await returndesk(folder, ['audit', 'verify'], env);
    expect(r).toMatchObject({
      code: 1,
      stdout:
        'The audit trail cannot be proven: entries 6 to 10, written after the audit key was made, carry no seal: they were written while the key was not at hand or their seals were removed; they cannot be proven. No other entry was found changed or removed.\n',
    });
    const v = await returndesk(folder, ['audit', 'verify', '--json'], env);
    expect(JSON.parse(v.stdout)).toMatchObject({
      ok: false,
      firstBad: { id: 6 },
      sealsMissing: [{ from: 6, to: 10 }],
    });
  });

  it('accepts entries marked as written without the key, and a mark forged on a stripped entry breaks the next seal', async () => {
    const folder = histories.folder();
    const store = histories.open(folder);
    const secret = await keyed(store);
    const plan = providerWithPlan(store); // 7 sealed entries
    store.close();
    // Another session of the same history, without the key at hand: its entries are marked.
    const without = histories.open(folder);
    for (let i = 0; i < 2; i++) finalise(without, without.plans.get(plan.id), CHANGE_A);
    const [key] = without.audit.keys();
    without.audit.useKey(key?.id ?? '', secret);
    finalise(without, without.plans.get(plan.id), CHANGE_A); // entry 10, sealed again
    without.close();

    const marked = await json<AuditEntry[]>(folder, ['audit', 'list'], env);
    expect(marked.map((e) => [e.id, e.key_id === key?.id ? 'sealed' : e.key_id])).toEqual([
      [10, 'sealed'],
      [9, 'none:key-not-at-hand'],
      [8, 'none:key-not-at-hand'],
      ...[7, 6, 5, 4, 3, 2, 1].map((id) => [id, 'sealed']),
    ]);
    expect(await json(folder, ['audit', 'verify'], env)).toEqual({
      ok: true,
      entries: 10,
      keyed: 8,
      unkeyed: [{ from: 8, to: 9 }],
      keyNotAtHand: [],
    });

    // Entry 4's seal removed and the mark written in its place: entry 5's seal no longer fits.
    rewriteTrail(folder, (row) =>
      row.id === 4 ? { ...row, key_id: 'none:key-not-at-hand', mac: null } : row,
    );
    expect(await returndesk(folder, ['audit', 'verify', '--json'], env)).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('"firstBad":{"id":5,'),
    });
  });

  it('is not made to look never-keyed by removing the record of its key and every seal', async () => {
    const folder = histories.folder();
    const add = ['provider', 'add', '--upin', UPIN, '--name', 'Riverside'];
    expect((await returndesk(folder, add, env)).code).toBe(0);
    stripSeals(folder, 1, Infinity, 'DELETE FROM audit_keys;');

    const r = await returndesk(folder, ['audit', 'verify'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^The audit trail has been tampered with: the credential vault holds this history's audit key [0-9a-f-]{36}, made to seal entries from entry 1 on, but the history no longer records that key/,
    );
  });
});

describe('a history keyed with the audit passphrase, later with a vault', () => {
  it('seals new entries with a vault key and checks each entry with the key it names', async () => {
    const folder = histories.folder();
    const unavailable = () => Promise.reject(new VaultUnavailableError('no Secret Service'));
    const host = createNodeHost(folder, {
      vault: { get: unavailable, set: unavailable, delete: unavailable, list: unavailable },
    });
    try {
      const ops = createOperations(host);
      const phrase = 'heron lantern quarry 1968';
      expect((await dispatch(ops, 'audit.setPassphrase', { passphrase: phrase })).ok).toBe(true);
      expect((await dispatch(ops, 'providers.add', { upin: UPIN, name: 'Riverside' })).ok).toBe(
        true,
      );
    } finally {
      host.close();
    }
    // Now with the vault: a key of its own for new entries.
    const add = ['provider', 'add', '--upin', '105433', '--name', 'Hill'];
    expect((await returndesk(folder, add, env)).code).toBe(0);
    const [second, first] = await json<AuditEntry[]>(folder, ['audit', 'list'], env);
    expect(first?.key_id).toMatch(/^passphrase:/);
    expect(second?.key_id).toMatch(/^[0-9a-f-]{36}$/);

    expect(await json(folder, ['audit', 'verify'], env)).toEqual({
      ok: true,
      entries: 2,
      keyed: 1,
      unkeyed: [],
      keyNotAtHand: [{ from: 1, to: 1 }],
    });
    const withPhrase = { ...env, RETURNDESK_AUDIT_PASSPHRASE: 'heron lantern quarry 1968' };
    expect(await json(folder, ['audit', 'verify'], withPhrase)).toMatchObject({
      ok: true,
      keyed: 2,
    });
  });
});
