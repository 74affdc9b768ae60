// The keyboard of a filtered, windowed listbox (the presets, the history): an active row that arrows, Page Up/Down,
// Home and End move (scrolled into view), Enter opens and Delete removes. Arrows and Enter work from the filter field
// above the list too, so typing and then Enter opens the first match. What it returns as `box` is VirtualListBox's.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useRowScroll } from './useRowScroll';

interface Actions<T> {
  open(item: T): void;
  remove(item: T): void;
  /** More keys, on the list only (F2 renames a preset). */
  listKeys?: Record<string, (item: T) => void>;
  /** The element id an item's option carries, for aria-activedescendant. */
  optionId(item: T): string;
}

/** `resetOn`: the filter; a new one makes its first match active. */
export function useListNavigation<T>(items: readonly T[], rowHeight: number, resetOn: unknown, actions: Actions<T>) {
  const listRef = useRef<HTMLDivElement>(null);
  const rows = useRowScroll(listRef, items.length, rowHeight);
  const [activeIndex, setActiveIndex] = useState(0);
  // A new filter shows its first match, which is active: a view left far down would otherwise show rows past it.
  const { reveal } = rows;
  useEffect(() => {
    setActiveIndex(0);
    reveal(0, 'nearest');
    // Only when the filter changes: reveal is a new function each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetOn]);
  const active: T | undefined = items[Math.min(activeIndex, items.length - 1)];

  const move = useCallback(
    (to: number) => {
      const index = Math.max(0, Math.min(items.length - 1, to));
      setActiveIndex(index);
      rows.reveal(index, 'nearest');
    },
    [items.length, rows],
  );

  const onKeyDown = (event: KeyboardEvent, fromFilter: boolean) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + 10),
      PageUp: () => move(activeIndex - 10),
      Enter: () => active !== undefined && actions.open(active),
    };
    if (!fromFilter) {
      Object.assign(keys, {
        Home: () => move(0),
        End: () => move(items.length - 1),
        Delete: () => active !== undefined && actions.remove(active),
        ...Object.fromEntries(Object.entries(actions.listKeys ?? {}).map(([key, run]) => [key, () => active !== undefined && run(active)])),
      });
    }
    const action = keys[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  };

  return {
    active,
    onFilterKeyDown: (event: KeyboardEvent) => onKeyDown(event, true),
    box: { listRef, items, rows, activeId: active === undefined ? undefined : actions.optionId(active), onKeyDown: (event: KeyboardEvent) => onKeyDown(event, false) },
  };
}
