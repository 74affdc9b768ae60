// Postman's auth (collection, folder or request) as Keypost's: bearer, Basic and API key name a keychain credential
// holding the file's token, key or password; a value that refers to variables stays a {{variable}} in a header or
// query row, because Keypost resolves variables in rows but never inside a credential's stored value.
import postman from 'postman-collection';
import { referencesIn } from '../../../shared/environments';
import type { Header, QueryParam, RequestAuth } from '../../../shared/request';
import { capitalised, ofPlace, type ConversionBook, type Place } from './postmanBook';

/** What one place's auth adds to a request: its auth, and rows that carry a {{variable}} the auth would have sent. */
export interface MappedAuth {
  auth: RequestAuth;
  headers: Header[];
  query: QueryParam[];
}

const NO_AUTH: MappedAuth = { auth: { kind: 'none' }, headers: [], query: [] };

/** Postman's other kinds, in words. */
const OTHER_KINDS: Record<string, string> = {
  oauth1: 'OAuth 1.0',
  oauth2: 'OAuth 2.0',
  digest: 'Digest',
  hawk: 'Hawk',
  awsv4: 'AWS Signature',
  ntlm: 'NTLM',
  akamai: 'Akamai EdgeGrid',
  edgegrid: 'Akamai EdgeGrid',
  jwt: 'JWT Bearer',
  asap: 'ASAP (Atlassian)',
};

const hasReference = (value: string) => referencesIn(value).length > 0;

/** The auth a place declares, or null when it inherits its parent's (no auth field, null, or type "inherit"). */
export function declaredAuth(holder: unknown): Record<string, unknown> | null {
  const auth = (holder as { auth?: unknown } | null)?.auth;
  if (auth === null || typeof auth !== 'object' || Array.isArray(auth)) return null;
  const type = (auth as { type?: unknown }).type;
  return typeof type !== 'string' || type === 'inherit' ? null : (auth as Record<string, unknown>);
}

/** The parameters of the auth's own type, as strings (Postman 2.0 writes an object, 2.1 a list of key/value). */
function parametersOf(auth: Record<string, unknown>): Record<string, string> {
  const type = auth.type as string;
  if (!postman.RequestAuth.isValidType(type)) return {};
  const parameters = new postman.RequestAuth(auth as postman.RequestAuthDefinition).parameters() as postman.VariableList | undefined;
  const values: Record<string, unknown> = parameters?.toObject(false, false) ?? {};
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value === null || value === undefined ? '' : String(value)]));
}

/** The auth one place declares, mapped once: its credentials and sentences are added to `book`. */
export function mapAuth(auth: Record<string, unknown>, place: Place, book: ConversionBook): MappedAuth {
  const type = auth.type as string;
  const parameters = parametersOf(auth);
  switch (type) {
    case 'noauth':
      return NO_AUTH;
    case 'bearer':
      return bearer(parameters.token ?? '', place, book);
    case 'basic':
      return basic(parameters.username ?? '', parameters.password ?? '', place, book);
    case 'apikey':
      return apiKey(parameters, place, book);
    default: {
      const kind = OTHER_KINDS[type] ?? `“${type}”`;
      book.note(`${capitalised(ofPlace(`${kind} auth`, place))} was not imported: Keypost sends bearer, Basic and API-key auth from a credential${type === 'oauth2' ? ' and gets OAuth 2.0 tokens itself' : ''}; set it up under Credentials… and choose it for the requests that used it.`);
      return NO_AUTH;
    }
  }
}


function bearer(token: string, place: Place, book: ConversionBook): MappedAuth {
  if (hasReference(token)) {
    book.markSecret(referencesIn(token));
    return { auth: { kind: 'none' }, headers: [{ name: 'Authorization', value: `Bearer ${token.trim()}`, enabled: true }], query: [] };
  }
  const credential = book.credentialFor(token.trim(), place, ofPlace('bearer auth', place));
  return { auth: { kind: 'bearer', credential }, headers: [], query: [] };
}

function basic(username: string, password: string, place: Place, book: ConversionBook): MappedAuth {
  const source = ofPlace('Basic auth', place);
  if (!hasReference(password)) return { auth: { kind: 'basic', credential: book.credentialFor(password, place, source), username }, headers: [], query: [] };
  // A Basic header is base64 of user:password, which no {{variable}} in a row can build: the password is the
  // collection variable's value when the file has it, else typed into the credential later.
  const names = referencesIn(password);
  book.markSecret(names);
  const only = names.length === 1 && password.trim() === `{{${names[0]}}}` ? book.valueOf(names[0]!) : undefined;
  const credential = book.credentialFor(only ?? '', place, source);
  if (only === undefined || only === '') {
    book.note(`${capitalised(source)} takes its password from ${names.map((name) => `{{${name}}}`).join(' and ')}, which Keypost cannot put in a Basic credential: type the password into the credential “${credential}”.`);
  }
  return { auth: { kind: 'basic', credential, username }, headers: [], query: [] };
}

function apiKey(parameters: Record<string, string>, place: Place, book: ConversionBook): MappedAuth {
  const name = parameters.key ?? '';
  const value = parameters.value ?? '';
  const where = parameters.in === 'query' ? 'query' : 'header';
  if (hasReference(value)) {
    book.markSecret(referencesIn(value));
    return where === 'header' ? { auth: { kind: 'none' }, headers: [{ name, value, enabled: true }], query: [] } : { auth: { kind: 'none' }, headers: [], query: [{ name, value, enabled: true }] };
  }
  const credential = book.credentialFor(value, place, ofPlace('API key auth', place));
  return { auth: { kind: 'apiKey', credential, in: where, name }, headers: [], query: [] };
}
