// OAuth 2.0 credentials when things go wrong, each with a clear message and nothing stored half-way: a browser
// flow abandoned or forged, a token endpoint that refuses, is down or answers nonsense, a keychain that fails.
import { createServer, type ServerResponse } from 'node:http';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOAuthCredentials } from '../../electron/core/credentials/oauth/oauthCredentials';
import { Secret } from '../../electron/core/credentials/secret';
import { createVault, type Vault } from '../../electron/core/credentials/vault';
import { fail } from '../../shared/errors';
import type { OAuthConfig } from '../../shared/oauth';
import {
  callApi,
  clients,
  close,
  closedPort,
  configsFor,
  listen,
  signInInBrowser,
  startProvider,
  startResourceServer,
  type CallbackPage,
  type ResourceServer,
  type TestProvider,
} from '../fixtures/oidcProvider';
import { forgetKeychain } from '../fixtures/keychain';

const service = `Keypost-unit-oauth-failures-${process.pid}`;
const vault = createVault(service);
let provider: TestProvider;
let api: ResourceServer;
let configs: ReturnType<typeof configsFor>;

beforeAll(async () => {
  provider = await startProvider();
  api = await startResourceServer(provider);
  configs = configsFor(provider);
});
afterAll(async () => {
  await api?.close();
  await provider?.close();
  await forgetKeychain(service);
});

function setup(over: Vault = vault) {
  const clock = { offsetMs: 0 };
  return { credentials: createOAuthCredentials({ vault: over, now: () => Date.now() + clock.offsetMs }), clock };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; hint?: string } };
const valueOf = <T>(result: Outcome<T>): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
};
const errorOf = <T>(result: Outcome<T>) => {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
};
const browser = { openBrowser: async (url: string) => void (await signInInBrowser(url)) };
const redirectPort = (authorizationUrl: string) => Number(new URL(new URL(authorizationUrl).searchParams.get('redirect_uri')!).port);

/** Whether anything still listens on the port: a connection attempt is refused once the flow has freed it. */
async function refused(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/callback`);
    return false;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
  }
}

/** A token endpoint that answers every request the same way; it counts them. */
async function standInTokenEndpoint(answer: (response: ServerResponse) => void) {
  const server = createServer((_request, response) => {
    endpoint.requests++;
    answer(response);
  });
  const endpoint = { url: `http://127.0.0.1:${await listen(server)}/token`, requests: 0, close: () => close(server) };
  return endpoint;
}
const clientCredentialsAt = (tokenUrl: string): OAuthConfig => ({ flow: 'clientCredentials', tokenUrl, clientId: 'machine', clientAuth: 'basic' });

