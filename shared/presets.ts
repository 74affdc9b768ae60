// Presets and settings: the one definition of their shape (zod), used by the store, the IPC schemas and the UI.
import { z } from 'zod';
import { DEFAULT_BODY_LIMIT_MB, httpMethods, MAX_BODY_LIMIT_MB } from './api';

export const PRESET_NAME_MAX = 100;
export const PRESET_BODY_MAX = 5 * 1024 * 1024;
export const URL_MAX = 8_192;
/** Version of the store file written by this build; older files are migrated on load (presetMigrations.ts). */
export const STORE_SCHEMA_VERSION = 2;

/** Keychain account names: also used in file names by some keychains, so a conservative alphabet. */
export const credentialNameSchema = z
  .string()
  .min(1, 'A credential needs a name.')
  .max(64, 'A credential name can be at most 64 characters.')
  .regex(/^[\w .@-]+$/, 'A credential name may use letters, digits, space, _ . @ - only.');

export const presetNameSchema = z
  .string()
  .trim()
  .min(1, 'A preset needs a name.')
  .max(PRESET_NAME_MAX, `A preset name can be at most ${PRESET_NAME_MAX} characters.`)
  .regex(/^[^\p{Cc}]*$/u, 'A preset name cannot contain control characters.');

export const presetIdSchema = z.string().min(1).max(64);

/** What the user saves: never a token, only the name of the keychain entry that holds it. */
export const presetDraftSchema = z
  .object({
    name: presetNameSchema,
    url: z.string().max(URL_MAX),
    method: z.enum(httpMethods),
    body: z.string().max(PRESET_BODY_MAX),
    credential: credentialNameSchema,
    // Explicit per-preset opt-ins (see TransportOptIns in shared/api.ts); absent means off.
    allowPlainHttp: z.boolean().optional(),
    allowSelfSignedTls: z.boolean().optional(),
  })
  .strict();

export const presetSchema = presetDraftSchema
  .extend({ id: presetIdSchema, updatedAt: z.number().int().nonnegative() })
  .strict();

export type PresetDraft = z.infer<typeof presetDraftSchema>;
export type Preset = z.infer<typeof presetSchema>;
export type PresetSummary = Omit<Preset, 'body'>;

export const windowBoundsSchema = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    maximized: z.boolean(),
  })
  .strict();
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

/** "Keep response bodies up to N MB in memory": whole MB, 1 to 1024. */
export const bodyLimitMbSchema = z
  .number()
  .int('The body size limit is a whole number of MB.')
  .min(1, 'The body size limit is at least 1 MB.')
  .max(MAX_BODY_LIMIT_MB, `The body size limit is at most ${MAX_BODY_LIMIT_MB} MB.`);

/** Each setting is validated on its own, so one bad value never costs the others. */
export const settingsFields = {
  lastPresetId: presetIdSchema.nullable(),
  selectedCredential: credentialNameSchema.nullable(),
  windowBounds: windowBoundsSchema.nullable(),
  bodyLimitMb: bodyLimitMbSchema,
};
export interface Settings {
  lastPresetId: string | null;
  selectedCredential: string | null;
  windowBounds: WindowBounds | null;
  /** Response bodies up to this many MB stay in memory; bigger ones go to a temp file. */
  bodyLimitMb: number;
}
/** The part of the settings the page may change (window bounds belong to main). */
export type RendererSettings = Pick<Settings, 'lastPresetId' | 'selectedCredential' | 'bodyLimitMb'>;
export const rendererSettingsPatchSchema = z
  .object({
    lastPresetId: settingsFields.lastPresetId.optional(),
    selectedCredential: settingsFields.selectedCredential.optional(),
    bodyLimitMb: settingsFields.bodyLimitMb.optional(),
  })
  .strict();

// A file written before a setting existed simply lacks it: the loader keeps these defaults for what is missing.
export const emptySettings = (): Settings => ({ lastPresetId: null, selectedCredential: null, windowBounds: null, bodyLimitMb: DEFAULT_BODY_LIMIT_MB });

/** The store file as written by this version. */
export interface StoreFile {
  schemaVersion: typeof STORE_SCHEMA_VERSION;
  presets: Preset[];
  settings: Settings;
}

/** Export files: presets without ids, timestamps or tokens. */
export const EXPORT_FORMAT = 'keypost-presets';
export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  presets: z.array(z.unknown()).max(100_000),
});
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  presets: PresetDraft[];
}

/** What the app reports about the store at startup (a banner when something had to be set aside). */
export interface StoreStatus {
  /** Where the unreadable or invalid original file was copied, byte for byte; null when none was needed. */
  backupPath: string | null;
  /** Sentences describing what was dropped or repaired. */
  problems: string[];
  /** Schema version the file was migrated from, when it was older. */
  migratedFrom: number | null;
}

export interface CredentialInfo {
  name: string;
  /** False when presets refer to a name the keychain does not hold (deleted, or imported from elsewhere). */
  stored: boolean;
  /** Names of the presets that use it. */
  usedBy: string[];
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

/** Names compare without case or surrounding space, so "Prod" and "prod " cannot both exist. */
export const nameKey = (name: string) => name.trim().toLocaleLowerCase();

/** `base`, or `base (2)`, `base (3)`… — the first not in `taken` (keys from nameKey), within the length limit. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const trimmed = base.trim();
  if (!taken.has(nameKey(trimmed))) return trimmed;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${trimmed.slice(0, PRESET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(nameKey(candidate))) return candidate;
  }
}
