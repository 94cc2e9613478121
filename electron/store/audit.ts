// The audit trail: append-only, each entry carrying the SHA-256 of the one before it. Every state
// change in the store writes one entry inside the same transaction as the change itself.
// A plain hash chain only shows accidents: anyone who can write the file can edit an entry and
// re-hash everything after it. So, once the history has a key (kept in the credential vault, handed
// in by the operations with useKey), each entry is also sealed with an HMAC-SHA-256 over the
// previous entry's seal and its own hash, which cannot be recomputed without the key.
import { createHash, createHmac } from 'node:crypto';
import type { Database as Db, Statement } from 'better-sqlite3';
import type { AuditEntryView } from '../../shared/ipc/views';

/** An entry as the table holds it; the screens and `audit list --json` see it as it is. */
export type AuditEntry = AuditEntryView;

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Marks an entry written without a seal in a history that has an audit key (the key was not at
 * hand): `none:<why>` in key_id, with no mac. Why a mark, and why it is sound: once a history has a
 * key, an unsealed entry after a sealed one is either written without the key or stripped of its
 * seal by someone without it, and `audit verify` must tell them apart. The mark is part of the
 * entry's plain hash (below), so adding or removing it changes that hash; the next sealed entry's
 * seal covers the previous entry's link (its hash, for an unsealed entry), so a mark forged on a
 * stripped entry breaks the next seal. Stripping the seals of every entry from some point to the
 * end and marking them all leaves no later seal to break: that tail is reported as unproven.
 */
export const UNSEALED_MARK = 'none:';

/**
 * The plain hash: over the entry's own fields and the previous hash, as since version 1; for an
 * entry marked as written without the key, the mark too.
 */