describe('a browser sign-in the user abandons', () => {
  it('times out with a clear error and frees the loopback port', async () => {
    const { credentials } = setup();
    let opened = '';
    const result = await credentials.signIn('abandoned', configs.native, { openBrowser: async (url) => void (opened = url), timeoutMs: 300 });

    expect(errorOf(result)).toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/not finished within 300 ms/) });
    expect(await refused(redirectPort(opened))).toBe(true);
    // The port can be taken again at once.
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(redirectPort(opened), '127.0.0.1', resolve));
    await close(server);
    expect(valueOf(await credentials.state('abandoned', configs.native)).status).toBe('missing');
    expect(await keytar.getPassword(service, 'abandoned')).toBeNull();
  });

  it('stops when cancelled, after the browser page was left half-way, and frees the port', async () => {
    const { credentials } = setup();
    const cancel = new AbortController();
    let opened = '';
    const result = await credentials.signIn('cancelled', configs.native, {
      openBrowser: async (url) => {
        opened = url;
        await fetch(url, { redirect: 'manual' }); // the login page is shown, and never filled in
        setTimeout(() => cancel.abort(), 20);
      },
      signal: cancel.signal,
    });

    expect(errorOf(result).code).toBe('CANCELLED');
    expect(await refused(redirectPort(opened))).toBe(true);
    expect(valueOf(await credentials.state('cancelled', configs.native)).status).toBe('missing');
  });

  it('says so when the browser cannot be opened, and frees the port', async () => {
    const { credentials } = setup();
    let opened = '';
    const result = await credentials.signIn('no-browser', configs.native, {
      openBrowser: async (url) => {
        opened = url;
        throw new Error('no default browser');
      },
    });
    expect(errorOf(result)).toMatchObject({ code: 'OAUTH_ERROR', message: expect.stringContaining('could not open the browser for the sign-in (no default browser)') });
    expect(await refused(redirectPort(opened))).toBe(true);
  });

  it('reports access_denied when the user refuses consent', async () => {
    const { credentials } = setup();
    // signIn ends as soon as the callback page has gone out; the browser may still be reading it.
    let visit: Promise<CallbackPage> | undefined;
    const result = await credentials.signIn('denied', configs.native, { openBrowser: async (url) => void (await (visit = signInInBrowser(url, { deny: true }))) });
    const page = await visit!;

    expect(errorOf(result)).toMatchObject({ code: 'OAUTH_ACCESS_DENIED', message: expect.stringContaining('refused in the browser (access_denied') });
    expect(page).toMatchObject({ status: 400, contentType: 'text/plain; charset=utf-8', text: expect.stringContaining('You can close this tab') });
  });

  it('refuses a callback whose state does not match, without exchanging its code', async () => {
    const { credentials } = setup();
    let visit: Promise<CallbackPage> | undefined;
    const before = provider.tokenRequests;
    const forged = (url: URL) => (url.searchParams.set('state', 'forged-state'), url);
    const result = await credentials.signIn('forged', configs.native, { openBrowser: async (url) => void (await (visit = signInInBrowser(url, { changeCallback: forged }))) });
    const page = await visit!;

    expect(errorOf(result)).toMatchObject({ code: 'OAUTH_ERROR', message: expect.stringContaining('its state does not match') });
    expect(page.status).toBe(400);
    expect(page.text).not.toMatch(/<script|<html/i);
    expect(provider.tokenRequests).toBe(before);
    expect(await keytar.getPassword(service, 'forged')).toBeNull();
  });
});

