// The audit trail's key: 32 random bytes made on first need and kept in the credential vault under
// an entry of its own, never in the history, a log or any output. The history records only the
// key's name and a check value. Before an operation writes to the history, the key is read (or
// made) and handed to the store, which seals every entry with it. Without a vault, the key derived
// from the session's audit passphrase is used (audit-passphrase.ts); without either, the entries are
// hash-chained only (marked so once the history has a key), and `audit verify` says so.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '../store';
import { keyCheckValue } from '../store/audit';
import { z } from 'zod';
import type { OperationHost } from './host';
import type { VaultHeldKey } from '../store/audit-verify';
import { derivedKeys, keyFromPassphrase } from './audit-passphrase';

/** The vault entry holding one audit key; the name alone reveals nothing. */
export const auditKeyAccount = (keyId: string) => `audit-key#${keyId}`;

/**
 * What the vault entry holds: the key, and (since audit passphrases) which history it was made for
 * and the first entry it was to seal, so that removing the key's record from the history cannot
 * make a keyed history look never-keyed (audit-verify.ts). Older entries hold the key alone.
 */
const VaultValue = z.object({
  key: z.string().min(1),
  history: z.string().min(1),
  from: z.number().int().min(1),
});

function parseValue(text: string): { key: Buffer; history?: string; from?: number } {
  if (!text.startsWith('{')) return { key: Buffer.from(text, 'base64') };
  const v = VaultValue.parse(JSON.parse(text));
  return { key: Buffer.from(v.key, 'base64'), history: v.history, from: v.from };
}

async function read(host: OperationHost, keyId: string): Promise<Buffer | undefined> {
  const text = await host.vault.get(auditKeyAccount(keyId));
  return text === undefined ? undefined : parseValue(text).key;
}

/** The history's current key from the vault, if it is there and is the right one. */
async function current(host: OperationHost, store: Store) {
  const recorded = store.audit.keys().at(-1);
  if (!recorded) return { recorded, secret: undefined };
  const secret = await read(host, recorded.id);
  return {
    recorded,
    secret: secret && keyCheckValue(secret) === recorded.checkValue ? secret : undefined,
  };
}

async function makeKey(host: OperationHost, store: Store, replacing: string | undefined) {
  const id = randomUUID();
  const secret = randomBytes(32);
  // The vault first: a key the history names is always one the vault was given.
  const value = {
    key: secret.toString('base64'),
    history: store.path,
    from: store.audit.latest().entry + 1,
  };
  await host.vault.set(auditKeyAccount(id), JSON.stringify(value));
  let inForce;
  try {
    inForce = store.recordAuditKey({ id, checkValue: keyCheckValue(secret) }, replacing);
  } catch (e) {
    // The history could not name it (busy, read-only): no key is left behind that nothing uses.
    await host.vault.delete(auditKeyAccount(id)).catch(() => false);
    throw new HistoryRefused(e);
  }
  if (inForce.id === id) return store.audit.useKey(id, secret);
  // Another process made the history's key at the same moment: use theirs, drop ours.
  await host.vault.delete(auditKeyAccount(id));
  const theirs = await read(host, inForce.id);
  if (theirs && keyCheckValue(theirs) === inForce.checkValue)
    store.audit.useKey(inForce.id, theirs);
}

/** The history refused the key's record: the operation would meet the same refusal, so say it now. */
class HistoryRefused {
  constructor(readonly error: unknown) {}
}

const resolving = new WeakMap<Store, Promise<void>>();

/**
 * Hands the store its audit key, once per opened history. `create`: make one if the history has
 * none or its key is gone from the vault (a channel about to write). A vault that cannot be
 * reached leaves the entries hash-chained only; the action itself goes ahead.
 */
export function keyAuditTrail(host: OperationHost, create: boolean): Promise<void> {
  let store: Store;
  try {
    store = host.store();
  } catch {
    // No history in this session (a build to a folder), or it cannot open: the operation says so.
    return Promise.resolve();
  }
  // An earlier attempt that failed has had its say (its operation reported the refusal).
  const pending = resolving.get(store)?.catch(() => undefined);
  if (pending && (store.audit.keyed || !create)) return pending;
  const attempt = (async () => {
    await pending;
    if (store.audit.keyed) return;
    try {
      const { recorded, secret } = await current(host, store);
      if (secret && recorded) return store.audit.useKey(recorded.id, secret);
      if (create) await makeKey(host, store, recorded?.id);
    } catch (e) {
      if (e instanceof HistoryRefused) throw e.error;
      // No vault (or it refused): the key derived from the session's audit passphrase, if one
      // was given; else entries stay hash-chained only, as `audit verify` reports.
      await keyFromPassphrase(host, store, create);
    }
  })();
  resolving.set(store, attempt);
  return attempt;
}

/**
 * For `audit verify`: every key the history has used that the vault (or the session's audit
 * passphrase) can give, by name; and the keys the vault holds for this history that the history
 * does not record, with the first entry each was made to seal.
 */
export async function auditKeys(
  host: OperationHost,
): Promise<{ keys: Map<string, Buffer>; vaultHeld: VaultHeldKey[] }> {
  const store = host.store();
  const keys = await derivedKeys(host, store);
  const recorded = store.audit.keys();
  for (const k of recorded.filter((r) => !r.salt)) {
    try {
      const secret = await read(host, k.id);
      if (secret) keys.set(k.id, secret);
    } catch {
      // Not at hand: the entries it sealed are checked as a hash chain and reported as such.
    }
  }
  return { keys, vaultHeld: await heldFor(host, store, new Set(recorded.map((k) => k.id))) };
}

/** Keys in the vault made for this history (by its file) that the history does not record. */
async function heldFor(host: OperationHost, store: Store, recorded: Set<string>) {
  const held: VaultHeldKey[] = [];
  let accounts: string[];
  try {
    accounts = await host.vault.list();
  } catch {
    return held; // No vault: nothing it holds can be compared.
  }
  for (const account of accounts) {
    const id = account.startsWith(auditKeyAccount(''))
      ? account.slice(auditKeyAccount('').length)
      : '';
    if (!id || recorded.has(id)) continue;
    try {
      const text = await host.vault.get(account);
      const v = text === undefined ? undefined : parseValue(text);
      if (v?.history === store.path && v.from !== undefined) held.push({ id, from: v.from });
    } catch {
      // An entry that cannot be read or is not ours to parse says nothing about this history.
    }
  }
  return held;
}
