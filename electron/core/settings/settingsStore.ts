// The app's settings in a file of their own (keypost-settings.json): each value validated on its own, a change written
// before it counts, and announced to whoever listens (main follows the theme, history its caps).
import { fail, ok, type Result } from '../../../shared/errors';
import { emptySettings, settingsFields, type Settings } from '../../../shared/settings';
import { damageReport, isUnreadable, type StoreBackend } from '../storeFiles';

export const SETTINGS_NAME = 'keypost-settings';

export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Result<Settings>;
  /** Called after each saved change, with the names of the settings whose values changed. */
  onChange(listener: (settings: Settings, changed: ReadonlyArray<keyof Settings>) => void): () => void;
  /** Sentences for the startup notice when the file did not read completely (its original is copied aside first). */
  problems(): string[];
}

/**
 * `legacy`: the settings as builds before 0.2 kept them, inside the presets file (presetStoreFile.ts legacySettings).
 * Read only while this file does not exist yet, so they move over once.
 */
export function createSettingsStore(backend: StoreBackend, legacy: () => unknown = () => undefined): SettingsStore {
  const raw = backend.store;
  const fresh = Object.keys(raw).length === 0;
  const movedOver = fresh ? legacy() : undefined;
  const problems: string[] = [];
  let settings = validSettings(fresh ? movedOver : raw, problems);
  const damage = damageReport(backend, problems);
  const listeners = new Set<(settings: Settings, changed: ReadonlyArray<keyof Settings>) => void>();

  const write = (next: Settings): Result<void> => {
    try {
      backend.store = next as unknown as Record<string, unknown>;
      return ok(undefined);
    } catch (error) {
      return fail('STORE_WRITE_FAILED', 'Keypost could not save your settings; nothing was changed.', {
        hint: `Check that the disk is not full and ${backend.path} is writable. Detail: ${(error as Error).message}`,
      });
    }
  };
  // Moved over, or repaired: written at once, so the next start reads what this one shows.
  if (movedOver !== undefined || damage) write(settings);

  return {
    get: () => settings,
    update(patch) {
      const next = { ...settings, ...patch };
      const changed = (Object.keys(patch) as Array<keyof Settings>).filter((key) => !Object.is(settings[key], next[key]));
      if (changed.length === 0) return ok(settings);
      const written = write(next);
      if (!written.ok) return written;
      settings = next;
      for (const listener of listeners) listener(settings, changed);
      return ok(settings);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    problems: () =>
      damage
        ? [`Some settings could not be read: ${damage.problems.join(' ')}${damage.backupPath ? ` Its original is kept at ${damage.backupPath}.` : ''}`]
        : [],
  };
}

/** Each setting validated on its own, so one bad value never costs the others; a missing one takes its default. */
function validSettings(input: unknown, problems: string[]): Settings {
  const settings = emptySettings();
  if (input === undefined) return settings;
  if (!input || typeof input !== 'object' || isUnreadable(input as Record<string, unknown>)) {
    problems.push('The settings could not be read and were reset.');
    return settings;
  }
  const raw = input as Record<string, unknown>;
  const invalid: string[] = [];
  for (const key of Object.keys(settingsFields) as Array<keyof Settings>) {
    if (raw[key] === undefined) continue;
    const parsed = settingsFields[key].safeParse(raw[key]);
    if (parsed.success) (settings as unknown as Record<string, unknown>)[key] = parsed.data;
    else invalid.push(key);
  }
  if (invalid.length) problems.push(`Invalid settings were reset: ${invalid.join(', ')}.`);
  return settings;
}