describe('a token endpoint that refuses', () => {
  it.each([
    ['HTTP Basic', 'machine'],
    ['the form body', 'machinePost'],
  ] as const)('explains invalid_client for a wrong secret sent in %s, without showing the secret', async (_how, client) => {
    const { credentials } = setup();
    const wrong = 'wrong-client-secret-4d1e';
    valueOf(await credentials.setClientSecret(`bad-client-${client}`, new Secret(wrong)));
    const error = errorOf(await credentials.accessToken(`bad-client-${client}`, configs[client]));

    expect(error.code).toBe('OAUTH_INVALID_CLIENT');
    expect(error.message).toMatch(/^The token endpoint at http:\/\/127\.0\.0\.1:\d+\/token did not accept the client \(invalid_client/);
    expect(error.hint).toContain('client secret');
    expect(JSON.stringify(error)).not.toContain(wrong);
  });

  it('asks for the client secret before sending anything when none is stored', async () => {
    const { credentials } = setup();
    const before = provider.tokenRequests;
    expect(errorOf(await credentials.accessToken('no-secret', configs.machine)).code).toBe('OAUTH_NO_CLIENT_SECRET');
    expect(provider.tokenRequests).toBe(before);
  });

  it('explains invalid_grant for a garbage refresh token, with the server description and without the token', async () => {
    const { credentials } = setup();
    const garbage = 'garbage-refresh-token-0000';
    valueOf(await credentials.setRefreshToken('garbage-rt', new Secret(garbage)));
    const error = errorOf(await credentials.accessToken('garbage-rt', configs.publicRefresh));

    expect(error.code).toBe('OAUTH_INVALID_GRANT');
    expect(error.message).toMatch(/refused the grant \(invalid_grant: .+\)\.$/);
    expect(error.hint).toMatch(/sign in again/i);
    expect(JSON.stringify(error)).not.toContain(garbage);
    expect(valueOf(await credentials.state('garbage-rt', configs.publicRefresh))).toMatchObject({ status: 'failed', error: error.message });
  });

  it('keeps the previous entry untouched when a refresh fails (revoked refresh token)', async () => {
    const { credentials, clock } = setup();
    valueOf(await credentials.signIn('revoked', configs.native, browser));
    const entry = await keytar.getPassword(service, 'revoked');
    const { refreshToken } = JSON.parse(entry!);
    const revocation = await fetch(provider.revocationUrl, {
      method: 'POST',
      body: new URLSearchParams({ token: refreshToken, client_id: clients.native.id }),
    });
    expect(revocation.status).toBe(200);

    clock.offsetMs = 400_000; // the access token has expired: a refresh is needed
    const error = errorOf(await credentials.accessToken('revoked', configs.native));
    expect(error.code).toBe('OAUTH_INVALID_GRANT');
    expect(await keytar.getPassword(service, 'revoked')).toBe(entry);
    expect(valueOf(await credentials.state('revoked', configs.native))).toMatchObject({ status: 'failed', hasRefreshToken: true });
  });

  it('still hands out the kept token when an early refresh fails but the token has not expired', async () => {
    const { credentials, clock } = setup();
    valueOf(await credentials.setClientSecret('early', new Secret(clients.machine.secret)));
    const kept = valueOf(await credentials.accessToken('early', configs.machine));
    clock.offsetMs = 250_000; // 50 s left: refresh early, against an endpoint that is now down
    const down = { ...configs.machine, tokenUrl: `http://127.0.0.1:${await closedPort()}/token` };

    expect(valueOf(await credentials.accessToken('early', down)).reveal()).toBe(kept.reveal());
    expect(valueOf(await credentials.state('early', down)).status).toBe('failed');
  });

  it('asks to sign in again when the token has expired and there is no refresh token', async () => {
    const { credentials } = setup();
    const error = errorOf(await credentials.accessToken('never-signed-in', configs.native));
    expect(error).toMatchObject({ code: 'OAUTH_SIGN_IN_REQUIRED', hint: 'Sign in.' });
  });
});

describe('a token endpoint that is down or answers nonsense', () => {
  it('says the connection was refused when nothing listens', async () => {
    const { credentials } = setup();
    valueOf(await credentials.setClientSecret('down', new Secret('s3cret-down')));
    const error = errorOf(await credentials.accessToken('down', clientCredentialsAt(`http://127.0.0.1:${await closedPort()}/token`)));
    expect(error).toMatchObject({ code: 'CONNECTION_REFUSED', message: expect.stringMatching(/^Could not get a token\. Could not connect to 127\.0\.0\.1:\d+: the connection was refused\.$/) });
  });

  it('says the host name was not found', async () => {
    const { credentials } = setup();
    valueOf(await credentials.setClientSecret('no-host', new Secret('s3cret-no-host')));
    const error = errorOf(await credentials.accessToken('no-host', clientCredentialsAt('https://token.keypost.invalid/token')));
    expect(error).toMatchObject({ code: 'DNS_FAILURE', message: expect.stringContaining('"token.keypost.invalid" could not be found') });
  });

  it('gives up after the timeout when the endpoint never answers', async () => {
    const silent = await standInTokenEndpoint(() => {});
    try {
      const { credentials } = setup();
      valueOf(await credentials.setClientSecret('silent', new Secret('s3cret-silent')));
      const error = errorOf(await credentials.accessToken('silent', clientCredentialsAt(silent.url), { timeoutMs: 200 }));
      expect(error).toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/did not answer within 200 ms\.$/) });
    } finally {
      await silent.close();
    }
  });

  it.each([
    [200, 'a login page'],
    [502, 'a proxy error page'],
  ])('says an HTML answer (%i, %s) is not a token', async (status) => {
    const html = await standInTokenEndpoint((response) => {
      response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><html><body>Please log in</body></html>');
    });
    try {
      const { credentials } = setup();
      valueOf(await credentials.setClientSecret('html', new Secret('s3cret-html')));
      const error = errorOf(await credentials.accessToken('html', clientCredentialsAt(html.url)));
      expect(error).toMatchObject({ code: 'OAUTH_ERROR', message: `The token endpoint at ${html.url} answered with an HTML page, not a token (HTTP ${status}).` });
      expect(await keytar.getPassword(service, 'html')).toBe(JSON.stringify({ clientSecret: 's3cret-html' }));
    } finally {
      await html.close();
    }
  });

  it.each([
    ['text that is not JSON', 'text/plain', 'OK', /answered with something that is not JSON, not a token \(HTTP 200, text\/plain\)/],
    ['JSON without an access token', 'application/json', '{"token_type":"Bearer","expires_in":60}', /answered without an access token\.$/],
    ['a token type Keypost cannot send', 'application/json', '{"access_token":"abc","token_type":"MAC"}', /only Bearer tokens/],
  ])('refuses %s', async (_what, contentType, body, message) => {
    const odd = await standInTokenEndpoint((response) => {
      response.writeHead(200, { 'Content-Type': contentType });
      response.end(body);
    });
    try {
      const { credentials } = setup();
      valueOf(await credentials.setClientSecret('odd', new Secret('s3cret-odd')));
      expect(errorOf(await credentials.accessToken('odd', clientCredentialsAt(odd.url)))).toMatchObject({ code: 'OAUTH_ERROR', message: expect.stringMatching(message) });
    } finally {
      await odd.close();
    }
  });

  it('accepts a token without expires_in: expiry unknown, used until a 401', async () => {
    const bare = await standInTokenEndpoint((response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      // An ID token from an issuer Keypost does not know is dropped unread rather than failing the sign-in.
      response.end(JSON.stringify({ access_token: 'opaque-token-without-expiry', token_type: 'Bearer', id_token: 'not.a.jwt' }));
    });
    try {
      const { credentials, clock } = setup();
      const config = clientCredentialsAt(bare.url);
      valueOf(await credentials.setClientSecret('no-expiry', new Secret('s3cret-bare')));
      expect(valueOf(await credentials.accessToken('no-expiry', config)).reveal()).toBe('opaque-token-without-expiry');
      expect(valueOf(await credentials.state('no-expiry', config))).toEqual({ status: 'valid', expiresAt: null, hasRefreshToken: false });

      clock.offsetMs = 30 * 24 * 3_600_000;
      expect(valueOf(await credentials.accessToken('no-expiry', config)).reveal()).toBe('opaque-token-without-expiry');
      expect(bare.requests).toBe(1);
      expect(JSON.parse((await keytar.getPassword(service, 'no-expiry'))!)).toEqual({ accessToken: 'opaque-token-without-expiry', clientSecret: 's3cret-bare' });
    } finally {
      await bare.close();
    }
  });
});

