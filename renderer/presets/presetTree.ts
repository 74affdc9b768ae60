// The sidebar's tree as the rows a windowed list draws: each open collection's header, its folders (empty ones too)
// and its requests, depth first, folders before requests. A filter keeps the requests whose name or URL holds it (as
// presetFilter.ts did for the flat list) and the folders and collections leading to them, opened whatever the user
// left closed, so a match shows where it lives. Pure functions, tested in Node (tests/unit/presetTree.test.ts).
import { type CollectionInfo, DEFAULT_COLLECTION, folderAndParents, folderName, joinFolder, parentFolder, type PresetPlace } from '../../shared/collections';
import type { PresetSummary } from '../../shared/presets';
import { filterNeedle, presetHaystack } from './presetFilter';

/** Row keys, stable across lists: what the expanded set and the selection hold. Folder names never contain ':'. */
export const collectionKey = (collection: string) => `c:${collection}`;
export const folderKey = (collection: string, folder: string) => (folder === '' ? collectionKey(collection) : `f:${collection}:${folder}`);
export const requestKey = (id: string) => `p:${id}`;

export interface CollectionRow {
  kind: 'collection';
  key: string;
  depth: 0;
  collection: CollectionInfo;
  expanded: boolean;
  /** Requests in it, in every folder. */
  requests: number;
}

export interface FolderRow {
  kind: 'folder';
  key: string;
  depth: number;
  collection: string;
  /** Its path in the collection ('users/admin'). */
  folder: string;
  name: string;
  expanded: boolean;
  /** Requests in it and its subfolders: what deleting it removes. */
  requests: number;
  /** Whether it holds anything (a folder or a request) to open. */
  empty: boolean;
}

export interface RequestRow {
  kind: 'request';
  key: string;
  depth: number;
  preset: PresetSummary;
}

export type TreeRow = CollectionRow | FolderRow | RequestRow;

/** The collections and requests grouped once per list, so a keystroke in the filter or a click on a folder is one walk. */
export interface TreeIndex {
  collections: CollectionInfo[];
  /** Per place (placeId): its subfolders' paths, by name. */
  folders: Map<string, string[]>;
  /** Per place: its requests' rows, in the list's order (by name); made once per list, so a row keeps its identity. */
  requests: Map<string, RequestRow[]>;
  /** Per place: the requests in it and below. */
  counts: Map<string, number>;
  /** Each request's row, its name and URL lower-cased (the filter's haystack), and its place, in the list's order. */
  rows: RequestRow[];
  haystacks: string[];
  places: string[];
}

const placeId = (collection: string, folder: string) => `${collection}\0${folder}`;
const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** A collection the list names but main has not described (yet): drawn under its id, with nothing to report. */
const unknownCollection = (id: string): CollectionInfo => ({
  id,
  name: id === DEFAULT_COLLECTION ? 'My requests' : id,
  path: '',
  folders: [],
  unread: [],
  secrets: [],
  state: 'ok',
});

export function buildTreeIndex(collections: readonly CollectionInfo[], list: PresetSummary[]): TreeIndex {
  const known = new Map(collections.map((collection) => [collection.id, collection]));
  const ordered = [...collections];
  const folderSets = new Map<string, Set<string>>();
  const requests = new Map<string, RequestRow[]>();
  const counts = new Map<string, number>();
  const addFolder = (collection: string, folder: string) => {
    for (const each of folderAndParents(folder)) {
      const parent = placeId(collection, parentFolder(each));
      if (!folderSets.has(parent)) folderSets.set(parent, new Set());
      folderSets.get(parent)!.add(each);
    }
  };
  for (const collection of collections) for (const folder of collection.folders) addFolder(collection.id, folder);
  const rows: RequestRow[] = [];
  const places: string[] = [];
  for (const preset of list) {
    if (!known.has(preset.collection)) {
      const stand = unknownCollection(preset.collection);
      known.set(stand.id, stand);
      ordered.push(stand);
    }
    const place = placeId(preset.collection, preset.folder);
    let here = requests.get(place);
    if (!here) {
      addFolder(preset.collection, preset.folder);
      requests.set(place, (here = []));
    }
    const row: RequestRow = { kind: 'request', key: requestKey(preset.id), depth: preset.folder === '' ? 1 : preset.folder.split('/').length + 1, preset };
    here.push(row);
    rows.push(row);
    places.push(place);
  }
  // Counted per place, then added up into each of its parents and its collection.
  for (const here of requests.values()) {
    const { collection, folder } = here[0]!.preset;
    for (const each of ['', ...folderAndParents(folder)]) counts.set(placeId(collection, each), (counts.get(placeId(collection, each)) ?? 0) + here.length);
  }
  const folders = new Map<string, string[]>();
  for (const [place, children] of folderSets) folders.set(place, [...children].sort((a, b) => byName.compare(folderName(a), folderName(b))));
  return { collections: ordered, folders, requests, counts, rows, haystacks: list.map(presetHaystack), places };
}

export interface VisibleTree {
  rows: TreeRow[];
  /** Requests shown: all of them, or those the filter matched. */
  requests: number;
  filtering: boolean;
}

