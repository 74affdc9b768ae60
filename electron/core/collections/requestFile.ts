// One saved request as a file a team reviews: YAML, keys always in the same order, nothing volatile (no timestamps:
// the file's own modification time says when it changed), so saving an unchanged request never shows a diff.
import { createHash } from 'node:crypto';
import { isMap, parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import { presetIdSchema, presetNameSchema } from '../../../shared/presets';
import { requestDocumentSchema, type RequestDocument } from '../../../shared/request';

/** Only files ending so are requests; anything else in a collection (a README, an OpenAPI file) is left alone. */
export const REQUEST_FILE_SUFFIX = '.request.yaml';
/** The format this build writes. A file with a higher number is listed as unread, never rewritten. */
export const REQUEST_FORMAT_VERSION = 1;

export interface RequestFile {
  /** Tabs and history find the request by it, whatever its file is called; absent in a file written by hand. */
  id: string | null;
  name: string;
  request: RequestDocument;
}

// The order of the keys in the file is the order of these shapes (zod writes its output in shape order).
const requestFileSchema = z
  .object({
    keypost: z.literal(REQUEST_FORMAT_VERSION),
    id: presetIdSchema.optional(),
    name: presetNameSchema,
    request: requestDocumentSchema,
  })
  .strict();

/** The file's text: the same request always gives the same bytes. */
export function requestFileText({ id, name, request }: RequestFile): string {
  const file = requestFileSchema.parse({ keypost: REQUEST_FORMAT_VERSION, ...(id ? { id } : {}), name, request });
  // lineWidth 0: a long URL or body line is never folded, so editing it changes one line of the file.
  return stringify(file, { lineWidth: 0, blockQuote: 'literal', aliasDuplicateObjects: false });
}

export type ReadRequestFile = { ok: true; value: RequestFile } | { ok: false; reason: string };

/** Reads a request file's text; an unreadable one comes back with the reason in words. */
export function readRequestFile(text: string): ReadRequestFile {
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
  if (!isMap(document.contents) || !data || typeof data !== 'object') return { ok: false, reason: 'It does not hold a Keypost request.' };
  const version = (data as Record<string, unknown>).keypost;
  if (typeof version !== 'number') return { ok: false, reason: 'It has no “keypost” format version, so it is not a Keypost request.' };
  if (version > REQUEST_FORMAT_VERSION) return { ok: false, reason: `It was written by a newer Keypost (format ${version}); this version reads format ${REQUEST_FORMAT_VERSION}.` };
  const parsed = requestFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // A field Keypost does not know (a token typed in by hand, say) is named by its own path, not its parent's.
    if (issue.code === 'unrecognized_keys') return { ok: false, reason: `Its field “${[...issue.path, issue.keys[0]].join('.')}” is not one Keypost knows.` };
    const where = issue.path.length > 0 ? `“${issue.path.join('.')}”` : 'the file';
    return { ok: false, reason: `Its field ${where} is not valid: ${issue.message}` };
  }
  const { id, name, request } = parsed.data;
  return { ok: true, value: { id: id ?? null, name, request } };
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

/** The file name a request called `name` gets: its name, made safe for every OS; `-2`, `-3`… when `taken` has it. */
export function requestFileName(name: string, taken: (fileName: string) => boolean): string {
  let stem = cut(name.replace(UNSAFE, '-').replace(/\s+/g, ' ').trim(), STEM_MAX, STEM_MAX_BYTES).replace(/^[. ]+|[. ]+$/g, '');
  if (stem === '') stem = 'request';
  // Windows reserves a device name with any extension too (`nul.json`): the mark goes right after the device name.
  const device = stem.split('.')[0]!.trimEnd();
  if (RESERVED.test(device)) stem = `${device}-${stem.slice(device.length)}`;
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n > 1 ? `-${n}` : ''}${REQUEST_FILE_SUFFIX}`;
    if (!taken(candidate)) return candidate;
  }
}

/** The id of a request whose file holds none (written by hand) or another file's (copied): stable for its path. */
export const idForPath = (collection: string, file: string) =>
  `f-${createHash('sha256').update(`${collection}\0${file}`).digest('hex').slice(0, 24)}`;