describe('a keychain that fails or holds something else', () => {
  it('returns the keychain error when saving a refreshed token fails, and keeps the previous entry', async () => {
    const broken = { set: false };
    const flaky: Vault = {
      ...vault,
      set: (name, value) => (broken.set ? Promise.resolve(fail('KEYCHAIN_UNAVAILABLE', 'The OS keychain is locked.')) : vault.set(name, value)),
    };
    const { credentials, clock } = setup(flaky);
    valueOf(await credentials.signIn('locks-mid-flow', configs.native, browser));
    const entry = await keytar.getPassword(service, 'locks-mid-flow');
    broken.set = true;
    clock.offsetMs = 400_000;

    expect(errorOf(await credentials.accessToken('locks-mid-flow', configs.native))).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(await keytar.getPassword(service, 'locks-mid-flow')).toBe(entry);
    expect(valueOf(await credentials.state('locks-mid-flow', configs.native)).status).toBe('failed');
  });

  it('returns the keychain error when the entry cannot be read', async () => {
    const locked: Vault = { ...vault, get: async () => fail('KEYCHAIN_UNAVAILABLE', 'The OS keychain is locked.') };
    const { credentials } = setup(locked);
    expect(errorOf(await credentials.accessToken('locked', configs.machine)).code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(errorOf(await credentials.state('locked', configs.machine)).code).toBe('KEYCHAIN_UNAVAILABLE');
  });

  it('reports a damaged entry without crashing or quoting it, and a new client secret replaces it', async () => {
    await keytar.setPassword(service, 'damaged', 'a-plain-bearer-token-not-json');
    const { credentials } = setup();
    const error = errorOf(await credentials.accessToken('damaged', configs.machine));

    expect(error).toMatchObject({ code: 'OAUTH_ENTRY_DAMAGED', message: 'The keychain entry of the credential "damaged" is not an OAuth token set Keypost can read.' });
    expect(JSON.stringify(error)).not.toContain('a-plain-bearer-token');
    valueOf(await credentials.setClientSecret('damaged', new Secret(clients.machine.secret)));
    const token = valueOf(await credentials.accessToken('damaged', configs.machine));
    expect((await callApi(api, token.reveal())).status).toBe(200);
  });
});
