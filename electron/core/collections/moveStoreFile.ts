// Presets from builds before collections lived in one file, keypost-store.json. They move into the default
// collection once, as files, losslessly (every field, the credential names, the ids tabs and history refer to);
// the old file is then renamed aside as a backup, so the move never runs twice and nothing is lost if it stops.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { nameKey, uniqueName } from '../../../shared/presets';
import type { StoreStatus } from '../../../shared/storeFile';
import { loadStore } from './presetStoreFile';
import type { StoreBackend } from '../storeFiles';
import { writeFileSync as writeAtomically } from 'atomically';
import { scanCollection } from './collectionFolder';
import { type ParseCache, stampOf } from './parseCache';
import { requestFileName, requestFileText } from './requestFile';

/** Moves the presets of `presetsFile` into `defaultRoot` as request files; what happened, for the startup notice. */
export function moveStoreFile(presetsFile: StoreBackend, defaultRoot: string, cache?: ParseCache, now: Date = new Date()): StoreStatus {
  const empty: StoreStatus = { backupPath: null, problems: [], migratedFrom: null };
  if (!existsSync(presetsFile.path)) return empty;
  const loaded = loadStore(presetsFile, now);
  // A file that could not be backed up is left exactly as it is, and so are its presets.
  if (loaded.writeBlocked) return loaded.status;
  let oldFile: string;
  const renamed: string[] = [];
  try {
    const there = existsSync(defaultRoot) ? scanCollection(defaultRoot).files : [];
    // Ids already written by a move that stopped part way are not written twice.
    const present = new Set(there.flatMap((file) => (file.content.id ? [file.content.id] : [])));
    // Names are unique in a folder: a preset named like a request already at the top (a build went back and forth)
    // moves under a free name, as loadStore renames duplicates, rather than as a file Keypost then leaves unread.
    const names = new Set(there.filter((file) => !file.file.includes('/')).map((file) => nameKey(file.content.name)));
    const taken = new Set(existsSync(defaultRoot) ? readdirSync(defaultRoot).map((name) => name.toLowerCase()) : []);
    mkdirSync(defaultRoot, { recursive: true });
    for (const preset of loaded.file.presets) {
      if (present.has(preset.id)) continue;
      const name = uniqueName(preset.name, names);
      names.add(nameKey(name));
      if (name !== preset.name) renamed.push(`The preset “${preset.name}” moved as “${name}”: a saved request of that name was already there.`);
      const file = requestFileName(name, (candidate) => taken.has(candidate.toLowerCase()));
      taken.add(file.toLowerCase());
      const target = path.join(defaultRoot, file);
      // No fsync per file (thousands of them would take minutes): the old file goes aside only after all are written.
      writeAtomically(target, requestFileText({ ...preset, name }), { encoding: 'utf8', fsync: false });
      // When it was last changed is the file's own time now, so a move keeps it.
      if (preset.updatedAt > 0) utimesSync(target, new Date(preset.updatedAt), new Date(preset.updatedAt));
      // What was written need not be read back: the first open takes it from the cache.
      cache?.set(file, stampOf(statSync(target)), { id: preset.id, name, request: preset.request });
    }
    // A secret value taken out of a preset on load must not stay in the file kept aside (the keychain is the only
    // place Keypost keeps one): the file is first rewritten without it, as older builds rewrote it on load.
    if (loaded.secretsRemoved) presetsFile.store = { ...loaded.file };
    oldFile = aside(presetsFile.path, now);
  } catch (error) {
    // Startup goes on with what moved; the old file stays where it is, so the next start moves the rest.
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const problem = `The presets of ${path.basename(presetsFile.path)} could not all be moved into ${defaultRoot} (${why}); the file is left where it is, and the next start tries again.`;
    return { ...loaded.status, problems: [...loaded.status.problems, ...renamed, problem] };
  }
  const count = loaded.file.presets.length;
  return { ...loaded.status, problems: [...loaded.status.problems, ...renamed], moved: count > 0 ? { count, folder: defaultRoot, oldFile } : undefined };
}

/** `keypost-store.json` → `keypost-store.moved-<time>.json`, beside it. */
function aside(file: string, now: Date): string {
  const { dir, name, ext } = path.parse(file);
  const target = path.join(dir, `${name}.moved-${now.toISOString().replace(/[:.]/g, '-')}${ext}`);
  renameSync(file, target);
  return target;
}
