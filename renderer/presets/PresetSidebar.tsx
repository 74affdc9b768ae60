// The preset library: filter, a windowed list (fast with 10,000 presets), keyboard navigation, and row actions.
import { memo, useCallback, useEffect, useState } from 'react';
import type { KeypostError } from '../../shared/errors';
import type { PresetSummary } from '../../shared/presets';
import { isMac } from '../platform';
import { usePresetFilter } from './presetFilter';
import { FieldError, TextInput, useListNavigation, VirtualListBox } from '../ui';
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

  const { box, active, onFilterKeyDown } = useListNavigation(shown, ROW_HEIGHT, query, {
    optionId: (preset) => `preset-${preset.id}`,
    open: (preset) => props.onOpen(preset.id),
    remove: (preset) => props.onDelete(preset.id),
    listKeys: { F2: (preset) => startRename(preset.id) },
  });

  const exportIds = checked.size > 0 ? [...checked] : shown.map((p) => p.id);

  return (
    <aside className="sidebar" aria-label="Presets">
      <div className="sidebar-head">
        <h2>Presets</h2>
        <button type="button" data-testid="preset-new" onClick={props.onNew} title="New request">
          New
        </button>
      </div>
      <TextInput
        type="search"
        data-testid="preset-filter"
        aria-label="Filter presets"
        aria-controls="preset-list"
        placeholder={`Filter ${presets.length} preset${presets.length === 1 ? '' : 's'}…`}
        value={query}
        onChange={setQuery}
        onKeyDown={onFilterKeyDown}
      />
      <VirtualListBox
        {...box}
        id="preset-list"
        label="Presets"
        testId="preset-list"
        className="preset-list"
        option={(preset, top) => (
          <PresetRow
            key={preset.id}
            preset={preset}
            top={top}
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
        )}
      >
        {presets.length === 0 && <p className="sidebar-empty">No presets yet. Press {isMac ? '⌘S' : 'Ctrl+S'} to save the current request.</p>}
        {presets.length > 0 && shown.length === 0 && <p className="sidebar-empty">No preset matches “{query}”.</p>}
      </VirtualListBox>
      {renameError && <FieldError testId="preset-rename-error">{renameError}</FieldError>}
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
