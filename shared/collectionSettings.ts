// A collection's own settings file at its folder's root (keypost.collection.yaml), shared with the team through git:
// for now an extra CA file, a path relative to the collection folder, so every clone and `keypost run` find it.
import { z } from 'zod';

export const COLLECTION_SETTINGS_FILE = 'keypost.collection.yaml';
/** The format this build writes and reads; a higher one is listed among the collection's problems, never rewritten. */
export const COLLECTION_SETTINGS_VERSION = 1;

export const collectionSettingsSchema = z
  .object({
    keypost: z.number(),
    network: z.object({ caFile: z.string().min(1).max(1024).optional() }).strict().optional(),
  })
  .strict();
export type CollectionSettings = z.infer<typeof collectionSettingsSchema>;

/** What the "Collection settings" dialog shows: the CA file as written (relative), and why it cannot serve, if so. */
export interface CollectionCaFile {
  caFile: string | null;
  problem: string | null;
}
