// The token endpoint: one request per grant (client credentials, refresh token, authorization code), made and
// checked by oauth4webapi; every failure comes back as a Keypost error in words, never with a secret in it.
import * as oauth from 'oauth4webapi';
import { formatDuration } from '../../../../shared/duration';
import { fail, ok, type Result } from '../../../../shared/errors';
import { isJsonMediaType, mediaTypeOf } from '../../../../shared/mediaType';
import type { OAuthConfig } from '../../../../shared/oauth';
import { dispatcherFor } from '../../network/proxyAgents';
import { classifyProxyError } from '../../network/proxyErrors';
import { directRoute, type ProxyRoute, type RouteFor } from '../../network/proxyRoutes';
import { throughFirstReachable } from '../../network/routeFallback';
import { classifyNetworkError } from '../../send/networkErrors';
import { fetchThrough } from '../../send/transport';
import { Secret } from '../secret';

export const DEFAULT_TOKEN_TIMEOUT_MS = 30_000;

/** What a token endpoint gave: the access token, maybe a refresh token, and its lifetime when the server said. */
export interface IssuedTokens {
  accessToken: Secret;
  refreshToken: Secret | null;
  /** Seconds, as the server sent them; null when it sent no expires_in (the token is then used until a 401). */
  expiresIn: number | null;
}

export interface TokenRequestOptions {
  /** Stops the request (the user cancelled, or the flow was abandoned). */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The proxy setting's choice for the token URL; direct when absent. */
  routeFor?: RouteFor;
}

/** The client as configured, with its secret when it has one (clientAuth basic or post). */
export interface OAuthClient {
  config: OAuthConfig;
  clientSecret: Secret | null;
}

/** The server's metadata, built from the configured URLs: no discovery. */
export function authorizationServerFor(config: OAuthConfig): oauth.AuthorizationServer {
  return {
    // Only used by oauth4webapi to check an `iss` it is given; Keypost does not use ID tokens (see withoutIdToken).
    issuer: new URL(config.tokenUrl).origin,
    token_endpoint: config.tokenUrl,
    ...(config.flow === 'authorizationCode' ? { authorization_endpoint: config.authorizationUrl } : {}),
  };
}

function clientAuthFor({ config, clientSecret }: OAuthClient): Result<oauth.ClientAuth> {
  if (config.clientAuth === 'none') return ok(oauth.None());
  if (!clientSecret) {
    return fail('OAUTH_NO_CLIENT_SECRET', `No client secret is stored for the client "${config.clientId}".`, {
      hint: 'Enter the client secret, or choose "none" if the client is public.',
    });
  }
  return ok(config.clientAuth === 'basic' ? oauth.ClientSecretBasic(clientSecret.reveal()) : oauth.ClientSecretPost(clientSecret.reveal()));
}

export function requestClientCredentials(client: OAuthClient & { config: { flow: 'clientCredentials' } }, options: TokenRequestOptions = {}) {
  const { scope, audience } = client.config;
  const parameters = new URLSearchParams();
  if (scope) parameters.set('scope', scope);
  if (audience) parameters.set('audience', audience);
  return exchange(client, options, [],
    (as, c, auth, http) => oauth.clientCredentialsGrantRequest(as, c, auth, parameters, http),
    (as, c, response) => oauth.processClientCredentialsResponse(as, c, response));
}

export function requestRefresh(client: OAuthClient, refreshToken: Secret, options: TokenRequestOptions = {}) {
  const additionalParameters = client.config.scope ? { scope: client.config.scope } : undefined;
  return exchange(client, options, [refreshToken],
    (as, c, auth, http) => oauth.refreshTokenGrantRequest(as, c, auth, refreshToken.reveal(), { ...http, additionalParameters }),
    (as, c, response) => oauth.processRefreshTokenResponse(as, c, response));
}

/** `callback` is the authorization response already checked by oauth4webapi's validateAuthResponse. */
export function requestAuthorizationCode(
  client: OAuthClient,
  callback: URLSearchParams,
  redirectUri: string,
  codeVerifier: string,
  options: TokenRequestOptions = {},
) {
  return exchange(client, options, [],
    (as, c, auth, http) => oauth.authorizationCodeGrantRequest(as, c, auth, callback, redirectUri, codeVerifier, http),
    (as, c, response) => oauth.processAuthorizationCodeResponse(as, c, response));
}

