// One preset in the sidebar: name, method, unsaved marker, and its actions (or the rename field).
import { memo, useState } from 'react';
import type { PresetSummary } from '../../shared/presets';

interface Props {
  preset: PresetSummary;
  top: number;
  active: boolean;
  open: boolean;
  dirty: boolean;
  checked: boolean;
  renaming: boolean;
  onOpen(id: string): void;
  onCheck(id: string, checked: boolean): void;
  onStartRename(id: string): void;
  onRename(id: string, name: string): void;
  onCancelRename(): void;
  onDuplicate(id: string): void;
  onDelete(id: string): void;
}

export const PresetRow = memo(function PresetRow(props: Props) {
  const { preset, top, active, open, dirty, checked, renaming } = props;
  return (
    <div
      id={`preset-${preset.id}`}
      role="option"
      aria-selected={active}
      data-testid="preset-item"
      data-open={open || undefined}
      className={`preset-row${active ? ' active' : ''}${open ? ' open' : ''}`}
      style={{ top }}
      onClick={() => !renaming && props.onOpen(preset.id)}
      onDoubleClick={() => props.onStartRename(preset.id)}
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
        <RenameField name={preset.name} onDone={(name) => props.onRename(preset.id, name)} onCancel={props.onCancelRename} />
      ) : (
        <>
          <span className="preset-method">{preset.method}</span>
          <span className="preset-name" title={preset.url}>
            {preset.name}
          </span>
          {open && dirty && (
            <span className="unsaved-dot" title="Unsaved changes" aria-label="unsaved changes">
              ●
            </span>
          )}
          <span className="preset-actions">
            <RowButton testId="preset-rename" label="Rename" icon="✎" onClick={() => props.onStartRename(preset.id)} />
            <RowButton testId="preset-duplicate" label="Duplicate" icon="Copy" onClick={() => props.onDuplicate(preset.id)} />
            <RowButton testId="preset-delete" label="Delete" icon="×" onClick={() => props.onDelete(preset.id)} />
          </span>
        </>
      )}
    </div>
  );
});

function RowButton({ testId, label, icon, onClick }: { testId: string; label: string; icon: string; onClick(): void }) {
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

function RenameField({ name, onDone, onCancel }: { name: string; onDone(name: string): void; onCancel(): void }) {
  const [value, setValue] = useState(name);
  return (
    <input
      type="text"
      className="preset-rename"
      data-testid="preset-rename-input"
      aria-label="New preset name"
      autoFocus
      value={value}
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
