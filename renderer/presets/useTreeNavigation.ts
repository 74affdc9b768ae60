// The keyboard of the sidebar's tree (the WAI-ARIA tree pattern): ↑/↓, Page Up/Down, Home and End move the selection
// (kept in the library store by key, so it stays on its row as the tree changes); → opens a folder or goes into it,
// ← closes it or goes up to its parent; Enter opens a request or opens and closes a folder; F2 renames, Delete
// deletes, M moves, Shift+N makes a folder there. Arrows and Enter work from the filter field too, so typing and then Enter opens the first match.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useRowScroll } from '../ui/useRowScroll';
import { parentKey, type TreeRow } from './presetTree';
import { ROW_HEIGHT } from './treeRowParts';

export interface TreeKeyActions {
  select(key: string): void;
  toggle(key: string, open: boolean): void;
  /** Enter or a click: a request opens, a folder or a collection opens or closes. */
  activate(row: TreeRow): void;
  rename(row: TreeRow): void;
  remove(row: TreeRow): void;
  move(row: TreeRow): void;
  /** Shift+N: a new folder where the row is. */
  newFolder(row: TreeRow): void;
  /** The filter was cleared with a request selected: its folders open, so it shows where it lives. */
  reveal(key: string): void;
}

export function useTreeNavigation(rows: TreeRow[], selected: string | null, query: string, filtering: boolean, actions: TreeKeyActions) {
  const listRef = useRef<HTMLDivElement>(null);
  const scroll = useRowScroll(listRef, rows.length, ROW_HEIGHT);
  const found = selected === null ? -1 : rows.findIndex((row) => row.key === selected);
  // Where the selection last was: when its row goes (deleted, or filtered out), the one now there is active.
  const [last, setLast] = useState(0);
  if (found >= 0 && found !== last) setLast(found);
  const index = found >= 0 ? found : Math.max(0, Math.min(last, rows.length - 1));
  const active: TreeRow | undefined = rows[index];

  // The selected row is brought into view, wherever it was selected from (a key, a click, a folder just made).
  useEffect(() => {
    if (found >= 0) scroll.reveal(found, 'nearest');
    // Only when the selection or its row moves: reveal is a new function each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, found]);

  // A new filter selects its first matching request (the view shows it); clearing it shows the selected one in place.
  const previousQuery = useRef(query);
  useEffect(() => {
    if (previousQuery.current === query) return;
    const cleared = previousQuery.current.trim() !== '' && query.trim() === '';
    previousQuery.current = query;
    if (cleared && selected?.startsWith('p:')) return actions.reveal(selected);
    const first = Math.max(0, rows.findIndex((row) => row.kind === 'request'));
    if (rows[first]) actions.select(rows[first].key);
    // Only when the filter changes: rows and the rest are what this render has.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  const move = (to: number) => {
    if (rows.length === 0) return;
    const at = Math.max(0, Math.min(rows.length - 1, to));
    actions.select(rows[at]!.key);
  };

  const onKeyDown = (event: KeyboardEvent, fromFilter: boolean) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const row = active;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(index + 1),
      ArrowUp: () => move(index - 1),
      PageDown: () => move(index + 10),
      PageUp: () => move(index - 10),
      Enter: () => row && actions.activate(row),
    };
    if (!fromFilter && row) {
      Object.assign(keys, {
        Home: () => move(0),
        End: () => move(rows.length - 1),
        ArrowRight: () => {
          if (row.kind === 'request') return;
          if (!row.expanded) actions.toggle(row.key, true);
          else move(index + 1);
        },
        ArrowLeft: () => {
          // While filtering, folders stay open: ← goes up.
          if (row.kind !== 'request' && row.expanded && !filtering) return actions.toggle(row.key, false);
          const parent = parentKey(row);
          const at = parent === null ? -1 : rows.findIndex((each) => each.key === parent);
          if (at >= 0) move(at);
        },
        F2: () => actions.rename(row),
        Delete: () => actions.remove(row),
        m: () => actions.move(row),
        M: () => actions.move(row),
        N: () => actions.newFolder(row),
      });
    }
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return {
    active,
    onFilterKeyDown: (event: KeyboardEvent) => onKeyDown(event, true),
    box: { listRef, rows: scroll, onKeyDown: (event: KeyboardEvent) => onKeyDown(event, false) },
  };
}
