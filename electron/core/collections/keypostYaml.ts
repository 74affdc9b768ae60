// What every Keypost file in a collection shares (requests, environments): YAML written the same way every time, a
// `keypost` format version read before anything else, the reason a file could not be read in words, and a file
// name made from the user's name for it.
import { isMap, parseDocument, stringify } from 'yaml';
import type { z } from 'zod';

/** The file's text: keys in the order of the schema's shape (zod writes its output in shape order), so the same
 *  content always gives the same bytes. */
export function keypostYamlText<T>(schema: z.ZodType<T>, data: unknown): string {
  // lineWidth 0: a long URL or value is never folded, so editing it changes one line of the file.
  return stringify(schema.parse(data), { lineWidth: 0, blockQuote: 'literal', aliasDuplicateObjects: false });
}

export type ReadKeypostYaml<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Reads a Keypost file's text against `schema`; an unreadable one comes back with the reason in words. `what` names
 * what the file holds ('request', 'environment'); `version` is the format this build reads: a higher one is refused
 * (listed, never rewritten).
 */
export function readKeypostYaml<T>(text: string, schema: z.ZodType<T>, version: number, what: string): ReadKeypostYaml<T> {
  const document = parseDocument(text, { uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    return { ok: false, reason: `It is not valid YAML${line ? ` (line ${line})` : ''}.` };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 0 });
  } catch {
    // toJS throws on an alias (maxAliasCount 0: an alias can expand a small file into a huge one); one file's
    // content must never stop a whole collection from loading.
    return { ok: false, reason: 'It uses a YAML alias (*name), which Keypost does not read; write the value out instead.' };
  }
  if (!isMap(document.contents) || !data || typeof data !== 'object') return { ok: false, reason: `It does not hold a Keypost ${what}.` };
  const found = (data as Record<string, unknown>).keypost;
  if (typeof found !== 'number') return { ok: false, reason: `It has no “keypost” format version, so it is not a Keypost ${what}.` };
  if (found > version) return { ok: false, reason: `It was written by a newer Keypost (format ${found}); this version reads format ${version}.` };
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // A field Keypost does not know (a token typed in by hand, say) is named by its own path, not its parent's.
    if (issue.code === 'unrecognized_keys') return { ok: false, reason: `Its field “${[...issue.path, issue.keys[0]].join('.')}” is not one Keypost knows.` };
    const where = issue.path.length > 0 ? `“${issue.path.join('.')}”` : 'the file';
    return { ok: false, reason: `Its field ${where} is not valid: ${issue.message}` };
  }
  return { ok: true, value: parsed.data };
}

// Characters no OS accepts in a file name (Windows refuses the most), and the names Windows reserves.
const UNSAFE = /[\p{Cc}/\\:*?"<>|]+/gu;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const STEM_MAX = 80;
/**
 * File systems count a name's bytes (255 at most), and a save first writes `<file>.tmp-<16 characters>` (atomically):
 * 80 characters of Chinese or emoji are 240–320 bytes, so the stem is cut to bytes as well as characters.
 */
const STEM_MAX_BYTES = 180;

/** `text` cut to at most `chars` characters and `bytes` UTF-8 bytes, never inside a character (a surrogate pair). */
function cut(text: string, chars: number, bytes: number): string {
  let kept = '';
  for (const char of Array.from(text).slice(0, chars)) {
    if (Buffer.byteLength(kept + char) > bytes) break;
    kept += char;
  }
  return kept;
}

/**
 * The file name something called `name` gets, ending in `suffix` ('.request.yaml'): its name, made safe for every
 * OS; `-2`, `-3`… when `taken` has it. A name with nothing safe in it is called after the suffix ('request').
 */
export function keypostFileName(name: string, suffix: string, taken: (fileName: string) => boolean): string {
  let stem = cut(name.replace(UNSAFE, '-').replace(/\s+/g, ' ').trim(), STEM_MAX, STEM_MAX_BYTES).replace(/^[. ]+|[. ]+$/g, '');
  if (stem === '') stem = suffix.split('.')[1] ?? 'file';
  // Windows reserves a device name with any extension too (`nul.json`): the mark goes right after the device name.
  const device = stem.split('.')[0]!.trimEnd();
  if (RESERVED.test(device)) stem = `${device}-${stem.slice(device.length)}`;
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n > 1 ? `-${n}` : ''}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
