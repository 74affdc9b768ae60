// Environments: named sets of variables used as {{name}} in a request (URL, query, headers, body, credential fields).
// Each is a file in a collection (main: electron/core/environments/environmentFile.ts). A secret variable's value
// lives in the OS keychain like a token: here it is always '' and never in a file.
import { z } from 'zod';
import { variableNameSchema } from './variableName';
import { collectionIdSchema, type FlaggedSecret, type UnreadFile } from './collections';
import type { RequestDocument } from './request';
import type { MovedFiles, StoreDamage } from './storeFile';

export const VALUE_MAX = 16_384;
export const VARIABLES_MAX = 500;

export const environmentVariableSchema = z
  .object({
    name: variableNameSchema,
    /** The value; always '' for a secret variable (its value is in the keychain). */
    value: z.string().max(VALUE_MAX),
    secret: z.boolean(),
    enabled: z.boolean(),
  })
  .strict();

export const environmentIdSchema = z.string().regex(/^[\w-]{1,64}$/);
export const environmentSchema = z
  .object({
    id: environmentIdSchema,
    name: z.string().trim().min(1, 'An environment needs a name.').max(64, 'An environment name can be at most 64 characters.'),
    variables: z.array(environmentVariableSchema).max(VARIABLES_MAX),
    /** The collection whose folder holds its file. On save: where a new one goes (the default collection when
     *  absent), or where an existing one moves to. */
    collection: collectionIdSchema.optional(),
  })
  .strict();

export type EnvironmentVariable = z.infer<typeof environmentVariableSchema>;
export type Environment = z.infer<typeof environmentSchema>;

/** An environment file that could not be read, and why: it is listed, never overwritten or deleted. */
export interface UnreadEnvironmentFile extends UnreadFile {
  collection: string;
}

export interface EnvironmentsState {
  /** Every open collection's environments (each names its collection), collection by collection. */
  environments: Environment[];
  /** The open collections environments can be in, in order (the default one first). */
  collections: Array<{ id: string; name: string }>;
  /** The environment whose variables requests use; null for none. A choice on this machine, never in a collection. */
  activeId: string | null;
  /** Per environment id, the names of its secret variables that have a value in the keychain (a teammate who pulled
   *  an environment sees which ones still need theirs). */
  storedSecrets: Record<string, string[]>;
  unread: UnreadEnvironmentFile[];
  /** Plain variables whose value looks like a secret, in files that arrived so (a pull, an older build): flagged,
   *  naming the file and the variable, and left as they are until the user marks them secret. */
  flagged: Array<FlaggedSecret & { collection: string }>;
  /** Set when the environments file of an older build could not be read completely: what was lost, and where the copy is. */
  damage?: StoreDamage;
  /** Set the one time the environments of an older build moved into the default collection as files. */
  moved?: MovedFiles;
}

/** `{{ name }}`: the reference syntax Postman, Insomnia and Bruno share. */
const REFERENCE = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

/** `text` with every {{name}} taken out: what is written around the references ("Bearer " of "Bearer {{token}}"). */
export const withoutReferences = (text: string): string => text.replace(REFERENCE, '');

/** `text` with each {{name}} replaced by as many spaces: what a scanner may read, every other character in its place. */
export const blankReferences = (text: string): string => text.replace(REFERENCE, (reference) => ' '.repeat(reference.length));

/** The variable names `text` refers to, in order of first use. */
export function referencesIn(text: string): string[] {
  return [...new Set([...text.matchAll(REFERENCE)].map((match) => match[1]!))];
}

/** Every text field of the request that may refer to variables, each changed by `map` (the document's shape kept). */
function mapTexts(request: RequestDocument, map: (text: string) => string): RequestDocument {
  const { body, auth } = request;
  return {
    ...request,
    url: map(request.url),
    query: request.query.map((row) => ({ ...row, name: map(row.name), value: row.value === null ? null : map(row.value) })),
    headers: request.headers.map((row) => ({ ...row, name: map(row.name), value: map(row.value) })),
    body:
      body.kind === 'json' || body.kind === 'text'
        ? { ...body, text: map(body.text) }
        : body.kind === 'form'
          ? { ...body, fields: body.fields.map((field) => ({ ...field, name: map(field.name), value: map(field.value) })) }
          : body.kind === 'multipart'
            ? { ...body, parts: body.parts.map((part) => (part.kind === 'text' ? { ...part, name: map(part.name), value: map(part.value) } : { ...part, name: map(part.name) })) }
            : body,
    auth: auth.kind === 'apiKey' ? { ...auth, name: map(auth.name) } : auth.kind === 'basic' ? { ...auth, username: map(auth.username) } : auth,
    // An assertion's expected text (`equals: "{{userId}}"`); a pattern stays as written, its braces being the pattern's.
    ...(request.assertions ? { assertions: request.assertions.map((assertion) => mapExpected(assertion, map)) } : {}),
  };
}

