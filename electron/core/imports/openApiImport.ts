// OpenAPI 3.0 and 3.1 (and Swagger 2.0, upgraded to 3.1 first) into the one foreign shape: a request per operation in
// a folder per first tag, the first server as {{baseUrl}}, security schemes as credentials. @scalar/openapi-parser
// validates and resolves the $refs; a broken one refuses the file, naming it; a circular schema is sampled to a depth.
import { dereference, upgrade, validate } from '@scalar/openapi-parser';
import { fail, ok, type Result } from '../../../shared/errors';
import type { ForeignCollection, ImportedRequest, ImportedVariable } from '../../../shared/foreignImport';
import { presetDraftSchema } from '../../../shared/presets';
import type { RequestDocument } from '../../../shared/request';
import { VARIABLES_MAX } from '../../../shared/environments';
import type { ForeignSource, ParsedDocument } from './foreignText';
import { folderNameFrom, requestNameFrom } from './foreignNames';
import { convertOperation, mergedParameters, noneUnmapped, type Unmapped } from './openApiOperation';
import { readSecuritySchemes } from './openApiSecurity';
import { circularSchemas, schemaDocumentOf } from './openApiBodySchema';

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const OPERATIONS_PER_TURN = 200;
/** Documents up to this many characters are validated against the OpenAPI schema (a few hundred operations). */
const VALIDATE_MAX_CHARS = 2_000_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** The file beside an import's requests that their body schemas come from. */
export const SCHEMA_DOCUMENT = 'openapi.schemas.json';

export const OPENAPI_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** What the body editor's schema link names: `POST /pets`. */
export const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

export const isOpenApi = (json: unknown): boolean => {
  const { openapi, swagger } = object(json);
  return (typeof openapi === 'string' && /^3\.[01]\./.test(openapi)) || swagger === '2.0' || swagger === 2;
};

/** A few of them, named, and how many more. */
const some = (names: readonly string[], max = 5) => `${names.slice(0, max).join(', ')}${names.length > max ? ` and ${names.length - max} more` : ''}`;

/** The first server's URL with its variables at their defaults, read against the document's address when relative. */
function firstServer(servers: unknown[], documentUrl: string | undefined, say: (sentence: string) => void): string {
  const server = object(servers[0]);
  const variables = object(server.variables);
  const raw = typeof server.url === 'string' ? server.url : '';
  let url = raw.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const fallback = object(variables[name]).default;
    return fallback === undefined ? whole : String(fallback);
  });
  if (url === '' && servers.length === 0) {
    say('The document names no server: set baseUrl in the environment to the API’s address.');
    return documentUrl ? new URL('/', documentUrl).href.replace(/\/$/, '') : '';
  }
  if (!URL.canParse(url)) {
    if (documentUrl && URL.canParse(url, documentUrl)) url = new URL(url, documentUrl).href;
    else say(`The server URL “${raw}” is relative: set baseUrl in the environment to the API’s address.`);
  }
  const others = servers.slice(1).map((each) => (typeof object(each).url === 'string' ? String(object(each).url) : '')).filter((each) => each !== '');
  if (others.length > 0) say(`The document names ${others.length === 1 ? 'another server' : `${others.length} other servers`} (${some(others, 3)}); baseUrl is the first one, change it in the environment to use another.`);
  return url.replace(/\/+$/, '');
}

/** Validation messages in Keypost's words: where in the document, never the validator's own text. */
function validationProblems(errors: ReadonlyArray<{ path?: string | string[]; message: string; code?: string }>, version: string): string[] {
  // A JSON pointer (`/paths/~1pets/get`) as the reader sees it: paths › /pets › get.
  const unescape = (part: string) => part.replaceAll('~1', '/').replaceAll('~0', '~');
  const where = (path: string | string[] | undefined) =>
    (Array.isArray(path) ? path : (path ?? '').split('/')).filter((part) => part !== '').map(unescape).join(' › ');
  const places = [...new Set(errors.map((error) => where(error.path)).filter((path) => path !== ''))];
  if (errors.length === 0) return [];
  return [`The document does not quite follow OpenAPI ${version}${places.length > 0 ? ` (at ${some(places, 3)})` : ''}; Keypost read what it could.`];
}

