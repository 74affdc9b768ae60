// The presets file as this version writes it, and what loading it reports.
import type { StoredPreset } from './presets';

/** Version of the store file written by this build; older files are migrated on load (presetMigrations.ts).
 *  3: presets hold a request document (method, url, query, headers, body, auth, options). */
export const STORE_SCHEMA_VERSION = 3;

export interface StoreFile {
  schemaVersion: typeof STORE_SCHEMA_VERSION;
  presets: StoredPreset[];
}

/** A file that could not be read completely at start (presets, environments, open tabs): shown as a banner. */
export interface StoreDamage {
  /** Where the unreadable or invalid original file was copied, byte for byte; null when none was needed. */
  backupPath: string | null;
  /** Sentences describing what was dropped or repaired. */
  problems: string[];
}

/** What the app reports about the store at startup (a banner when something had to be set aside). */
export interface StoreStatus extends StoreDamage {
  /** Schema version the file was migrated from, when it was older. */
  migratedFrom: number | null;
  /** Set the one time an older build's presets file moved into the default collection as files. */
  moved?: MovedFiles;
}

/** What moved, the one time an older build's file (presets, environments) became files in the default collection:
 *  how many, the folder they are in now, and where the old file is kept. */
export interface MovedFiles {
  count: number;
  folder: string;
  oldFile: string;
}
