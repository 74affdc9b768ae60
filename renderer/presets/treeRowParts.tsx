// What the tree's rows share: their place and nesting, a row's small buttons, the inline rename field, and the drag
// and drop each row takes part in (the sidebar decides what may go where: presetTree.ts dropPlace).
import { useState, type CSSProperties, type DragEvent } from 'react';
import type { TreeRow } from './presetTree';

export const ROW_HEIGHT = 30;
const INDENT = 14;

/** What a row hands the sidebar as it is dragged, or as something is dragged over it. */
export interface TreeDrag {
  start(row: TreeRow, event: DragEvent): void;
  over(row: TreeRow, event: DragEvent): void;
  leave(row: TreeRow): void;
  drop(row: TreeRow, event: DragEvent): void;
  end(): void;
}

/** A row's element attributes as a treeitem: its level, place, selection, and its part in a drag. */
export function treeItemProps(row: TreeRow, top: number, active: boolean, drag: TreeDrag) {
  const style: CSSProperties = { top, paddingLeft: 6 + row.depth * INDENT };
  return {
    role: 'treeitem',
    'aria-level': row.depth + 1,
    'aria-selected': active,
    'aria-expanded': row.kind === 'request' ? undefined : row.expanded,
    style,
    draggable: row.kind !== 'collection',
    onDragStart: (event: DragEvent) => drag.start(row, event),
    onDragOver: (event: DragEvent) => drag.over(row, event),
    onDragLeave: () => drag.leave(row),
    onDrop: (event: DragEvent) => drag.drop(row, event),
    onDragEnd: () => drag.end(),
  } as const;
}

/** ▸ closed, ▾ open; nothing for a folder with nothing in it. */
export function Chevron({ row }: { row: TreeRow }) {
  if (row.kind === 'request') return null;
  const empty = row.kind === 'folder' && row.empty;
  return (
    <span className="tree-chevron" aria-hidden="true">
      {empty ? '' : row.expanded ? '▾' : '▸'}
    </span>
  );
}

export function RowButton({ testId, label, icon, onClick }: { testId: string; label: string; icon: string; onClick(): void }) {
  return (
    <button
      type="button"
      data-testid={testId}
      title={label}
      aria-label={label}
      tabIndex={-1}
      onClick={(event) => {
        event.stopPropagation();
        onClick();
      }}
    >
      {icon}
    </button>
  );
}

export function RenameField({ name, testId, label, onDone, onCancel }: { name: string; testId: string; label: string; onDone(name: string): void; onCancel(): void }) {
  const [value, setValue] = useState(name);
  return (
    <input
      type="text"
      className="preset-rename"
      data-testid={testId}
      aria-label={label}
      autoFocus
      value={value}
      draggable={false}
      onFocus={(event) => event.target.select()}
      onClick={(event) => event.stopPropagation()}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') onDone(value);
        if (event.key === 'Escape') onCancel();
      }}
      onBlur={onCancel}
    />
  );
}
