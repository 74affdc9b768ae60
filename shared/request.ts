// The request document: everything one request is, declared once. A draft, a preset, an export and a send all
// hold this document; nothing else restates its fields. It never holds a secret: auth names a keychain credential.
import { z } from 'zod';
import { credentialNameSchema, DEFAULT_CREDENTIAL } from './credentials';
import { HTTP_TOKEN_IN_WORDS, isHttpToken } from './httpToken';
import { assertionsSchema, capturesSchema } from './responseChecks';

export const URL_MAX = 8_192;
/** The most text one body (or one field of it) may hold in a request. */
export const BODY_TEXT_MAX = 50 * 1024 * 1024;
const NAME_MAX = 1_024;
const VALUE_MAX = 16_384;
const ROWS_MAX = 1_000;

/** The methods offered in the menu; any other RFC 9110 token can be typed. */
export const STANDARD_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
/** Methods Node's fetch (like browsers) will not send. */
const UNSENDABLE_METHODS = ['CONNECT', 'TRACE', 'TRACK'] as const;

const METHOD_RULE = `A method is ${HTTP_TOKEN_IN_WORDS}, such as GET or PURGE.`;
export const methodSchema = z
  .string()
  .max(32, METHOD_RULE)
  .refine(isHttpToken, METHOD_RULE)
  .refine((method) => !(UNSENDABLE_METHODS as readonly string[]).includes(method.toUpperCase()), 'CONNECT, TRACE and TRACK cannot be sent.');

/** A row of the query, form or header table. A query value of null is a bare name (`?flag`, no `=`). */
const rowName = z.string().max(NAME_MAX);
export const queryParamSchema = z.object({ name: rowName, value: z.string().max(VALUE_MAX).nullable(), enabled: z.boolean() }).strict();
export const headerSchema = z.object({ name: rowName, value: z.string().max(VALUE_MAX), enabled: z.boolean() }).strict();
export const formFieldSchema = z.object({ name: rowName, value: z.string().max(BODY_TEXT_MAX), enabled: z.boolean() }).strict();
export const multipartPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), name: rowName, value: z.string().max(BODY_TEXT_MAX), enabled: z.boolean() }).strict(),
  // A file the user picked through main's dialog: the page holds its path, main reads it when sending.
  z.object({ kind: z.literal('file'), name: rowName, path: z.string().min(1).max(4_096), enabled: z.boolean() }).strict(),
]);

export const requestBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('json'), text: z.string().max(BODY_TEXT_MAX) }).strict(),
  z.object({ kind: z.literal('text'), text: z.string().max(BODY_TEXT_MAX) }).strict(),
  z.object({ kind: z.literal('form'), fields: z.array(formFieldSchema).max(ROWS_MAX) }).strict(),
  z.object({ kind: z.literal('multipart'), parts: z.array(multipartPartSchema).max(ROWS_MAX) }).strict(),
]);

/** How the request authenticates. The secret always comes from the keychain credential named here (a token, an API
 *  key, a password, or an OAuth 2.0 credential's access token). */
export const requestAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('bearer'), credential: credentialNameSchema }).strict(),
  // The credential's value sent as it is, in a header (X-API-Key: …) or a query parameter (?api_key=…).
  // An empty name is a draft being typed; checkRequest refuses to send it.
  z.object({ kind: z.literal('apiKey'), credential: credentialNameSchema, in: z.enum(['header', 'query']), name: z.string().max(NAME_MAX) }).strict(),
  // HTTP Basic (RFC 7617): the user name here, the password is the credential's value.
  z.object({ kind: z.literal('basic'), credential: credentialNameSchema, username: z.string().max(NAME_MAX) }).strict(),
]);

