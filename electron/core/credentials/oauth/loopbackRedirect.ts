// Authorization code + PKCE through the system browser and a loopback redirect (RFC 8252 §7.3): listen on
// 127.0.0.1, open the authorization URL, wait for the one callback, then exchange the code at the token endpoint.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oauth from 'oauth4webapi';
import { formatDuration } from '../../../../shared/duration';
import { fail, ok, type Result } from '../../../../shared/errors';
import type { OAuthConfig } from '../../../../shared/oauth';
import type { RouteFor } from '../../network/proxyRoutes';
import { authorizationServerFor, requestAuthorizationCode, type IssuedTokens, type OAuthClient } from './tokenEndpoint';

export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

const CALLBACK_PATH = '/callback';

export interface BrowserSignInOptions {
  /** Opens the URL in the user's browser (main passes shell.openExternal); never an embedded window. */
  openBrowser(url: string): Promise<void>;
  /** Abandons the flow (the user pressed Cancel): the loopback port is freed at once. */
  signal?: AbortSignal;
  /** How long the browser step may take before the flow is abandoned. */
  timeoutMs?: number;
  /** The proxy for the code exchange (network/proxyRoutes.ts); direct when absent. */
  routeFor?: RouteFor;
}

type AuthorizationCodeClient = OAuthClient & { config: Extract<OAuthConfig, { flow: 'authorizationCode' }> };

export async function signInWithBrowser(client: AuthorizationCodeClient, options: BrowserSignInOptions): Promise<Result<IssuedTokens>> {
  if (options.signal?.aborted) return cancelled();
  const server = createServer();
  const listening = await listen(server);
  if (!listening.ok) return listening;
  const redirectUri = `http://127.0.0.1:${listening.value}${CALLBACK_PATH}`;
  const codeVerifier = oauth.generateRandomCodeVerifier();
  let callback: Result<URLSearchParams>;
  try {
    const state = oauth.generateRandomState();
    const url = new URL(client.config.authorizationUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', client.config.clientId);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
    url.searchParams.set('state', state);
    if (client.config.scope) url.searchParams.set('scope', client.config.scope);
    callback = await waitForCallback(server, client, state, url.href, options);
  } finally {
    await close(server);
  }
  if (!callback.ok) return callback;
  return requestAuthorizationCode(client, callback.value, redirectUri, codeVerifier, { signal: options.signal, routeFor: options.routeFor });
}

function waitForCallback(
  server: Server,
  client: AuthorizationCodeClient,
  state: string,
  authorizationUrl: string,
  { openBrowser, signal, timeoutMs = DEFAULT_SIGN_IN_TIMEOUT_MS }: BrowserSignInOptions,
): Promise<Result<URLSearchParams>> {
  const as = authorizationServerFor(client.config);
  return new Promise((resolve) => {
    let settled = false;
    let answered = false;
    const settle = (result: Result<URLSearchParams>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => settle(cancelled());
    const timer = setTimeout(
      () =>
        settle(
          fail('TIMEOUT', `The sign-in in the browser was not finished within ${formatDuration(timeoutMs)}, so Keypost stopped waiting.`, {
            hint: 'Sign in again, and finish the steps in the browser.',
          }),
        ),
      timeoutMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });

    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== CALLBACK_PATH) return answer(response, 404, 'Not found.');
      if (settled || answered) return answer(response, 410, 'This Keypost sign-in is already over. You can close this tab.');
      answered = true;
      const outcome = checkCallback(as, client, url.searchParams, state);
      answer(
        response,
        outcome.ok ? 200 : 400,
        outcome.ok
          ? 'Keypost: you are signed in. You can close this tab and return to Keypost.'
          : `Keypost: the sign-in did not complete. ${outcome.error.message} You can close this tab.`,
      );
      // Settled once the page has gone out: closing the server then cannot cut it short.
      response.once('close', () => settle(outcome));
    });

    openBrowser(authorizationUrl).catch((error: unknown) =>
      settle(
        fail('OAUTH_ERROR', `Keypost could not open the browser for the sign-in (${error instanceof Error ? error.message : String(error)}).`, {
          hint: 'Check that a default browser is set, then try again.',
        }),
      ),
    );
  });
}

function checkCallback(as: oauth.AuthorizationServer, client: AuthorizationCodeClient, parameters: URLSearchParams, state: string): Result<URLSearchParams> {
  // Keypost talks to one authorization server per credential, so there is no mix-up to detect with `iss`; and the
  // issuer is unknown without discovery (it is often not the token URL's origin). The state still binds the answer.
  const withoutIss = new URLSearchParams(parameters);
  withoutIss.delete('iss');
  try {
    return ok(oauth.validateAuthResponse(as, { client_id: client.config.clientId }, withoutIss, state));
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      const said = error.error_description ? `: ${error.error_description}` : '';
      if (error.error === 'access_denied') {
        return fail('OAUTH_ACCESS_DENIED', `The sign-in was refused in the browser (access_denied${said}).`, {
          hint: 'Sign in again and allow Keypost access, or check that your account may use this client.',
        });
      }
      return fail('OAUTH_ERROR', `The authorization server refused the sign-in (${error.error}${said}).`);
    }
    if (error instanceof oauth.OperationProcessingError && /"state"/.test(error.message)) {
      return fail('OAUTH_ERROR', 'The browser came back with an answer to a different sign-in (its state does not match), so it was refused.', {
        hint: 'Sign in again from Keypost, and use the newest browser tab.',
      });
    }
    return fail('OAUTH_ERROR', `The browser came back with an answer Keypost cannot use (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** Plain text, never HTML: nothing on this page runs. */
function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  response.end(`${text}\n`);
}

function listen(server: Server): Promise<Result<number>> {
  return new Promise((resolve) => {
    server.once('error', (error) =>
      resolve(fail('OAUTH_ERROR', `Keypost could not listen on 127.0.0.1 for the sign-in's redirect (${error.message}).`)),
    );
    // Port 0: the system picks a free port; RFC 8252 §7.3 lets the redirect URI carry any loopback port.
    server.listen(0, '127.0.0.1', () => resolve(ok((server.address() as AddressInfo).port)));
  });
}

/** Stops listening and drops any kept-alive browser connection, so the port is free when this resolves. */
function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

const cancelled = () => fail('CANCELLED', 'The sign-in was cancelled, so Keypost stopped waiting for the browser.');
