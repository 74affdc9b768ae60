// The one virtualizer: which of many fixed-height rows are drawn, and where the view is scrolled to. It serves the
// windowed lists (presets, history: VirtualListBox) and a body's lines and Tree (LineView, TreeView). Past ~15 million
// pixels (Chromium's element height limit) the scrollbar is scaled: its offset picks a row, and the rows are drawn from
// the viewport's top. So the position is the row at the top, and that row stays put when the number of rows changes
// (more of a body arrives, a fold or a tree node opens or closes, a list is filtered). Kept as an offset, a scaled view
// would slide down a body while it arrived, drawing every row anew at each update.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

const MAX_SCROLL_HEIGHT = 15_000_000;
/** Rows fetched above and below the screen, unscaled, so a short scroll shows rows at once. */
const OVERSCAN = 10;

export interface RowScroll {
  /** The height of the rows' container: all rows, or the most an element can be. */
  scrollHeight: number;
  /** The rows to fetch: the screen's, and a margin when unscaled. */
  start: number;
  count: number;
  /** Where the block holding the rows sits, and where a row sits in it; `first` is the first row fetched. Scaled, the
   *  rows are drawn from the viewport's top, so as the thumb moves the block moves, not every row in it. */
  blockTop: number;
  rowTop: (row: number, first: number) => number;
  onScroll: (event: UIEvent<HTMLElement>) => void;
  /** Brings a row on screen: at the top when scaled; else, if it was off screen, centred (a find match) or just
   *  inside the nearest edge (a list's keyboard moves one row at a time, and the view follows by one row). */
  reveal: (row: number, align?: 'centre' | 'nearest') => void;
}

export function useRowScroll(viewport: RefObject<HTMLElement | null>, total: number, rowHeight: number): RowScroll {
  const [position, setPosition] = useState({ top: 0, row: 0 });
  // The viewport's height, as laid out (it changes with the window).
  const [height, setHeight] = useState(600);
  useEffect(() => {
    const element = viewport.current!;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, [viewport]);
  /** The offset this view last scrolled itself to: its scroll event keeps the row. */
  const placed = useRef<number | null>(null);

  const visible = Math.ceil(height / rowHeight);
  const scrollHeight = Math.min(total * rowHeight, MAX_SCROLL_HEIGHT);
  const scaled = total * rowHeight > MAX_SCROLL_HEIGHT;
  const lastTopRow = Math.max(0, total - visible);
  const room = Math.max(1, scrollHeight - height);
  const rowAt = (top: number) => (scaled ? Math.round((top / room) * lastTopRow) : Math.floor(top / rowHeight));
  const offsetOf = (row: number) => (scaled ? (row / Math.max(1, lastTopRow)) * room : row * rowHeight);

  const place = (element: HTMLElement, row: number) => {
    element.scrollTo({ top: offsetOf(row) });
    placed.current = element.scrollTop;
    setPosition({ top: element.scrollTop, row });
  };

  // The row count changed: the row at the top stays (the scaled scrollbar's thumb moves to match). Unless the
  // viewport has moved since its last scroll event: that scroll, not yet seen, sets the row. (Reading the offset lays
  // the page out, so it is read only when the thumb must move: unscaled, the offset already shows the row.)
  const kept = Math.min(position.row, lastTopRow);
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element || (scaled ? Math.abs(position.top - offsetOf(kept)) < 1 : rowAt(position.top) === kept)) return;
    if (element.scrollTop === position.top) place(element, kept);
    // Only when the rows or the viewport change; a scroll sets the row itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [total, height]);

  const firstRow = scaled ? kept : Math.floor(position.top / rowHeight);
  return {
    scrollHeight,
    start: scaled ? firstRow : Math.max(0, firstRow - OVERSCAN),
    count: visible + (scaled ? 1 : 2 * OVERSCAN),
    blockTop: scaled ? position.top : 0,
    rowTop: (row, first) => (scaled ? row - first : row) * rowHeight,
    onScroll: (event) => {
      const top = event.currentTarget.scrollTop;
      const ours = top === placed.current;
      placed.current = null;
      setPosition((old) => {
        const row = ours ? old.row : rowAt(top);
        return old.top === top && old.row === row ? old : { top, row };
      });
    },
    reveal: (row, align = 'centre') => {
      const element = viewport.current;
      if (!element) return;
      if (scaled) return place(element, row);
      const top = row * rowHeight;
      const above = top < element.scrollTop;
      if (!above && top + rowHeight <= element.scrollTop + element.clientHeight) return;
      if (align === 'centre') element.scrollTo({ top: top - element.clientHeight / 2 });
      else element.scrollTo({ top: above ? top : top + rowHeight - element.clientHeight });
    },
  };
}
