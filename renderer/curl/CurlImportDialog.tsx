// Import → cURL: a command pasted into a text area becomes the request (as pasting it into the URL field does).
import { useState } from 'react';
import { FieldError, ModalFooter } from '../ui';
import { Modal } from '../ui/Modal';
import './code.css';

interface Props {
  /** Imports the command; resolves to why it could not be read, or null once it is imported. */
  onImport(command: string): Promise<string | null>;
  onCancel(): void;
}

export function CurlImportDialog({ onImport, onCancel }: Props) {
  const [command, setCommand] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => setProblem(await onImport(command));
  return (
    <Modal testId="curl-import-dialog" title="Import a cURL command" onCancel={onCancel}>
      <p className="modal-hint">
        Paste a command from the docs or a browser’s “Copy as cURL” (bash or cmd). A bearer token goes to the keychain under the selected credential, never
        into the request.
      </p>
      <textarea
        data-testid="curl-import-text"
        aria-label="cURL command"
        className="curl-import-text"
        rows={10}
        spellCheck={false}
        value={command}
        onChange={(event) => setCommand(event.target.value)}
      />
      {problem && <FieldError testId="curl-import-error">{problem}</FieldError>}
      <ModalFooter
        leave={{ label: 'Cancel', onClick: onCancel }}
        action={{ label: 'Import', testId: 'curl-import-confirm', disabled: command.trim() === '', onClick: () => void submit() }}
      />
    </Modal>
  );
}
