// Duplicate-key detection over a million records in constant-ish memory. Holding every key string
// would take ~100 MB at a million records; a 64-bit hash (two independent 32-bit hashes) takes 12
// bytes a record. The chance of two different keys colliding among a million is about 3 in 10^8,
// an acceptable price for a check that can then run on any file a college has.

export class KeyHashSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private lines: Uint32Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    const cap = nextPowerOfTwo(Math.max(16, initialCapacity));
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.lines = new Uint32Array(cap);
  }

  /** Records `key` seen at `line` (line > 0); returns the earlier line if the key was seen before. */
  addOrGet(key: string, line: number): number | undefined {
    if ((this.size + 1) * 2 > this.lines.length) this.grow();
    const h1 = fnv1a(key, 0x811c9dc5);
    const h2 = murmurish(key, 0x9747b28c);
    return this.insert(h1, h2, line);
  }

  private insert(h1: number, h2: number, line: number): number | undefined {
    const mask = this.lines.length - 1;
    let i = h1 & mask;
    for (;;) {
      const at = this.lines[i] ?? 0;
      if (at === 0) {
        this.hi[i] = h1;
        this.lo[i] = h2;
        this.lines[i] = line;
        this.size++;
        return undefined;
      }
      if (this.hi[i] === h1 && this.lo[i] === h2) return at;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { hi, lo, lines } = this;
    const cap = lines.length * 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.lines = new Uint32Array(cap);
    this.size = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? 0;
      if (line !== 0) this.insert(hi[i] ?? 0, lo[i] ?? 0, line);
    }
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
