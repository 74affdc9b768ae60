// An OpenAPI document's security schemes as Keypost credentials: http bearer → bearer, apiKey in a header or the
// query → API key, http basic → basic, OAuth 2.0 → an OAuth credential with its URLs filled in. What has no Keypost
// equivalent (an API key in a cookie, OpenID Connect discovery, the implicit and password flows) is said in words.
import type { ImportedCredential } from '../../../shared/foreignImport';
import { type OAuthConfig, oauthConfigSchema } from '../../../shared/oauth';
import type { RequestAuth } from '../../../shared/request';
import { credentialNameFrom } from './foreignNames';

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** OpenAPI gives no client ID: the OAuth credential gets this one, to be replaced in Credentials → Manage…. */
export const CLIENT_ID_TO_SET = 'set-your-client-id';

export interface MappedScheme {
  auth: RequestAuth;
  credential: ImportedCredential;
}

export interface SecuritySchemes {
  /** The auth an operation's requirements map to (none when it needs none or none could be mapped). */
  authFor(requirements: unknown): RequestAuth;
  /** A credential for every scheme Keypost can send (requests use the first their requirements allow), each once. */
  credentials(): ImportedCredential[];
}

/** `base` may be relative (3.1 allows it): read against the server's URL when it is absolute. */
function absoluteUrl(url: string | undefined, base: string): string | undefined {
  if (!url) return undefined;
  return URL.parse(url)?.href ?? URL.parse(url, base || undefined)?.href ?? url;
}

function oauthConfigOf(flows: Json, baseUrl: string, say: (sentence: string) => void, name: string): OAuthConfig | null {
  const scopesOf = (flow: Json) => {
    const scope = Object.keys(object(flow.scopes)).join(' ');
    return scope === '' ? undefined : scope;
  };
  const code = object(flows.authorizationCode);
  const client = object(flows.clientCredentials);
  const candidates: OAuthConfig[] = [];
  if (flows.authorizationCode) {
    candidates.push({
      flow: 'authorizationCode',
      authorizationUrl: absoluteUrl(text(code.authorizationUrl), baseUrl) ?? '',
      tokenUrl: absoluteUrl(text(code.tokenUrl), baseUrl) ?? '',
      clientId: CLIENT_ID_TO_SET,
      scope: scopesOf(code),
      clientAuth: 'none',
    });
  }
  if (flows.clientCredentials) {
    candidates.push({ flow: 'clientCredentials', tokenUrl: absoluteUrl(text(client.tokenUrl), baseUrl) ?? '', clientId: CLIENT_ID_TO_SET, scope: scopesOf(client), clientAuth: 'basic' });
  }
  for (const other of ['implicit', 'password'] as const) {
    if (flows[other]) say(`The ${other} flow of the security scheme “${name}” is not mapped: Keypost signs in with the authorization code flow (with PKCE) or client credentials.`);
  }
  for (const candidate of candidates) {
    // A scope list with characters OAuth does not allow is left out rather than losing the credential.
    const parsed = oauthConfigSchema.safeParse(candidate).success ? candidate : { ...candidate, scope: undefined };
    const checked = oauthConfigSchema.safeParse(parsed);
    if (checked.success) {
      if (candidates.length > 1 && candidate === candidates[0]) say(`The security scheme “${name}” also offers the client credentials flow; Keypost set up the authorization code flow.`);
      return checked.data;
    }
    say(`The ${candidate.flow === 'authorizationCode' ? 'authorization code' : 'client credentials'} flow of the security scheme “${name}” is not mapped: ${checked.error.issues[0]?.message ?? 'its URLs are not valid.'}`);
  }
  return null;
}

/** Reads `components.securitySchemes` (references already resolved). `say` collects what could not be mapped. */
export function readSecuritySchemes(schemes: unknown, title: string, baseUrl: string, say: (sentence: string) => void): SecuritySchemes {
  const mapped = new Map<string, MappedScheme | null>();

  function map(key: string): MappedScheme | null {
    if (mapped.has(key)) return mapped.get(key)!;
    const scheme = object(object(schemes)[key]);
    const name = credentialNameFrom(title, key);
    const source = (kind: string) => `security scheme “${key}” (${kind})`;
    let result: MappedScheme | null = null;
    const type = text(scheme.type)?.toLowerCase();
    const httpScheme = text(scheme.scheme)?.toLowerCase();
    if (type === 'http' && httpScheme === 'bearer') {
      result = { auth: { kind: 'bearer', credential: name }, credential: { name, source: source('bearer token') } };
    } else if (type === 'http' && httpScheme === 'basic') {
      result = { auth: { kind: 'basic', credential: name, username: '' }, credential: { name, source: source('HTTP Basic: type the user name in the request, the password as the credential') } };
    } else if (type === 'apikey') {
      const where = text(scheme.in);
      const header = text(scheme.name) ?? '';
      if (where === 'header' || where === 'query') {
        result = { auth: { kind: 'apiKey', credential: name, in: where, name: header }, credential: { name, source: source(`API key in the ${where === 'header' ? `header ${header}` : `query parameter ${header}`}`) } };
      } else {
        say(`The security scheme “${key}” (an API key in a ${where ?? 'place OpenAPI does not define'}) is not mapped: Keypost sends an API key in a header or the query.`);
      }
    } else if (type === 'oauth2') {
      const oauth = oauthConfigOf(object(scheme.flows), baseUrl, say, key);
      if (oauth) result = { auth: { kind: 'bearer', credential: name }, credential: { name, source: source('OAuth 2.0'), oauth } };
    } else if (type === 'openidconnect') {
      say(`The security scheme “${key}” (OpenID Connect${text(scheme.openIdConnectUrl) ? `, ${text(scheme.openIdConnectUrl)}` : ''}) is not mapped: Keypost does not read discovery documents. Set up an OAuth 2.0 credential with the URLs that document lists.`);
    } else if (type === 'http') {
      say(`The security scheme “${key}” (HTTP ${httpScheme ?? 'without a scheme'}) is not mapped: Keypost sends bearer tokens, API keys and HTTP Basic.`);
    } else if (type === 'mutualtls') {
      say(`The security scheme “${key}” (mutual TLS) is not mapped: Keypost does not send client certificates.`);
    } else {
      say(`The security scheme “${key}” is not mapped: ${type ? `its type “${String(scheme.type)}” is unknown.` : 'the document does not define it under components.securitySchemes.'}`);
    }
    mapped.set(key, result);
    return result;
  }

  return {
    authFor(requirements) {
      if (!Array.isArray(requirements)) return { kind: 'none' };
      // Alternatives, in the document's order: the first one Keypost can send wins; {} (no auth) is one too.
      for (const alternative of requirements) {
        const keys = Object.keys(object(alternative));
        if (keys.length === 0) return { kind: 'none' };
        const first = keys.map(map).find((each): each is MappedScheme => each !== null);
        if (first) return first.auth;
      }
      return { kind: 'none' };
    },
    credentials() {
      const byName = new Map<string, ImportedCredential>();
      for (const key of Object.keys(object(schemes))) {
        const each = map(key);
        if (each && !byName.has(each.credential.name)) byName.set(each.credential.name, each.credential);
      }
      return [...byName.values()];
    },
  };
}
