// The preset library: filter, a windowed list (fast with 10,000 presets), keyboard navigation, and row actions.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { KeypostError } from '../../shared/errors';
import type { PresetSummary } from '../../shared/presets';
import { isMac } from '../platform';
import { usePresetFilter } from '../presetFilter';
import { useListNavigation } from '../useListNavigation';
import { PresetRow } from './PresetRow';
import './presets.css';

const ROW_HEIGHT = 30;

interface Props {
  presets: PresetSummary[];
  currentId: string | null;
  dirty: boolean;
  onOpen(id: string): void;
  onNew(): void;
  /** Answers an error to show beside the field, or null when renamed. */
  onRename(id: string, name: string): Promise<KeypostError | null>;
  onDuplicate(id: string): void;
  onDelete(id: string): void;
  onExport(ids: string[]): void;
  onImport(): void;
}

export const PresetSidebar = memo(function PresetSidebar(props: Props) {
  const { presets, currentId, dirty } = props;
  const [query, setQuery] = useState('');
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [renameError, setRenameError] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const shown = usePresetFilter(presets, query);

  // Deleted presets leave the selection.
  useEffect(() => {
    setChecked((previous) => {
      if (previous.size === 0) return previous;
      const ids = new Set(presets.map((p) => p.id));
      return new Set([...previous].filter((id) => ids.has(id)));
    });
  }, [presets]);

  const startRename = useCallback((id: string) => {
    setRenameError(null);
    setRenamingId(id);
  }, []);
  const cancelRename = useCallback(() => {
    setRenamingId(null);
    setRenameError(null);
  }, []);
  const { onRename } = props;
  const rename = useCallback(
    async (id: string, name: string) => {
      const error = await onRename(id, name);
      if (error) setRenameError(error.message);
      else cancelRename();
    },
    [onRename, cancelRename],
  );
  const check = useCallback((id: string, on: boolean) => {
    setChecked((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const { rows, active, onKeyDown } = useListNavigation(shown, listRef, ROW_HEIGHT, query, {
    open: (preset) => props.onOpen(preset.id),
    remove: (preset) => props.onDelete(preset.id),
    listKeys: { F2: (preset) => startRename(preset.id) },
  });

  const exportIds = checked.size > 0 ? [...checked] : shown.map((p) => p.id);
  const visible = shown.slice(rows.start, rows.end);

  return (
    <aside className="sidebar" aria-label="Presets">
      <div className="sidebar-head">
        <h2>Presets</h2>
        <button type="button" data-testid="preset-new" onClick={props.onNew} title="New request">
          New
        </button>
      </div>
      <input
        type="search"
        data-testid="preset-filter"
        aria-label="Filter presets"
        aria-controls="preset-list"
        placeholder={`Filter ${presets.length} preset${presets.length === 1 ? '' : 's'}…`}
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => onKeyDown(event, true)}
      />
      <div
        id="preset-list"
        ref={listRef}
        role="listbox"
        tabIndex={0}
        aria-label="Presets"
        aria-activedescendant={active ? `preset-${active.id}` : undefined}
        data-testid="preset-list"
        data-count={shown.length}
        className="preset-list"
        onScroll={rows.onScroll}
        onKeyDown={(event) => onKeyDown(event, false)}
      >
        <div style={{ height: rows.totalHeight, position: 'relative' }}>
          {visible.map((preset, offset) => (
            <PresetRow
              key={preset.id}
              preset={preset}
              top={(rows.start + offset) * ROW_HEIGHT}
              active={preset === active}
              open={preset.id === currentId}
              dirty={dirty}
              checked={checked.has(preset.id)}
              renaming={preset.id === renamingId}
              onOpen={props.onOpen}
              onCheck={check}
              onStartRename={startRename}
              onRename={rename}
              onCancelRename={cancelRename}
              onDuplicate={props.onDuplicate}
              onDelete={props.onDelete}
            />
          ))}
        </div>
        {presets.length === 0 && <p className="sidebar-empty">No presets yet. Press {isMac ? '⌘S' : 'Ctrl+S'} to save the current request.</p>}
        {presets.length > 0 && shown.length === 0 && <p className="sidebar-empty">No preset matches “{query}”.</p>}
      </div>
      {renameError && (
        <p className="field-error" role="alert" data-testid="preset-rename-error">
          {renameError}
        </p>
      )}
      <div className="sidebar-foot">
        <button type="button" data-testid="preset-import" onClick={props.onImport}>
          Import…
        </button>
        <button type="button" data-testid="preset-export" disabled={exportIds.length === 0} onClick={() => props.onExport(exportIds)}>
          {checked.size > 0 ? `Export ${checked.size} selected…` : 'Export shown…'}
        </button>
      </div>
    </aside>
  );
});
