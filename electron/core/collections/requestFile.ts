// One saved request as a file a team reviews: YAML, keys always in the same order, nothing volatile (no timestamps:
// the file's own modification time says when it changed), so saving an unchanged request never shows a diff.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { presetIdSchema, presetNameSchema } from '../../../shared/presets';
import { requestDocumentSchema, type RequestDocument } from '../../../shared/request';
import { keypostFileName, keypostYamlText, type ReadKeypostYaml, readKeypostYaml } from './keypostYaml';

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
  return keypostYamlText(requestFileSchema, { keypost: REQUEST_FORMAT_VERSION, ...(id ? { id } : {}), name, request: withoutEmptyChecks(request) });
}

/** No assertions or captures are written as none at all: a request that never had any keeps its file's bytes. So is
 *  the cookie jar's switch unless it is off (`cookies: false`): on is what every request did before it existed. */
function withoutEmptyChecks({ assertions, captures, options, ...request }: RequestDocument): RequestDocument {
  const { cookies, ...optIns } = options;
  return { ...request, options: cookies === false ? options : optIns, ...(assertions?.length ? { assertions } : {}), ...(captures?.length ? { captures } : {}) };
}

export type ReadRequestFile = ReadKeypostYaml<RequestFile>;

/** Reads a request file's text; an unreadable one comes back with the reason in words. */
export function readRequestFile(text: string): ReadRequestFile {
  const read = readKeypostYaml(text, requestFileSchema, REQUEST_FORMAT_VERSION, 'request');
  if (!read.ok) return read;
  const { id, name, request } = read.value;
  return { ok: true, value: { id: id ?? null, name, request } };
}

/** The file name a request called `name` gets: its name, made safe for every OS; `-2`, `-3`… when `taken` has it. */
export const requestFileName = (name: string, taken: (fileName: string) => boolean): string => keypostFileName(name, REQUEST_FILE_SUFFIX, taken);

/** The id of a request whose file holds none (written by hand) or another file's (copied): stable for its path. */
export const idForPath = (collection: string, file: string) =>
  `f-${createHash('sha256').update(`${collection}\0${file}`).digest('hex').slice(0, 24)}`;
