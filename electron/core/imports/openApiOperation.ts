// One OpenAPI operation as a Keypost request: {{baseUrl}} and the path (its parameters as {{name}}), query and header
// parameters as rows (required ones enabled, with their example or default), the body from the media type's example
// or a sample of its schema (openapi-sampler), form and multipart bodies as rows.
import { sample } from 'openapi-sampler';
import { variableNameSchema } from '../../../shared/variableName';
import { isJsonMediaType, mediaTypeOf } from '../../../shared/mediaType';
import { methodTakesBody, type FormField, type Header, type MultipartPart, type QueryParam, type RequestBody, type RequestDocument } from '../../../shared/request';

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Things an operation had that the request does not carry, counted over the document (one sentence each in the end). */
export interface Unmapped {
  cookieParameters: Set<string>;
  fileParts: Set<string>;
  otherBodies: Map<string, number>;
}

export const noneUnmapped = (): Unmapped => ({ cookieParameters: new Set(), fileParts: new Set(), otherBodies: new Map() });

const VALUE_MAX = 16_384;
/** Headers the HTTP layer or the auth sets; OpenAPI says such header parameters are ignored. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** A value as a row holds it: text as is, a list comma-separated (OpenAPI's default style), anything else as JSON. */
function rowText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((each) => typeof each !== 'object' || each === null)) return value.map(String).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').slice(0, VALUE_MAX);

/** The first example a parameter or media type gives: its own, one of its examples, its schema's, the default, an enum's first. */
function exampleOf(holder: Json): unknown {
  if (holder.example !== undefined) return holder.example;
  const examples = Object.values(object(holder.examples));
  const first = examples.map((each) => object(each).value).find((value) => value !== undefined);
  if (first !== undefined) return first;
  const schema = object(holder.schema);
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  return undefined;
}

/** A sample of the schema (references already resolved; loops cut at a depth). Never throws: a schema the sampler
 *  cannot read gives no sample. */
function sampleOf(schema: unknown): unknown {
  if (Object.keys(object(schema)).length === 0) return undefined;
  try {
    return sample(schema as Parameters<typeof sample>[0], { skipReadOnly: true, quiet: true, maxSampleDepth: 6 });
  } catch {
    return undefined;
  }
}

/** `{petId}` → `{{petId}}` (a name Keypost's variables cannot have stays as the document wrote it). */
export const pathWithVariables = (path: string) => path.replace(/\{([^{}]+)\}/g, (whole, name: string) => (variableNameSchema.safeParse(name).success ? `{{${name}}}` : whole));

export interface OperationInput {
  method: string;
  path: string;
  /** The path item's and the operation's parameters, references resolved (the operation's win by name and place). */
  parameters: unknown[];
  requestBody: unknown;
  name: string;
}

export interface ConvertedOperation {
  request: Omit<RequestDocument, 'auth'>;
  /** Path parameters with an example or default: values for the environment. */
  pathValues: Array<{ name: string; value: string }>;
  /** The media type of a JSON body with a schema: the body editor validates against it. */
  jsonSchema: boolean;
}

