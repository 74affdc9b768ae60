// The saved requests as the sidebar lists them (summaries: bodies stay in main until one is opened), and whether the
// open tabs are back yet. Pure functions, tested in Node.
import type { CollectionInfo } from '../../shared/collections';
import type { PresetSummary } from '../../shared/presets';
import { createStore } from '../state/store';

export interface Library {
  list: PresetSummary[];
  /** The open collections: their folders, and the files that could not be read. */
  collections: CollectionInfo[];
  /** False until the open tabs are back: until then there is nothing to type into, so nothing typed is replaced. */
  restored: boolean;
}

export const initialLibrary: Library = { list: [], collections: [], restored: false };

export const presetsListed = (library: Library, list: PresetSummary[]): Library => ({ ...library, list });

export const collectionsListed = (library: Library, collections: CollectionInfo[]): Library => ({ ...library, collections });

export const tabsRestored = (library: Library): Library => (library.restored ? library : { ...library, restored: true });

export const libraryStore = createStore(initialLibrary);