/** The rows to draw: what is expanded, or (with a filter) every match and the way to it. */
export function visibleRows(index: TreeIndex, query: string, expanded: ReadonlySet<string>): VisibleTree {
  const needle = filterNeedle(query);
  const filtering = needle !== '';
  // With a filter: the matches, and every place that leads to one (or whose own name matches).
  let matched: Set<RequestRow> | null = null;
  const leading = new Set<string>();
  const lead = (collection: string, folder: string) => {
    // A place already leading has its parents leading too: most matches stop here.
    if (leading.has(placeId(collection, folder))) return;
    leading.add(placeId(collection, ''));
    for (const each of folderAndParents(folder)) leading.add(placeId(collection, each));
  };
  if (filtering) {
    matched = new Set();
    for (let i = 0; i < index.rows.length; i++) {
      if (!index.haystacks[i]!.includes(needle)) continue;
      const row = index.rows[i]!;
      matched.add(row);
      if (!leading.has(index.places[i]!)) lead(row.preset.collection, row.preset.folder);
    }
    for (const collection of index.collections) {
      for (const folder of collection.folders) if (folderName(folder).toLowerCase().includes(needle)) lead(collection.id, folder);
    }
  }

  const rows: TreeRow[] = [];
  let shown = 0;
  const walk = (collection: string, folder: string, depth: number) => {
    for (const child of index.folders.get(placeId(collection, folder)) ?? []) {
      const place = placeId(collection, child);
      if (filtering && !leading.has(place)) continue;
      const key = folderKey(collection, child);
      const empty = !index.folders.has(place) && !index.requests.has(place);
      const open = !empty && (filtering || expanded.has(key));
      const row: FolderRow = { kind: 'folder', key, depth, collection, folder: child, name: folderName(child), expanded: open, requests: index.counts.get(place) ?? 0, empty };
      rows.push(row);
      if (!open) continue;
      const before = rows.length;
      walk(collection, child, depth + 1);
      // A folder found by its own name, with no match inside: shown closed.
      if (rows.length === before) row.expanded = false;
    }
    for (const row of index.requests.get(placeId(collection, folder)) ?? []) {
      if (matched && !matched.has(row)) continue;
      rows.push(row);
      shown++;
    }
  };
  for (const collection of index.collections) {
    if (filtering && !leading.has(placeId(collection.id, ''))) continue;
    const key = collectionKey(collection.id);
    const open = filtering || expanded.has(key);
    rows.push({ kind: 'collection', key, depth: 0, collection, expanded: open, requests: index.counts.get(placeId(collection.id, '')) ?? 0 });
    if (open) walk(collection.id, '', 1);
  }
  return { rows, requests: shown, filtering };
}

/** Where a row is, as a place to save or create in: a header is its collection's top level, a request its folder. */
export function placeOfRow(row: TreeRow): PresetPlace {
  switch (row.kind) {
    case 'collection':
      return { collection: row.collection.id, folder: '' };
    case 'folder':
      return { collection: row.collection, folder: row.folder };
    case 'request':
      return { collection: row.preset.collection, folder: row.preset.folder };
  }
}

/** The key of the row a row sits in (null for a collection's header). */
export function parentKey(row: TreeRow): string | null {
  switch (row.kind) {
    case 'collection':
      return null;
    case 'folder':
      return folderKey(row.collection, parentFolder(row.folder));
    case 'request':
      return folderKey(row.preset.collection, row.preset.folder);
  }
}

/** The keys to expand so what is in `place` shows: its collection and every folder down to it, itself included. */
export const keysLeadingTo = (place: PresetPlace): string[] => [
  collectionKey(place.collection),
  ...folderAndParents(place.folder).map((folder) => folderKey(place.collection, folder)),
];

/** What can be moved (by drag, or "Move to…"): a request, or a folder with all it holds. */
export type Movable = { kind: 'request'; id: string; name: string; place: PresetPlace } | { kind: 'folder'; collection: string; folder: string };

export function movableOf(row: TreeRow): Movable | null {
  if (row.kind === 'request') return { kind: 'request', id: row.preset.id, name: row.preset.name, place: placeOfRow(row) };
  if (row.kind === 'folder') return { kind: 'folder', collection: row.collection, folder: row.folder };
  return null;
}

/**
 * Whether `item` can go to `place`: a request into any place but its own; a folder only within its collection (main
 * moves folders inside one), never into itself or below it, nor where it already is.
 */
export function canMoveTo(item: Movable, place: PresetPlace): boolean {
  if (item.kind === 'request') return place.collection !== item.place.collection || place.folder !== item.place.folder;
  if (place.collection !== item.collection) return false;
  return place.folder !== item.folder && !place.folder.startsWith(`${item.folder}/`) && place.folder !== parentFolder(item.folder);
}

/** Where a dragged row would go if dropped on `target` (into a folder or a collection's top, or beside a request), or null. */
export function dropPlace(dragged: TreeRow, target: TreeRow): PresetPlace | null {
  const item = movableOf(dragged);
  const place = placeOfRow(target);
  return item && canMoveTo(item, place) ? place : null;
}

/** A folder's new path when moved into `parent`: its own name under it. */
export const movedFolderPath = (folder: string, parent: string) => joinFolder(parent, folderName(folder));

/** A place in words, for lists and titles: "My requests / users / admin". */
export function placeLabel(collections: readonly CollectionInfo[], place: PresetPlace): string {
  const name = collections.find((collection) => collection.id === place.collection)?.name ?? place.collection;
  return [name, ...(place.folder === '' ? [] : place.folder.split('/'))].join(' / ');
}

/** Every place in the open collections, top levels first, each collection's folders by path: the "Move to…" and Save lists. */
export function allPlaces(collections: readonly CollectionInfo[]): PresetPlace[] {
  return collections.flatMap((collection) => [{ collection: collection.id, folder: '' }, ...collection.folders.map((folder) => ({ collection: collection.id, folder }))]);
}
