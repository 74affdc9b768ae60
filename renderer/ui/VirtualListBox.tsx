// A listbox (or a tree) of many same-height options of which only those in view are drawn (the saved requests, the
// history): the rows come from the virtualizer (useRowScroll), the keys and the active option from the owner.
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import type { RowScroll } from './useRowScroll';

interface Props<T> {
  id: string;
  label: string;
  testId: string;
  className: string;
  listRef: RefObject<HTMLDivElement | null>;
  items: readonly T[];
  rows: RowScroll;
  /** The active option's element id, for aria-activedescendant. */
  activeId: string | undefined;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
  /** 'tree': the options are treeitems with levels (the saved requests' folders). */
  role?: 'listbox' | 'tree';
  /** What data-count says, when not every item is one to count (a tree's folders). */
  count?: number;
  /** One option (role="option", with its key), placed at `top`. */
  option(item: T, top: number): ReactNode;
  /** Under the options: what an empty list, or a filter that matches nothing, says. */
  children?: ReactNode;
}

export function VirtualListBox<T>({ id, label, testId, className, listRef, items, rows, activeId, onKeyDown, role = 'listbox', count = items.length, option, children }: Props<T>) {
  const { start, blockTop, rowTop } = rows;
  return (
    <div
      id={id}
      ref={listRef}
      role={role}
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={activeId}
      data-testid={testId}
      data-count={count}
      className={className}
      onScroll={rows.onScroll}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: rows.scrollHeight, position: 'relative' }}>
        {items.slice(start, start + rows.count).map((item, offset) => option(item, blockTop + rowTop(start + offset, start)))}
      </div>
      {children}
    </div>
  );
}