type HttpOptions = oauth.TokenEndpointRequestOptions;
type Failure = ReturnType<typeof fail>;
/** What the endpoint answered, kept for the error message when oauth4webapi refuses the answer. */
interface Answer {
  status: number;
  contentType: string;
  /** How the last request went (proxy, client certificate), for a connection failure's words. */
  route?: ProxyRoute;
}

async function exchange(
  client: OAuthClient,
  options: TokenRequestOptions,
  extraSecrets: Secret[],
  send: (as: oauth.AuthorizationServer, c: oauth.Client, auth: oauth.ClientAuth, http: HttpOptions) => Promise<Response>,
  process: (as: oauth.AuthorizationServer, c: oauth.Client, response: Response) => Promise<oauth.TokenEndpointResponse>,
): Promise<Result<IssuedTokens>> {
  const auth = clientAuthFor(client);
  if (!auth.ok) return auth;
  const tokenUrl = new URL(client.config.tokenUrl);
  const as = authorizationServerFor(client.config);
  const c: oauth.Client = { client_id: client.config.clientId };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const answer: Answer = { status: 0, contentType: '' };
  const http: HttpOptions = {
    signal,
    // The schema allows plain http only for loopback hosts.
    [oauth.allowInsecureRequests]: tokenUrl.protocol === 'http:',
    [oauth.customFetch]: async (url, init) => {
      // Through Keypost's transport, so a token endpoint on any port is reached (fetch refuses some). Never with the
      // collection's cookie jar (cookies/cookieJars.ts): a token endpoint's cookies are the authorization server's
      // session, not the API's, and the API's cookies are none of its business.
      const route = await (options.routeFor ?? directRoute)(new URL(url));
      if (!route.ok) throw new ProxyFailure(route);
      // A PAC answer's next choice when its proxy cannot be reached, as for a send; the client certificate is the target's.
      const { clientCertificate } = route.value;
      let proxy: URL | null = null;
      const response = await throughFirstReachable(route.value, (choice) => {
        proxy = choice.proxy;
        answer.route = { ...choice, clientCertificate };
        return fetchThrough(url, init, dispatcherFor(choice.proxy, false, choice.authorization, clientCertificate));
      }).catch((error: unknown) => {
        const atProxy = proxy && classifyProxyError(error, proxy);
        throw atProxy ? new ProxyFailure(atProxy) : error;
      });
      answer.status = response.status;
      answer.contentType = response.headers.get('content-type') ?? '';
      return withoutIdToken(response);
    },
  };
  const secrets = [...extraSecrets, ...(client.clientSecret ? [client.clientSecret] : [])];
  try {
    const tokens = await process(as, c, await send(as, c, auth.value, http));
    return ok({
      accessToken: new Secret(tokens.access_token),
      refreshToken: tokens.refresh_token ? new Secret(tokens.refresh_token) : null,
      expiresIn: typeof tokens.expires_in === 'number' ? tokens.expires_in : null,
    });
  } catch (error) {
    const failure = await describeFailure(error, tokenUrl, answer, timeoutMs);
    return scrub(failure, secrets);
  }
}

/**
 * Keypost uses the access token only. An ID token (scope openid) would be checked against an issuer Keypost does
 * not know without discovery, and fail for providers whose issuer is not the token URL's origin; so it is dropped
 * unread before oauth4webapi sees the answer.
 */
async function withoutIdToken(response: Response): Promise<Response> {
  if (response.status !== 200 || !isJsonMediaType(mediaTypeOf(response.headers.get('content-type') ?? ''))) return response;
  const text = await response.text();
  // fetch has already decoded the body, so its length and encoding headers no longer describe it.
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  const rebuilt = (body: string) => new Response(body, { status: response.status, statusText: response.statusText, headers });
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === 'object' && !Array.isArray(json) && 'id_token' in json) {
      const { id_token: _dropped, ...rest } = json as Record<string, unknown>;
      return rebuilt(JSON.stringify(rest));
    }
  } catch {
    // Not JSON after all: oauth4webapi reports it.
  }
  return rebuilt(text);
}

