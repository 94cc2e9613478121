// The keyed audit chain: entries sealed with an HMAC whose key lives in the real Secret Service,
// never in the history; an entry edited and the whole chain re-hashed, as someone holding the file
// but not the key would, is caught; histories from before keying still verify and are reported as
// hash-chained only; without a vault the entries stay hash-chained and are never called intact.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, entryHash, keyCheckValue } from '../../../electron/store/audit';
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

/** What someone with the file but not the key does: drop the triggers, edit, re-hash to the end. */
function editAndRehash(folder: string, id: number): void {
  const db = new Database(join(folder, 'returndesk.db'));
  try {
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditEntry[];
    let prev = GENESIS_HASH;
    const update = db.prepare(
      'UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE id = ?',
    );
    for (const row of rows) {
      const e = { ...row, prev_hash: prev };
      if (row.id === id) e.details = '{"seq":1,"records":999}';
      e.hash = entryHash(e);
      update.run(e.details, e.prev_hash, e.hash, e.id);
      prev = e.hash;
    }
    db.prepare('UPDATE audit_head SET last_hash = ?').run(prev);
  } finally {
    db.close();
  }
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
    const secret = (await vault.get(auditKeyAccount(entry?.key_id ?? ''))) ?? '';
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
