// Asks for a preset's name the first time it is saved (or for "Save as"); checks it before asking main.
import { useState } from 'react';
import { presetNameSchema } from '../../shared/presets';
import { Modal } from './Modal';

interface Props {
  initialName: string;
  /** Answers an error message to show, or null when saved. */
  onSave(name: string): Promise<string | null>;
  onCancel(): void;
}

export function SavePresetDialog({ initialName, onSave, onCancel }: Props) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal testId="preset-save-dialog" title="Save preset" onCancel={onCancel}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const checked = presetNameSchema.safeParse(name);
          if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'That name cannot be used.');
          setBusy(true);
          setError(await onSave(checked.data));
          setBusy(false);
        }}
      >
        <label htmlFor="preset-name">Name</label>
        <input
          id="preset-name"
          type="text"
          data-testid="preset-name"
          autoFocus
          spellCheck={false}
          autoComplete="off"
          maxLength={200}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
        />
        {error && (
          <p className="field-error" role="alert" data-testid="preset-name-error">
            {error}
          </p>
        )}
        <p className="modal-hint">The preset keeps the URL, method, body and the credential’s name — never the token.</p>
        <div className="modal-buttons">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="preset-name-confirm" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
