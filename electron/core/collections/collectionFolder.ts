// Reading a collection folder from disk: every request file in it and its subfolders, the folders themselves, and
// the files that could not be read (with the reason). Nothing here writes.
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { UnreadFile } from '../../../shared/collections';
import { type ParseCache, stampOf } from './parseCache';
import { readRequestFile, REQUEST_FILE_SUFFIX, type RequestFile } from './requestFile';

export interface LoadedFile {
  /** Its path inside the collection, '/'-separated on every OS. */
  file: string;
  /** Its size and modification time when read: a watcher event for a file that still has them is Keypost's own
   *  write, and a file that no longer has them changed outside Keypost. */
  stamp: string;
  mtimeMs: number;
  content: RequestFile;
}

export interface ScannedCollection {
  files: LoadedFile[];
  /** Every folder inside, parents before children ('' not listed). */
  folders: string[];
  unread: UnreadFile[];
}

/** Hidden entries (.git, an editor's temp files) and dependency folders are never part of a collection. */
export const isIgnoredName = (name: string) => name.startsWith('.') || name === 'node_modules';

/**
 * The folder at the top of a collection that holds its environments (`environments/<name>.env.yaml`, as in Bruno). It
 * is not a folder of requests: the scan leaves it out of the request tree (and a request folder cannot take its
 * name), and the environments module (environments/environmentFiles.ts) reads its `.env.yaml` files.
 */
export const ENVIRONMENTS_FOLDER = 'environments';
/** Whether a path inside a collection ('/'-separated) is the environments folder or in it. */
export const isEnvironmentsPath = (relative: string) => relative === ENVIRONMENTS_FOLDER || relative.startsWith(`${ENVIRONMENTS_FOLDER}/`);

/** A collection bigger than this stops being read, with a note (opening a home folder by mistake must not hang). */
const MAX_ENTRIES = 200_000;

/** The folder `file` ('a/b/x.request.yaml') is in: 'a/b'. */
export const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');
export const toDiskPath = (root: string, relative: string) => (relative === '' ? root : path.join(root, ...relative.split('/')));

/** Every request file under `root`: a collection's folder, or (`collectionRoot` false) a folder inside one, whose own
 *  `environments` subfolder is then an ordinary folder. */
export function scanCollection(root: string, cache?: ParseCache, collectionRoot = true): ScannedCollection {
  const scanned: ScannedCollection = { files: [], folders: [], unread: [] };
  // Real paths of the folders entered: a symlink back up the tree is read once, not forever.
  const realRoot = realpathSync(root);
  const entered = new Set<string>([realRoot]);
  const pending = [''];
  let seen = 0;
  while (pending.length > 0) {
    const folder = pending.shift()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(toDiskPath(root, folder), { withFileTypes: true });
    } catch (error) {
      scanned.unread.push({ file: folder || '.', reason: `The folder could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      if (++seen > MAX_ENTRIES) {
        scanned.unread.push({ file: folder || '.', reason: `Keypost stopped reading after ${MAX_ENTRIES.toLocaleString('en-US')} files and folders.` });
        return scanned;
      }
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      const absolute = toDiskPath(root, relative);
      const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && isDirectoryTarget(absolute));
      if (isDirectory && collectionRoot && relative === ENVIRONMENTS_FOLDER) continue;
      if (isDirectory) {
        const real = safeRealpath(absolute);
        if (real === null || entered.has(real)) {
          scanned.unread.push({ file: relative, reason: 'It links back to a folder already read (a symbolic link loop), so it was skipped.' });
          continue;
        }
        // A link out of the collection (a shared repository's `requests -> ~/.ssh`) is never read nor written into.
        if (path.relative(realRoot, real).startsWith('..')) {
          scanned.unread.push({ file: relative, reason: 'It links to a folder outside the collection, so it was skipped.' });
          continue;
        }
        entered.add(real);
        scanned.folders.push(relative);
        pending.push(relative);
      } else if (entry.name.endsWith(REQUEST_FILE_SUFFIX)) {
        const loaded = readOne(root, relative, cache);
        if ('reason' in loaded) scanned.unread.push(loaded);
        else scanned.files.push(loaded);
      }
    }
  }
  return scanned;
}

/** One request file (from the cache when unchanged since it was last read), or why it could not be read. */
export function readOne(root: string, file: string, cache?: ParseCache): LoadedFile | UnreadFile {
  const absolute = toDiskPath(root, file);
  try {
    const stats = statSync(absolute);
    const stamp = stampOf(stats);
    const cached = cache?.get(file, stamp);
    if (cached) return { file, stamp, mtimeMs: stats.mtimeMs, content: cached };
    const read = readRequestFile(readFileSync(absolute, 'utf8'));
    if (!read.ok) return { file, reason: read.reason };
    cache?.set(file, stamp, read.value);
    return { file, stamp, mtimeMs: stats.mtimeMs, content: read.value };
  } catch (error) {
    return { file, reason: `It could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).` };
  }
}

/** Why a write into a collection failed, in words ("its folder is read-only"). */
export function writeErrorInWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'its folder is read-only';
  if (code === 'ENOENT') return 'its folder is gone';
  if (code === 'ENOSPC') return 'the disk is full';
  return `the system said ${code ?? 'no'}`;
}

/** The stamp of the file now, or null when it is gone. */
export function stampNow(root: string, file: string): string | null {
  try {
    return stampOf(statSync(toDiskPath(root, file)));
  } catch {
    return null;
  }
}

function isDirectoryTarget(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

function safeRealpath(absolute: string): string | null {
  try {
    return realpathSync(absolute);
  } catch {
    return null;
  }
}
