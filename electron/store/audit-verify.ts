// Checking the audit trail: ids contiguous from 1, each link and hash intact, the head matching,
// and every sealed entry's HMAC right for the key it names. What cannot be proven is said as such:
// entries with no seal (written before the history had a key, or where the vault could not be
// reached) and sealed entries whose key is not at hand are checked as a hash chain only, and listed.
// Once the trail has a sealed entry, a later entry with no seal and no mark saying it was written
// without the key (audit.ts, UNSEALED_MARK) had its seal removed or was written by something other
// than ReturnDesk: it cannot be proven, and the check fails for it. And a key the vault holds for
// this history, which the history no longer records, means its record was removed: the entry it
// was made to seal first must carry its seal.
import type { Database as Db } from 'better-sqlite3';
import { GENESIS_HASH, UNSEALED_MARK, entryHash, entryMac, keyCheckValue, linkOf } from './audit';
import type { AuditEntry } from './audit';
import type { AuditCheck, AuditRange } from '../../shared/ipc/views';

export type AuditVerdict = AuditCheck;

/** A head someone holds (an upload's receipt, the regulator's copy): entry number and seal. */
export interface WitnessedHead {
  entry: number;
  seal: string;
}

/** A key the credential vault holds for this history: its name and the first entry it sealed. */
export interface VaultHeldKey {
  id: string;
  from: number;
}

/** "entries 8 to 10" / "entry 8", "entries 3, 5 to 6 and 9" */
function named(ranges: readonly AuditRange[]): string {
  const names = ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from} to ${r.to}`));
  const many = ranges.length > 1 || (ranges[0] && ranges[0].to > ranges[0].from);
  const list =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : names[0];
  return `${many ? 'entries' : 'entry'} ${list ?? ''}`;
}

function addTo(ranges: AuditRange[], id: number): void {
  const last = ranges.at(-1);
  if (last && last.to === id - 1) last.to = id;
  else ranges.push({ from: id, to: id });
}

/**
 * `keys`: the secrets the caller could read from the vault, by key name; a key whose check value
 * is not the recorded one is treated as not at hand. `witnessed`: heads recorded elsewhere that
 * must be entries of this chain.
 */
export function verifyAudit(
  db: Db,
  keys: ReadonlyMap<string, Buffer> = new Map(),
  witnessed: readonly WitnessedHead[] = [],
  vaultHeld: readonly VaultHeldKey[] = [],
): AuditVerdict {
  const recorded = new Map(
    (
      db.prepare('SELECT id, check_value FROM audit_keys').all() as {
        id: string;
        check_value: string;
      }[]
    ).map((k) => [k.id, k.check_value]),
  );
  const usable = new Map(
    [...keys].filter(([id, secret]) => recorded.get(id) === keyCheckValue(secret)),
  );
  const wanted = new Map<number, string[]>();
  for (const w of witnessed) wanted.set(w.entry, [...(wanted.get(w.entry) ?? []), w.seal]);

  let expectedId = 1;
  let prevHash = GENESIS_HASH;
  let prevLink = GENESIS_HASH;
  let count = 0;
  let keyed = 0;
  const unkeyed: AuditRange[] = [];
  const sealsMissing: AuditRange[] = [];
  let firstSealed: number | undefined;
  // Keys the vault made for this history that it does not record, by the entry each sealed first.
  const lostRecord = new Map(
    vaultHeld.filter((k) => !recorded.has(k.id)).map((k) => [k.from, k.id]),
  );
  const keyNotAtHand: AuditRange[] = [];
  const bad = (id: number, problem: string): AuditVerdict => ({
    ok: false,
    entries: count,
    firstBad: { id, problem },
  });
  for (const row of db
    .prepare('SELECT * FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<AuditEntry>) {
    if (row.id !== expectedId)
      return bad(expectedId, `entry ${expectedId} is missing (the next entry is ${row.id})`);
    if (row.prev_hash !== prevHash)
      return bad(row.id, `entry ${row.id} does not link to entry ${row.id - 1}`);
    if (entryHash(row) !== row.hash)
      return bad(row.id, `entry ${row.id} was changed after it was written`);
    const marked = row.key_id?.startsWith(UNSEALED_MARK) === true;
    if (marked ? row.mac !== null : (row.key_id === null) !== (row.mac === null))
      return bad(row.id, `entry ${row.id} has half a keyed seal`);
    const lost = lostRecord.get(row.id);
    if (lost !== undefined && (row.mac === null || !recorded.has(row.key_id ?? '')))
      return bad(
        row.id,
        `the credential vault holds this history's audit key ${lost}, made to seal entries from entry ${row.id} on, but the history no longer records that key and entry ${row.id} carries no seal of a key it records: the key's record was removed and seals stripped, or an older copy of the history was put in its place`,
      );
    if (row.key_id !== null && row.mac !== null) {
      firstSealed ??= row.id;
      if (!recorded.has(row.key_id))
        return bad(row.id, `entry ${row.id} names an audit key this history never recorded`);
      const key = usable.get(row.key_id);
      if (!key) addTo(keyNotAtHand, row.id);
      else if (entryMac(key, row.key_id, prevLink, row.hash) !== row.mac)
        return bad(
          row.id,
          `entry ${row.id} was changed after it was written (its keyed seal does not match)`,
        );
      else keyed++;
    } else if (firstSealed !== undefined && !marked) addTo(sealsMissing, row.id);
    else addTo(unkeyed, row.id);
    const seals = wanted.get(row.id);
    if (seals?.some((s) => s !== linkOf(row)))
      return bad(
        row.id,
        `entry ${row.id} is not the one an upload's receipt in this history recorded as the head of the trail`,
      );
    wanted.delete(row.id);
    prevHash = row.hash;
    prevLink = linkOf(row);
    expectedId++;
    count++;
  }
  const head = db.prepare('SELECT last_id, last_hash FROM audit_head WHERE singleton = 1').get() as
    { last_id: number; last_hash: string } | undefined;
  const lastId = expectedId - 1;
  if ((head?.last_id ?? 0) !== lastId || (head?.last_hash ?? GENESIS_HASH) !== prevHash) {
    return bad(
      head?.last_id ?? lastId,
      `the trail ends at entry ${lastId} but ${head?.last_id ?? 0} entries were written: entries were removed from the end`,
    );
  }
  const beyond = [...wanted.keys()].filter((id) => id > 0).sort((a, b) => a - b)[0];
  if (beyond !== undefined)
    return bad(
      beyond,
      `an upload's receipt recorded entry ${beyond} as the head of the trail, but the trail ends at entry ${lastId}: entries were removed from the end`,
    );
  const [missing] = sealsMissing;
  if (missing)
    return {
      ok: false,
      entries: count,
      firstBad: {
        id: missing.from,
        problem: `${named(sealsMissing)}, written after the audit key was made, carry no seal: they were written while the key was not at hand or their seals were removed; they cannot be proven`,
      },
      sealsMissing,
    };
  return { ok: true, entries: count, keyed, unkeyed, keyNotAtHand };
}
