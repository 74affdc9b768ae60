// Upgrades older store files to the current schema version, one step per version.
import { DEFAULT_CREDENTIAL } from '../../shared/api';

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * migrations[n] turns a version-n file into a version-(n+1) file. Steps only reshape; validation runs after.
 * v1 (single-token era): presets had no credential and settings lived at the top level.
 */
export const migrations: Record<number, Migration> = {
  1: (v1) => {
    const presets = Array.isArray(v1.presets) ? v1.presets : [];
    return {
      schemaVersion: 2,
      presets: presets.map((preset) =>
        preset && typeof preset === 'object'
          ? { credential: DEFAULT_CREDENTIAL, updatedAt: 0, ...(preset as Record<string, unknown>) }
          : preset,
      ),
      settings: { lastPresetId: v1.lastPresetId ?? null, selectedCredential: DEFAULT_CREDENTIAL, windowBounds: null },
    };
  },
};

/** Runs every step from `from` up to `to`; returns the data unchanged when there is nothing to do. */
export function migrate(data: Record<string, unknown>, from: number, to: number): Record<string, unknown> {
  let current = data;
  for (let version = from; version < to; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`No migration from store version ${version}.`);
    current = step(current);
  }
  return current;
}
