// What a generated snippet must send, worked out once for every language: the request as buildOutgoing
// (electron/core/send/outgoingRequest.ts) puts it on the wire, with each secret replaced by an environment variable the
// snippet reads. The token of credential "default" is KEYPOST_TOKEN, another credential's KEYPOST_TOKEN_<NAME>;
// a secret header or query row's value is KEYPOST_SECRET_<ROW NAME> (the scheme: shared/secretVariables.ts).
import { formBodyText } from '../formBody';
import { methodTakesBody, type QueryParam } from '../request';
import type { CheckedRequest } from '../requestChecks';
import { derivedHeaders, isOverridden } from '../requestHeaders';
import { isSecretRow } from '../secrets';
import { secretVariable, tokenVariable } from '../secretVariables';
import { joinUrl } from '../urlQuery';

/** A piece of a value: text as it is, an environment variable's value, or Basic credentials (base64 of `user:` and the variable's value, UTF-8). */
export type Part = { text: string } | { env: string } | { basic: { user: string; env: string } };
export type Value = Part[];

export interface Variable {
  name: string;
  /** What to set it to, in words. */
  holds: string;
}

export type PlanBody =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'multipart'; parts: Array<{ kind: 'text'; name: string; value: string } | { kind: 'file'; name: string; path: string }> };

export interface ExportPlan {
  method: string;
  /** The URL as sent (no #fragment): secret query values are variables, taken into the URL as they are. */
  url: Value;
  /** An API key sent in the query: `&name=` (name already percent-encoded) and the variable, percent-encoded as encodeURIComponent does. */
  queryKey: { name: string; env: string } | null;
  /** In the order Keypost sends them. Accept-Encoding is left to each client (each asks for what it can decode). */
  headers: Array<{ name: string; value: Value }>;
  body: PlanBody;
  /** The variables the snippet reads. */
  variables: Variable[];
}

/** Marks a secret query value while the URL is normalised; letters and digits only, so the URL parser leaves it be. */
const marker = (index: number) => `keypostvariable${index}x`;

export function exportPlan({ document, headers: rows }: CheckedRequest): ExportPlan {
  const variables: Variable[] = [];
  const variable = (name: string, holds: string) => {
    if (!variables.some((known) => known.name === name)) variables.push({ name, holds });
    return name;
  };
  const secret = (where: string, rowName: string) => variable(secretVariable(rowName, variables.map((known) => known.name)), `the value of the ${where} “${rowName}”`);

  // The URL as checkRequest parses it, with each secret query value standing in as a marker, then split at them.
  const secretQuery: string[] = [];
  const query = document.query.map((param): QueryParam => {
    if (!param.enabled || !isSecretRow(param.name, param.value)) return param;
    secretQuery.push(secret('query parameter', param.name));
    return { ...param, value: marker(secretQuery.length - 1) };
  });
  const parsed = new URL(joinUrl(document.url, query).trim());
  parsed.hash = '';
  const url: Value = parsed.href.split(/(keypostvariable\d+x)/).flatMap((piece): Part[] => {
    const at = /^keypostvariable(\d+)x$/.exec(piece);
    if (at) return [{ env: secretQuery[Number(at[1])]! }];
    return piece === '' ? [] : [{ text: piece }];
  });

  const { auth } = document;
  const secretOf = auth.kind === 'basic' ? 'password' : auth.kind === 'apiKey' ? 'value' : 'token';
  const token = auth.kind === 'none' ? null : variable(tokenVariable(auth.credential), `the ${secretOf} of the Keypost credential “${auth.credential}”`);
  const headers: ExportPlan['headers'] = [];
  for (const derived of derivedHeaders(document)) {
    if (isOverridden(derived, document.headers)) continue;
    if (derived.source === 'auth') {
      if (token) headers.push({ name: derived.name, value: authValue(auth, token) });
    } else if (derived.name !== 'Accept-Encoding' && !(derived.source === 'body' && document.body.kind === 'multipart')) {
      headers.push({ name: derived.name, value: [{ text: derived.value }] });
    }
  }
  for (const row of rows) headers.push({ name: row.name, value: isSecretRow(row.name, row.value) ? [{ env: secret('header', row.name) }] : [{ text: row.value }] });

  return {
    method: document.method,
    url,
    queryKey: auth.kind === 'apiKey' && auth.in === 'query' && token ? { name: encodeURIComponent(auth.name), env: token } : null,
    headers,
    body: planBody(document),
    variables,
  };
}

/** The auth header's value, as buildOutgoing writes it (authorizationValue). */
function authValue(auth: CheckedRequest['document']['auth'], token: string): Value {
  switch (auth.kind) {
    case 'bearer':
      return [{ text: 'Bearer ' }, { env: token }];
    case 'basic':
      return [{ text: 'Basic ' }, { basic: { user: auth.username, env: token } }];
    default:
      return [{ env: token }];
  }
}

function planBody(document: CheckedRequest['document']): PlanBody {
  const { body } = document;
  if (!methodTakesBody(document.method)) return { kind: 'none' };
  switch (body.kind) {
    case 'none':
      return body;
    case 'json':
    case 'text':
      return { kind: 'text', text: body.text };
    case 'form':
      // As buildOutgoing encodes it.
      return { kind: 'text', text: formBodyText(body.fields) };
    case 'multipart':
      return {
        kind: 'multipart',
        parts: body.parts.filter((part) => part.enabled).map((part) => (part.kind === 'text' ? { kind: 'text', name: part.name, value: part.value } : { kind: 'file', name: part.name, path: part.path })),
      };
  }
}

/** Whether the value names no variable. */
export const isPlain = (value: Value): value is Array<{ text: string }> => value.every((part) => 'text' in part);
export const plainText = (value: Value) => value.map((part) => ('text' in part ? part.text : '')).join('');

/** The URL ready for one more parameter: `…?a=1&` or `…/items?`. */
export function withQuerySeparator(url: Value): Value {
  const last = url.at(-1);
  const text = url.map((part) => ('text' in part ? part.text : 'x')).join('');
  if (last && 'text' in last && last.text.endsWith('?')) return [...url, { text: '' }];
  return [...url, { text: text.includes('?') ? '&' : '?' }];
}
