import { describe, expect, it } from 'vitest';
import {
  countIn,
  selectAll,
  setRows,
  toggleRow,
} from '../../../renderer/screens/files/wizard/selection';
import {
  fieldColumns,
  initialCodes,
  mappingToSave,
  repeatedCodes,
} from '../../../renderer/screens/files/engine/mapping';
import {
  MAX_SCROLL_HEIGHT,
  movedIndex,
  rowAt,
  scrollToShow,
  scrollTopOf,
  virtualWindow,
} from '../../../renderer/components/virtual';
import { RowPages } from '../../../renderer/components/row-pages';

describe('record selection', () => {
  it('starts with every record and counts as it changes, without touching the old value', () => {
    const all = selectAll(5);
    const fewer = setRows(all, false, [1, 3, 3]);
    expect(fewer.count).toBe(3);
    expect([...fewer.bits]).toEqual([1, 0, 1, 0, 1]);
    expect(all.count).toBe(5);
    expect(toggleRow(fewer, 1).count).toBe(4);
    expect(setRows(fewer, false).count).toBe(0);
    expect(setRows(fewer, true).count).toBe(5);
  });

  it('counts the chosen records among those a filter shows', () => {
    const sel = setRows(selectAll(4), false, [0]);
    expect(countIn(sel, [0, 1, 2])).toBe(2);
  });

  it('ignores rows outside the extract', () => {
    expect(setRows(selectAll(2), false, [7, -1]).count).toBe(2);
  });
});

describe('column mapping', () => {
  it('matches field-code headers (any case) to themselves and others from what was remembered', () => {
    expect(
      initialCodes(['A01', 'l42A', 'LEARNER_REF', ' START ', 'NOTES'], {
        LEARNER_REF: 'L03',
        START: 'A27',
        NOTES: 'not a code',
      }),
    ).toEqual(['A01', 'L42a', 'L03', 'A27', '']);
  });

  it('finds a field chosen for two columns', () => {
    expect(repeatedCodes(['A01', '', 'A27', '', 'A27'])).toEqual(['A27']);
  });

  it('remembers only the headers that are not field codes, and says when nothing changed', () => {
    const header = ['A01', 'LEARNER_REF', 'OLD'];
    expect(mappingToSave(header, ['A01', 'L03', ''], { OLD: 'L12' })).toEqual({
      LEARNER_REF: 'L03',
    });
    expect(mappingToSave(header, ['A01', 'L03', ''], { LEARNER_REF: 'L03' })).toBeUndefined();
  });

  it('lists the columns of one data set', () => {
    expect(fieldColumns(['A01', 'L03', '', 'A27'], 'A')).toEqual([
      { code: 'A01', col: 0 },
      { code: 'A27', col: 3 },
    ]);
  });
});

describe('virtual rows', () => {
  const g = { rowHeight: 28, count: 1000, viewport: 280 };

  it('draw only the rows in view and a few either side', () => {
    const w = virtualWindow(2800, g);
    expect(w.first).toBe(96);
    expect(w.last).toBe(115);
    expect(w.offset).toBe(96 * 28);
    expect(w.height).toBe(28_000);
  });

  it('draw nothing for an empty list', () => {
    expect(virtualWindow(0, { ...g, count: 0 })).toEqual({
      first: 0,
      last: 0,
      offset: 0,
      height: 0,
    });
  });

  it('scale a list taller than browsers allow, and still reach its last row', () => {
    const big = { rowHeight: 28, count: 1_000_000, viewport: 560 };
    expect(virtualWindow(0, big).height).toBe(MAX_SCROLL_HEIGHT);
    const end = virtualWindow(MAX_SCROLL_HEIGHT - 560, big);
    expect(end.last).toBe(1_000_000);
    expect(end.last - end.first).toBeLessThan(40);
    // The last row sits at the bottom of the view.
    const lastTop = end.offset + (999_999 - end.first) * 28;
    expect(lastTop + 28).toBeCloseTo(MAX_SCROLL_HEIGHT, 0);
    const mid = scrollTopOf(500_000, big);
    expect(rowAt(mid, big)).toBeCloseTo(500_000, 3);
  });

  it('scroll as little as needed to show a row', () => {
    expect(scrollToShow(5, 0, g)).toBe(0);
    expect(scrollToShow(20, 0, g)).toBe(11 * 28);
    expect(scrollToShow(2, 280, g)).toBe(56);
  });

  it('move the active row with the arrows, a page at a time, and to either end', () => {
    expect(movedIndex('ArrowDown', 0, 10, 5)).toBe(1);
    expect(movedIndex('ArrowUp', 0, 10, 5)).toBe(0);
    expect(movedIndex('PageDown', 7, 10, 5)).toBe(9);
    expect(movedIndex('PageUp', 7, 10, 5)).toBe(2);
    expect(movedIndex('End', 0, 10, 5)).toBe(9);
    expect(movedIndex('Home', 7, 10, 5)).toBe(0);
    expect(movedIndex('x', 7, 10, 5)).toBe(7);
    expect(movedIndex('ArrowDown', 0, 0, 5)).toBe(-1);
  });
});

describe('row pages', () => {
  it('ask once for each missing page in view', () => {
    const p = new RowPages<string>(3, 10);
    expect(p.missing(5, 25)).toEqual([0, 1, 2]);
    p.asking(0);
    p.put(
      1,
      Array.from({ length: 10 }, (_, i) => `r${10 + i}`),
    );
    expect(p.missing(5, 25)).toEqual([2]);
    expect(p.get(12)).toBe('r12');
    expect(p.get(3)).toBeUndefined();
  });

  it('forget the least recently used pages beyond what they keep', () => {
    const p = new RowPages<number>(2, 1);
    p.put(0, [0]);
    p.put(1, [1]);
    p.put(0, [0]);
    p.put(2, [2]);
    expect(p.get(1)).toBeUndefined();
    expect(p.get(0)).toBe(0);
  });

  it('ask again for a page whose request failed', () => {
    const p = new RowPages<number>(2, 10);
    p.asking(0);
    expect(p.missing(0, 5)).toEqual([]);
    p.failed(0);
    expect(p.missing(0, 5)).toEqual([0]);
  });
});
