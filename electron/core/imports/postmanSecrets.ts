// Secrets a Postman request holds outside its auth, moved where Keypost keeps them: a literal `Authorization: Bearer …`
// or `Basic …` header becomes the request's auth with a credential; any other value the secret guard would refuse (a
// row's value, a URL's password, a string in a JSON body) goes to a secret variable and the request says {{name}}.
import { referencesIn } from '../../../shared/environments';
import type { FormField, Header, MultipartPart, QueryParam, RequestDocument } from '../../../shared/request';
import { onlyRefersToVariables } from '../../../shared/secrets';
import { findSecrets, findSecretsInValues, type SecretFinding } from '../collections/secretGuard';
import { ofPlace, type ConversionBook, type Place } from './postmanBook';

/** The request with its secrets moved out, and what the secret guard still finds in it (a request that holds one is
 *  never written). The guard reads a clean request once: most hold no secret. */
export async function withSecretsMovedOut(request: RequestDocument, place: Place, book: ConversionBook): Promise<{ request: RequestDocument; findings: SecretFinding[] }> {
  const authorized = authorizationAsAuth(request, place, book);
  if (!authorized.headers.some(isLiteralAuthorization)) {
    const findings = await findSecrets(authorized);
    if (findings.length === 0) return { request: authorized, findings };
  }
  const rowsMoved = await rowsWithoutSecrets(authorized, book);
  const moved = await jsonBodyWithoutSecrets(urlWithoutPassword(rowsMoved, book), book);
  return { request: moved, findings: await findSecrets(moved) };
}

const isAuthorization = (header: Header) => header.name.trim().toLowerCase() === 'authorization';
/** A literal Bearer or Basic value is a secret however short (the guard lets a short one pass). */
const isLiteralAuthorization = (header: Header) => isAuthorization(header) && !onlyRefersToVariables(header.value) && /^\s*(bearer|basic)\s+\S/i.test(header.value);

/** The first enabled literal `Authorization: Bearer …` / `Basic …` header as the request's auth, when it has none. */
function authorizationAsAuth(request: RequestDocument, place: Place, book: ConversionBook): RequestDocument {
  if (request.auth.kind !== 'none') return request;
  const index = request.headers.findIndex((header) => header.enabled && isLiteralAuthorization(header));
  if (index === -1) return request;
  const [, scheme, value] = /^\s*(bearer|basic)\s+(.*?)\s*$/i.exec(request.headers[index]!.value)!;
  // A credential's value is sent as stored, never resolved: one mixing text and {{variables}} becomes a secret
  // variable instead (rowsWithoutSecrets), whose value may refer to others.
  if (referencesIn(value!).length > 0) return request;
  const headers = request.headers.filter((_, at) => at !== index);
  const source = ofPlace('Authorization header', place);
  if (scheme!.toLowerCase() === 'bearer') return { ...request, headers, auth: { kind: 'bearer', credential: book.credentialFor(value!, place, source) } };
  const pair = decodedBasic(value!);
  if (!pair) return request;
  return { ...request, headers, auth: { kind: 'basic', credential: book.credentialFor(pair.password, place, source), username: pair.username } };
}

/** `user:password` from a Basic value, or null when it is not base64 of one. */
function decodedBasic(value: string): { username: string; password: string } | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1 || Buffer.from(decoded, 'utf8').toString('base64').replace(/=+$/, '') !== value.replace(/=+$/, '')) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

type Row = { name: string; value: string };

/** Header, query, form and multipart text values the guard would refuse, each replaced by a secret {{variable}}. */
async function rowsWithoutSecrets(request: RequestDocument, book: ConversionBook): Promise<RequestDocument> {
  const { body } = request;
  const groups: { headers: Header[]; query: QueryParam[]; form: FormField[]; parts: MultipartPart[] } = {
    headers: request.headers,
    query: request.query,
    form: body.kind === 'form' ? body.fields : [],
    parts: body.kind === 'multipart' ? body.parts : [],
  };
  const rows: Row[] = [
    ...groups.headers,
    ...groups.query.map((row) => ({ name: row.name, value: row.value ?? '' })),
    ...groups.form,
    ...groups.parts.map((part) => (part.kind === 'text' ? part : { name: part.name, value: '' })),
  ];
  const flagged = new Set((await findSecretsInValues(rows)).map((finding) => finding.index));
  groups.headers.forEach((header, index) => {
    if (isLiteralAuthorization(header)) flagged.add(index);
  });
  if (flagged.size === 0) return request;
  let at = 0;
  const moved = <T extends { name: string }>(row: T, value: string, set: (value: string) => T): T => (flagged.has(at++) ? set(`{{${book.secretVariableFor(row.name, value)}}}`) : row);
  const headers = groups.headers.map((row) => moved(row, row.value, (value) => ({ ...row, value })));
  const query = groups.query.map((row) => moved(row, row.value ?? '', (value) => ({ ...row, value })));
  const fields = groups.form.map((row) => moved(row, row.value, (value) => ({ ...row, value })));
  const parts = groups.parts.map((part) => (part.kind === 'text' ? moved(part, part.value, (value) => ({ ...part, value })) : (at++, part)));
  return {
    ...request,
    headers,
    query,
    body: body.kind === 'form' ? { ...body, fields } : body.kind === 'multipart' ? { ...body, parts } : body,
  };
}

/** `https://user:password@host` with the password in a secret variable. */
function urlWithoutPassword(request: RequestDocument, book: ConversionBook): RequestDocument {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#:@]*):([^/?#@]+)@/i.exec(request.url);
  if (!match || onlyRefersToVariables(match[2]!)) return request;
  const name = book.secretVariableFor('password', decodeURIComponentSafe(match[2]!));
  return { ...request, url: `${match[1]}:{{${name}}}@${request.url.slice(match[0].length)}` };
}

const decodeURIComponentSafe = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** A JSON body's string values the guard would refuse (judged with their property's name), each a secret {{variable}}. */
async function jsonBodyWithoutSecrets(request: RequestDocument, book: ConversionBook): Promise<RequestDocument> {
  if (request.body.kind !== 'json') return request;
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body.text);
  } catch {
    return request; // A body with {{variables}} outside strings is no JSON yet: the guard's last look decides.
  }
  const leaves: Row[] = [];
  const collect = (value: unknown, name: string) => {
    if (typeof value === 'string') leaves.push({ name, value });
    else if (Array.isArray(value)) value.forEach((item) => collect(item, name));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) collect(item, key);
  };
  collect(parsed, 'body');
  let text = request.body.text;
  for (const { index } of await findSecretsInValues(leaves)) {
    const { name, value } = leaves[index]!;
    text = text.split(JSON.stringify(value)).join(JSON.stringify(`{{${book.secretVariableFor(name, value)}}}`));
  }
  return { ...request, body: { kind: 'json', text } };
}
