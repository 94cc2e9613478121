// Duplicate-key detection over a million records in constant-ish memory. Holding every key string
// would take ~100 MB at a million records; a 64-bit hash (two independent 32-bit hashes) and the
// line take 12 bytes a record, plus 4 to 8 bytes of slot table. The chance of two different keys
// colliding among a million is about 3 in 10^8, an acceptable price for a check that can then run
// on any file a college has.

/** Entries live in fixed pages, so growing the set never copies them. */
const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;

export class KeyHashSet {
  /** Entry e is [hash 1, hash 2, line] at 3 * (e % PAGE_SIZE) of page e / PAGE_SIZE. */
  private readonly pages: Uint32Array[] = [];
  /** Open addressing on hash 1: each slot holds entry + 1, or 0 when empty. */
  private slots: Uint32Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.slots = new Uint32Array(nextPowerOfTwo(Math.max(16, initialCapacity)));
  }

  /** Records `key` seen at `line` (line > 0); returns the earlier line if the key was seen before. */
  addOrGet(key: string, line: number): number | undefined {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const h1 = fnv1a(key, 0x811c9dc5);
    const h2 = murmurish(key, 0x9747b28c);
    const mask = this.slots.length - 1;
    let i = h1 & mask;
    for (;;) {
      const slot = this.slots[i] ?? 0;
      if (slot === 0) break;
      const e = slot - 1;
      const page = this.pages[e >>> PAGE_BITS];
      const at = 3 * (e & (PAGE_SIZE - 1));
      if (page && page[at] === h1 && page[at + 1] === h2) return page[at + 2];
      i = (i + 1) & mask;
    }
    const e = this.size++;
    let page = this.pages[e >>> PAGE_BITS];
    if (!page) {
      page = new Uint32Array(3 * PAGE_SIZE);
      this.pages.push(page);
    }
    const at = 3 * (e & (PAGE_SIZE - 1));
    page[at] = h1;
    page[at + 1] = h2;
    page[at + 2] = line;
    this.slots[i] = e + 1;
    return undefined;
  }

  /** Doubles the slot table; only the 4-byte slots are rehashed, the entries stay where they are. */
  private grow(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      const h1 = this.pages[e >>> PAGE_BITS]?.[3 * (e & (PAGE_SIZE - 1))] ?? 0;
      let i = h1 & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = e + 1;
    }
    this.slots = slots;
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function fnv1a(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function murmurish(s: string, seed: number): number {
  let h = seed ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
