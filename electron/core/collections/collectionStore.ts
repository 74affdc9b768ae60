// Saved requests across the open collections: each one a file (requestFile.ts) in its collection's folder, held in
// memory for the sidebar and rewritten alone, atomically, when it changes. Files changed outside (git, an editor)
// are read again on the watcher's word (reread); a file that changed on disk since Keypost read it is never
// written over.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, type Stats, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { writeFileSync as writeAtomically } from 'atomically';
import {
  type CollectionChange,
  type CollectionInfo,
  DEFAULT_COLLECTION,
  DEFAULT_PLACE,
  type FlaggedSecret,
  folderAndParents,
  folderName,
  joinFolder,
  parentFolder,
  type PresetPlace,
} from '../../../shared/collections';
import { fail, ok, type Result } from '../../../shared/errors';
import { nameKey, type Preset, type PresetDraft, type PresetSummary, summaryOf, uniqueName } from '../../../shared/presets';
import { credentialOf, withCredential, type RequestDocument } from '../../../shared/request';
import { withoutSecrets } from '../../../shared/secrets';
import type { StoreStatus } from '../../../shared/storeFile';
import type { ConflictChoice, ImportOutcome } from '../../../shared/transfer';
import {
  ENVIRONMENTS_FOLDER,
  folderOf,
  isEnvironmentsPath,
  readOne,
  scanCollection,
  stampNow,
  toDiskPath,
  type LoadedFile,
  writeErrorInWords,
} from './collectionFolder';
import { collectionFileProblems } from './collectionSettingsFile';
import { openParseCache, type ParseCache, stampOf } from './parseCache';
import { idForPath, REQUEST_FILE_SUFFIX, requestFileName, requestFileText } from './requestFile';

/** What a preset may hold on disk: its request with every secret-looking header or query value emptied (secrets.ts);
 *  put() applies it to every write. */
const storable = (request: RequestDocument) => withoutSecrets(request);

/** One request file as Keypost last read or wrote it. */
interface Held {
  preset: Preset;
  /** Its path inside the collection, '/'-separated. */
  file: string;
  /** The file's size and modification time then: a file without them now changed outside Keypost. */
  stamp: string;
}

interface OpenCollection {
  id: string;
  root: string;
  name: string;
  byFile: Map<string, Held>;
  folders: Set<string>;
  unread: Map<string, string>;
  /** What the secret guard found per file (flagged on load and on outside changes). */
  secrets: Map<string, FlaggedSecret[]>;
  state: CollectionInfo['state'];
  cache: ParseCache;
}

export interface CollectionStore {
  status(): StoreStatus;
  collections(): CollectionInfo[];
  /** Summaries sorted by name (bodies stay in main until a preset is opened). */
  list(): PresetSummary[];
  get(id: string): Result<Preset>;
  create(draft: PresetDraft, place?: PresetPlace): Result<Preset>;
  /** `basedOn`: the updatedAt of the version the edit started from; another one on disk means a conflict. */
  update(id: string, draft: PresetDraft, basedOn?: number): Result<Preset>;
  rename(id: string, name: string): Result<PresetSummary>;
  duplicate(id: string): Result<PresetSummary>;
  move(id: string, place: PresetPlace): Result<PresetSummary>;
  remove(id: string): Result<Preset>;
  /** Puts a deleted preset back (undo) where it was; renamed if its name was taken meanwhile. */
  restore(preset: Preset): Result<PresetSummary>;
  /** Names among `names` that already exist at the top of the default collection (where imports go). */
  conflicts(names: string[]): string[];
  /** Into `place` (the top of the default collection unless said). `durable: false` writes without an fsync per file:
   *  thousands of requests from one document, which can be imported again. */
  importDrafts(drafts: PresetDraft[], onConflict: ConflictChoice, place?: PresetPlace, durable?: boolean): Result<ImportOutcome>;
  /** Preset names per credential name. */
  credentialUsage(): Map<string, string[]>;
  /** Points every preset that used `from` at `to`; returns how many changed. */
  retargetCredential(from: string, to: string): Result<number>;
  createFolder(collection: string, folder: string): Result<void>;
  /** Renames or moves a folder with everything in it; answers its new path. */
  moveFolder(collection: string, folder: string, to: string): Result<string>;
  /** Deletes the requests in a folder, and the folder once nothing else is left in it. */
  deleteFolder(collection: string, folder: string): Result<{ removed: Preset[]; keptFiles: number }>;
  openCollection(root: string): Result<CollectionInfo>;
  closeCollection(id: string): Result<void>;
  /** Files or folders changed outside Keypost ('/'-separated paths inside the collection; '' is the collection itself). */
  reread(collection: string, paths: string[]): CollectionChange;
  /** The requests of a collection with their files, for the secret guard's look on load. */
  requestFiles(collection: string): Array<{ file: string; request: RequestDocument; looked?: FlaggedSecret[] }>;
  /** Sets what the secret guard found in one file (none: clears its flags). */
  flagSecrets(collection: string, file: string, secrets: FlaggedSecret[]): void;
  /** Writes what was read to the parse caches (on quit). */
  saveCaches(): Promise<void>;
  /** One open collection's folder, name and state, without listing them all (once per send: collectionSettingsApi.ts). */
  folderOf(collection: string): Pick<CollectionInfo, 'name' | 'path' | 'state'> | undefined;
}

