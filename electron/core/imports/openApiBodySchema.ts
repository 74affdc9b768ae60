// The JSON schema of an imported operation's request body, for the body editor's validation and completion: read on
// demand from the OpenAPI document the request links to (request.schema, a file in its collection), made
// self-contained (the components it refers to, and only those, copied in at their own paths, so its $refs resolve).
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ok, type Result } from '../../../shared/errors';
import type { BodySchemaLink } from '../../../shared/request';
import { toDiskPath } from '../collections/collectionFolder';
import type { CollectionStore } from '../collections/collectionStore';
import { parseForeignText } from './foreignText';

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

/** The value at a local JSON pointer (`#/components/schemas/Pet`), or undefined. */
function atPointer(root: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined;
  let current: unknown = root;
  for (const raw of pointer.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Json)[key];
  }
  return current;
}

function setAtPointer(root: Json, pointer: string, value: unknown) {
  const keys = pointer.slice(2).split('/');
  let current = root;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) current[key] = value;
    else current = (current[key] ??= {}) as Json;
  });
}

/** OpenAPI 3.0's `nullable: true` as JSON Schema says it (`type: [T, 'null']`), so a null the API accepts is no error. */
function asJsonSchema(value: unknown, openApi30: boolean): unknown {
  if (Array.isArray(value)) return value.map((each) => asJsonSchema(each, openApi30));
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, each] of Object.entries(value)) out[key] = asJsonSchema(each, openApi30);
  if (openApi30 && out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}

/** Every value with its `example` and `examples` left out (not a property that is called so): where documents put
 *  sample tokens, which the secret guard cannot tell from real ones. */
function withoutExamples(value: unknown, propertyNames = false): unknown {
  if (Array.isArray(value)) return value.map((each) => withoutExamples(each));
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, each] of Object.entries(value)) {
    if (!propertyNames && (key === 'example' || key === 'examples')) continue;
    out[key] = withoutExamples(each, !propertyNames && (key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions'));
  }
  return out;
}

/**
 * What an import keeps of an OpenAPI document beside its requests: the request bodies of its operations and the
 * components they can refer to, without examples; enough for bodySchemaOf, and no sample token to end up in a file.
 */
export function schemaDocumentOf(spec: unknown): Json {
  const paths: Json = {};
  for (const [route, item] of Object.entries(object(object(spec).paths))) {
    for (const [method, operation] of Object.entries(object(item))) {
      const body = object(operation).requestBody;
      if (body !== undefined) ((paths[route] ??= {}) as Json)[method] = { requestBody: body };
    }
  }
  const { schemas, requestBodies } = object(object(spec).components);
  return withoutExamples({ openapi: object(spec).openapi, info: object(spec).info, paths, components: { schemas, requestBodies } }) as Json;
}

/** The names of `components.schemas` that refer back to themselves, directly or through others (a tree, a linked list). */
export function circularSchemas(spec: unknown): string[] {
  const schemas = object(object(object(spec).components).schemas);
  const PREFIX = '#/components/schemas/';
  const refsOf = new Map<string, Set<string>>();
  const collect = (value: unknown, into: Set<string>) => {
    if (Array.isArray(value)) return value.forEach((each) => collect(each, into));
    if (value === null || typeof value !== 'object') return;
    for (const [key, each] of Object.entries(value)) {
      if (key === '$ref' && typeof each === 'string' && each.startsWith(PREFIX)) into.add(decodeURIComponent(each.slice(PREFIX.length)).replaceAll('~1', '/').replaceAll('~0', '~'));
      else collect(each, into);
    }
  };
  for (const [name, schema] of Object.entries(schemas)) {
    const refs = new Set<string>();
    collect(schema, refs);
    refsOf.set(name, refs);
  }
  // A schema is circular when it can be reached again from what it refers to.
  const circular: string[] = [];
  for (const name of refsOf.keys()) {
    const seen = new Set<string>();
    const stack = [...refsOf.get(name)!];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === name) {
        circular.push(name);
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(refsOf.get(next) ?? []));
    }
  }
  return circular;
}

/** The request body's JSON schema of the operation `METHOD /path`, with what it refers to; null when it has none. */
export function bodySchemaOf(document: unknown, operation: string): Json | null {
  const space = operation.indexOf(' ');
  const method = operation.slice(0, space).toLowerCase();
  const route = operation.slice(space + 1);
  const found = object(object(object(document).paths)[route])[method];
  let body = object(object(found).requestBody);
  if (typeof body.$ref === 'string') body = object(atPointer(document, body.$ref));
  const content = object(body.content);
  const json = Object.keys(content).find((type) => /[/+]json(;|$)/i.test(type));
  const schema = json ? object(content[json]).schema : undefined;
  if (!schema || typeof schema !== 'object') return null;
  const out: Json = { allOf: [schema] };
  const seen = new Set<string>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    for (const [key, each] of Object.entries(value)) {
      if (key === '$ref' && typeof each === 'string' && !seen.has(each)) {
        seen.add(each);
        const target = atPointer(document, each);
        if (target !== undefined) {
          setAtPointer(out, each, target);
          walk(target);
        }
      } else walk(each);
    }
  };
  walk(schema);
  const openApi30 = String(object(document).openapi ?? '').startsWith('3.0');
  return asJsonSchema(out, openApi30) as Json;
}

/** bodySchema(presetId): the schema of the saved request's link, read from its collection; documents parsed once per change. */
export function createBodySchemas(store: CollectionStore) {
  const parsed = new Map<string, { stamp: string; json: unknown }>();
  async function documentAt(root: string, link: BodySchemaLink): Promise<unknown> {
    const relative = link.document;
    if (path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) return undefined;
    const absolute = toDiskPath(root, relative);
    let stamp: string;
    try {
      const stats = statSync(absolute);
      stamp = `${stats.size}:${stats.mtimeMs}`;
    } catch {
      return undefined;
    }
    const cached = parsed.get(absolute);
    if (cached?.stamp === stamp) return cached.json;
    const read = parseForeignText(await readFile(absolute, 'utf8'), path.basename(absolute));
    if (!read.ok) return undefined;
    // One document at a time: GitHub's is 13 MB of text.
    parsed.clear();
    parsed.set(absolute, { stamp, json: read.value.json });
    return read.value.json;
  }
  return async (presetId: string): Promise<Result<Json | null>> => {
    const preset = store.get(presetId);
    if (!preset.ok) return preset;
    const link = preset.value.request.schema;
    const root = store.collections().find((each) => each.id === preset.value.collection)?.path;
    if (!link || !root) return ok(null);
    // A document moved or deleted, or an operation no longer in it: the body is simply not validated.
    const document = await documentAt(root, link).catch(() => undefined);
    return ok(document === undefined ? null : bodySchemaOf(document, link.operation));
  };
}
