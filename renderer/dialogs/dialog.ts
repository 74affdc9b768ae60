// The one dialog open at a time, as plain data: which it is and what it needs. DialogHost.tsx renders it; actions open
// and close it.
import type { PresetPlace } from '../../shared/collections';
import type { ImportPreview } from '../../shared/transfer';
import type { Movable } from '../presets/presetTree';
import { createStore } from '../state/store';

export type Dialog =
  | { kind: 'closeTab'; tabId: string }
  /** `place`: where it goes unless the user picks another (the sidebar's selection). */
  | { kind: 'savePreset'; tabId: string; initialName: string; place: PresetPlace }
  /** A save found the preset's file changed outside Keypost since the tab opened it. */
  | { kind: 'changedOnDisk'; tabId: string }
  | { kind: 'import'; preview: ImportPreview }
  /** Import an API: an OpenAPI document or a Postman collection (ForeignImportDialog). */
  | { kind: 'foreignImport' }
  /** A name for a new folder in `place`. */
  | { kind: 'newFolder'; place: PresetPlace }
  /** Where to move a request or a folder (the keyboard's way to do what a drag does). */
  | { kind: 'moveTo'; item: Movable }
  /** Deleting a folder deletes the `requests` saved in it and below. */
  | { kind: 'deleteFolder'; collection: string; folder: string; requests: number }
  /** The files of a collection Keypost could not read, and the values in them that look like secrets. */
  | { kind: 'collectionProblems'; collection: string }
  | { kind: 'credentials' }
  | { kind: 'settings' }
  | { kind: 'environments' }
  | { kind: 'about' }
  | { kind: 'shortcuts' }
  | { kind: 'curlImport' }
  | { kind: 'code' }
  /** The cookie jar of a collection (renderer/cookies/). */
  | { kind: 'cookies'; collection: string }
  /** A collection's own settings, in its keypost.collection.yaml (renderer/collectionSettings/). */
  | { kind: 'collectionSettings'; collection: string };

export const dialogStore = createStore<Dialog | null>(null);

export const openDialog = (dialog: Dialog) => dialogStore.update(() => dialog);
export const closeDialog = () => dialogStore.update(() => null);
