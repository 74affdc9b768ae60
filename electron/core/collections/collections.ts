// The open collections as the app runs them: the store over their files, a watcher on each folder that re-reads
// what changed outside and tells the page (changes in environments/ only tell it: the environments module reads them), and the list of folders the user opened (keypost-collections.json), so
// they come back after a restart. The default collection lives in the data folder; presets of older builds move
// into it once (moveStoreFile.ts).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Emit } from '../../../shared/api';
import { type CollectionInfo, DEFAULT_COLLECTION } from '../../../shared/collections';
import { fail, ok, type Result } from '../../../shared/errors';
import type { StoreBackend } from '../storeFiles';
import { isEnvironmentsPath } from './collectionFolder';
import { collectionIdFor, createCollectionStore, type CollectionStore } from './collectionStore';
import { watchCollection, type Watching } from './collectionWatcher';
import { moveStoreFile } from './moveStoreFile';
import { findSecrets } from './secretGuard';
import { openParseCache } from './parseCache';

export const OPEN_COLLECTIONS_NAME = 'keypost-collections';
/** The default collection's folder in the data folder. */
export const DEFAULT_COLLECTION_FOLDER = 'collection';

export interface Collections {
  store: CollectionStore;
  open(root: string): Result<CollectionInfo>;
  close(id: string): Result<void>;
  /** Resolves once every open folder is watched. */
  watching(): Promise<void>;
  stop(): Promise<void>;
}

export interface CollectionsInputs {
  dataDir: string;
  /** keypost-store.json of older builds, whose presets move into the default collection once. */
  presetsFile: StoreBackend;
  /** keypost-collections.json: the folders opened besides the default one. */
  openList: StoreBackend;
  emit: Emit;
}

/** The store over the default collection (older builds' presets moved into it first) and the folders in `openRoots`. */
export function loadCollections(dataDir: string, presetsFile: StoreBackend, openRoots: string[] = []): CollectionStore {
  const defaultRoot = path.join(dataDir, DEFAULT_COLLECTION_FOLDER);
  mkdirSync(defaultRoot, { recursive: true });
  const cacheDir = path.join(dataDir, 'cache', 'collections');
  const defaultCache = openParseCache(path.join(cacheDir, `${DEFAULT_COLLECTION}.json`));
  const status = moveStoreFile(presetsFile, defaultRoot, defaultCache);
  return createCollectionStore({ defaultRoot, openRoots, status, cacheDir, defaultCache });
}

export function createCollections({ dataDir, presetsFile, openList, emit }: CollectionsInputs): Collections {
  const saved = openList.store.open;
  const openRoots = Array.isArray(saved) ? saved.filter((root): root is string => typeof root === 'string' && path.isAbsolute(root)) : [];
  const store = loadCollections(dataDir, presetsFile, openRoots);
  const watchers = new Map<string, Watching>();

  let stopped = false;
  /** The secret guard's look at files that arrived (on load, and as they change outside): flags, never edits. It runs
   *  after startup, a file at a time, so a big collection never holds up the app. */
  const lookForSecrets = async (id: string, only?: ReadonlySet<string>) => {
    let flagged = false;
    for (const { file, request, looked } of store.requestFiles(id)) {
      if (stopped) return;
      if (only && !only.has(file)) continue;
      // A file unchanged since the guard last read it (an earlier start) keeps what it found then.
      const found = looked ?? (await findSecrets(request)).map((finding) => ({ file, ...finding }));
      store.flagSecrets(id, file, found);
      flagged ||= found.length > 0;
    }
    if (flagged) emit('collectionChanged', { changed: [], removed: [] });
  };
  const watchOne = (info: CollectionInfo) => {
    if (watchers.has(info.id)) return;
    watchers.set(
      info.id,
      watchCollection(info.path, (paths) => {
        // The environments folder is the environments module's: it reads the files when asked, so the page only needs
        // telling to ask again ('' is the whole collection gone or back).
        if (paths.some((relative) => relative === '' || isEnvironmentsPath(relative))) emit('environmentsChanged', {});
        const requests = paths.filter((relative) => !isEnvironmentsPath(relative));
        if (requests.length === 0) return;
        emit('collectionChanged', store.reread(info.id, requests));
        void lookForSecrets(info.id, new Set(requests));
      }),
    );
    setImmediate(() => void lookForSecrets(info.id));
  };
  for (const info of store.collections()) if (info.state !== 'missing') watchOne(info);

  const remember = () => {
    openList.store = { open: store.collections().flatMap((info) => (info.id === collectionIdFor(info.path) ? [info.path] : [])) };
  };

  return {
    store,
    open(root) {
      const opened = store.openCollection(root);
      if (!opened.ok) return opened;
      watchOne(opened.value);
      // Its environments are listed now too.
      emit('environmentsChanged', {});
      try {
        remember();
      } catch {
        return fail('STORE_WRITE_FAILED', `The collection is open, but Keypost could not note it, so it will not come back after a restart.`, { hint: `Check that ${openList.path} is writable.` });
      }
      return opened;
    },
    close(id) {
      const closed = store.closeCollection(id);
      if (!closed.ok) return closed;
      const watcher = watchers.get(id);
      watchers.delete(id);
      void watcher?.close();
      emit('environmentsChanged', {});
      try {
        remember();
      } catch {
        // It comes back after a restart; nothing is lost.
      }
      return ok(undefined);
    },
    watching: async () => {
      await Promise.all([...watchers.values()].map((watcher) => watcher.ready));
    },
    stop: async () => {
      stopped = true;
      await Promise.all([...watchers.values()].map((watcher) => watcher.close()));
      watchers.clear();
      await store.saveCaches();
    },
  };
}
