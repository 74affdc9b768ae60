// Environments of builds before they were files lived in keypost-environments.json. They move into the default
// collection's environments/ folder once, as files, losslessly (ids — which the keychain's secret values are filed
// under —, names, variables in their order, enabled flags, which are secret); the old file is copied aside, then
// rewritten with only the active environment, a choice on this machine that never goes into a collection. Without its
// list of environments, the file is never moved again; a move that stopped part way skips the ids already written.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileSync as writeAtomically } from 'atomically';
import { DEFAULT_COLLECTION } from '../../../shared/collections';
import { environmentSchema, type Environment } from '../../../shared/environments';
import type { MovedFiles, StoreDamage } from '../../../shared/storeFile';
import { ENVIRONMENTS_FOLDER, writeErrorInWords } from '../collections/collectionFolder';
import { copyAside, damageReport, isUnreadable, type StoreBackend } from '../storeFiles';
import { environmentFileName, environmentFileText } from './environmentFile';
import { environmentFiles } from './environmentFiles';

export interface MovedEnvironments {
  /** The active environment's id as the file has it (null: none). */
  activeId: string | null;
  damage?: StoreDamage;
  moved?: MovedFiles;
}

/** Moves the environments of `backend` (keypost-environments.json) into `defaultRoot`'s environments/ folder. */
export function moveEnvironmentsFile(backend: StoreBackend, defaultRoot: string, now: Date = new Date()): MovedEnvironments {
  const raw = backend.store;
  if (isUnreadable(raw)) return { activeId: null, damage: damageReport(backend, ['The environments file was not valid JSON, so no environment could be read from it.']) };
  const activeId = typeof raw.activeId === 'string' ? raw.activeId : null;
  // A file of this build (or none): nothing to move.
  if (!Array.isArray(raw.environments)) return { activeId };

  const entries: unknown[] = raw.environments;
  const environments = entries.flatMap((entry): Environment[] => {
    const parsed = environmentSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  const problems: string[] = [];
  const dropped = entries.length - environments.length;
  if (dropped > 0) problems.push(`${dropped} environment${dropped === 1 ? '' : 's'} in the file could not be read and ${dropped === 1 ? 'was' : 'were'} left out; the others were kept.`);
  const damage = damageReport(backend, problems);
  const folder = path.join(defaultRoot, ENVIRONMENTS_FOLDER);

  let oldFile: string | null = null;
  try {
    mkdirSync(folder, { recursive: true });
    const present = environmentFiles(() => [{ id: DEFAULT_COLLECTION, name: DEFAULT_COLLECTION, path: defaultRoot }]).read();
    const written = new Set(present.held.map((held) => held.environment.id));
    const taken = new Set([...present.held.map((held) => held.file), ...present.unread.map((unread) => unread.file)].map((file) => path.posix.basename(file).toLowerCase()));
    for (const environment of environments) {
      if (written.has(environment.id)) continue;
      const file = environmentFileName(environment.name, (name) => taken.has(name.toLowerCase()));
      taken.add(file.toLowerCase());
      writeAtomically(path.join(folder, file), environmentFileText(environment), { encoding: 'utf8' });
    }
    // Kept byte for byte beside it before the file is rewritten, so nothing the old build wrote is lost.
    if (environments.length > 0 || dropped > 0) oldFile = copyAside(backend.path, 'moved', now);
    backend.store = activeId === null ? {} : { activeId };
  } catch (error) {
    const problem = `Keypost could not move your environments into ${folder} (${writeErrorInWords(error)}), so they are not listed; ${backend.path} is left as it is.`;
    return { activeId: null, damage: { backupPath: damage?.backupPath ?? null, problems: [...problems, problem] } };
  }
  return { activeId, ...(damage ? { damage } : {}), ...(oldFile && environments.length > 0 ? { moved: { count: environments.length, folder, oldFile } } : {}) };
}

