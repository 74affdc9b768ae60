// Asks for a preset's name the first time it is saved (or for "Save as"), and where it goes: a collection's top level
// or one of its folders; checks the name before asking main.
import { useState } from 'react';
import type { CollectionInfo, PresetPlace } from '../../shared/collections';
import { presetNameSchema } from '../../shared/presets';
import { ModalFooter, NameField } from '../ui';
import { Modal } from '../ui/Modal';
import { allPlaces, placeLabel } from './presetTree';

interface Props {
  initialName: string;
  /** Where it goes unless another place is picked. */
  initialPlace: PresetPlace;
  collections: CollectionInfo[];
  /** Answers an error message to show, or null when saved. */
  onSave(name: string, place: PresetPlace): Promise<string | null>;
  onCancel(): void;
}

export function SavePresetDialog({ initialName, initialPlace, collections, onSave, onCancel }: Props) {
  const [name, setName] = useState(initialName);
  const places = allPlaces(collections.filter((collection) => collection.state === 'ok' || collection.id === initialPlace.collection));
  const initial = places.findIndex((place) => place.collection === initialPlace.collection && place.folder === initialPlace.folder);
  const [placeIndex, setPlaceIndex] = useState(Math.max(0, initial));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const place = places[placeIndex] ?? initialPlace;
  return (
    <Modal testId="preset-save-dialog" title="Save preset" onCancel={onCancel}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const checked = presetNameSchema.safeParse(name);
          if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'That name cannot be used.');
          setBusy(true);
          setError(await onSave(checked.data, place));
          setBusy(false);
        }}
      >
        <NameField
          id="preset-name"
          label="Name"
          value={name}
          error={error}
          onChange={(text) => {
            setName(text);
            setError(null);
          }}
        />
        <label htmlFor="preset-place">In</label>
        <select
          id="preset-place"
          data-testid="preset-place"
          value={placeIndex}
          onChange={(event) => {
            setPlaceIndex(Number(event.target.value));
            setError(null);
          }}
        >
          {places.map((each, at) => (
            <option key={`${each.collection}:${each.folder}`} value={at}>
              {placeLabel(collections, each)}
            </option>
          ))}
        </select>
        <p className="modal-hint">The preset keeps the URL, method, body and the credential’s name — never the token. It is a file in that folder.</p>
        <ModalFooter leave={{ label: 'Cancel', onClick: onCancel }} action={{ label: 'Save', testId: 'preset-name-confirm', submit: true, disabled: busy }} />
      </form>
    </Modal>
  );
}
