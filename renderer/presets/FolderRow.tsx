// A folder in the sidebar's tree: a folder on disk inside its collection, opened and closed in place, with its
// actions (a folder in it, rename, move, delete) or the rename field.
import { memo } from 'react';
import type { FolderRow as Folder } from './presetTree';
import { Chevron, RenameField, RowButton, treeItemProps, type TreeDrag } from './treeRowParts';

interface Props {
  row: Folder;
  top: number;
  active: boolean;
  renaming: boolean;
  dropTarget: boolean;
  drag: TreeDrag;
  onActivate(row: Folder): void;
  onNewFolder(row: Folder): void;
  onStartRename(key: string): void;
  onRename(row: Folder, name: string): void;
  onCancelRename(): void;
  onMove(row: Folder): void;
  onDelete(row: Folder): void;
}

export const FolderRow = memo(function FolderRow(props: Props) {
  const { row, top, active, renaming, dropTarget, drag } = props;
  return (
    <div
      id={`folder-${encodeURIComponent(row.key)}`}
      {...treeItemProps(row, top, active, drag)}
      data-testid="folder-row"
      data-name={row.name}
      data-path={row.folder}
      className={`preset-row folder-row${active ? ' active' : ''}${dropTarget ? ' drop-target' : ''}`}
      onClick={() => !renaming && props.onActivate(row)}
      onDoubleClick={() => props.onStartRename(row.key)}
    >
      <Chevron row={row} />
      {renaming ? (
        <RenameField name={row.name} testId="folder-rename-input" label="New folder name" onDone={(name) => props.onRename(row, name)} onCancel={props.onCancelRename} />
      ) : (
        <>
          <span className="preset-name folder-name" title={row.folder}>
            {row.name}
          </span>
          <span className="tree-count" title={`${row.requests} request${row.requests === 1 ? '' : 's'} inside`}>
            {row.requests}
          </span>
          <span className="preset-actions">
            <RowButton testId="folder-new" label="New folder in it" icon="+" onClick={() => props.onNewFolder(row)} />
            <RowButton testId="folder-rename" label="Rename (F2)" icon="✎" onClick={() => props.onStartRename(row.key)} />
            <RowButton testId="folder-move" label="Move to… (M)" icon="⇄" onClick={() => props.onMove(row)} />
            <RowButton testId="folder-delete" label="Delete…" icon="×" onClick={() => props.onDelete(row)} />
          </span>
        </>
      )}
    </div>
  );
});
