// Which preset is open, whether it has unsaved changes, and Save / Save as.
import { isMac } from '../platform';

interface Props {
  name: string | null;
  dirty: boolean;
  onSave(): void;
  onSaveAs(): void;
}

export function PresetTitle({ name, dirty, onSave, onSaveAs }: Props) {
  const mod = isMac ? '⌘' : 'Ctrl+';
  return (
    <div className="preset-title">
      <span data-testid="preset-current" className={name ? '' : 'muted'}>
        {name ?? 'Untitled request'}
      </span>
      {dirty && (
        <span className="unsaved-marker" data-testid="unsaved-marker" title="Unsaved changes">
          ● unsaved
        </span>
      )}
      <button type="button" data-testid="preset-save" title={`Save preset (${mod}S)`} onClick={onSave}>
        Save
      </button>
      <button type="button" data-testid="preset-save-as" title={`Save as a new preset (${mod}Shift+S)`} onClick={onSaveAs}>
        Save as…
      </button>
    </div>
  );
}
