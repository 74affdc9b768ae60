// What a collection's badge opens: the files Keypost could not read (and why: it never writes over or deletes them),
// the values in its files that look like secrets, and whether its folder is missing or read-only.
import type { CollectionInfo } from '../../shared/collections';
import { ModalFooter } from '../ui';
import { Modal } from '../ui/Modal';

export function CollectionProblemsDialog({ collection, onClose }: { collection: CollectionInfo; onClose(): void }) {
  return (
    <Modal testId="collection-problems-dialog" title={`${collection.name}: files to look at`} onCancel={onClose}>
      <p className="modal-hint">{collection.path}</p>
      {collection.state === 'missing' && <p className="modal-text">The folder is gone (moved, deleted or on a drive not attached). Edits stay in their tabs.</p>}
      {collection.state === 'readOnly' && <p className="modal-text">The folder cannot be written: saves into it fail. Edits stay in their tabs.</p>}
      {collection.unread.length > 0 && (
        <>
          <p className="modal-text">Not read (Keypost never writes over or deletes these):</p>
          <ul className="collection-problems" data-testid="collection-unread">
            {collection.unread.map((unread) => (
              <li key={unread.file}>
                <code>{unread.file}</code>: {unread.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {collection.secrets.length > 0 && (
        <>
          <p className="modal-text">Values that look like secrets (better kept in the keychain as a credential or a secret variable):</p>
          <ul className="collection-problems" data-testid="collection-secrets">
            {collection.secrets.map((secret) => (
              <li key={`${secret.file}:${secret.field}`}>
                <code>{secret.file}</code>, field “{secret.field}”: {secret.kind}
              </li>
            ))}
          </ul>
        </>
      )}
      {collection.state === 'ok' && collection.unread.length === 0 && collection.secrets.length === 0 && <p className="modal-text">Nothing to look at.</p>}
      <ModalFooter leave={{ label: 'Close', testId: 'collection-problems-close', onClick: onClose }} />
    </Modal>
  );
}
