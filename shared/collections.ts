// Collections: folders of saved requests, one small text file per request, that a team keeps in git. This module
// holds what both sides share: the names, a folder's path inside its collection, and what the page is told about
// each open collection. The file format itself lives in main (electron/core/collections/requestFile.ts).
import { z } from 'zod';

/** The collection every Keypost has: a folder in the app's data folder, where presets from older builds moved. */
export const DEFAULT_COLLECTION = 'default';
export const collectionIdSchema = z.string().min(1).max(64);

export const FOLDER_NAME_MAX = 100;
/**
 * A folder's name is a folder's name on disk on every OS: no path separator, no character Windows refuses, no
 * leading dot (hidden, and `.`/`..`), no trailing dot or space.
 */
export const folderNameSchema = z
  .string()
  .trim()
  .min(1, 'A folder needs a name.')
  .max(FOLDER_NAME_MAX, `A folder name can be at most ${FOLDER_NAME_MAX} characters.`)
  .regex(/^[^\p{Cc}/\\:*?"<>|]*$/u, 'A folder name cannot contain / \\ : * ? " < > | or control characters.')
  .refine((name) => !name.startsWith('.') && !/[. ]$/.test(name), 'A folder name cannot start with a dot or end with a dot or space.')
  // A collection never reads a node_modules folder (a checkout's dependencies), so requests saved in one would vanish.
  .refine((name) => name.toLowerCase() !== 'node_modules', 'A folder cannot be called node_modules: Keypost skips that folder in a collection.');

/** A folder inside a collection: '' is its top level, 'users/admin' a folder two levels down (always with '/'). */
export const folderPathSchema = z
  .string()
  .max(1_000)
  .refine((folder) => folder === '' || folder.split('/').every((part) => folderNameSchema.safeParse(part).success && part === part.trim()), 'That is not a folder in a collection.');

/** Where a saved request lives. */
export const presetPlaceSchema = z.object({ collection: collectionIdSchema, folder: folderPathSchema }).strict();
export type PresetPlace = z.infer<typeof presetPlaceSchema>;
export const DEFAULT_PLACE: PresetPlace = { collection: DEFAULT_COLLECTION, folder: '' };

/** A file of the collection that is not listed, and why: it never is overwritten or deleted by Keypost. */
export interface UnreadFile {
  /** Its path inside the collection ('/'-separated). */
  file: string;
  reason: string;
}

/** A value in a collection's file that looks like a secret: flagged on load, naming the file and the field. */
export interface FlaggedSecret {
  file: string;
  field: string;
  kind: string;
}

export interface CollectionInfo {
  id: string;
  /** The folder's name on disk (the default collection: "My requests"). */
  name: string;
  /** Its absolute path, to show and to open in the file manager. */
  path: string;
  /** Every folder inside it, parents before children; '' (the top level) is not listed. */
  folders: string[];
  /** Request files that could not be read (invalid, from a newer Keypost, a name claimed twice in one folder). */
  unread: UnreadFile[];
  secrets: FlaggedSecret[];
  /** 'missing': the folder is gone; 'readOnly': it cannot be written. Edits stay in their tabs either way. */
  state: 'ok' | 'missing' | 'readOnly';
}

/** What main tells the page after files changed on disk (a git pull, an editor): re-list, and reload what it shows. */
export interface CollectionChange {
  /** Saved requests whose file changed or appeared. */
  changed: string[];
  /** Saved requests whose file is gone. */
  removed: string[];
}

/** `users/admin` → ['users', 'users/admin']: a folder and its parents, top down. */
export function folderAndParents(folder: string): string[] {
  if (folder === '') return [];
  const parts = folder.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

export const joinFolder = (parent: string, name: string) => (parent === '' ? name : `${parent}/${name}`);
export const folderName = (folder: string) => folder.slice(folder.lastIndexOf('/') + 1);
export const parentFolder = (folder: string) => (folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '');
