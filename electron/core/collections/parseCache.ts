// What a collection's request files held when Keypost last read them, kept in the data folder (never in the
// collection: nothing volatile goes into git). Reading YAML costs about a millisecond a file; a file whose size
// and modification time are unchanged is taken from here instead, so a collection of 10,000 requests opens in a
// fraction of a second after the first time.
import { mkdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { presetIdSchema, presetNameSchema } from '../../../shared/presets';
import { requestDocumentSchema } from '../../../shared/request';
import type { FlaggedSecret } from '../../../shared/collections';
import type { RequestFile } from './requestFile';

/** Bumped whenever what is cached changes shape: an older cache is then ignored, not misread. */
const CACHE_VERSION = 1;

const cachedSchema = z.object({
  version: z.literal(CACHE_VERSION),
  files: z.record(
    z.string(),
    z.object({
      stamp: z.string(),
      content: z.object({ id: presetIdSchema.nullable(), name: presetNameSchema, request: requestDocumentSchema }),
      // What the secret guard found in it, once it looked: a file unchanged since is not read by the guard again.
      secrets: z.array(z.object({ file: z.string(), field: z.string(), kind: z.string() })).optional(),
    }),
  ),
});

export interface ParseCache {
  /** The content read from `file` when it last had this stamp (size and modification time). */
  get(file: string, stamp: string): RequestFile | undefined;
  set(file: string, stamp: string, content: RequestFile): void;
  /** What the secret guard found in `file` with this stamp, if it looked since the file last changed. */
  secrets(file: string, stamp: string): FlaggedSecret[] | undefined;
  setSecrets(file: string, stamp: string, secrets: FlaggedSecret[]): void;
  /** Writes the cache if it changed (without the files no longer there); a failure only costs the next start a re-read. */
  save(liveFiles: Iterable<string>): Promise<void>;
}

export function openParseCache(cacheFile: string): ParseCache {
  let files: Record<string, { stamp: string; content: RequestFile; secrets?: FlaggedSecret[] }> = {};
  try {
    const parsed = cachedSchema.safeParse(JSON.parse(readFileSync(cacheFile, 'utf8')));
    if (parsed.success) files = parsed.data.files;
  } catch {
    // No cache yet, or an unreadable one: every file is read.
  }
  let changed = false;
  // The write under way: the next save waits for it, so two writes never interleave in the file.
  let writing: Promise<void> = Promise.resolve();
  return {
    get: (file, stamp) => (files[file]?.stamp === stamp ? files[file].content : undefined),
    set(file, stamp, content) {
      files[file] = { stamp, content };
      changed = true;
    },
    secrets: (file, stamp) => (files[file]?.stamp === stamp ? files[file].secrets : undefined),
    setSecrets(file, stamp, secrets) {
      const entry = files[file];
      if (entry?.stamp !== stamp || JSON.stringify(entry.secrets) === JSON.stringify(secrets)) return;
      entry.secrets = secrets;
      changed = true;
    },
    async save(liveFiles) {
      const live = new Set(liveFiles);
      for (const file of Object.keys(files)) {
        if (!live.has(file)) {
          delete files[file];
          changed = true;
        }
      }
      if (!changed) return writing;
      changed = false;
      const text = JSON.stringify({ version: CACHE_VERSION, files });
      writing = writing.then(async () => {
        try {
          mkdirSync(path.dirname(cacheFile), { recursive: true });
          await writeFile(cacheFile, text);
        } catch {
          // The next start reads those files again.
        }
      });
      return writing;
    },
  };
}

/** A file's identity for the cache and for noticing outside changes: its size and modification time. */
export const stampOf = (stats: { size: number; mtimeMs: number }) => `${stats.size}:${stats.mtimeMs}`;
