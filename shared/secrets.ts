// Secrets typed where a secret does not belong (a header or query row): how they are recognised, and the document
// without them. The keychain is the only place a secret is stored, so presets, restored tabs and exports hold the
// request with these values emptied; the draft keeps them for sending until the user moves them to the keychain.
import { withoutReferences } from './environments';
import { isHttpToken } from './httpToken';
import type { RequestDocument } from './request';

/** Names whose value is a credential, whatever it looks like. */
const SECRET_NAME = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[-_]?key|apikey|x-auth-token|auth[-_]?token|access[-_]?token|refresh[-_]?token|id[-_]?token|client[-_]?secret|secret|password|passwd|private[-_]?key|session[-_]?id|sig|signature)$/i;

export const isCredentialName = (name: string): boolean => SECRET_NAME.test(name.trim());

/** Values that are credentials, whatever they are called (a JWT, a bearer/basic value, well-known key formats), each
 *  with what it is in words. Anchored at the value's start: a row's value, or one word of a longer text. */
const SECRET_VALUES: ReadonlyArray<{ pattern: RegExp; kind: string }> = [
  { pattern: /^(bearer|token)\s+\S{8,}/i, kind: 'a bearer token' },
  { pattern: /^basic\s+\S{8,}/i, kind: 'HTTP Basic credentials' },
  { pattern: /^eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*$/, kind: 'a JSON Web Token' },
  { pattern: /^(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,})/, kind: 'a GitHub token' },
  { pattern: /^sk-[A-Za-z0-9_-]{20,}/, kind: 'an OpenAI-style API key' },
  { pattern: /^xox[abpr]-[\w-]{10,}/, kind: 'a Slack token' },
  { pattern: /^AKIA[0-9A-Z]{16}/, kind: 'an AWS access key' },
  { pattern: /^AIza[\w-]{30,}/, kind: 'a Google API key' },
  { pattern: /^glpat-[\w-]{20}/, kind: 'a GitLab token' },
];

/** What the value is in words when it has a known credential format, else null. */
export const secretValueKind = (value: string): string | null => SECRET_VALUES.find(({ pattern }) => pattern.test(value.trim()))?.kind ?? null;

/**
 * A long run of letters, digits and token punctuation mixing kinds of character: how generated keys look (24+
 * characters of lower case, upper case and digits, or 32+ of letters and digits). UUIDs and hex digests are ids,
 * not secrets, and do not count.
 */
