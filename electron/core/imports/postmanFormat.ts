// Which Postman file this is: a collection of version 2.1 or 2.0 (the same shape, both converted), or another of
// Postman's files (a v1 collection, an environment, globals, a data dump) or none of them, refused in words.
import { fail, ok, type Result } from '../../../shared/errors';

/** A collection's top level as the file has it (v2.0 and v2.1 share it). */
export interface PostmanCollectionJson {
  info: Record<string, unknown>;
  item: unknown[];
  auth?: unknown;
  event?: unknown;
  variable?: unknown;
  protocolProfileBehavior?: unknown;
}

const EXPORT_HINT = 'In Postman, open the collection’s ⋯ menu, choose Export and pick “Collection v2.1”, then import that file.';

const record = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

// Reading the file's JSON without trusting its shape: a field of the wrong kind reads as empty.
/** The fields of an object in the file ({} for anything else). */
export const fieldsOf = (value: unknown): Record<string, unknown> => record(value) ?? {};
/** The entries of a list in the file ([] for anything else). */
export const entriesOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A value as text: a string as it is, a number or boolean written out, an object as JSON, nothing as ''. */
export const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** The collection inside a Postman API answer ({ "collection": { … } }), or the file itself. */
const unwrapped = (json: unknown): Record<string, unknown> | null => {
  const top = record(json);
  const inner = record(top?.collection);
  return inner && record(inner.info) ? inner : top;
};

/** Whether the file is one of Postman's (a collection of any version, an environment, globals, a data dump): the
 *  files convertPostman either converts or refuses in Postman's words. */
export function isPostmanFile(json: unknown): boolean {
  const top = unwrapped(json);
  if (!top) return false;
  const schema = record(top.info)?.schema;
  return (
    (typeof schema === 'string' && schema.includes('getpostman.com')) ||
    record(top.info)?._postman_id !== undefined ||
    top._postman_variable_scope !== undefined ||
    isVersion1(top) ||
    isDataDump(top)
  );
}

const isVersion1 = (top: Record<string, unknown>) => Array.isArray(top.requests) && (Array.isArray(top.order) || Array.isArray(top.folders) || typeof top.id === 'string');
const isDataDump = (top: Record<string, unknown>) => Array.isArray(top.collections) && (Array.isArray(top.environments) || top.version !== undefined);

/** The collection to convert, or why this file is not one Keypost converts. */
export function recognisePostman(json: unknown, fileName: string): Result<PostmanCollectionJson> {
  const refuse = (why: string, hint = EXPORT_HINT) => fail('IMPORT_INVALID', `${fileName} cannot be imported: ${why}`, { hint });
  const top = unwrapped(json);
  if (!top) return refuse('it is not a Postman collection (a collection is a JSON object with “info” and “item”).');
  const scope = top._postman_variable_scope;
  if (scope === 'environment') return refuse('it is a Postman environment (variables only), not a collection.', `${EXPORT_HINT} Keypost keeps variables in environments: add them under Environments….`);
  if (scope === 'globals') return refuse('it is Postman’s globals (variables only), not a collection.', `${EXPORT_HINT} Keypost keeps variables in environments: add them under Environments….`);
  if (isDataDump(top)) return refuse('it is a Postman data dump (every collection and environment of an account in one file).', `Export each collection on its own: ${EXPORT_HINT}`);
  const info = record(top.info);
  const schema = typeof info?.schema === 'string' ? info.schema : '';
  const version = /collection\/v(\d+(?:\.\d+)*)/.exec(schema)?.[1];
  if (isVersion1(top) || version?.startsWith('1')) return refuse('it is a Postman collection of version 1, an old format Keypost does not read.', EXPORT_HINT);
  if (!info || !Array.isArray(top.item)) return refuse('it is not a Postman collection: it has no “info” and “item”.');
  if (version !== undefined && !/^2\.[01](\.|$)/.test(version)) return refuse(`it is a Postman collection of version ${version}; Keypost reads versions 2.1 and 2.0.`);
  // No schema but info and item: the shape of v2 (Postman writes the schema; a hand-made file may not).
  return ok(top as unknown as PostmanCollectionJson);
}