type Assertion = NonNullable<RequestDocument['assertions']>[number];

function mapExpected(assertion: Assertion, map: (text: string) => string): Assertion {
  if (assertion.check === 'header' && assertion.equals !== undefined) return { ...assertion, equals: map(assertion.equals) };
  if (assertion.check === 'json' && typeof assertion.equals === 'string') return { ...assertion, equals: map(assertion.equals) };
  return assertion;
}

/** The variable names the request refers to (enabled rows or not: a disabled row is still the user's text). */
export function referencedVariables(request: RequestDocument): string[] {
  const names = new Set<string>();
  mapTexts(request, (text) => {
    for (const name of referencesIn(text)) names.add(name);
    return text;
  });
  return [...names];
}

export interface Resolved {
  request: RequestDocument;
  /** Names used but not defined (directly, or inside another variable's value). */
  unresolved: string[];
  /** A variable that refers to itself, directly or through others: the chain, first name repeated at the end. */
  cycle: string[] | null;
}

/** The request with every {{name}} that `values` defines replaced. A value may use other variables (expanded in
 *  turn); a loop is reported, not followed. */
export function resolveVariables(request: RequestDocument, values: ReadonlyMap<string, string>): Resolved {
  const unresolved = new Set<string>();
  const expanded = new Map<string, string>();
  let cycle: string[] | null = null;
  const valueOf = (name: string, chain: readonly string[]): string | undefined => {
    const known = expanded.get(name);
    if (known !== undefined) return known;
    const raw = values.get(name);
    if (raw === undefined) {
      unresolved.add(name);
      return undefined;
    }
    if (chain.includes(name)) {
      cycle ??= [...chain.slice(chain.indexOf(name)), name];
      return undefined;
    }
    const value = raw.replace(REFERENCE, (whole, inner: string) => valueOf(inner, [...chain, name]) ?? whole);
    expanded.set(name, value);
    return value;
  };
  const resolved = mapTexts(request, (text) => text.replace(REFERENCE, (whole, name: string) => valueOf(name, []) ?? whole));
  return { request: resolved, unresolved: [...unresolved], cycle };
}

/** The values an environment defines (enabled variables), secret ones from `secrets` (the keychain's, in main). */
export function valuesOf(environment: Environment | undefined, secrets: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const values = new Map<string, string>();
  for (const variable of environment?.variables ?? []) {
    if (!variable.enabled) continue;
    const value = variable.secret ? secrets.get(variable.name) : variable.value;
    if (value !== undefined) values.set(variable.name, value);
  }
  return values;
}

/** What the page may resolve with: plain values as they are, each stored secret as `placeholder(name)` (the page never
 *  has a secret's value). A secret with no stored value stays undefined. */
export function pageValues(state: EnvironmentsState, placeholder: (name: string) => string): Map<string, string> {
  const environment = state.environments.find((candidate) => candidate.id === state.activeId);
  const stored = new Set(state.storedSecrets[environment?.id ?? ''] ?? []);
  const values = new Map<string, string>();
  for (const variable of environment?.variables ?? []) {
    if (!variable.enabled) continue;
    if (!variable.secret) values.set(variable.name, variable.value);
    else if (stored.has(variable.name)) values.set(variable.name, placeholder(variable.name));
  }
  return values;
}

export const activeEnvironment = (state: EnvironmentsState): Environment | undefined => state.environments.find((environment) => environment.id === state.activeId);

export const VARIABLE_HINT = 'Define them under Environments… (a secret one needs its value stored), or choose another environment.';

const listOf = (names: readonly string[]) => names.map((name) => `{{${name}}}`).join(', ');

/** What stops a send in words, or null: a loop, secret variables with no value stored, or undefined variables. */
export function variableProblem({ unresolved, cycle }: Pick<Resolved, 'unresolved' | 'cycle'>, environment: Environment | undefined): string | null {
  if (cycle) return `The variable {{${cycle[0]}}} refers to itself (${listOf(cycle).replaceAll(', ', ' → ')}), so it has no value.`;
  if (unresolved.length === 0) return null;
  const secret = new Set(environment?.variables.filter((variable) => variable.secret && variable.enabled).map((variable) => variable.name));
  const missing = unresolved.filter((name) => secret.has(name));
  if (missing.length > 0) {
    return `The secret ${missing.length === 1 ? 'variable' : 'variables'} ${listOf(missing)} of “${environment!.name}” ${missing.length === 1 ? 'has' : 'have'} no value in the keychain.`;
  }
  const where = environment ? `the environment “${environment.name}”` : 'an environment (none is active)';
  return `${unresolved.length === 1 ? 'The variable' : 'The variables'} ${listOf(unresolved)} ${unresolved.length === 1 ? 'is' : 'are'} not defined in ${where}.`;
}
