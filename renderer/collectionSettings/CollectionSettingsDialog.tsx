// A collection's own settings, kept in its keypost.collection.yaml so the team shares them through git: the extra CA
// file its requests trust (a path inside the collection folder), chosen in main's file dialog or removed.
import { useCallback, useEffect, useState } from 'react';
import type { CollectionCaFile } from '../../shared/collectionSettings';
import type { Result } from '../../shared/errors';
import { CaFileField } from '../settings/CaFileField';
import { FieldError, ModalFooter } from '../ui';
import { Modal } from '../ui/Modal';
import { chooseCollectionCaFile, getCollectionCaFile, removeCollectionCaFile } from './collectionSettingsActions';

export function CollectionSettingsDialog({ collection, collectionName, onClose }: { collection: string; collectionName: string; onClose(): void }) {
  const [state, setState] = useState<CollectionCaFile | null>(null);
  const reload = useCallback(async () => {
    const answer = await getCollectionCaFile(collection);
    setState(answer.ok ? answer.value : { caFile: null, problem: answer.error.message });
  }, [collection]);
  useEffect(() => void reload(), [reload]);

  /** Runs a call; answers its refusal for the field to show (null: done or cancelled). */
  const run = async (call: Promise<Result<CollectionCaFile | null>>) => {
    const answer = await call;
    if (!answer.ok) return answer.error;
    if (answer.value) setState(answer.value);
    return null;
  };

  return (
    <Modal testId="collection-settings-dialog" title={`Settings of ${collectionName}`} onCancel={onClose}>
      <p className="modal-hint">Kept in keypost.collection.yaml at the collection folder’s top, so everyone who has the collection gets them.</p>
      {state && (
        <CaFileField
          caFile={state.caFile}
          label="Extra CA certificates for this collection:"
          none="none (the ones in Settings only)"
          testId="collection-ca-file"
          onChoose={() => run(chooseCollectionCaFile(collection))}
          onRemove={() => run(removeCollectionCaFile(collection))}
        />
      )}
      {state?.problem && <FieldError testId="collection-ca-file-problem">{state.problem}</FieldError>}
      <ModalFooter leave={{ label: 'Close', testId: 'collection-settings-close', onClick: onClose }} />
    </Modal>
  );
}
