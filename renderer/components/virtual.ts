// The arithmetic of a virtualised list: fixed row height, a spacer as tall as every row together,
// and only the rows in view (plus a few either side) drawn. Browsers cap an element's height
// (Chromium near 33.5 million pixels, Firefox near 17.9 million), so past MAX_SCROLL_HEIGHT the
// scroll position is scaled to the row range instead of mapping one pixel to one pixel.

export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface VirtualWindow {
  /** First row drawn. */
  first: number;
  /** One past the last row drawn. */
  last: number;
  /** Where the first drawn row sits, in pixels from the top of the spacer. */
  offset: number;
  /** The spacer's height. */
  height: number;
}

interface Geometry {
  rowHeight: number;
  count: number;
  viewport: number;
}

function spacerHeight({ rowHeight, count }: Geometry): number {
  return Math.min(count * rowHeight, MAX_SCROLL_HEIGHT);
}

/** The (fractional) row at the top of the view for a scroll position. */
export function rowAt(scrollTop: number, g: Geometry): number {
  const full = g.count * g.rowHeight;
  if (full <= MAX_SCROLL_HEIGHT) return Math.max(0, scrollTop / g.rowHeight);
  const range = spacerHeight(g) - g.viewport;
  const rows = Math.max(0, g.count - g.viewport / g.rowHeight);
  return range > 0 ? Math.max(0, (scrollTop / range) * rows) : 0;
}

/** The scroll position that puts `row` at the top of the view. */
export function scrollTopOf(row: number, g: Geometry): number {
  const full = g.count * g.rowHeight;
  if (full <= MAX_SCROLL_HEIGHT) return row * g.rowHeight;
  const range = spacerHeight(g) - g.viewport;
  const rows = Math.max(1, g.count - g.viewport / g.rowHeight);
  return Math.min(range, (row / rows) * range);
}

export function virtualWindow(scrollTop: number, g: Geometry, overscan = 4): VirtualWindow {
  const height = spacerHeight(g);
  if (g.count === 0) return { first: 0, last: 0, offset: 0, height };
  const top = rowAt(scrollTop, g);
  const whole = Math.floor(top);
  const first = Math.max(0, whole - overscan);
  const last = Math.min(g.count, whole + Math.ceil(g.viewport / g.rowHeight) + 1 + overscan);
  // Row `whole` is drawn where the view's top is, shifted by the fraction scrolled past it.
  const offset = Math.max(0, scrollTop - (top - first) * g.rowHeight);
  return { first, last, offset, height };
}

/** The scroll position that brings `row` fully into view, moving as little as possible. */
export function scrollToShow(row: number, scrollTop: number, g: Geometry): number {
  const top = rowAt(scrollTop, g);
  const rowsInView = Math.max(1, Math.floor(g.viewport / g.rowHeight));
  if (row < top) return scrollTopOf(row, g);
  if (row + 1 > top + rowsInView) return scrollTopOf(row + 1 - rowsInView, g);
  return scrollTop;
}

/** Where keyboard navigation lands: arrows, Page Up/Down, Home and End. */
export function movedIndex(key: string, active: number, count: number, page: number): number {
  if (count === 0) return -1;
  const to = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowDown':
      return to(active + 1);
    case 'ArrowUp':
      return to(active - 1);
    case 'PageDown':
      return to(active + page);
    case 'PageUp':
      return to(active - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return active;
  }
}
