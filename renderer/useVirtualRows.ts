// Windowing for long lists: only the rows in view (plus a margin) are in the DOM, so 10,000 presets stay fast.
import { useCallback, useEffect, useState, type RefObject } from 'react';

const OVERSCAN = 8;

export function useVirtualRows(container: RefObject<HTMLElement | null>, count: number, rowHeight: number) {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => observer.disconnect();
  }, [container]);

  // A shorter list (after filtering) can leave the old scroll position past its end.
  useEffect(() => {
    const element = container.current;
    if (element && element.scrollTop > count * rowHeight) element.scrollTo({ top: 0 });
  }, [container, count, rowHeight]);

  const onScroll = useCallback(() => setScrollTop(container.current?.scrollTop ?? 0), [container]);

  /** Scrolls just enough to show row `index` (keyboard navigation). */
  const reveal = useCallback(
    (index: number) => {
      const element = container.current;
      if (!element) return;
      const top = index * rowHeight;
      const scrollTo = (position: number) => element.scrollTo({ top: position });
      if (top < element.scrollTop) scrollTo(top);
      else if (top + rowHeight > element.scrollTop + element.clientHeight) scrollTo(top + rowHeight - element.clientHeight);
    },
    [container, rowHeight],
  );

  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return { start, end, totalHeight: count * rowHeight, onScroll, reveal };
}