/** The proxy refused or failed: its own words, which name the proxy rather than the token endpoint. */
class ProxyFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error.message);
  }
}

async function describeFailure(error: unknown, tokenUrl: URL, answer: Answer, timeoutMs: number): Promise<Failure> {
  if (error instanceof ProxyFailure) return error.failure;
  const where = `The token endpoint at ${tokenUrl.origin}${tokenUrl.pathname}`;
  if (error instanceof oauth.ResponseBodyError) return protocolError(where, error.error, error.error_description);
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    // A 401 with a challenge (often `Basic`) is how many servers refuse client authentication.
    const params = error.cause.find((challenge) => challenge.parameters.error)?.parameters;
    return protocolError(where, params?.error ?? (error.status === 401 ? 'invalid_client' : `HTTP ${error.status}`), params?.error_description);
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return fail('TIMEOUT', `${where} did not answer within ${formatDuration(timeoutMs)}.`, { hint: 'Check that the server is up, then try again.' });
  }
  if (error instanceof DOMException && error.name === 'AbortError') return fail('CANCELLED', 'Getting a token was cancelled.');
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
    return unusableAnswer(where, error, answer);
  }
  if (error instanceof TypeError && error.cause) {
    const network = await classifyNetworkError(error, tokenUrl, answer.route);
    return fail(network.error.code, `Could not get a token. ${network.error.message}`, { hint: network.error.hint ?? 'Check the token URL.' });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return fail('OAUTH_ERROR', `${where} could not be used (${detail}).`);
}

function protocolError(where: string, code: string, description: string | undefined) {
  const said = description ? `: ${description}` : '';
  switch (code) {
    case 'invalid_client':
      return fail('OAUTH_INVALID_CLIENT', `${where} did not accept the client (invalid_client${said}).`, {
        hint: 'Check the client ID, the client secret, and how the secret is sent (HTTP Basic or in the form body).',
      });
    case 'invalid_grant':
      return fail('OAUTH_INVALID_GRANT', `${where} refused the grant (invalid_grant${said}).`, {
        hint: 'The refresh token or sign-in has expired or was revoked: sign in again.',
      });
    default:
      return fail('OAUTH_ERROR', `${where} answered with an error (${code}${said}).`,
        code === 'invalid_scope' ? { hint: 'Check the scopes the credential asks for.' } : {});
  }
}

function unusableAnswer(where: string, error: Error & { code?: string }, answer: Answer) {
  const status = answer.status ? `HTTP ${answer.status}` : 'no status';
  if (/html/i.test(answer.contentType)) {
    return fail('OAUTH_ERROR', `${where} answered with an HTML page, not a token (${status}).`, {
      hint: 'Check the token URL: it may point at a login page or a proxy error page.',
    });
  }
  if (error.code === oauth.RESPONSE_IS_NOT_JSON || error.code === oauth.PARSE_ERROR) {
    return fail('OAUTH_ERROR', `${where} answered with something that is not JSON, not a token (${status}, ${answer.contentType || 'no content type'}).`, {
      hint: 'Check the token URL.',
    });
  }
  if (error.code === oauth.RESPONSE_IS_NOT_CONFORM) {
    return fail('OAUTH_ERROR', `${where} answered ${status} without an OAuth error or a token.`, { hint: 'Check the token URL and that the server is healthy.' });
  }
  if (/access_token/.test(error.message)) return fail('OAUTH_ERROR', `${where} answered without an access token.`);
  if (error instanceof oauth.UnsupportedOperationError) {
    return fail('OAUTH_ERROR', `${where} issued a token type Keypost cannot send (only Bearer tokens are supported).`);
  }
  return fail('OAUTH_ERROR', `${where} gave an answer that is not a valid token response (${error.message}).`);
}

/** Belt and braces: a server that echoes a secret into its error description must not put it on screen. */
function scrub(failure: Failure, secrets: Secret[]) {
  let { message, hint } = failure.error;
  for (const secret of secrets) {
    const value = secret.reveal();
    if (value.length < 4) continue;
    message = message.split(value).join('[secret]');
    hint = hint?.split(value).join('[secret]');
  }
  return { ok: false as const, error: { ...failure.error, message, ...(hint === undefined ? {} : { hint }) } };
}