/** Relaxations of Keypost's safe defaults, each an explicit opt-in the user makes for one request. */
export const requestOptionsSchema = z
  .object({
    /** Send the token over plain http to a host other than localhost. */
    allowPlainHttp: z.boolean().optional(),
    /** Accept self-signed or otherwise untrusted TLS certificates (local development). */
    allowSelfSignedTls: z.boolean().optional(),
    /** false: no cookies from the collection's jar are sent, and none the server sets are kept (absent: they are). */
    cookies: z.boolean().optional(),
  })
  .strict();

/** An OpenAPI document in the collection ('/'-separated path from the collection's folder) and one of its
 *  operations (`POST /pets`): main reads the operation's request body schema from it. */
export const bodySchemaLinkSchema = z
  .object({
    document: z.string().min(1).max(1_000),
    operation: z.string().min(1).max(URL_MAX),
  })
  .strict();

export const requestDocumentSchema = z
  .object({
    method: methodSchema,
    /** The URL without its query string (a #fragment stays here); the query lives in `query`, enabled rows or not. */
    url: z.string().max(URL_MAX),
    query: z.array(queryParamSchema).max(ROWS_MAX),
    headers: z.array(headerSchema).max(ROWS_MAX),
    body: requestBodySchema,
    auth: requestAuthSchema,
    options: requestOptionsSchema,
    /** What the response must be (responseChecks.ts); absent when none, so a file without any keeps its bytes. */
    assertions: assertionsSchema.optional(),
    /** Values of the response kept in variables for the following requests; absent when none. */
    captures: capturesSchema.optional(),
    /** Where the body's JSON schema is (an imported OpenAPI operation): the body editor validates against it. */
    schema: bodySchemaLinkSchema.optional(),
  })
  .strict();

export type QueryParam = z.infer<typeof queryParamSchema>;
export type Header = z.infer<typeof headerSchema>;
export type FormField = z.infer<typeof formFieldSchema>;
export type MultipartPart = z.infer<typeof multipartPartSchema>;
export type RequestBody = z.infer<typeof requestBodySchema>;
export type RequestBodyKind = RequestBody['kind'];
export type RequestAuth = z.infer<typeof requestAuthSchema>;
export type RequestOptions = z.infer<typeof requestOptionsSchema>;
export type BodySchemaLink = z.infer<typeof bodySchemaLinkSchema>;
export type RequestDocument = z.infer<typeof requestDocumentSchema>;

const EXAMPLE_BODY = '{\n  "hello": "world"\n}\n';

/** A new request: a JSON POST with the bearer token of `credential`, as Keypost has always started. */
export const blankRequest = (credential: string = DEFAULT_CREDENTIAL): RequestDocument => ({
  method: 'POST',
  url: '',
  query: [],
  headers: [],
  body: { kind: 'json', text: EXAMPLE_BODY },
  auth: { kind: 'bearer', credential },
  options: {},
});

/** GET and HEAD carry no body: Node's fetch refuses one, as browsers do. */
export const methodTakesBody = (method: string) => !['GET', 'HEAD'].includes(method.toUpperCase());

/** The credential whose token the request sends, if any. */
export const credentialOf = (request: RequestDocument): string | null => (request.auth.kind === 'none' ? null : request.auth.credential);

/** The same request, sending the token of `credential` (as a bearer token, unless it already sends one another way). */
export const withCredential = (request: RequestDocument, credential: string): RequestDocument => ({
  ...request,
  auth: request.auth.kind === 'none' || request.auth.kind === 'bearer' ? { kind: 'bearer', credential } : { ...request.auth, credential },
});

/** Two documents are the same request when their JSON is the same (they hold plain data, in a fixed key order). */
export const sameRequest = (a: RequestDocument, b: RequestDocument) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  // Sorted keys, and an absent optional equals false/undefined/[]: { allowPlainHttp: false } is the same as {}, and
  // no assertions the same as an empty list.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])] as const)
      .filter(([, entry]) => entry !== undefined && entry !== false && !(Array.isArray(entry) && entry.length === 0)),
  );
}
