// The environment files of the open collections (`<collection>/environments/*.env.yaml`). They are read when asked —
// a handful of small files: a stat each, a parse only for one that changed — so a change made outside Keypost (a git
// pull, an editor) is seen by the next call, whether or not the watcher has said so yet. Each is written alone,
// atomically; a file that could not be read is listed with the reason and never written over.
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { writeFileSync as writeAtomically } from 'atomically';
import type { Environment, UnreadEnvironmentFile } from '../../../shared/environments';
import { fail, ok, type Result } from '../../../shared/errors';
import { ENVIRONMENTS_FOLDER, isIgnoredName, toDiskPath, writeErrorInWords } from '../collections/collectionFolder';
import { stampOf } from '../collections/parseCache';
import { idForPath } from '../collections/requestFile';
import { ENVIRONMENT_FILE_SUFFIX, environmentFileName, environmentFileText, readEnvironmentFile, type ReadEnvironmentFile } from './environmentFile';

/** An open collection, as the environments need it. */
export interface CollectionRoot {
  id: string;
  name: string;
  /** Its folder. */
  path: string;
}

/** One environment file that read. */
export interface HeldEnvironment {
  /** Names its collection. */
  environment: Environment & { collection: string };
  /** Its path inside the collection: 'environments/Staging.env.yaml'. */
  file: string;
}

export interface EnvironmentFiles {
  /** Every environment file of the open collections, read now: those that read, collection by collection, and those
   *  that did not, with the reason. */
  read(): { held: HeldEnvironment[]; unread: UnreadEnvironmentFile[] };
  /** Writes `environment` into `collection`: over `held`'s file, or a new one (then `held`'s goes: a rename or a move). */
  write(environment: Environment, collection: CollectionRoot, held?: HeldEnvironment): Result<void>;
  remove(held: HeldEnvironment): Result<void>;
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The environment files of the collections `roots` lists (the default one first). */
export function environmentFiles(roots: () => CollectionRoot[]): EnvironmentFiles {
  /** What each file held when last read, by its path on disk and its size and modification time then. */
  const parsed = new Map<string, { stamp: string; read: ReadEnvironmentFile }>();
  const rootOf = (id: string) => roots().find((root) => root.id === id);

  function readFile(absolute: string): ReadEnvironmentFile {
    const stamp = stampOf(statSync(absolute));
    const cached = parsed.get(absolute);
    if (cached?.stamp === stamp) return cached.read;
    const read = readEnvironmentFile(readFileSync(absolute, 'utf8'));
    parsed.set(absolute, { stamp, read });
    return read;
  }

  function read() {
    const held: HeldEnvironment[] = [];
    const unread: UnreadEnvironmentFile[] = [];
    const ids = new Set<string>();
    for (const root of roots()) {
      const folder = path.join(root.path, ENVIRONMENTS_FOLDER);
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // No environments folder (or the collection's folder is gone): no environments.
        if (code !== 'ENOENT' && code !== 'ENOTDIR') unread.push({ collection: root.id, file: ENVIRONMENTS_FOLDER, reason: `The folder could not be read (${code ?? 'error'}).` });
        continue;
      }
      const inCollection: HeldEnvironment[] = [];
      for (const name of names.filter((each) => each.endsWith(ENVIRONMENT_FILE_SUFFIX) && !isIgnoredName(each)).sort()) {
        const file = `${ENVIRONMENTS_FOLDER}/${name}`;
        let content: ReadEnvironmentFile;
        try {
          content = readFile(toDiskPath(root.path, file));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EISDIR') continue;
          content = { ok: false, reason: `It could not be read (${code ?? 'error'}).` };
        }
        if (!content.ok) {
          unread.push({ collection: root.id, file, reason: content.reason });
          continue;
        }
        const { id: fileId, name: environmentName, variables } = content.value;
        // A copied file brings its original's id: the copy gets one of its own (written into it on its next save).
        const id = fileId && !ids.has(fileId) ? fileId : idForPath(root.id, file);
        ids.add(id);
        inCollection.push({ environment: { id, name: environmentName, variables, collection: root.id }, file });
      }
      held.push(...inCollection.sort((a, b) => byName.compare(a.environment.name, b.environment.name)));
    }
    return { held, unread };
  }

  function writeFailed(root: CollectionRoot, error: unknown) {
    return fail('STORE_WRITE_FAILED', `Keypost could not write to the collection “${root.name}”: ${writeErrorInWords(error)}. The environment was not saved.`, {
      hint: `Check ${path.join(root.path, ENVIRONMENTS_FOLDER)}.`,
    });
  }

  function unlink(root: string, file: string) {
    try {
      unlinkSync(toDiskPath(root, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  return {
    read,

    write(environment, collection, held) {
      const from = held ? rootOf(held.environment.collection) : undefined;
      const keepFile = held !== undefined && held.environment.collection === collection.id && sameName(held.environment.name, environment.name);
      const folder = path.join(collection.path, ENVIRONMENTS_FOLDER);
      let file: string;
      try {
        mkdirSync(folder, { recursive: true });
        if (keepFile) file = held.file;
        else {
          // Names differing only in case are one file on macOS and Windows: taken either way. The file being renamed is not.
          const leaving = held && held.environment.collection === collection.id ? path.posix.basename(held.file).toLowerCase() : null;
          const present = new Set(readdirSync(folder).map((name) => name.toLowerCase()).filter((name) => name !== leaving));
          file = `${ENVIRONMENTS_FOLDER}/${environmentFileName(environment.name, (candidate) => present.has(candidate.toLowerCase()))}`;
        }
        writeAtomically(toDiskPath(collection.path, file), environmentFileText(environment), { encoding: 'utf8' });
      } catch (error) {
        return writeFailed(collection, error);
      }
      if (held && from && (held.file !== file || from.id !== collection.id)) {
        // The new file is complete before the old one goes, so a crash leaves one or the other.
        try {
          unlink(from.path, held.file);
        } catch (error) {
          return writeFailed(from, error);
        }
      }
      return ok(undefined);
    },

    remove(held) {
      const root = rootOf(held.environment.collection);
      if (!root) return ok(undefined);
      try {
        unlink(root.path, held.file);
      } catch (error) {
        return writeFailed(root, error);
      }
      return ok(undefined);
    },
  };
}
