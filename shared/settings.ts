// The app's settings: their shapes, limits and defaults (one schema per setting, so one bad value never costs the others).
import { z } from 'zod';
import { credentialNameSchema } from './credentials';
import { DEFAULT_BODY_LIMIT_MB, MAX_BODY_LIMIT_MB } from './http';
import { presetIdSchema } from './presets';

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
