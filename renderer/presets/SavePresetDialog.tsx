// Asks for a preset's name the first time it is saved (or for "Save as"); checks it before asking main.
import { useState } from 'react';
import { presetNameSchema } from '../../shared/presets';
import { FieldError, ModalFooter, TextInput } from '../ui';
import { Modal } from '../ui/Modal';

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
        <TextInput
          id="preset-name"
          data-testid="preset-name"
          autoFocus
          maxLength={200}
          value={name}
          onChange={(text) => {
            setName(text);
            setError(null);
          }}
        />
        {error && <FieldError testId="preset-name-error">{error}</FieldError>}
        <p className="modal-hint">The preset keeps the URL, method, body and the credential’s name — never the token.</p>
        <ModalFooter leave={{ label: 'Cancel', onClick: onCancel }} action={{ label: 'Save', testId: 'preset-name-confirm', submit: true, disabled: busy }} />
      </form>
    </Modal>
  );
}
