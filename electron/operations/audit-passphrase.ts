// The audit key where there is no credential vault: derived from a passphrase the user chooses
// (scrypt, with a random salt per history kept beside the key's check value), asked for once per
// session and held only in this process's memory, like the session's other secrets. The history
// never holds the passphrase or the key; a wrong passphrase is told apart by the check value and
// refused before anything is written. Without it the entries are hash-chained only, as before.
import { randomBytes, randomUUID, scrypt } from 'node:crypto';
import type { Store } from '../store';
import { keyCheckValue } from '../store/audit';
import type { RecordedAuditKey } from '../store/audit';
import type { OperationHost } from './host';
import { OperationError } from './refusal';
import { AUDIT_PASSPHRASE, sessionSecrets } from './session-secrets';

/** Keys derived from the passphrase are named so, apart from the vault's (`audit-key#ID`). */
export const DERIVED_KEY_PREFIX = 'passphrase:';

const NOT_ITS = "The audit passphrase given is not this history's (its check value does not match)";
export const WRONG_PASSPHRASE = `${NOT_ITS}: nothing was written. Give the passphrase chosen when the history's audit key was first made, or leave it out to write hash-chained entries only.`;
const WRONG_FOR_CHECK = `${NOT_ITS}: give the passphrase chosen when the history's audit key was first made, or leave it out to check the entries it sealed as a hash chain only.`;

// scrypt's cost: 32 MiB and about a tenth of a second, paid once per session.
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function deriveAuditKey(passphrase: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), Buffer.from(salt, 'base64'), 32, COST, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  );
}

export function passphraseOf(host: OperationHost): string | undefined {
  return sessionSecrets(host).get(AUDIT_PASSPHRASE);
}

/** The newest key this history derived from a passphrase, and the key itself if `phrase` is it. */
async function newestDerived(
  store: Store,
  phrase: string,
): Promise<{ recorded: RecordedAuditKey; secret: Buffer | undefined } | undefined> {
  const recorded = store.audit
    .keys()
    .filter((k) => k.salt)
    .at(-1);
  if (!recorded?.salt) return undefined;
  const secret = await deriveAuditKey(phrase, recorded.salt);
  return { recorded, secret: keyCheckValue(secret) === recorded.checkValue ? secret : undefined };
}

/**
 * Hands the store the key derived from the session's passphrase, if one was given: the history's
 * derived key when it has one (refusing a passphrase that is not its), else (`create`) a new one.
 */
export async function keyFromPassphrase(
  host: OperationHost,
  store: Store,
  create: boolean,
): Promise<void> {
  const phrase = passphraseOf(host);
  if (phrase === undefined) return;
  const found = await newestDerived(store, phrase);
  if (found) {
    if (!found.secret) throw new OperationError('INVALID_INPUT', WRONG_PASSPHRASE);
    return store.audit.useKey(found.recorded.id, found.secret);
  }
  if (!create) return;
  const salt = randomBytes(16).toString('base64');
  const secret = await deriveAuditKey(phrase, salt);
  const id = `${DERIVED_KEY_PREFIX}${randomUUID()}`;
  const inForce = store.recordAuditKey(
    { id, checkValue: keyCheckValue(secret), salt },
    store.audit.keys().at(-1)?.id,
  );
  if (inForce.id === id) return store.audit.useKey(id, secret);
  // Another process recorded a key at the same moment: if it is derived, this passphrase must fit.
  const theirs = await newestDerived(store, phrase);
  if (theirs && !theirs.secret) throw new OperationError('INVALID_INPUT', WRONG_PASSPHRASE);
  if (theirs?.secret) store.audit.useKey(theirs.recorded.id, theirs.secret);
}

/** For `audit verify`: every derived key the passphrase opens; a passphrase that opens none is refused. */
export async function derivedKeys(host: OperationHost, store: Store): Promise<Map<string, Buffer>> {
  const keys = new Map<string, Buffer>();
  const phrase = passphraseOf(host);
  if (phrase === undefined) return keys;
  const derived = store.audit.keys().filter((k) => k.salt);
  for (const k of derived) {
    const secret = await deriveAuditKey(phrase, k.salt ?? '');
    if (keyCheckValue(secret) === k.checkValue) keys.set(k.id, secret);
  }
  if (derived.length > 0 && keys.size === 0)
    throw new OperationError('INVALID_INPUT', WRONG_FOR_CHECK);
  return keys;
}
