// The presets file on disk: loading with validation and migration; a damaged one is copied aside first (storeFiles.ts).
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseTolerant } from 'jsonc-parser';
import { nameKey, type StoredPreset, storedPresetSchema, uniqueName } from '../../../shared/presets';
import { STORE_SCHEMA_VERSION, type StoreFile, type StoreStatus } from '../../../shared/storeFile';
import { withoutSecrets } from '../../../shared/secrets';
import { backupFile, isUnreadable, type StoreBackend } from '../storeFiles';
import { migrate } from './presetMigrations';

export const STORE_NAME = 'keypost-store';

export interface LoadedStore {
  file: StoreFile;
  status: StoreStatus;
  /** True when the file on disk differs from `file` (migrated or repaired) and should be rewritten. */
  needsWrite: boolean;
  /** Set when a damaged file could not be backed up: then it must not be overwritten. */
  writeBlocked: string | null;
  /** True when a secret value was taken out of a preset: the file on disk still holds it, and must not be kept so. */
  secretsRemoved: boolean;
}

/** Reads, migrates and validates the store; copies a damaged file aside before anything can overwrite it. */
export function loadStore(backend: StoreBackend, now: Date = new Date()): LoadedStore {
  const problems: string[] = [];
  let data: Record<string, unknown> = backend.store;

  if (isUnreadable(data)) {
    problems.push('The presets file was not valid JSON; the presets that could still be read were kept.');
    data = salvage(readFileSync(backend.path, 'utf8'));
  }

  // An empty file, a missing or invalid version, or a newer one are read as this version; an older one is migrated.
  const empty = Object.keys(data).length === 0;
  const version = data.schemaVersion;
  let migratedFrom: number | null = null;
  if (empty) {
    // nothing to read
  } else if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    problems.push('The presets file had no valid schema version; it was read as the current version.');
  } else if (version > STORE_SCHEMA_VERSION) {
    problems.push(`The presets file was written by a newer Keypost (schema ${version}); only what this version understands was kept.`);
  } else if (version < STORE_SCHEMA_VERSION) {
    migratedFrom = version;
    data = migrate(data, version, STORE_SCHEMA_VERSION);
  }

  // Secret values taken out of presets: said, and written out of the file, but never copied into a backup.
  const secretNotes: string[] = [];
  const presets = validPresets(data.presets, problems, secretNotes);
  // Anything unreadable, dropped or repaired means the file on disk holds more than we kept: back it up.
  const damaged = problems.length > 0;

  let backupPath: string | null = null;
  let writeBlocked: string | null = null;
  if (damaged && existsSync(backend.path)) {
    try {
      backupPath = backupFile(backend.path, now);
    } catch (error) {
      writeBlocked = `The damaged presets file could not be backed up (${(error as Error).message}), so it is left untouched and changes will not be saved.`;
      problems.push(writeBlocked);
    }
  }

  return {
    file: { schemaVersion: STORE_SCHEMA_VERSION, presets },
    status: { backupPath, problems: [...problems, ...secretNotes], migratedFrom },
    needsWrite: (damaged || migratedFrom !== null || secretNotes.length > 0) && !writeBlocked,
    writeBlocked,
    secretsRemoved: secretNotes.length > 0,
  };
}

/**
 * The settings as builds before the settings file kept them: inside the presets file (migrated like the rest of it).
 * The settings store reads them once, when its own file does not exist yet; undefined when there are none.
 */
export function legacySettings(backend: StoreBackend): unknown {
  const data = backend.store;
  const version = data.schemaVersion;
  const current = typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < STORE_SCHEMA_VERSION ? migrate(data, version, STORE_SCHEMA_VERSION) : data;
  return current.settings;
}

/** Best-effort parse of damaged JSON (e.g. a truncated file): complete entries survive, the rest is dropped later. */
function salvage(text: string): Record<string, unknown> {
  const value: unknown = parseTolerant(text, [], { allowTrailingComma: true });
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Keeps each preset that validates; repairs duplicate ids and names instead of dropping them. */
function validPresets(input: unknown, problems: string[], secretNotes: string[]): StoredPreset[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) {
    problems.push('The presets list in the file was not a list and could not be read.');
    return [];
  }
  const kept: StoredPreset[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  let dropped = 0;
  let repaired = 0;
  const secrets: string[] = [];
  for (const candidate of input) {
    const parsed = storedPresetSchema.safeParse(candidate);
    if (!parsed.success) {
      dropped++;
      continue;
    }
    const preset = parsed.data;
    // A secret value in a header or query row (a hand edit, or a token in an old preset's URL) leaves the file.
    const request = withoutSecrets(preset.request);
    if (request !== preset.request) {
      preset.request = request;
      secrets.push(preset.name);
    }
    if (ids.has(preset.id)) {
      preset.id = randomUUID();
      repaired++;
    }
    const name = uniqueName(preset.name, names);
    if (name !== preset.name) {
      preset.name = name;
      repaired++;
    }
    ids.add(preset.id);
    names.add(nameKey(preset.name));
    kept.push(preset);
  }
  if (dropped) problems.push(`${dropped} preset${dropped === 1 ? ' was' : 's were'} invalid and left out.`);
  if (secrets.length) {
    secretNotes.push(
      `A value that looks like a secret was removed from ${secrets.length === 1 ? 'the preset' : 'the presets'} ${secrets.map((name) => `“${name}”`).join(', ')}: the keychain is the only place Keypost keeps a secret. Type it again and move it to the keychain.`,
    );
  }
  if (repaired) problems.push(`${repaired} duplicate preset name${repaired === 1 ? '' : 's'} or id${repaired === 1 ? ' was' : 's were'} renamed.`);
  return kept;
}
