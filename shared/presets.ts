// Presets: a name and a request document, saved in the store. The document never holds a token.
import { z } from 'zod';
import { presetPlaceSchema } from './collections';
import { credentialOf, requestDocumentSchema, type RequestDocument } from './request';
import { joinUrl } from './urlQuery';

export const PRESET_NAME_MAX = 100;
/** A preset's body text (all its fields together) is at most this big: the store file is rewritten on every save. */
export const PRESET_BODY_MAX = 5 * 1024 * 1024;

export const presetNameSchema = z
  .string()
  .trim()
  .min(1, 'A preset needs a name.')
  .max(PRESET_NAME_MAX, `A preset name can be at most ${PRESET_NAME_MAX} characters.`)
  .regex(/^[^\p{Cc}]*$/u, 'A preset name cannot contain control characters.');

export const presetIdSchema = z.string().min(1).max(64);

/** The text a body carries, summed over its fields: what PRESET_BODY_MAX limits. */
function bodyTextLength(request: RequestDocument): number {
  const { body } = request;
  switch (body.kind) {
    case 'none':
      return 0;
    case 'json':
    case 'text':
      return body.text.length;
    case 'form':
      return body.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    case 'multipart':
      return body.parts.reduce((sum, part) => sum + part.name.length + (part.kind === 'text' ? part.value.length : part.path.length), 0);
  }
}

const presetRequestSchema = requestDocumentSchema.refine(
  (request) => bodyTextLength(request) <= PRESET_BODY_MAX,
  `A preset's body can be at most ${PRESET_BODY_MAX / 1024 / 1024} MB.`,
);

/** What the user saves: a name and the request. */
export const presetDraftSchema = z.object({ name: presetNameSchema, request: presetRequestSchema }).strict();
/** A preset as the presets file of older builds (keypost-store.json) held it, before presets became files. */
export const storedPresetSchema = presetDraftSchema.extend({ id: presetIdSchema, updatedAt: z.number().int().nonnegative() }).strict();
/** A saved request: its file's content, when the file last changed, and where it lives (shared/collections.ts). */
export const presetSchema = storedPresetSchema.extend(presetPlaceSchema.shape).strict();

export type PresetDraft = z.infer<typeof presetDraftSchema>;
export type StoredPreset = z.infer<typeof storedPresetSchema>;
export type Preset = z.infer<typeof presetSchema>;

/** What the sidebar lists and filters: where it lives, the request's method, its URL as sent, and the credential it uses. */
export interface PresetSummary {
  id: string;
  name: string;
  updatedAt: number;
  collection: string;
  folder: string;
  method: string;
  url: string;
  credential: string | null;
}

export const summaryOf = ({ id, name, updatedAt, collection, folder, request }: Preset): PresetSummary => ({
  id,
  name,
  updatedAt,
  collection,
  folder,
  method: request.method,
  url: joinUrl(request.url, request.query),
  credential: credentialOf(request),
});

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
