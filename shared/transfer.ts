// Export files: presets without ids, timestamps or tokens; and what an import shows and does.
import { z } from 'zod';
import type { PresetDraft } from './presets';

export const EXPORT_FORMAT = 'keypost-presets';
/** 2: presets hold a request document; version 1 files (flat presets) are still read. */
export const EXPORT_VERSION = 2;
export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  presets: z.array(z.unknown()).max(100_000),
});
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  presets: PresetDraft[];
}

export type ConflictChoice = 'rename' | 'replace';

export interface ImportPreview {
  fileName: string;
  presets: PresetDraft[];
  /** Entries of the file that were not valid presets and will not be imported. */
  skipped: number;
  /** Names in the file that already exist here. */
  conflicts: string[];
  /** Credentials the imported presets name that the keychain does not hold. */
  missingCredentials: string[];
}

export interface ImportOutcome {
  added: number;
  replaced: number;
  renamed: number;
}

export interface ExportOutcome {
  path: string;
  count: number;
}
