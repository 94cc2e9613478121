// Records of an extract held as hashes, so two million-record extracts can be compared in a few tens
// of megabytes: each record is its key's 64-bit hash, its values' 64-bit hash, its record number and
// a few flags (24 bytes), found by open addressing on the key hash. Holding the records themselves
// would take gigabytes. Two different keys share a 64-bit hash with a chance of about 3 in 10^8
// among a million; the comparison checks the keys of the records it reports, so such a pair can
// only ever be missed among records it counts as unchanged, never misreported.

const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;
const WIDTH = 6;
const [KEY_1, KEY_2, ROW_1, ROW_2, RECORD, FLAGS] = [0, 1, 2, 3, 4, 5];

/** The key was seen more than once in this extract. */
export const DUPLICATE = 1;
/** Matched by a record of the other extract. */
export const MATCHED = 2;

/** Two 32-bit hashes of a record's key or values. */
export interface Hash64 {
  h1: number;
  h2: number;
}

export class RecordTable {
  private readonly pages: Uint32Array[] = [];
  /** Each slot holds entry + 1, or 0 when empty. */
  private slots = new Uint32Array(1024);
  size = 0;

  /**
   * Adds a record; when its key is already here, marks that entry DUPLICATE and returns it
   * (the record itself is not added). Otherwise returns undefined.
   */
  add(key: Hash64, row: Hash64, record: number): number | undefined {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const i = this.slot(key);
    const s = this.slots[i] ?? 0;
    if (s !== 0) {
      this.setFlag(s - 1, DUPLICATE);
      return s - 1;
    }
    const e = this.size++;
    let page = this.pages[e >>> PAGE_BITS];
    if (!page) {
      page = new Uint32Array(WIDTH * PAGE_SIZE);
      this.pages.push(page);
    }
    const at = WIDTH * (e & (PAGE_SIZE - 1));
    page[at + KEY_1] = key.h1;
    page[at + KEY_2] = key.h2;
    page[at + ROW_1] = row.h1;
    page[at + ROW_2] = row.h2;
    page[at + RECORD] = record;
    this.slots[i] = e + 1;
    return undefined;
  }

  /** The entry holding `key`, or -1. */
  find(key: Hash64): number {
    const i = this.slot(key);
    const s = this.slots[i] ?? 0;
    return s === 0 ? -1 : s - 1;
  }

  key(e: number): Hash64 {
    return { h1: this.get(e, KEY_1), h2: this.get(e, KEY_2) };
  }

  values(e: number): Hash64 {
    return { h1: this.get(e, ROW_1), h2: this.get(e, ROW_2) };
  }

  record(e: number): number {
    return this.get(e, RECORD);
  }

  sameRow(e: number, row: Hash64): boolean {
    return this.get(e, ROW_1) === row.h1 && this.get(e, ROW_2) === row.h2;
  }

  has(e: number, flag: number): boolean {
    return (this.get(e, FLAGS) & flag) !== 0;
  }

  setFlag(e: number, flag: number): void {
    const page = this.pages[e >>> PAGE_BITS] as Uint32Array;
    const at = WIDTH * (e & (PAGE_SIZE - 1)) + FLAGS;
    page[at] = (page[at] ?? 0) | flag;
  }

  private get(e: number, field: number): number {
    return this.pages[e >>> PAGE_BITS]?.[WIDTH * (e & (PAGE_SIZE - 1)) + field] ?? 0;
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private slot(key: Hash64): number {
    const mask = this.slots.length - 1;
    let i = key.h1 & mask;
    for (;;) {
      const s = this.slots[i] ?? 0;
      if (s === 0) return i;
      const e = s - 1;
      if (this.get(e, KEY_1) === key.h1 && this.get(e, KEY_2) === key.h2) return i;
      i = (i + 1) & mask;
    }
  }

  /** Doubles the slot table; entries stay where they are, only slots are placed again. */
  private grow(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      let i = this.get(e, KEY_1) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = e + 1;
    }
    this.slots = slots;
  }
}

/**
 * Two independent 32-bit hashes of a list of values, each value's length mixed in first so that
 * ["ab", "c"] and ["a", "bc"] differ. One loop computes both.
 */
export function hashValues(row: readonly string[], columns: readonly number[]): Hash64 {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let c = 0; c < columns.length; c++) {
    const v = row[columns[c] as number] ?? '';
    const n = v.length;
    h1 = Math.imul(h1 ^ (n + 0x10000), 0x01000193);
    h2 = Math.imul(h2 ^ (n + 0x10000), 0x5bd1e995);
    h2 ^= h2 >>> 15;
    for (let i = 0; i < n; i++) {
      const ch = v.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 0x01000193);
      h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
  }
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  return { h1: h1 >>> 0, h2: (h2 ^ (h2 >>> 16)) >>> 0 };
}
