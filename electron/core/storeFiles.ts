// The JSON files the app keeps in its data folder (presets, settings, open tabs, environments, OAuth settings): the
// options electron-store (in the app) and conf (in Node) open them with, and what happens to one that did not read:
// its original bytes are copied aside before anything can overwrite them.
import { copyFileSync, constants as fsConstants, existsSync } from 'node:fs';
import path from 'node:path';
import type { StoreDamage } from '../../shared/storeFile';

/**
 * What the store needs from electron-store (in the app) or conf (in Node tests) — the same class underneath.
 * Both write with `atomically`: the data goes to a temporary file in the same folder, is fsynced, then
 * renamed over the store file. A rename is atomic, so a crash or kill mid-save leaves the old file or
 * the new one, never half of either (tests/unit/collectionStoreAtomic.test.ts checks the rename, here and for request
 * files, and kills a writer mid-save).
 */
export interface StoreBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

/** Marks a file whose text was not a JSON object; the loader then backs it up and salvages what it can. */
const UNREADABLE = '__keypostUnreadable';

/**
 * Options for `new ElectronStore(...)` and `new Conf(...)`, one object for both so tests run the shipped setup.
 * `name` is electron-store's spelling of conf's `configName`. The tolerant deserializer keeps conf from
 * throwing (or, with clearInvalidConfig, silently emptying the store) on a damaged file: the loader decides.
 * No defaults, schema or migrations are given to the backend, so constructing it never writes the file.
 */
export function storeOptions(cwd: string, name: string) {
  return {
    cwd,
    name,
    configName: name,
    fileExtension: 'json',
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
    deserialize: (text: string): Record<string, unknown> => {
      try {
        const value: unknown = JSON.parse(text);
        if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
      } catch {
        // fall through: the loader keeps the original bytes and salvages
      }
      return { [UNREADABLE]: true };
    },
  };
}

/** Whether the backend read a file whose text was not a JSON object (storeOptions' deserialize marks it). */
export const isUnreadable = (data: Record<string, unknown>) => data[UNREADABLE] === true;

/** Copies the original bytes to `<name>.corrupt-<timestamp>.json` beside it, never replacing an older backup. */
export const backupFile = (file: string, now: Date): string => copyAside(file, 'corrupt', now);

/** Copies a file byte for byte to `<name>.<label>-<timestamp><ext>` beside it (`-2`, `-3`… when taken), never
 *  replacing an earlier copy; answers the copy's path. */
export function copyAside(file: string, label: string, now: Date): string {
  const { dir, name, ext } = path.parse(file);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const target = path.join(dir, `${name}.${label}-${stamp}${n > 1 ? `-${n}` : ''}${ext}`);
    try {
      copyFileSync(file, target, fsConstants.COPYFILE_EXCL);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * What start-up reports of a file that did not read completely (the sentences in `problems`): the file is first copied
 * aside byte for byte, before the next save can overwrite it. Undefined when nothing was lost.
 */
export function damageReport(backend: StoreBackend, problems: string[]): StoreDamage | undefined {
  if (problems.length === 0) return undefined;
  return { problems, backupPath: existsSync(backend.path) ? backupFile(backend.path, new Date()) : null };
}