export function looksGenerated(value: string): boolean {
  if (value.length < 24 || !/^[A-Za-z0-9_\-.+/=~]+$/.test(value) || /^[0-9a-fA-F-]+$/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((pattern) => pattern.test(value)).length;
  return classes === 3 || (classes === 2 && /[0-9]/.test(value) && value.length >= 32);
}

/** What may stand around references in a value that only refers to variables: nothing, or an auth scheme word. */
const SCHEME_AROUND_REFERENCES = /^\s*(?:(?:basic|bearer|digest|token|apikey|negotiate|dpop)\s*)?$/i;

/**
 * A value that only refers to variables ("{{key}}", "{{a}} {{b}}", "Bearer {{token}}"): the variable holds the value (a
 * secret one in the keychain), so the text is no secret and files keep it as written. A literal beside a reference
 * ("Bearer abc123 {{x}}", "key-{{n}}") is still judged as typed.
 */
export const onlyRefersToVariables = (value: string): boolean => {
  const around = withoutReferences(value);
  return around !== value && SCHEME_AROUND_REFERENCES.test(around);
};

export function isSecretRow(name: string, value: string | null): boolean {
  if (!value || onlyRefersToVariables(value)) return false;
  return isCredentialName(name) || secretValueKind(value) !== null || looksGenerated(value.trim());
}

export interface SecretRow {
  where: 'header' | 'query';
  index: number;
  name: string;
}

/** Every header and query row whose value is, or looks like, a secret. */
export function secretRows(request: RequestDocument): SecretRow[] {
  return [
    ...request.headers.flatMap((row, index): SecretRow[] => (isSecretRow(row.name, row.value) ? [{ where: 'header', index, name: row.name }] : [])),
    ...request.query.flatMap((row, index): SecretRow[] => (isSecretRow(row.name, row.value) ? [{ where: 'query', index, name: row.name }] : [])),
  ];
}

/** The request as it may be written to a file: every secret-looking value emptied, its row (name, enabled) kept. */
export function withoutSecrets(request: RequestDocument): RequestDocument {
  const secrets = secretRows(request);
  if (secrets.length === 0) return request;
  const emptied = (where: SecretRow['where'], index: number) => secrets.some((row) => row.where === where && row.index === index);
  return {
    ...request,
    headers: request.headers.map((row, index) => (emptied('header', index) ? { ...row, value: '' } : row)),
    query: request.query.map((row, index) => (emptied('query', index) ? { ...row, value: '' } : row)),
  };
}

/** Only a named row can become a credential sent under its name (a header name must also be an HTTP token). */
export const isMovable = (row: SecretRow) => (row.where === 'query' ? row.name.trim() !== '' : isHttpToken(row.name.trim()));

/**
 * Moving a secret row into the keychain (offered for movable rows; a request has one credential, so it replaces
 any the request had): the token to store, and the request that sends it from the credential
 * instead of the row (as a bearer token for "Authorization: Bearer …", else as an API key under the row's name).
 */
export function movedToKeychain(request: RequestDocument, row: SecretRow, credential: string): { request: RequestDocument; token: string } {
  const rows = row.where === 'header' ? request.headers : request.query;
  const value = rows[row.index]?.value ?? '';
  const authorization = row.where === 'header' && /^authorization$/i.test(row.name.trim());
  const bearer = authorization ? /^bearer\s+(.+)$/i.exec(value.trim()) : null;
  const basic = authorization ? basicCredentials(value) : null;
  const auth: RequestDocument['auth'] = bearer
    ? { kind: 'bearer', credential }
    : basic
      ? { kind: 'basic', credential, username: basic.username }
      : { kind: 'apiKey', credential, in: row.where, name: row.name.trim() };
  return {
    token: bearer ? bearer[1]!.trim() : basic ? basic.password : value,
    request: {
      ...request,
      auth,
      headers: row.where === 'header' ? request.headers.filter((_, index) => index !== row.index) : request.headers,
      query: row.where === 'query' ? request.query.filter((_, index) => index !== row.index) : request.query,
    },
  };
}

/** "Basic dXNlcjpwYXNz" as its user name and password (RFC 7617, UTF-8); null when the value is not that. */
export function basicCredentials(value: string): { username: string; password: string } | null {
  const encoded = /^basic\s+([A-Za-z0-9+/]+={0,2})$/i.exec(value.trim())?.[1];
  if (!encoded) return null;
  try {
    const bytes = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const colon = text.indexOf(':');
    return colon === -1 ? null : { username: text.slice(0, colon), password: text.slice(colon + 1) };
  } catch {
    return null;
  }
}

/** Replaces each value, as typed or percent-encoded, with [secret] in a text the page or a file will get (a URL, an
 *  error message). Longest first, so a value inside another goes whole; empty values are ignored. */
export function concealer(values: readonly string[]): (text: string) => string {
  const forms = [...new Set(values.flatMap((value) => [value, encodeURIComponent(value)]))].filter((form) => form !== '').sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  return (text) => forms.reduce((concealed, form) => concealed.split(form).join('[secret]'), text);
}

/** A credential name for the moved secret, from the host and the row's name, not yet taken. */
export function credentialNameFor(host: string, rowName: string, taken: readonly string[]): string {
  const base = `${host} ${rowName}`.replace(/[^\w .@-]/g, '').replace(/\s+/g, ' ').trim().slice(0, 56) || 'moved secret';
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    if (!taken.some((existing) => existing.toLowerCase() === name.toLowerCase())) return name;
  }
}