export async function convertOpenApi({ json }: ParsedDocument, source: ForeignSource): Promise<Result<ForeignCollection>> {
  const notMapped: string[] = [];
  const problems: string[] = [];
  const say = (sentence: string) => {
    if (!notMapped.includes(sentence)) notMapped.push(sentence);
  };
  let spec = object(json);
  if (spec.swagger !== undefined) {
    const upgraded = upgrade(spec as Parameters<typeof upgrade>[0]);
    if (!upgraded.specification) return fail('IMPORT_INVALID', `${source.fileName} is a Swagger 2.0 document Keypost could not upgrade to OpenAPI 3.`, { hint: 'Convert it to OpenAPI 3 first, then import that.' });
    spec = object(upgraded.specification);
    problems.push('This is a Swagger 2.0 document: Keypost upgraded it to OpenAPI 3.1 to read it. Check the requests against the API’s documentation.');
  }
  const version = String(spec.openapi ?? '');
  // Schema validation reads the whole document once more (seconds for GitHub's 13 MB, holding main all along): only
  // documents up to VALIDATE_MAX_CHARS get it. Every document's references are resolved and checked below.
  const checked = source.text.length <= VALIDATE_MAX_CHARS ? await validate(spec) : { errors: [] };
  await nextTurn();
  const dereferenced = dereference(spec);
  await nextTurn();
  const broken = [...new Map([...(checked.errors ?? []), ...(dereferenced.errors ?? [])].filter((error) => error.code === 'INVALID_REFERENCE').map((error) => [error.message, error])).values()];
  if (broken.length > 0) {
    const refs = broken.map((error) => /reference: (.*)$/.exec(error.message)?.[1] ?? '').filter((ref) => ref !== '');
    return fail('IMPORT_INVALID', `${source.fileName} cannot be imported: ${refs.length === 1 ? 'the reference' : `${refs.length} references`} ${some(refs.map((ref) => `“${ref}”`), 3)} ${refs.length === 1 ? 'points' : 'point'} to nothing in the document.`, {
      hint: 'Fix the $ref (or add what it names under components), then import again.',
    });
  }
  problems.push(...validationProblems((checked.errors ?? []).filter((error) => error.code !== 'INVALID_REFERENCE'), version));
  // Parameters, request bodies and schemes with their $refs resolved; a circular schema stays a loop of objects,
  // which the sampler cuts at its depth.
  const resolved = object(dereferenced.schema ?? spec);
  const info = object(resolved.info);
  const title = (typeof info.title === 'string' && info.title.trim()) || source.fileName.replace(/\.(json|ya?ml)$/i, '');
  const baseUrl = firstServer(list(resolved.servers), source.url, say);
  const schemes = readSecuritySchemes(object(resolved.components).securitySchemes, title, baseUrl, say);
  // Kept beside the requests for their body schemas: the bodies and components, as JSON (of an upgraded Swagger 2.0
  // document, the upgraded one, whose operations the links name).
  const copied = { fileName: SCHEMA_DOCUMENT, text: `${JSON.stringify(schemaDocumentOf(spec), null, 1)}\n` };
  const documentFile = copied.fileName;
  const unmapped: Unmapped = noneUnmapped();
  const requests: ImportedRequest[] = [];
  const pathValues = new Map<string, string>();
  const ownServers: string[] = [];
  const unsendable: string[] = [];

  let read = 0;
  for (const [path, itemValue] of Object.entries(object(resolved.paths))) {
    // Main answers other calls between chunks of a large document.
    if (++read % OPERATIONS_PER_TURN === 0) await nextTurn();
    const item = object(itemValue);
    for (const method of OPENAPI_METHODS) {
      if (item[method] === undefined) continue;
      const operation = object(item[method]);
      const key = operationKey(method, path);
      if (method === 'trace') {
        unsendable.push(key);
        continue;
      }
      const summary = typeof operation.summary === 'string' ? operation.summary : '';
      const operationId = typeof operation.operationId === 'string' ? operation.operationId : '';
      const name = requestNameFrom(summary || operationId || key, key);
      if (list(operation.servers).length > 0 || list(item.servers).length > 0) ownServers.push(key);
      const converted = convertOperation({ method, path, parameters: mergedParameters(list(item.parameters), list(operation.parameters)), requestBody: operation.requestBody, name }, unmapped);
      for (const { name: variable, value } of converted.pathValues) if (!pathValues.has(variable)) pathValues.set(variable, value);
      const request: RequestDocument = {
        ...converted.request,
        auth: schemes.authFor(operation.security ?? resolved.security),
        ...(converted.jsonSchema ? { schema: { document: documentFile, operation: key } } : {}),
      };
      const tag = list(operation.tags).find((each): each is string => typeof each === 'string' && each.trim() !== '');
      const draft = presetDraftSchema.safeParse({ name, request });
      if (!draft.success) {
        problems.push(`“${name}” (${key}) was left out: ${draft.error.issues[0]?.message ?? 'it is not a request Keypost can hold.'}`);
        continue;
      }
      requests.push({ folder: tag ? folderNameFrom(tag, 'untitled tag') : '', draft: draft.data });
    }
  }
  if (requests.length === 0 && unsendable.length === 0) return fail('IMPORT_INVALID', `${source.fileName} holds no operations to import (its “paths” are empty).`, { hint: 'Choose the document that describes the API’s paths.' });
  if (unsendable.length > 0) say(`TRACE cannot be sent, so ${some(unsendable)} ${unsendable.length === 1 ? 'was' : 'were'} left out.`);
  if (ownServers.length > 0) say(`${some(ownServers)} ${ownServers.length === 1 ? 'names a server' : 'name servers'} of ${ownServers.length === 1 ? 'its' : 'their'} own; the imported requests use {{baseUrl}}.`);
  if (unmapped.cookieParameters.size > 0) say(`Cookie parameters are not sent (${some([...unmapped.cookieParameters])}): add a Cookie header where needed.`);
  if (unmapped.fileParts.size > 0) say(`File parts of multipart bodies are left empty and off, to be chosen when sending: ${some([...unmapped.fileParts])}.`);
  for (const [type, count] of unmapped.otherBodies) say(`${count} ${count === 1 ? 'operation takes a body' : 'operations take bodies'} of type ${type}, which Keypost cannot write from the document: ${count === 1 ? 'that request has' : 'those requests have'} no body.`);

  const circular = circularSchemas(spec);
  if (circular.length > 0) {
    say(`${circular.length === 1 ? 'The schema' : 'The schemas'} ${some(circular.map((name) => `“${name}”`))} ${circular.length === 1 ? 'refers' : 'refer'} to ${circular.length === 1 ? 'itself' : 'themselves'}: example bodies stop a few levels down; the body editor still checks against the whole schema.`);
  }
  const variables: ImportedVariable[] = [{ name: 'baseUrl', value: baseUrl, secret: false }];
  for (const [name, value] of pathValues) {
    if (name === 'baseUrl') continue;
    if (variables.length >= VARIABLES_MAX) {
      say(`Only the first ${VARIABLES_MAX} variables fit in an environment; the other path parameters’ examples are not in it.`);
      break;
    }
    variables.push({ name, value, secret: false });
  }
  return ok({ kind: 'openapi', title, requests, variables, credentials: schemes.credentials(), notMapped, problems, document: copied });
}
