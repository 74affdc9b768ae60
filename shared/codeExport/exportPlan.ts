// What a generated snippet must send, worked out once for every language: the request as buildOutgoing
// (electron/core/send/outgoingRequest.ts) puts it on the wire, with each secret replaced by an environment variable the
// snippet reads. The token of credential "default" is KEYPOST_TOKEN, another credential's KEYPOST_TOKEN_<NAME>;
// a secret header or query row's value is KEYPOST_SECRET_<ROW NAME>, and a secret environment variable's, wherever the
// request uses it, KEYPOST_SECRET_<VARIABLE NAME> (the scheme: shared/secretVariables.ts).
import { formBodyText } from '../formBody';
import { methodTakesBody, type QueryParam } from '../request';
import type { CheckedRequest } from '../requestChecks';
import { derivedHeaders, isOverridden } from '../requestHeaders';
import { isSecretRow } from '../secrets';
import { secretVariable, tokenVariable } from '../secretVariables';
import { joinUrl } from '../urlQuery';

/** A piece of a value: text as it is, an environment variable's value (`form`: percent-encoded as a form body encodes
 *  it, formBodyText: space as +), or Basic credentials (base64 of `user:` and the variable's value, UTF-8). */
export type Part = { text: string } | { env: string; form?: true } | { basic: { user: string; env: string } };
export type Value = Part[];

export interface Variable {
  name: string;
  /** What to set it to, in words. */
  holds: string;
}

export type PlanBody =
  | { kind: 'none' }
  | { kind: 'text'; text: Value }
  | { kind: 'multipart'; parts: Array<{ kind: 'text'; name: string; value: Value } | { kind: 'file'; name: string; path: string }> };

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

/** Stands for the secret environment variable `name` in the request the Code dialog hands over (secretMarker, as the
 *  page resolves variables for a snippet): lower-case letters and digits (the name, ASCII as every variable name is,
 *  in hex), so the URL parser, percent-encoding and the request's checks leave it as it is. */
export const secretMarker = (name: string) => `keypostsecret${[...name].map((char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('')}x`;
const MARKED = /^keypostsecret((?:[0-9a-f]{2})+)x$/;
const nameOfMarker = (hex: string) => String.fromCharCode(...hex.match(/../g)!.map((pair) => parseInt(pair, 16)));
/** The text in pieces: as it is, and each secret environment variable marked in it, by name. */
const markedPieces = (text: string): Array<{ text: string } | { secret: string }> =>
  text
    .split(/(keypostsecret(?:[0-9a-f]{2})+x)/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const at = MARKED.exec(piece);
      return at ? { secret: nameOfMarker(at[1]!) } : { text: piece };
    });
/** The text with each secret environment variable as the variable keypost run reads it from (`form`: in a form body,
 *  where Keypost percent-encodes the value it resolved). */
const withSecrets = (text: string, form = false): Value =>
  markedPieces(text).map((piece) => ('secret' in piece ? { env: secretVariable(piece.secret), ...(form ? { form: true as const } : {}) } : piece));
const hasSecretMarker = (text: string | null) => text !== null && markedPieces(text).some((piece) => 'secret' in piece);

export function exportPlan({ document, headers: rows }: CheckedRequest): ExportPlan {
  const variables: Variable[] = [];
  const variable = (name: string, holds: string) => {
    if (!variables.some((known) => known.name === name)) variables.push({ name, holds });
    return name;
  };
  // Secret environment variables first, under the very names keypost run reads; a secret row's name is then numbered
  // if it would be one of them.
  const sent = { url: document.url, query: document.query.filter((param) => param.enabled), rows, body: methodTakesBody(document.method) ? document.body : null };
  for (const piece of markedPieces(JSON.stringify(sent))) {
    if ('secret' in piece) variable(secretVariable(piece.secret), `the value of the secret environment variable {{${piece.secret}}}`);
  }
  const secret = (where: string, rowName: string) => variable(secretVariable(rowName, variables.map((known) => known.name)), `the value of the ${where} “${rowName}”`);

  // The URL as checkRequest parses it, with each secret query value standing in as a marker, then split at them.
  const secretQuery: string[] = [];
  const query = document.query.map((param): QueryParam => {
    // A value that uses a secret environment variable reads it, not a variable of its own.
    if (!param.enabled || hasSecretMarker(param.value) || !isSecretRow(param.name, param.value)) return param;
    secretQuery.push(secret('query parameter', param.name));
    return { ...param, value: marker(secretQuery.length - 1) };
  });
  const parsed = new URL(joinUrl(document.url, query).trim());
  parsed.hash = '';
  const url: Value = parsed.href.split(/(keypostvariable\d+x)/).flatMap((piece): Part[] => {
    const at = /^keypostvariable(\d+)x$/.exec(piece);
    if (at) return [{ env: secretQuery[Number(at[1])]! }];
    return piece === '' ? [] : withSecrets(piece);
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
  for (const row of rows) {
    const value = hasSecretMarker(row.value) ? withSecrets(row.value) : isSecretRow(row.name, row.value) ? [{ env: secret('header', row.name) }] : [{ text: row.value }];
    headers.push({ name: row.name, value });
  }

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
      return { kind: 'text', text: withSecrets(body.text) };
    case 'form':
      // As buildOutgoing encodes it: the markers are letters and digits, which the encoding leaves as they are; the
      // snippet encodes each secret's value the same way.
      return { kind: 'text', text: withSecrets(formBodyText(body.fields), true) };
    case 'multipart':
      return {
        kind: 'multipart',
        parts: body.parts.filter((part) => part.enabled).map((part) => (part.kind === 'text' ? { kind: 'text', name: part.name, value: withSecrets(part.value) } : { kind: 'file', name: part.name, path: part.path })),
      };
  }
}

/** Whether a part of the body is a form-encoded variable (the snippet then needs its encoder). */
export const readsFormEncoded = (plan: ExportPlan) => plan.body.kind === 'text' && plan.body.text.some((part) => 'env' in part && part.form);

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
