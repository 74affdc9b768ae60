// What a run sends, read from disk: the requests of a collection folder (or one request file) in the sidebar's order,
// and the collection's environment files. Anything that cannot be read stops the run before a request is sent.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { folderOf, readOne, scanCollection, type LoadedFile } from '../electron/core/collections/collectionFolder';
import { ENVIRONMENTS_FOLDER } from '../electron/core/collections/collectionFolder';
import { REQUEST_FILE_SUFFIX } from '../electron/core/collections/requestFile';
import { environmentFiles, type CollectionRoot, type HeldEnvironment } from '../electron/core/environments/environmentFiles';

/** A usage or file problem: the run exits 2 with these sentences. */
export class RunRefused extends Error {}

export interface CollectionRun {
  /** The collection: the folder given, or for one file the nearest folder above it with an environments/ folder. */
  root: CollectionRoot;
  /** In the order they are sent. */
  requests: LoadedFile[];
}

/** The collection id the runner gives the folder it reads (never the app's default collection's). */
const RUN_COLLECTION = 'run';

export function readCollectionRun(target: string): CollectionRun {
  const absolute = path.resolve(target);
  let isFolder: boolean;
  try {
    isFolder = statSync(absolute).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RunRefused(code === 'ENOENT' ? `There is no folder or file at ${absolute}.` : `${absolute} could not be read (${code ?? 'error'}).`);
  }
  if (!isFolder) {
    if (!absolute.endsWith(REQUEST_FILE_SUFFIX)) throw new RunRefused(`${absolute} is not a request file: keypost run takes a collection folder or a file ending in ${REQUEST_FILE_SUFFIX}.`);
    const loaded = readOne(path.dirname(absolute), path.basename(absolute));
    if ('reason' in loaded) throw new RunRefused(`The request file ${absolute} could not be read: ${loaded.reason}`);
    return { root: rootOf(collectionFolderAbove(path.dirname(absolute))), requests: [loaded] };
  }
  const scanned = scanCollection(absolute);
  if (scanned.unread.length > 0) {
    throw new RunRefused(scanned.unread.map(({ file, reason }) => `${path.join(absolute, file)} could not be read: ${reason}`).join('\n'));
  }
  if (scanned.files.length === 0) throw new RunRefused(`There are no request files (*${REQUEST_FILE_SUFFIX}) in ${absolute}.`);
  return { root: rootOf(absolute), requests: [...scanned.files].sort(inSidebarOrder) };
}

/** The environment called `name` (as the app matches names: case and outer spaces aside), or why there is none. */
export function findEnvironment(root: CollectionRoot, name: string): HeldEnvironment {
  const { held, unread } = environmentFiles(() => [root]).read();
  const wanted = name.trim().toLocaleLowerCase();
  const found = held.find(({ environment }) => environment.name.trim().toLocaleLowerCase() === wanted);
  if (found) return found;
  const folder = path.join(root.path, ENVIRONMENTS_FOLDER);
  const names = held.map(({ environment }) => environment.name);
  const there = names.length === 0 ? `${folder} holds none` : `the names there are ${names.join(', ')}`;
  const notRead = unread.map(({ file, reason }) => ` ${path.join(root.path, file)} could not be read: ${reason}`).join('');
  throw new RunRefused(`There is no environment “${name}” in ${folder}: ${there}.${notRead}`);
}

const rootOf = (folder: string): CollectionRoot => ({ id: RUN_COLLECTION, name: path.basename(folder), path: folder });

/** For one request file: the nearest folder at or above it that holds environments/, else its own folder. */
function collectionFolderAbove(folder: string): string {
  for (let here = folder; ; here = path.dirname(here)) {
    if (existsSync(path.join(here, ENVIRONMENTS_FOLDER))) return here;
    if (path.dirname(here) === here) return folder;
  }
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The sidebar's order (renderer/presets/presetTree.ts): depth first, a folder's subfolders (by name) before its own
 *  requests (by name, then file). */
export function inSidebarOrder(a: LoadedFile, b: LoadedFile): number {
  const foldersA = splitFolder(folderOf(a.file));
  const foldersB = splitFolder(folderOf(b.file));
  for (let depth = 0; ; depth++) {
    const folderA = foldersA[depth];
    const folderB = foldersB[depth];
    if (folderA === undefined && folderB === undefined) break;
    // A subfolder comes before the requests beside it.
    if (folderA === undefined) return 1;
    if (folderB === undefined) return -1;
    if (folderA !== folderB) return byName.compare(folderA, folderB) || byCodeUnits(folderA, folderB);
  }
  return byName.compare(a.content.name, b.content.name) || byCodeUnits(a.file, b.file);
}

const splitFolder = (folder: string) => (folder === '' ? [] : folder.split('/'));