export function entryHash(
  e: Omit<AuditEntry, 'hash' | 'key_id' | 'mac'> & { key_id?: string | null },
): string {
  const fields: unknown[] = [e.id, e.at, e.user, e.action, e.subject, e.details, e.prev_hash];
  if (e.key_id?.startsWith(UNSEALED_MARK)) fields.push(e.key_id);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * The keyed seal of one entry: over the key's name, the previous entry's seal (or its hash, when it
 * has none) and this entry's hash, which covers every field of the entry.
 */
export function entryMac(key: Buffer, keyId: string, previous: string, hash: string): string {
  return createHmac('sha256', key).update(`${keyId}\n${previous}\n${hash}`).digest('hex');
}

/** Tells the right key from a wrong one without revealing it: the key's MAC of a fixed text. */
export function keyCheckValue(key: Buffer): string {
  return createHmac('sha256', key).update('ReturnDesk audit key check').digest('hex');
}

/** What chains to the next entry: the seal when there is one, else the plain hash. */
export function linkOf(e: Pick<AuditEntry, 'hash' | 'mac'> | undefined): string {
  return e ? (e.mac ?? e.hash) : GENESIS_HASH;
}

export interface AuditWrite {
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

/** A key the history has used: its name (the vault entry's) and check value, never the key. */
export interface RecordedAuditKey {
  id: string;
  checkValue: string;
  /** For a key derived from the audit passphrase: the scrypt salt (base64). None for a vault key. */
  salt?: string | null;
}

/** The newest entry: what uploads carry as the witness of the history's state. */
export interface AuditHead {
  /** The entry's number, 0 for an empty trail. */
  entry: number;
  /** Its keyed seal, or its plain hash when it has no seal. */
  seal: string;
  keyed: boolean;
}

export class AuditLog {
  private readonly head: Statement;
  private readonly insert: Statement;
  private readonly setHead: Statement;
  private readonly sealOf: Statement;
  private readonly hasKeys: Statement;
  private key: { id: string; secret: Buffer } | undefined;

  constructor(
    private readonly db: Db,
    private readonly user: () => string,
    private readonly now: () => Date,
  ) {
    this.head = db.prepare('SELECT last_id, last_hash FROM audit_head WHERE singleton = 1');
    this.insert = db.prepare(
      'INSERT INTO audit_log (id, at, user, action, subject, details, prev_hash, hash, key_id, mac) VALUES (@id, @at, @user, @action, @subject, @details, @prev_hash, @hash, @key_id, @mac)',
    );
    this.setHead = db.prepare(
      'INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, ?, ?) ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash',
    );
    this.sealOf = db.prepare('SELECT hash, mac FROM audit_log WHERE id = ?');
    this.hasKeys = db.prepare('SELECT 1 FROM audit_keys LIMIT 1');
  }

  /** Why entries are written unsealed in a keyed history (the mark's reason). */
  withoutKeyBecause = 'key-not-at-hand';

  /** From now on, entries are sealed with this key (one the history has recorded). */
  useKey(id: string, secret: Buffer): void {
    this.key = { id, secret };
  }

  get keyed(): boolean {
    return this.key !== undefined;
  }

  /** The keys this history has used, oldest first. */
  keys(): RecordedAuditKey[] {
    return this.db
      .prepare('SELECT id, check_value AS checkValue, salt FROM audit_keys ORDER BY rowid')
      .all() as RecordedAuditKey[];
  }

  /**
   * Records a new key as the history's current one, unless another process recorded one since
   * `replacing` was read: then that one is returned and the caller uses it instead of its own.
   */
  recordKey(key: RecordedAuditKey, replacing: string | undefined): RecordedAuditKey {
    return this.db
      .transaction(() => {
        const newest = this.keys().at(-1);
        if (newest && newest.id !== replacing) return newest;
        this.db
          .prepare('INSERT INTO audit_keys (id, check_value, created_at, salt) VALUES (?, ?, ?, ?)')
          .run(key.id, key.checkValue, this.now().toISOString(), key.salt ?? null);
        return key;
      })
      .immediate();
  }

  /** Must run inside the caller's transaction, so the change and its entry commit together. */
  append(w: AuditWrite): AuditEntry {
    if (!this.db.inTransaction)
      throw new Error('audit entries are written inside the change transaction');
    const head = this.head.get() as { last_id: number; last_hash: string } | undefined;
    const base = {
      id: (head?.last_id ?? 0) + 1,
      at: this.now().toISOString(),
      user: this.user(),
      action: w.action,
      subject: w.subject,
      details: JSON.stringify(w.details ?? {}),
      prev_hash: head?.last_hash ?? GENESIS_HASH,
    };
    let sealed: { key_id: string | null; mac: string | null } = { key_id: null, mac: null };
    // In the same transaction as the write: a key another process recorded a moment ago counts.
    if (!this.key && this.hasKeys.get() !== undefined)
      sealed = { key_id: `${UNSEALED_MARK}${this.withoutKeyBecause}`, mac: null };
    const hash = entryHash({ ...base, key_id: sealed.key_id });
    if (this.key) {
      const previous = head
        ? linkOf(this.sealOf.get(head.last_id) as Pick<AuditEntry, 'hash' | 'mac'> | undefined)
        : GENESIS_HASH;
      sealed = {
        key_id: this.key.id,
        mac: entryMac(this.key.secret, this.key.id, previous, hash),
      };
    }
    const entry: AuditEntry = { ...base, hash, ...sealed };
    this.insert.run(entry);
    this.setHead.run(entry.id, entry.hash);
    return entry;
  }

  /** The newest entry's number and seal (or hash). */
  latest(): AuditHead {
    const row = this.db
      .prepare('SELECT id, hash, mac FROM audit_log ORDER BY id DESC LIMIT 1')
      .get() as { id: number; hash: string; mac: string | null } | undefined;
    return row
      ? { entry: row.id, seal: linkOf(row), keyed: row.mac !== null }
      : { entry: 0, seal: GENESIS_HASH, keyed: false };
  }

  /** An entry's seal (or hash, when it has none), to compare with a head someone kept. */
  sealOfEntry(entry: number): string | undefined {
    const row = this.sealOf.get(entry) as Pick<AuditEntry, 'hash' | 'mac'> | undefined;
    return row ? linkOf(row) : undefined;
  }

  list(subject?: string, limit = 200): AuditEntry[] {
    return (
      subject
        ? this.db
            .prepare('SELECT * FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT ?')
            .all(subject, limit)
        : this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit)
    ) as AuditEntry[];
  }
}