function bodyOf(requestBody: unknown, method: string, where: string, unmapped: Unmapped): { body: RequestBody; contentType: string | null; jsonSchema: boolean } {
  const none = { body: { kind: 'none' } as RequestBody, contentType: null, jsonSchema: false };
  const content = object(object(requestBody).content);
  const types = Object.keys(content);
  if (types.length === 0 || !methodTakesBody(method)) return none;
  const json = types.find((type) => isJsonMediaType(mediaTypeOf(type)));
  if (json) {
    const media = object(content[json]);
    const value = exampleOf({ example: media.example, examples: media.examples }) ?? sampleOf(media.schema);
    const text = value === undefined ? '{}' : JSON.stringify(value, null, 2);
    return { body: { kind: 'json', text }, contentType: mediaTypeOf(json) === 'application/json' ? null : json, jsonSchema: Object.keys(object(media.schema)).length > 0 };
  }
  const form = types.find((type) => mediaTypeOf(type) === 'application/x-www-form-urlencoded');
  const multipart = types.find((type) => mediaTypeOf(type) === 'multipart/form-data');
  if (form || multipart) {
    const schema = object(object(content[(form ?? multipart)!]).schema);
    const required = new Set(list(schema.required).map(String));
    const values = object(sampleOf(schema));
    const properties = Object.keys(object(schema.properties));
    const names = properties.length > 0 ? properties : Object.keys(values);
    if (form) {
      const fields: FormField[] = names.map((name) => ({ name, value: rowText(values[name]), enabled: required.has(name) }));
      return { body: { kind: 'form', fields }, contentType: null, jsonSchema: false };
    }
    const parts: MultipartPart[] = names.map((name) => {
      const property = object(object(schema.properties)[name]);
      const isFile = property.format === 'binary' || property.format === 'base64' || property.contentMediaType !== undefined || (property.type === 'array' && object(property.items).format === 'binary');
      if (isFile) unmapped.fileParts.add(`${where} (${name})`);
      // A file part needs a file the user picks (main's dialog): until then a text part that is off.
      return { kind: 'text', name, value: isFile ? '' : rowText(values[name]), enabled: !isFile && required.has(name) };
    });
    return { body: { kind: 'multipart', parts }, contentType: null, jsonSchema: false };
  }
  const textual = types.find((type) => /^text\/|\/xml$|\+xml$/.test(mediaTypeOf(type)));
  if (textual) {
    const media = object(content[textual]);
    const value = exampleOf({ example: media.example, examples: media.examples });
    return { body: { kind: 'text', text: typeof value === 'string' ? value : '' }, contentType: textual, jsonSchema: false };
  }
  unmapped.otherBodies.set(types[0]!, (unmapped.otherBodies.get(types[0]!) ?? 0) + 1);
  return none;
}

export function convertOperation({ method, path, parameters, requestBody, name }: OperationInput, unmapped: Unmapped): ConvertedOperation {
  const query: QueryParam[] = [];
  const headers: Header[] = [];
  const pathValues: ConvertedOperation['pathValues'] = [];
  const where = `${method.toUpperCase()} ${path}`;
  for (const each of parameters) {
    const parameter = object(each);
    const paramName = typeof parameter.name === 'string' ? parameter.name : '';
    if (paramName === '') continue;
    const value = exampleOf(parameter);
    const enabled = parameter.required === true;
    if (parameter.in === 'query') query.push({ name: paramName, value: oneLine(rowText(value)), enabled });
    else if (parameter.in === 'header' && !IGNORED_HEADERS.has(paramName.toLowerCase())) headers.push({ name: paramName, value: oneLine(rowText(value)), enabled });
    else if (parameter.in === 'path' && value !== undefined) pathValues.push({ name: paramName, value: oneLine(rowText(value)) });
    else if (parameter.in === 'cookie') unmapped.cookieParameters.add(paramName);
  }
  const { body, contentType, jsonSchema } = bodyOf(requestBody, method, `${name} (${where})`, unmapped);
  if (contentType) headers.push({ name: 'Content-Type', value: contentType, enabled: true });
  return {
    request: { method: method.toUpperCase(), url: `{{baseUrl}}${pathWithVariables(path)}`, query, headers, body, options: {} },
    pathValues,
    jsonSchema,
  };
}

/** Operations by their parameters, merged as OpenAPI says: the operation's override the path item's of the same name and place. */
export function mergedParameters(pathItem: unknown[], operation: unknown[]): unknown[] {
  const key = (each: unknown) => `${String(object(each).in)}\0${String(object(each).name)}`;
  const own = new Set(operation.map(key));
  return [...pathItem.filter((each) => !own.has(key(each))), ...operation];
}
