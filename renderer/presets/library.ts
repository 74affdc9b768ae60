// The saved requests as the sidebar lists them (summaries: bodies stay in main until one is opened), the open
// collections, which of their folders are open and which row is selected, and whether the open tabs are back yet.
// Pure functions, tested in Node.
import { type CollectionInfo, DEFAULT_PLACE, parentFolder, type PresetPlace } from '../../shared/collections';
import type { PresetSummary } from '../../shared/presets';
import { createStore } from '../state/store';
import { collectionKey, folderKey, keysLeadingTo, requestKey } from './presetTree';

export interface Library {
  list: PresetSummary[];
  /** The open collections: their folders, and the files that could not be read. */
  collections: CollectionInfo[];
  /** The tree's open nodes (presetTree.ts keys). For this session only: a restart opens the collections, folders closed. */
  expanded: ReadonlySet<string>;
  /** The row the sidebar's keyboard is on (its key), or none yet: where "New folder" and Save put things. */
  selected: string | null;
  /** False until the open tabs are back: until then there is nothing to type into, so nothing typed is replaced. */
  restored: boolean;
}

export const initialLibrary: Library = { list: [], collections: [], expanded: new Set(), selected: null, restored: false };

export const presetsListed = (library: Library, list: PresetSummary[]): Library => ({ ...library, list });

/** A collection seen for the first time shows open; the ones the user closed stay closed. */
export function collectionsListed(library: Library, collections: CollectionInfo[]): Library {
  const seen = new Set(library.collections.map((collection) => collection.id));
  const added = collections.filter((collection) => !seen.has(collection.id)).map((collection) => collectionKey(collection.id));
  return { ...library, collections, expanded: added.length === 0 ? library.expanded : new Set([...library.expanded, ...added]) };
}

export const tabsRestored = (library: Library): Library => (library.restored ? library : { ...library, restored: true });

export function nodeToggled(library: Library, key: string, open: boolean): Library {
  if (library.expanded.has(key) === open) return library;
  const expanded = new Set(library.expanded);
  if (open) expanded.add(key);
  else expanded.delete(key);
  return { ...library, expanded };
}

export const rowSelected = (library: Library, key: string | null): Library => (library.selected === key ? library : { ...library, selected: key });

/** Shows and selects the row of `place` (its collection and parent folders opened), or of the request `presetId` in it. */
export function placeRevealed(library: Library, place: PresetPlace, presetId?: string): Library {
  const keys =
    presetId !== undefined ? keysLeadingTo(place) : place.folder === '' ? [] : keysLeadingTo({ collection: place.collection, folder: parentFolder(place.folder) });
  const closed = keys.filter((key) => !library.expanded.has(key));
  const selected = presetId === undefined ? folderKey(place.collection, place.folder) : requestKey(presetId);
  return { ...library, expanded: closed.length === 0 ? library.expanded : new Set([...library.expanded, ...closed]), selected };
}

/** A folder renamed or moved: it and its subfolders stay as open as they were, and selected if they were. */
export function folderMoved(library: Library, collection: string, from: string, to: string): Library {
  const prefix = folderKey(collection, from);
  const moved = (key: string) => (key === prefix || key.startsWith(`${prefix}/`) ? `${folderKey(collection, to)}${key.slice(prefix.length)}` : key);
  return { ...library, expanded: new Set([...library.expanded].map(moved)), selected: library.selected === null ? null : moved(library.selected) };
}

/** Where the selected row is (a request: its folder), if that collection is open; else the default collection's top. */
export function selectedPlace(library: Library): PresetPlace {
  const key = library.selected;
  let place: PresetPlace | null = null;
  if (key?.startsWith('c:')) place = { collection: key.slice(2), folder: '' };
  else if (key?.startsWith('f:')) {
    const at = key.indexOf(':', 2);
    place = { collection: key.slice(2, at), folder: key.slice(at + 1) };
  } else if (key?.startsWith('p:')) {
    const preset = library.list.find((each) => each.id === key.slice(2));
    if (preset) place = { collection: preset.collection, folder: preset.folder };
  }
  const collection = place && library.collections.find((each) => each.id === place.collection);
  if (!place || !collection || (place.folder !== '' && !collection.folders.includes(place.folder))) return DEFAULT_PLACE;
  return place;
}

export const libraryStore = createStore(initialLibrary);