export interface CollectionStoreOptions {
  /** The default collection's folder (in the app's data folder). */
  defaultRoot: string;
  /** Other collection folders the user opened, in order. */
  openRoots: string[];
  /** Where each collection's parse cache is kept (the data folder's cache/collections). */
  cacheDir: string;
  /** The default collection's cache, when already open (the move from the old presets file filled it). */
  defaultCache?: ParseCache;
  status?: StoreStatus;
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const folderKey = (collection: string, folder: string) => `${collection}\0${folder}`;
const fileKey = (file: string) => file.toLowerCase();

/** The sidebar's order: by name, then folder, then id, so the same requests are always listed the same way. */
const inListOrder = (a: { name: string; folder: string; id: string }, b: { name: string; folder: string; id: string }) =>
  byName.compare(a.name, b.name) || byName.compare(a.folder, b.folder) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Where `summary` goes in a list in that order. One save at 10,000 requests moves one summary instead of sorting
 *  them all again. */
function sortedIndex(list: PresetSummary[], summary: { name: string; folder: string; id: string }): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (inListOrder(list[middle]!, summary) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether `inner` is `outer` or inside it. */
const isWithin = (outer: string, inner: string) => {
  const relative = path.relative(path.resolve(outer), path.resolve(inner));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

function kindOnDisk(absolute: string): 'file' | 'folder' | 'gone' {
  try {
    return statSync(absolute).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'gone';
  }
}

/** A collection's id: stable for its folder, so tabs and settings find it again after a restart. */
export const collectionIdFor = (root: string) => `c-${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 24)}`;

export function createCollectionStore({ defaultRoot, openRoots, cacheDir, defaultCache, status = { backupPath: null, problems: [], migratedFrom: null } }: CollectionStoreOptions): CollectionStore {
  const open = new Map<string, OpenCollection>();
  const byId = new Map<string, Held>();
  /** Names taken per folder (nameKey → id): names are unique within a folder. */
  const names = new Map<string, Map<string, string>>();
  /** Lower-cased file paths per collection: two files differing only in case collide on macOS and Windows. */
  const files = new Map<string, Set<string>>();
  let sorted: PresetSummary[] | null = null;

  function index(collection: OpenCollection, held: Held) {
    collection.byFile.set(held.file, held);
    byId.set(held.preset.id, held);
    const key = folderKey(collection.id, held.preset.folder);
    if (!names.has(key)) names.set(key, new Map());
    names.get(key)!.set(nameKey(held.preset.name), held.preset.id);
    files.get(collection.id)!.add(fileKey(held.file));
    if (sorted) {
      const summary = summaryOf(held.preset);
      sorted.splice(sortedIndex(sorted, summary), 0, summary);
    }
  }

  function unindex(collection: OpenCollection, held: Held) {
    collection.byFile.delete(held.file);
    collection.secrets.delete(held.file);
    if (byId.get(held.preset.id) === held) byId.delete(held.preset.id);
    const taken = names.get(folderKey(collection.id, held.preset.folder));
    if (taken?.get(nameKey(held.preset.name)) === held.preset.id) taken.delete(nameKey(held.preset.name));
    files.get(collection.id)!.delete(fileKey(held.file));
    if (sorted) {
      const at = sortedIndex(sorted, held.preset);
      if (sorted[at]?.id === held.preset.id) sorted.splice(at, 1);
    }
  }

  /**
   * Drops a request whose file is no longer on disk: renamed or moved outside Keypost (git mv, a pull), whose new path
   * can be read before the old one is reported gone (a watcher sees the new file first). The file it moved to then
   * takes its name and its id, rather than being listed as a second file claiming the name, or a copy.
   */
  function dropIfGone(held: Held | undefined, change?: CollectionChange) {
    if (!held) return;
    const from = open.get(held.preset.collection)!;
    // A collection whose whole folder is gone (a drive not mounted) keeps listing its requests.
    if (!existsSync(from.root) || existsSync(toDiskPath(from.root, held.file))) return;
    unindex(from, held);
    change?.removed.push(held.preset.id);
  }

  /** Adds a file read from disk; a name already claimed in its folder, or an id already used, is dealt with here. */
  function admit(collection: OpenCollection, loaded: LoadedFile, change?: CollectionChange): Held | null {
    const folder = folderOf(loaded.file);
    const claimant = names.get(folderKey(collection.id, folder))?.get(nameKey(loaded.content.name));
    if (claimant !== undefined) dropIfGone(byId.get(claimant), change);
    if (loaded.content.id) dropIfGone(byId.get(loaded.content.id), change);
    const claimed = names.get(folderKey(collection.id, folder))?.get(nameKey(loaded.content.name));
    if (claimed !== undefined) {
      const owner = byId.get(claimed)!;
      collection.unread.set(loaded.file, `It claims the name “${loaded.content.name}”, which ${path.posix.basename(owner.file)} in the same folder already has.`);
      return null;
    }
    collection.unread.delete(loaded.file);
    const fileId = loaded.content.id;
    // A copied file brings its original's id: the copy gets one of its own (written into it on its next save).
    const id = fileId && !byId.has(fileId) ? fileId : idForPath(collection.id, loaded.file);
    const preset: Preset = { id, name: loaded.content.name, updatedAt: Math.trunc(loaded.mtimeMs), collection: collection.id, folder, request: loaded.content.request };
    const held: Held = { preset, file: loaded.file, stamp: loaded.stamp };
    index(collection, held);
    return held;
  }

  function load(id: string, root: string, name: string, cache = openParseCache(path.join(cacheDir, `${id}.json`))): OpenCollection {
    const collection: OpenCollection = { id, root, name, byFile: new Map(), folders: new Set(), unread: new Map(), secrets: new Map(), state: 'ok', cache };
    open.set(id, collection);
    files.set(id, new Set());
    if (!existsSync(root)) {
      collection.state = 'missing';
      return collection;
    }
    const scanned = scanCollection(root, cache);
    for (const folder of scanned.folders) collection.folders.add(folder);
    for (const unread of scanned.unread) collection.unread.set(unread.file, unread.reason);
    for (const loaded of scanned.files) admit(collection, loaded);
    void cache.save(collection.byFile.keys());
    return collection;
  }

  function collectionOf(id: string): Result<OpenCollection> {
    const collection = open.get(id);
    return collection ? ok(collection) : fail('NOT_FOUND', 'That collection is not open.', { hint: 'It may have been closed.' });
  }

  const find = (id: string): Result<Held> => {
    const held = byId.get(id);
    return held ? ok(held) : fail('NOT_FOUND', 'That preset no longer exists.', { hint: 'It may have been deleted, or its file removed or renamed outside Keypost.' });
  };

  const nameOwner = (place: PresetPlace, name: string) => names.get(folderKey(place.collection, place.folder))?.get(nameKey(name));
  const duplicateName = (name: string) => fail('DUPLICATE_NAME', `A preset named "${name}" already exists in that folder.`, { hint: 'Choose another name.' });
  const takenNames = (place: PresetPlace) => new Set(names.get(folderKey(place.collection, place.folder))?.keys() ?? []);

  function writeFailed(collection: OpenCollection, error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = writeErrorInWords(error);
    if (code === 'ENOENT' && !existsSync(collection.root)) collection.state = 'missing';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') collection.state = 'readOnly';
    return fail('STORE_WRITE_FAILED', `Keypost could not write to the collection “${collection.name}”: ${why}. Nothing was saved; your edits stay in the tab.`, {
      hint: `Check ${collection.root}.`,
    });
  }

  /** Whether the file on disk is still what Keypost last read or wrote; if not, it is read again (a change from outside). */
  function unchangedOnDisk(collection: OpenCollection, held: Held): boolean {
    if (stampNow(collection.root, held.file) === held.stamp) return true;
    reread(collection.id, [held.file]);
    return false;
  }

  const environmentsFolderTaken = () =>
    fail('DUPLICATE_NAME', `The folder “${ENVIRONMENTS_FOLDER}” at the top of a collection holds its environments, not requests.`, { hint: 'Choose another name.' });

  const changedOnDisk = (name: string) =>
    fail('CHANGED_ON_DISK', `“${name}” was changed outside Keypost since you opened it, so it was not written over.`, {
      hint: 'Reload it to see the change, or save your version under another name.',
    });

  /**
   * Writes `preset` to its place: a new file, or over `held`'s (moved or renamed along when its name or place
   * changed). The new file is complete before the old one goes, so a crash leaves the old file or both, never neither.
   */
  function put(next: Preset, held?: Held, durable = true): Result<Held> {
    // Every write, not only a typed save: a file written by hand or pulled may hold a secret, and a rename, move or
    // credential change writes the request again.
    const preset: Preset = { ...next, request: storable(next.request) };
    const target = collectionOf(preset.collection);
    if (!target.ok) return target;
    const collection = target.value;
    // A collection whose folder is gone (moved, on a drive not mounted) is not made again, empty, by a save.
    if (!existsSync(collection.root)) return writeFailed(collection, Object.assign(new Error('The collection folder is gone.'), { code: 'ENOENT' }));
    if (held && !unchangedOnDisk(open.get(held.preset.collection)!, held)) return changedOnDisk(held.preset.name);
    const samePlace = held && held.preset.collection === preset.collection && held.preset.folder === preset.folder;
    const keepFile = samePlace && nameKey(held.preset.name) === nameKey(preset.name);
    const taken = files.get(collection.id)!;
    const file = keepFile
      ? held.file
      : joinFolder(preset.folder, requestFileName(preset.name, (name) => {
          const candidate = joinFolder(preset.folder, name);
          return taken.has(fileKey(candidate)) || existsSync(toDiskPath(collection.root, candidate));
        }));
    const text = requestFileText({ id: preset.id, name: preset.name, request: preset.request });
    const absolute = toDiskPath(collection.root, file);
    let stats: Stats;
    try {
      mkdirSync(path.dirname(absolute), { recursive: true });
      writeAtomically(absolute, text, { encoding: 'utf8', fsync: durable });
      stats = statSync(absolute);
    } catch (error) {
      return writeFailed(collection, error);
    }
    if (held) {
      const from = open.get(held.preset.collection)!;
      unindex(from, held);
      if (!keepFile || from !== collection) removeFile(from, held.file);
    }
    collection.unread.delete(file);
    collection.state = 'ok';
    const stamp = stampOf(stats);
    collection.cache.set(file, stamp, { id: preset.id, name: preset.name, request: preset.request });
    const written: Held = { preset: { ...preset, updatedAt: Math.trunc(stats.mtimeMs) }, file, stamp };
    index(collection, written);
    return ok(written);
  }

  function removeFile(collection: OpenCollection, file: string) {
    try {
      unlinkSync(toDiskPath(collection.root, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  function add(draft: PresetDraft, place: PresetPlace, id: string = randomUUID(), durable = true): Result<Held> {
    if (nameOwner(place, draft.name) !== undefined) return duplicateName(draft.name);
    const target = collectionOf(place.collection);
    if (!target.ok) return target;
    if (place.folder !== '' && !target.value.folders.has(place.folder)) return fail('NOT_FOUND', 'That folder no longer exists.', { hint: 'Choose another folder.' });
    // Only the place's two fields: duplicate and restore pass a whole preset as the place, whose id and name must
    // not replace the new ones.
    return put({ id, name: draft.name.trim(), updatedAt: 0, collection: place.collection, folder: place.folder, request: draft.request }, undefined, durable);
  }

  function reread(collectionId: string, paths: string[]): CollectionChange {
    const change: CollectionChange = { changed: [], removed: [] };
    const collection = open.get(collectionId);
    if (!collection) return change;
    if (!existsSync(collection.root)) {
      collection.state = 'missing';
      return change;
    }
    if (collection.state === 'missing') collection.state = 'ok';
    // The environments folder is read by the environments module, never as requests.
    paths = paths.filter((relative) => !isEnvironmentsPath(relative));
    const kinds = new Map(paths.map((relative) => [relative, kindOnDisk(toDiskPath(collection.root, relative))] as const));
    // What went away first: a file renamed outside (git mv) frees its id and name before its new path claims them.
    const ordered = [...paths].sort((a, b) => Number(kinds.get(a) !== 'gone') - Number(kinds.get(b) !== 'gone'));
    for (const relative of ordered) {
      const kind = kinds.get(relative);
      const isDirectory = kind === 'folder';
      const exists = kind !== 'gone';
      if (isDirectory) {
        if (relative === '') continue;
        // A folder listed already (one Keypost made: an import writes thousands of requests into new folders) is not
        // read again whole: its files come as events of their own.
        if (collection.folders.has(relative)) continue;
        for (const folder of folderAndParents(relative)) collection.folders.add(folder);
        // A folder that arrived whole (a pull, a move): read what is in it too.
        const inside = scanCollection(toDiskPath(collection.root, relative), undefined, false);
        for (const folder of inside.folders) collection.folders.add(joinFolder(relative, folder));
        const known = new Set([...collection.byFile.keys()]);
        for (const loaded of inside.files) {
          const file = joinFolder(relative, loaded.file);
          if (!known.has(file)) rereadFile(collection, file, change);
        }
        continue;
      }
      if (!exists && collection.folders.has(relative)) {
        for (const folder of [...collection.folders]) if (folder === relative || folder.startsWith(`${relative}/`)) collection.folders.delete(folder);
        for (const held of [...collection.byFile.values()]) {
          if (held.preset.folder === relative || held.preset.folder.startsWith(`${relative}/`)) {
            unindex(collection, held);
            change.removed.push(held.preset.id);
          }
        }
        continue;
      }
      if (relative.endsWith(REQUEST_FILE_SUFFIX)) rereadFile(collection, relative, change);
    }
    // A request whose file moved is gone from one path and back at another, under its id: changed, not removed.
    change.removed = change.removed.filter((id) => !change.changed.includes(id));
    return change;
  }

  function rereadFile(collection: OpenCollection, file: string, change: CollectionChange) {
    const held = collection.byFile.get(file);
    if (held && stampNow(collection.root, file) === held.stamp) return; // Keypost's own write
    const loaded = readOne(collection.root, file, collection.cache);
    if ('reason' in loaded) {
      if (held) {
        unindex(collection, held);
        change.removed.push(held.preset.id);
      }
      const gone = !existsSync(toDiskPath(collection.root, file));
      if (gone) collection.unread.delete(file);
      else collection.unread.set(file, loaded.reason);
      return;
    }
    if (held) unindex(collection, held);
    const admitted = admit(collection, loaded, change);
    if (admitted) change.changed.push(admitted.preset.id);
    if (held && admitted?.preset.id !== held.preset.id) change.removed.push(held.preset.id);
  }

  function info(collection: OpenCollection): CollectionInfo {
    return {
      id: collection.id,
      name: collection.name,
      path: collection.root,
      folders: [...collection.folders].sort((a, b) => byName.compare(a, b)),
      // keypost.collection.yaml too, read again when it (or its CA file) changed (collectionSettingsFile.ts).
      unread: [...[...collection.unread].map(([file, reason]) => ({ file, reason })), ...(collection.state === 'missing' ? [] : collectionFileProblems(collection.root))],
      secrets: [...collection.secrets.values()].flat(),
      state: collection.state,
    };
  }

  /** How many entries Keypost left in a folder it could not remove: its files (and hidden folders), not its subfolders
   *  (which count their own), so a file two levels down is counted once. */
  function leftIn(collection: OpenCollection, folder: string): number {
    try {
      return readdirSync(toDiskPath(collection.root, folder)).filter((name) => !collection.folders.has(joinFolder(folder, name))).length;
    } catch {
      return 0;
    }
  }

  function inFolder(collection: OpenCollection, folder: string) {
    return [...collection.byFile.values()].filter((held) => held.preset.folder === folder || held.preset.folder.startsWith(`${folder}/`));
  }

  load(DEFAULT_COLLECTION, defaultRoot, 'My requests', defaultCache);
  for (const root of openRoots) load(collectionIdFor(root), root, path.basename(root));

  return {
    status: () => status,

    collections: () => [...open.values()].map(info),

    list() {
      sorted ??= [...byId.values()].map((held) => summaryOf(held.preset)).sort(inListOrder);
      return sorted;
    },

    get: (id) => {
      const found = find(id);
      return found.ok ? ok(found.value.preset) : found;
    },

    create(draft, place = DEFAULT_PLACE) {
      const added = add(draft, place);
      return added.ok ? ok(added.value.preset) : added;
    },

    update(id, draft, basedOn) {
      const found = find(id);
      if (!found.ok) return found;
      const held = found.value;
      if (basedOn !== undefined && basedOn !== held.preset.updatedAt) return changedOnDisk(held.preset.name);
      const owner = nameOwner(held.preset, draft.name);
      if (owner !== undefined && owner !== id) return duplicateName(draft.name);
      const written = put({ ...held.preset, name: draft.name.trim(), request: draft.request }, held);
      return written.ok ? ok(written.value.preset) : written;
    },

    rename(id, name) {
      const found = find(id);
      if (!found.ok) return found;
      const owner = nameOwner(found.value.preset, name);
      if (owner !== undefined && owner !== id) return duplicateName(name);
      const written = put({ ...found.value.preset, name: name.trim() }, found.value);
      return written.ok ? ok(summaryOf(written.value.preset)) : written;
    },

    duplicate(id) {
      const found = find(id);
      if (!found.ok) return found;
      const { preset } = found.value;
      const added = add({ name: uniqueName(`${preset.name} copy`, takenNames(preset)), request: preset.request }, preset);
      return added.ok ? ok(summaryOf(added.value.preset)) : added;
    },

    move(id, place) {
      const found = find(id);
      if (!found.ok) return found;
      const held = found.value;
      if (held.preset.collection === place.collection && held.preset.folder === place.folder) return ok(summaryOf(held.preset));
      const target = collectionOf(place.collection);
      if (!target.ok) return target;
      if (place.folder !== '' && !target.value.folders.has(place.folder)) return fail('NOT_FOUND', 'That folder no longer exists.', { hint: 'Choose another folder.' });
      if (nameOwner(place, held.preset.name) !== undefined) return duplicateName(held.preset.name);
      const written = put({ ...held.preset, ...place }, held);
      return written.ok ? ok(summaryOf(written.value.preset)) : written;
    },

    remove(id) {
      const found = find(id);
      if (!found.ok) return found;
      const held = found.value;
      const collection = open.get(held.preset.collection)!;
      if (!unchangedOnDisk(collection, held)) return changedOnDisk(held.preset.name);
      try {
        removeFile(collection, held.file);
      } catch (error) {
        return writeFailed(collection, error);
      }
      unindex(collection, held);
      return ok(held.preset);
    },

    restore(preset) {
      const collection = open.get(preset.collection);
      const place: PresetPlace = collection && (preset.folder === '' || collection.folders.has(preset.folder)) ? preset : DEFAULT_PLACE;
      const id = byId.has(preset.id) ? randomUUID() : preset.id;
      const added = add({ name: uniqueName(preset.name, takenNames(place)), request: preset.request }, place, id);
      return added.ok ? ok(summaryOf(added.value.preset)) : added;
    },

    conflicts(draftNames) {
      const taken = takenNames(DEFAULT_PLACE);
      return draftNames.filter((name) => taken.has(nameKey(name)));
    },

    importDrafts(drafts, onConflict, place = DEFAULT_PLACE, durable = true) {
      const outcome: ImportOutcome = { added: 0, replaced: 0, renamed: 0 };
      for (const draft of drafts) {
        const owner = nameOwner(place, draft.name);
        if (owner !== undefined && onConflict === 'replace') {
          const held = byId.get(owner)!;
          const written = put({ ...held.preset, request: draft.request }, held, durable);
          if (!written.ok) return written;
          outcome.replaced++;
          continue;
        }
        const name = uniqueName(draft.name, takenNames(place));
        const added = add({ ...draft, name }, place, randomUUID(), durable);
        if (!added.ok) return added;
        if (name !== draft.name.trim()) outcome.renamed++;
        else outcome.added++;
      }
      return ok(outcome);
    },

    credentialUsage() {
      const usage = new Map<string, string[]>();
      for (const { preset } of byId.values()) {
        const credential = credentialOf(preset.request);
        if (credential === null) continue;
        const used = usage.get(credential) ?? [];
        used.push(preset.name);
        usage.set(credential, used);
      }
      for (const used of usage.values()) used.sort(byName.compare);
      return usage;
    },

    retargetCredential(from, to) {
      let changed = 0;
      for (const held of [...byId.values()]) {
        if (credentialOf(held.preset.request) !== from) continue;
        const written = put({ ...held.preset, request: withCredential(held.preset.request, to) }, held);
        if (!written.ok) return written;
        changed++;
      }
      return ok(changed);
    },

    createFolder(collectionId, folder) {
      const target = collectionOf(collectionId);
      if (!target.ok) return target;
      const collection = target.value;
      if (collection.folders.has(folder)) return fail('DUPLICATE_NAME', `A folder named "${folderName(folder)}" already exists there.`, { hint: 'Choose another name.' });
      if (isEnvironmentsPath(folder)) return environmentsFolderTaken();
      try {
        mkdirSync(toDiskPath(collection.root, folder), { recursive: true });
      } catch (error) {
        return writeFailed(collection, error);
      }
      for (const each of folderAndParents(folder)) collection.folders.add(each);
      return ok(undefined);
    },

    moveFolder(collectionId, folder, to) {
      const target = collectionOf(collectionId);
      if (!target.ok) return target;
      const collection = target.value;
      if (!collection.folders.has(folder)) return fail('NOT_FOUND', 'That folder no longer exists.', { hint: 'It may have been moved or deleted outside Keypost.' });
      if (to === folder) return ok(folder);
      if (to.startsWith(`${folder}/`)) return fail('INVALID_ARGUMENT', 'A folder cannot be moved into itself.');
      if (isEnvironmentsPath(to)) return environmentsFolderTaken();
      if (parentFolder(to) !== '' && !collection.folders.has(parentFolder(to))) return fail('NOT_FOUND', 'That folder no longer exists.', { hint: 'Choose another folder.' });
      const clash = [...collection.folders].some((each) => each.toLowerCase() === to.toLowerCase() && each !== folder);
      if (clash || existsSync(toDiskPath(collection.root, to)) && to.toLowerCase() !== folder.toLowerCase()) {
        return fail('DUPLICATE_NAME', `A folder named "${folderName(to)}" already exists there.`, { hint: 'Choose another name.' });
      }
      const moving = inFolder(collection, folder);
      if (moving.some((held) => !unchangedOnDisk(collection, held))) return fail('CHANGED_ON_DISK', 'A request in that folder was changed outside Keypost just now, so the folder was left where it is.', { hint: 'Try again.' });
      try {
        renameSync(toDiskPath(collection.root, folder), toDiskPath(collection.root, to));
      } catch (error) {
        return writeFailed(collection, error);
      }
      const movedFolder = (each: string) => (each === folder ? to : `${to}${each.slice(folder.length)}`);
      for (const each of [...collection.folders]) {
        if (each === folder || each.startsWith(`${folder}/`)) {
          collection.folders.delete(each);
          collection.folders.add(movedFolder(each));
        }
      }
      for (const held of moving) {
        unindex(collection, held);
        index(collection, { ...held, file: `${to}${held.file.slice(folder.length)}`, preset: { ...held.preset, folder: movedFolder(held.preset.folder) } });
      }
      return ok(to);
    },

    deleteFolder(collectionId, folder) {
      const target = collectionOf(collectionId);
      if (!target.ok) return target;
      const collection = target.value;
      if (!collection.folders.has(folder)) return fail('NOT_FOUND', 'That folder no longer exists.');
      const removed: Preset[] = [];
      for (const held of inFolder(collection, folder)) {
        if (!unchangedOnDisk(collection, held)) continue;
        try {
          removeFile(collection, held.file);
        } catch (error) {
          return writeFailed(collection, error);
        }
        unindex(collection, held);
        removed.push(held.preset);
      }
      // Folders go deepest first, and only when empty: a file that is not a request is never deleted.
      let keptFiles = 0;
      const folders = [...collection.folders].filter((each) => each === folder || each.startsWith(`${folder}/`)).sort((a, b) => b.length - a.length);
      for (const each of folders) {
        try {
          rmdirSync(toDiskPath(collection.root, each));
          collection.folders.delete(each);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') collection.folders.delete(each);
          else if (code === 'ENOTEMPTY' || code === 'EEXIST') keptFiles += leftIn(collection, each);
          else return writeFailed(collection, error);
        }
      }
      return ok({ removed, keptFiles });
    },

    openCollection(root) {
      const resolved = path.resolve(root);
      for (const collection of open.values()) if (path.resolve(collection.root) === resolved) return ok(info(collection));
      if (!existsSync(resolved) || !statSync(resolved).isDirectory()) return fail('NOT_FOUND', `There is no folder at ${resolved}.`);
      // One file in two open collections would be two requests, each writing over the other.
      const overlapping = [...open.values()].find((collection) => isWithin(collection.root, resolved) || isWithin(resolved, collection.root));
      if (overlapping) {
        return fail('INVALID_ARGUMENT', `That folder ${isWithin(overlapping.root, resolved) ? 'is inside' : 'holds'} the collection “${overlapping.name}”, which is open already.`, {
          hint: 'Open a folder that is not part of an open collection, or close that collection first.',
        });
      }
      return ok(info(load(collectionIdFor(resolved), resolved, path.basename(resolved))));
    },

    closeCollection(id) {
      if (id === DEFAULT_COLLECTION) return fail('INVALID_ARGUMENT', 'The default collection cannot be closed.');
      const target = collectionOf(id);
      if (!target.ok) return target;
      for (const held of [...target.value.byFile.values()]) unindex(target.value, held);
      open.delete(id);
      files.delete(id);
      for (const key of [...names.keys()]) if (key.startsWith(`${id}\0`)) names.delete(key);
      return ok(undefined);
    },

    reread,

    requestFiles(collectionId) {
      const collection = open.get(collectionId);
      // `looked`: what the guard found when it last read the file as it is now (kept in the parse cache across starts).
      return collection ? [...collection.byFile.values()].map((held) => ({ file: held.file, request: held.preset.request, looked: collection.cache.secrets(held.file, held.stamp) })) : [];
    },

    flagSecrets(collectionId, file, secrets) {
      const collection = open.get(collectionId);
      if (!collection) return;
      const held = collection.byFile.get(file);
      if (held) collection.cache.setSecrets(file, held.stamp, secrets);
      if (secrets.length > 0 && held) collection.secrets.set(file, secrets);
      else collection.secrets.delete(file);
    },

    saveCaches: async () => {
      await Promise.all([...open.values()].map((collection) => collection.cache.save(collection.byFile.keys())));
    },

    folderOf(collectionId) {
      const collection = open.get(collectionId);
      return collection && { name: collection.name, path: collection.root, state: collection.state };
    },
  };
}
