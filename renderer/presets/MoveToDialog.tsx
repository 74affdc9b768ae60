// "Move to…": the keyboard's way to do what a drag does. Lists every place the request (or folder) can go: for a
// request, any collection's top level or folder; for a folder, the other places in its own collection.
import { useState } from 'react';
import { type CollectionInfo, folderName, type PresetPlace } from '../../shared/collections';
import { ModalFooter } from '../ui';
import { Modal } from '../ui/Modal';
import { allPlaces, canMoveTo, type Movable, placeLabel } from './presetTree';

interface Props {
  item: Movable;
  collections: CollectionInfo[];
  onMove(place: PresetPlace): void;
  onCancel(): void;
}

export function MoveToDialog({ item, collections, onMove, onCancel }: Props) {
  const places = allPlaces(collections).filter((place) => canMoveTo(item, place));
  const [chosen, setChosen] = useState(0);
  const what = item.kind === 'request' ? `“${item.name}”` : `the folder “${folderName(item.folder)}”`;
  const from = item.kind === 'request' ? item.place : { collection: item.collection, folder: item.folder };
  return (
    <Modal testId="move-dialog" title={`Move ${what}`} onCancel={onCancel}>
      <p className="modal-text">From {placeLabel(collections, from)} to:</p>
      {places.length === 0 ? (
        <p className="modal-hint">There is no other folder to move it to{item.kind === 'folder' ? ' in its collection' : ''}.</p>
      ) : (
        <select
          data-testid="move-target"
          aria-label="Move to"
          size={Math.min(10, Math.max(2, places.length))}
          value={chosen}
          onChange={(event) => setChosen(Number(event.target.value))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              onMove(places[chosen]!);
            }
          }}
        >
          {places.map((place, at) => (
            <option key={`${place.collection}:${place.folder}`} value={at}>
              {placeLabel(collections, place)}
            </option>
          ))}
        </select>
      )}
      <ModalFooter
        leave={{ label: 'Cancel', onClick: onCancel }}
        action={{ label: 'Move', testId: 'move-confirm', disabled: places.length === 0, onClick: () => places[chosen] && onMove(places[chosen]) }}
      />
    </Modal>
  );
}
