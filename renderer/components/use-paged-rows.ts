// Rows for a VirtualGrid fetched on demand, a page at a time. `source` changing (a new filter, a
// rebuilt file) starts afresh; answers for an older source are ignored.
import { useCallback, useEffect, useRef, useState } from 'react';
import { RowPages } from './row-pages';

export function usePagedRows<T>(
  source: unknown,
  fetchPage: (from: number, to: number) => Promise<T[]>,
): { get: (index: number) => T | undefined; onRange: (first: number, last: number) => void } {
  const pages = useRef(new RowPages<T>());
  const generation = useRef(0);
  const fetcher = useRef(fetchPage);
  const range = useRef<[number, number]>([0, 0]);
  const [, setVersion] = useState(0);

  useEffect(() => {
    fetcher.current = fetchPage;
  });

  const load = useCallback((first: number, last: number) => {
    range.current = [first, last];
    const mine = generation.current;
    const p = pages.current;
    for (const page of p.missing(first, last)) {
      p.asking(page);
      fetcher.current(page * p.pageSize, (page + 1) * p.pageSize).then(
        (rows) => {
          if (mine !== generation.current) return;
          p.put(page, rows);
          setVersion((v) => v + 1);
        },
        () => {
          if (mine === generation.current) p.failed(page);
        },
      );
    }
  }, []);

  useEffect(() => {
    generation.current++;
    pages.current.clear();
    setVersion((v) => v + 1);
    load(...range.current);
  }, [source, load]);

  const get = useCallback((index: number) => pages.current.get(index), []);
  return { get, onRange: load };
}
