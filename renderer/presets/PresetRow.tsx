// One saved request in the sidebar's tree: name, method, unsaved marker, and its actions (or the rename field).
import { memo } from 'react';
import type { RequestRow } from './presetTree';
import { RenameField, RowButton, treeItemProps, type TreeDrag } from './treeRowParts';

interface Props {
  row: RequestRow;
  top: number;
  active: boolean;
  open: boolean;
  dirty: boolean;
  checked: boolean;
  renaming: boolean;
  dropTarget: boolean;
  /** Where it lives, in words (shown on hover with its URL). */
  where: string;
  drag: TreeDrag;
  onOpen(id: string): void;
  onCheck(id: string, checked: boolean): void;
  onStartRename(key: string): void;
  onRename(id: string, name: string): void;
  onCancelRename(): void;
  onDuplicate(id: string): void;
  onDelete(id: string): void;
  onMove(row: RequestRow): void;
}

export const PresetRow = memo(function PresetRow(props: Props) {
  const { row, top, active, open, dirty, checked, renaming, dropTarget, where, drag } = props;
  const { preset } = row;
  return (
    <div
      id={`preset-${preset.id}`}
      {...treeItemProps(row, top, active, drag)}
      data-testid="preset-item"
      data-name={preset.name}
      data-open={open || undefined}
      className={`preset-row${active ? ' active' : ''}${open ? ' open' : ''}${dropTarget ? ' drop-target' : ''}`}
      onClick={() => !renaming && props.onOpen(preset.id)}
      onDoubleClick={() => props.onStartRename(row.key)}
    >
      <input
        type="checkbox"
        data-testid="preset-check"
        aria-label={`Select ${preset.name} for export`}
        checked={checked}
        tabIndex={-1}
        onClick={(event) => event.stopPropagation()}
        onChange={(event) => props.onCheck(preset.id, event.target.checked)}
      />
      {renaming ? (
        <RenameField name={preset.name} testId="preset-rename-input" label="New preset name" onDone={(name) => props.onRename(preset.id, name)} onCancel={props.onCancelRename} />
      ) : (
        <>
          <span className="preset-method">{preset.method}</span>
          <span className="preset-name" title={`${preset.url}\n${where}`}>
            {preset.name}
          </span>
          {open && dirty && (
            <span className="unsaved-dot" title="Unsaved changes" aria-label="unsaved changes">
              ●
            </span>
          )}
          <span className="preset-actions">
            <RowButton testId="preset-rename" label="Rename (F2)" icon="✎" onClick={() => props.onStartRename(row.key)} />
            <RowButton testId="preset-duplicate" label="Duplicate" icon="Copy" onClick={() => props.onDuplicate(preset.id)} />
            <RowButton testId="preset-move" label="Move to… (M)" icon="⇄" onClick={() => props.onMove(row)} />
            <RowButton testId="preset-delete" label="Delete" icon="×" onClick={() => props.onDelete(preset.id)} />
          </span>
        </>
      )}
    </div>
  );
});
