// Reading a collection folder from disk: every request file in it and its subfolders, the folders themselves, and
// the files that could not be read (with the reason). Nothing here writes.
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { UnreadFile } from '../../../shared/collections';
import { readRequestFile, REQUEST_FILE_SUFFIX, type RequestFile } from './requestFile';

export interface LoadedFile {
  /** Its path inside the collection, '/'-separated on every OS. */
  file: string;
  /** Its text as read: a watcher event whose file still holds it is Keypost's own write, not a change. */
  text: string;
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

/** A collection bigger than this stops being read, with a note (opening a home folder by mistake must not hang). */
const MAX_ENTRIES = 200_000;

/** The folder `file` ('a/b/x.request.yaml') is in: 'a/b'. */
export const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');
export const toDiskPath = (root: string, relative: string) => (relative === '' ? root : path.join(root, ...relative.split('/')));

export function scanCollection(root: string): ScannedCollection {
  const scanned: ScannedCollection = { files: [], folders: [], unread: [] };
  // Real paths of the folders entered: a symlink back up the tree is read once, not forever.
  const entered = new Set<string>([realpathSync(root)]);
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
      if (isDirectory) {
        const real = safeRealpath(absolute);
        if (real === null || entered.has(real)) {
          scanned.unread.push({ file: relative, reason: 'It links back to a folder already read (a symbolic link loop), so it was skipped.' });
          continue;
        }
        entered.add(real);
        scanned.folders.push(relative);
        pending.push(relative);
      } else if (entry.name.endsWith(REQUEST_FILE_SUFFIX)) {
        const loaded = readOne(root, relative);
        if ('reason' in loaded) scanned.unread.push(loaded);
        else scanned.files.push(loaded);
      }
    }
  }
  return scanned;
}

/** One request file, or why it could not be read. */
export function readOne(root: string, file: string): LoadedFile | UnreadFile {
  const absolute = toDiskPath(root, file);
  let text: string;
  let mtimeMs: number;
  try {
    text = readFileSync(absolute, 'utf8');
    mtimeMs = Math.trunc(statSync(absolute).mtimeMs);
  } catch (error) {
    return { file, reason: `It could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).` };
  }
  const read = readRequestFile(text);
  return read.ok ? { file, text, mtimeMs, content: read.value } : { file, reason: read.reason };
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
