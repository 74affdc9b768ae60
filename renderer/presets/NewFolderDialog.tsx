// Asks for a new folder's name (a folder on disk in the collection); main's refusal (a name taken, say) shows in words.
import { useState } from 'react';
import { ModalFooter, NameField } from '../ui';
import { Modal } from '../ui/Modal';

interface Props {
  /** Where it is made, in words ("My requests / users"). */
  where: string;
  /** Answers an error message to show, or null when made. */
  onCreate(name: string): Promise<string | null>;
  onCancel(): void;
}

export function NewFolderDialog({ where, onCreate, onCancel }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal testId="folder-dialog" title="New folder" onCancel={onCancel}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(await onCreate(name));
          setBusy(false);
        }}
      >
        <NameField
          id="folder-name"
          label={<>Name (in {where})</>}
          value={name}
          error={error}
          onChange={(text) => {
            setName(text);
            setError(null);
          }}
        />
        <ModalFooter leave={{ label: 'Cancel', onClick: onCancel }} action={{ label: 'Create', testId: 'folder-name-confirm', submit: true, disabled: busy }} />
      </form>
    </Modal>
  );
}

