// Rows fetched a page at a time from a worker and kept in a small cache: the list asks for what is
// in view, draws a placeholder until it arrives, and old pages are dropped as the user scrolls on.

export const PAGE_SIZE = 100;

export class RowPages<T> {
  private readonly pages = new Map<number, T[]>();
  private readonly asked = new Set<number>();

  constructor(
    private readonly keep = 40,
    readonly pageSize = PAGE_SIZE,
  ) {}

  get(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Pages covering [first, last) that are neither held nor already asked for. */
  missing(first: number, last: number): number[] {
    const out: number[] = [];
    if (last <= first) return out;
    const from = Math.floor(first / this.pageSize);
    const to = Math.floor((last - 1) / this.pageSize);
    for (let p = from; p <= to; p++) {
      if (!this.pages.has(p) && !this.asked.has(p)) out.push(p);
    }
    return out;
  }

  asking(page: number): void {
    this.asked.add(page);
  }

  put(page: number, rows: T[]): void {
    this.asked.delete(page);
    // Most recently used last, so the oldest page is the first key.
    this.pages.delete(page);
    this.pages.set(page, rows);
    while (this.pages.size > this.keep) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
  }

  /** A request that failed may be asked again. */
  failed(page: number): void {
    this.asked.delete(page);
  }

  clear(): void {
    this.pages.clear();
    this.asked.clear();
  }
}
