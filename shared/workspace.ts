// The open tabs as they are kept across restarts: each tab's draft and the preset it came from. Never a token:
// a draft is a request document, which names its credential only.
import { z } from 'zod';
import { presetIdSchema } from './presets';
import { requestDocumentSchema } from './request';
import type { StoreDamage } from './storeFile';

/**
 * The most tabs kept open, in the page and in the file alike. The file holds every tab's draft, bodies included, and is
 * rewritten whole as the user types, so it needs a bound; 100 is twice what any build before this one could restore,
 * and more than a tab strip can show by name.
 */
export const MAX_OPEN_TABS = 100;

export const savedTabSchema = z.object({ presetId: presetIdSchema.nullable(), draft: requestDocumentSchema }).strict();
export const savedWorkspaceSchema = z
  .object({ tabs: z.array(savedTabSchema).max(MAX_OPEN_TABS), active: z.number().int().min(0) })
  .strict();

export type SavedTab = z.infer<typeof savedTabSchema>;
export type SavedWorkspace = z.infer<typeof savedWorkspaceSchema>;

/** The open tabs as loaded at start; damage: what could not be restored, and where the file's original bytes are. */
export interface LoadedWorkspace extends SavedWorkspace {
  damage?: StoreDamage;
}
