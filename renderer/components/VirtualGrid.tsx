// A grid that draws only the rows in view, for extracts and files of a million lines: fixed row
// height, a spacer as tall as all rows, and the visible slice placed inside it. One Tab stop; the
// arrow keys, Page Up/Down, Home and End move the active row (announced through
// aria-activedescendant), which is always scrolled into view.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode, Ref } from 'react';
import { movedIndex, scrollTopOf, scrollToShow, virtualWindow } from './virtual';

export interface VirtualGridHandle {
  /** Makes `row` active, brings it into view and moves focus to the grid. */
  goTo(row: number): void;
}

export interface VirtualGridProps {
  label: string;
  count: number;
  rowHeight: number;
  /** The columns' widths, as CSS grid-template-columns. */
  columns: string;
  header: ReactNode;
  /** The cells of one row (role="gridcell" elements); undefined-safe while data loads. */
  renderCells: (index: number) => ReactNode;
  /** Whether a row is chosen, for grids whose rows can be chosen (announced as selected). */
  rowSelected?: (index: number) => boolean;
  /** Extra class for a row, e.g. to highlight it. */
  rowClass?: (index: number) => string | undefined;
  /** Called with the rows in view, so their data can be fetched. */
  onRange?: (first: number, last: number) => void;
  /** Keys other than navigation, e.g. Space to select the active row. */
  onRowKey?: (e: KeyboardEvent<HTMLDivElement>, row: number) => void;
  onActiveChange?: (row: number) => void;
  /** Visible height of the grid. */
  height: string;
  idPrefix: string;
  /** When it changes (a new filter, another file), the grid goes back to its first row. */
  resetKey?: unknown;
  describedBy?: string;
  handle?: Ref<VirtualGridHandle>;
  className?: string;
}

const HEADER = 32;

const useStyles = makeStyles({
  grid: {
    position: 'relative',
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'grid',
    height: `${HEADER}px`,
    alignItems: 'center',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: 'max-content',
  },
  spacer: { position: 'relative', minWidth: 'max-content' },
  rows: { position: 'absolute', left: 0, right: 0, minWidth: 'max-content' },
  row: {
    display: 'grid',
    alignItems: 'center',
    whiteSpace: 'pre',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    boxSizing: 'border-box',
  },
  active: {
    outline: `2px solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '-2px',
  },
});

export const useGridCellStyles = makeStyles({
  cell: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  headerCell: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function VirtualGrid(p: VirtualGridProps) {
  const s = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const [active, setActive] = useState(0);
  // The active row is outlined only while the grid has focus, like any focus indicator.
  const [focused, setFocused] = useState(false);
  const frame = useRef(0);
  const geometry = { rowHeight: p.rowHeight, count: p.count, viewport: viewport - HEADER };
  const win = virtualWindow(scrollTop, geometry);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    setViewport(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  const { onRange } = p;
  useEffect(() => {
    onRange?.(win.first, win.last);
  }, [onRange, win.first, win.last]);

  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = 0;
    setScrollTop(0);
    setActive(0);
  }, [p.resetKey]);

  useEffect(() => {
    // A shorter list may leave the active row past its end.
    if (active >= p.count) setActive(Math.max(0, p.count - 1));
  }, [active, p.count]);

  const show = useCallback(
    (row: number) => {
      const el = scroller.current;
      if (!el) return;
      const g = { rowHeight: p.rowHeight, count: p.count, viewport: el.clientHeight - HEADER };
      const next = scrollToShow(row, el.scrollTop, g);
      if (next !== el.scrollTop) {
        el.scrollTop = next;
        setScrollTop(next);
      }
    },
    [p.count, p.rowHeight],
  );

  const activate = useCallback(
    (row: number) => {
      setActive(row);
      p.onActiveChange?.(row);
      show(row);
    },
    [p, show],
  );

  useImperativeHandle(
    p.handle,
    () => ({
      goTo: (row: number) => {
        const el = scroller.current;
        if (el) {
          const g = { rowHeight: p.rowHeight, count: p.count, viewport: el.clientHeight - HEADER };
          // Put the row a little below the top, so the lines before it give context.
          const top = scrollTopOf(Math.max(0, row - 3), g);
          el.scrollTop = top;
          setScrollTop(top);
        }
        setActive(row);
        p.onActiveChange?.(row);
        el?.focus({ preventScroll: true });
      },
    }),
    [p],
  );

  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(scroller.current?.scrollTop ?? 0));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((viewport - HEADER) / p.rowHeight) - 1);
    const next = movedIndex(e.key, active, p.count, page);
    if (next !== active && next >= 0) {
      e.preventDefault();
      activate(next);
      return;
    }
    if (['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].includes(e.key)) {
      e.preventDefault();
      return;
    }
    if (p.count > 0) p.onRowKey?.(e, active);
  };

  const rows: ReactNode[] = [];
  for (let i = win.first; i < win.last; i++) {
    rows.push(
      <div
        key={i}
        id={`${p.idPrefix}-${i}`}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={p.rowSelected?.(i)}
        className={mergeClasses(s.row, p.rowClass?.(i), focused && i === active && s.active)}
        style={{ height: p.rowHeight, gridTemplateColumns: p.columns }}
        onMouseDown={() => {
          setActive(i);
          p.onActiveChange?.(i);
        }}
      >
        {p.renderCells(i)}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      role="grid"
      aria-label={p.label}
      aria-rowcount={p.count + 1}
      aria-multiselectable={p.rowSelected ? true : undefined}
      aria-describedby={p.describedBy}
      aria-activedescendant={p.count > 0 ? `${p.idPrefix}-${active}` : undefined}
      tabIndex={0}
      className={mergeClasses(s.grid, p.className)}
      style={{ height: p.height }}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      onFocus={(e) => e.target === e.currentTarget && setFocused(true)}
      onBlur={(e) => e.target === e.currentTarget && setFocused(false)}
    >
      <div
        role="row"
        aria-rowindex={1}
        className={s.header}
        style={{ gridTemplateColumns: p.columns }}
      >
        {p.header}
      </div>
      <div className={s.spacer} style={{ height: win.height }}>
        <div role="rowgroup" className={s.rows} style={{ top: win.offset }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
