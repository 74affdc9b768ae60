// OAuth 2.0 credentials against a real OpenID provider (oidc-provider) and a resource server that accepts only
// valid tokens, with the real keychain: client credentials, sign-in through the browser, refresh, 401, races.
import { inspect } from 'node:util';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOAuthCredentials } from '../../electron/core/credentials/oauth/oauthCredentials';
import { Secret } from '../../electron/core/credentials/secret';
import { createVault, type Vault } from '../../electron/core/credentials/vault';
import {
  callApi,
  clients,
  configsFor,
  signInInBrowser,
  startProvider,
  startResourceServer,
  type CallbackPage,
  type ResourceServer,
  type TestProvider,
} from '../fixtures/oidcProvider';
import { forgetKeychain } from '../fixtures/keychain';

const service = `Keypost-unit-oauth-${process.pid}`;
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

/** A credentials instance with its own clock: tests move `clock.offsetMs` instead of sleeping. */
function setup(over: Vault = vault) {
  const clock = { offsetMs: 0 };
  const credentials = createOAuthCredentials({ vault: over, now: () => Date.now() + clock.offsetMs });
  return { credentials, clock };
}

const browser = { openBrowser: async (url: string) => void (await signInInBrowser(url)) };
const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
};
const stored = async (name: string) => JSON.parse((await keytar.getPassword(service, name)) ?? 'null');

describe('client credentials', () => {
  it.each([
    ['HTTP Basic', 'machine', clients.machine.secret],
    ['the form body', 'machinePost', clients.machinePost.secret],
  ] as const)('gets a token the API accepts, with the secret sent in %s', async (_how, client, secret) => {
    const { credentials } = setup();
    const name = `cc-${client}`;
    valueOf(await credentials.setClientSecret(name, new Secret(secret)));
    const token = valueOf(await credentials.accessToken(name, configs[client]));

    const answer = await callApi(api, token.reveal());
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ client_id: configs[client].clientId, scope: 'api:read' });
    expect(provider.grants.at(-1)).toBe('client_credentials');
    // One keychain entry holding the token set, its expiry and the client secret.
    expect(await stored(name)).toEqual({ accessToken: token.reveal(), expiresAt: expect.any(Number), clientSecret: secret });
  });

  it('reuses the kept token, reading the keychain once while the app runs', async () => {
    const reads = { count: 0 };
    const counting: Vault = { ...vault, get: (name) => (reads.count++, vault.get(name)) };
    const { credentials } = setup(counting);
    valueOf(await credentials.setClientSecret('cc-cached', new Secret(clients.machine.secret)));
    const before = provider.tokenRequests;
    const first = valueOf(await credentials.accessToken('cc-cached', configs.machine));
    const second = valueOf(await credentials.accessToken('cc-cached', configs.machine));
    const state = valueOf(await credentials.state('cc-cached', configs.machine));

    expect(second.reveal()).toBe(first.reveal());
    expect(provider.tokenRequests - before).toBe(1);
    expect(reads.count).toBe(1);
    expect(state).toEqual({ status: 'valid', expiresAt: expect.any(Number), hasRefreshToken: false });
    expect(state.expiresAt! - Date.now()).toBeGreaterThan(250_000);
  });

  it('fetches a token on "sign in" and reports it valid', async () => {
    const { credentials } = setup();
    valueOf(await credentials.setClientSecret('cc-sign-in', new Secret(clients.machine.secret)));
    const state = valueOf(await credentials.signIn('cc-sign-in', configs.machine, { openBrowser: async () => {} }));
    expect(state.status).toBe('valid');
  });

  it('fetches a new token when the kept one has less than a minute left', async () => {
    const { credentials, clock } = setup();
    valueOf(await credentials.setClientSecret('cc-expiring', new Secret(clients.machine.secret)));
    const first = valueOf(await credentials.accessToken('cc-expiring', configs.machine));
    clock.offsetMs = 250_000; // 50 s left of 300
    const second = valueOf(await credentials.accessToken('cc-expiring', configs.machine));

    expect(second.reveal()).not.toBe(first.reveal());
    expect((await callApi(api, second.reveal())).status).toBe(200);
    expect((await stored('cc-expiring')).accessToken).toBe(second.reveal());
  });

  it('never shows a token when printed or serialised', async () => {
    const { credentials } = setup();
    valueOf(await credentials.setClientSecret('cc-print', new Secret(clients.machine.secret)));
    const result = await credentials.accessToken('cc-print', configs.machine);
    const token = valueOf(result).reveal();
    for (const text of [inspect(result, { depth: 5 }), JSON.stringify(result), `${valueOf(result)}`]) {
      expect(text).not.toContain(token);
      expect(text).toContain('[secret]');
    }
  });
});

describe('authorization code with PKCE, through the browser and a loopback redirect', () => {
  it('signs in a public client: S256 challenge, a 127.0.0.1 redirect, a plain-text page, a token the API accepts', async () => {
    const { credentials } = setup();
    let authorizationUrl = new URL('about:blank');
    let visit: Promise<CallbackPage> | undefined;
    const state = valueOf(
      await credentials.signIn('code-public', configs.native, {
        openBrowser: async (url) => {
          authorizationUrl = new URL(url);
          await (visit = signInInBrowser(url));
        },
      }),
    );
    const page = await visit!;

    const sent = authorizationUrl.searchParams;
    expect(sent.get('code_challenge_method')).toBe('S256');
    expect(sent.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(sent.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(sent.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(page).toEqual({ status: 200, contentType: 'text/plain; charset=utf-8', text: expect.stringContaining('You can close this tab') });
    expect(state).toEqual({ status: 'valid', expiresAt: expect.any(Number), hasRefreshToken: true });
    expect(provider.grants.at(-1)).toBe('authorization_code');

    const token = valueOf(await credentials.accessToken('code-public', configs.native));
    const answer = await callApi(api, token.reveal());
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ sub: 'alice', client_id: clients.native.id });
  });

  it('signs in a confidential client with its client secret', async () => {
    const { credentials } = setup();
    valueOf(await credentials.setClientSecret('code-confidential', new Secret(clients.confidential.secret)));
    const state = valueOf(await credentials.signIn('code-confidential', configs.confidential, browser));
    expect(state.status).toBe('valid');
    expect(await stored('code-confidential')).toMatchObject({ clientSecret: clients.confidential.secret, refreshToken: expect.any(String) });
  });

  it('refreshes with the refresh token before the access token expires', async () => {
    const { credentials, clock } = setup();
    valueOf(await credentials.signIn('code-refresh', configs.native, browser));
    const first = valueOf(await credentials.accessToken('code-refresh', configs.native));
    clock.offsetMs = 250_000;
    const second = valueOf(await credentials.accessToken('code-refresh', configs.native));

    expect(provider.grants.at(-1)).toBe('refresh_token');
    expect(second.reveal()).not.toBe(first.reveal());
    expect((await callApi(api, second.reveal())).status).toBe(200);
    expect(valueOf(await credentials.state('code-refresh', configs.native))).toMatchObject({ status: 'valid', hasRefreshToken: true });
  });

  it('refreshes once after a 401 from an API that finds the token expired, and the retry is accepted', async () => {
    const { credentials } = setup();
    try {
      provider.accessTokenTtl = 120;
      valueOf(await credentials.signIn('code-401', configs.native, browser));
      const rejected = valueOf(await credentials.accessToken('code-401', configs.native));
      expect(valueOf(await credentials.state('code-401', configs.native)).expiresAt! - Date.now()).toBeLessThanOrEqual(120_000);
      api.clockOffsetMs = 300_000; // the API's clock is 5 min ahead: the token expired there

      const first = await callApi(api, rejected.reveal());
      expect(first.status).toBe(401);
      expect(first.challenge).toMatch(/^Bearer error="invalid_token", error_description=".*exp.*"$/);
      // Keypost's clock still gives it 2 min, so it is handed out again until the server says otherwise.
      expect(valueOf(await credentials.accessToken('code-401', configs.native)).reveal()).toBe(rejected.reveal());

      provider.accessTokenTtl = 3_600;
      const before = provider.tokenRequests;
      const renewed = valueOf(await credentials.afterUnauthorized('code-401', configs.native, rejected));
      expect(renewed.reveal()).not.toBe(rejected.reveal());
      expect(provider.grants.at(-1)).toBe('refresh_token');
      expect((await callApi(api, renewed.reveal())).status).toBe(200);

      // A second send that was rejected with the same old token gets the new one, without another refresh.
      const again = valueOf(await credentials.afterUnauthorized('code-401', configs.native, rejected));
      expect(again.reveal()).toBe(renewed.reveal());
      expect(provider.tokenRequests - before).toBe(1);
    } finally {
      provider.accessTokenTtl = 300;
      api.clockOffsetMs = 0;
    }
  });

  it('uses a refresh token obtained elsewhere (flow refreshToken) with the client secret', async () => {
    const { credentials } = setup();
    valueOf(await credentials.setClientSecret('seed', new Secret(clients.confidential.secret)));
    valueOf(await credentials.signIn('seed', configs.confidential, browser));
    const refreshToken = (await stored('seed')).refreshToken as string;

    valueOf(await credentials.setClientSecret('rt-given', new Secret(clients.confidential.secret)));
    valueOf(await credentials.setRefreshToken('rt-given', new Secret(refreshToken)));
    expect(valueOf(await credentials.state('rt-given', configs.refresh))).toEqual({ status: 'missing', expiresAt: null, hasRefreshToken: true });
    const token = valueOf(await credentials.accessToken('rt-given', configs.refresh));

    expect(provider.grants.at(-1)).toBe('refresh_token');
    expect((await callApi(api, token.reveal())).status).toBe(200);
    expect(valueOf(await credentials.state('rt-given', configs.refresh))).toMatchObject({ status: 'valid', hasRefreshToken: true });
  });
});

describe('a refresh that races another send', () => {
  it('makes one token request for concurrent sends that all need a new token', async () => {
    const { credentials } = setup();
    valueOf(await credentials.setClientSecret('race-cc', new Secret(clients.machine.secret)));
    const before = provider.tokenRequests;
    const tokens = (await Promise.all([1, 2, 3].map(() => credentials.accessToken('race-cc', configs.machine)))).map(valueOf);

    expect(provider.tokenRequests - before).toBe(1);
    expect(new Set(tokens.map((token) => token.reveal())).size).toBe(1);
  });

  it('shares one refresh-token grant between concurrent sends (a second use of a rotated refresh token would fail)', async () => {
    const { credentials, clock } = setup();
    valueOf(await credentials.signIn('race-rt', configs.native, browser));
    clock.offsetMs = 400_000; // expired
    const before = provider.tokenRequests;
    const calls = [
      credentials.accessToken('race-rt', configs.native),
      credentials.accessToken('race-rt', configs.native),
    ];
    const refreshing = valueOf(await credentials.state('race-rt', configs.native));
    const tokens = (await Promise.all(calls)).map(valueOf);

    expect(refreshing.status).toBe('refreshing');
    expect(provider.tokenRequests - before).toBe(1);
    expect(tokens[0]!.reveal()).toBe(tokens[1]!.reveal());
    expect((await callApi(api, tokens[0]!.reveal())).status).toBe(200);
  });

  it('makes one refresh for concurrent 401s with the same token', async () => {
    const { credentials } = setup();
    valueOf(await credentials.signIn('race-401', configs.native, browser));
    const rejected = valueOf(await credentials.accessToken('race-401', configs.native));
    const before = provider.tokenRequests;
    const renewed = (await Promise.all([1, 2].map(() => credentials.afterUnauthorized('race-401', configs.native, rejected)))).map(valueOf);

    expect(provider.tokenRequests - before).toBe(1);
    expect(renewed[0]!.reveal()).toBe(renewed[1]!.reveal());
    expect(renewed[0]!.reveal()).not.toBe(rejected.reveal());
  });
});

describe('keeping and forgetting', () => {
  it('forgets a credential: the keychain entry goes, the state says missing at once', async () => {
    const { credentials } = setup();
    valueOf(await credentials.setClientSecret('forget-me', new Secret(clients.machine.secret)));
    valueOf(await credentials.accessToken('forget-me', configs.machine));
    valueOf(await credentials.forget('forget-me'));

    expect(await keytar.getPassword(service, 'forget-me')).toBeNull();
    expect(valueOf(await credentials.state('forget-me', configs.machine))).toEqual({ status: 'missing', expiresAt: null, hasRefreshToken: false });
    const again = await credentials.accessToken('forget-me', configs.machine);
    expect(!again.ok && again.error.code).toBe('OAUTH_NO_CLIENT_SECRET');
  });

  it('keeps the client secret when a new sign-in replaces the tokens', async () => {
    const { credentials } = setup();
    valueOf(await credentials.setClientSecret('keep-secret', new Secret(clients.confidential.secret)));
    valueOf(await credentials.signIn('keep-secret', configs.confidential, browser));
    const first = await stored('keep-secret');
    valueOf(await credentials.signIn('keep-secret', configs.confidential, browser));
    const second = await stored('keep-secret');

    expect(second.clientSecret).toBe(clients.confidential.secret);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
  });

  it('reports an expired token as expired', async () => {
    const { credentials, clock } = setup();
    valueOf(await credentials.signIn('expired-state', configs.native, browser));
    clock.offsetMs = 400_000;
    expect(valueOf(await credentials.state('expired-state', configs.native))).toMatchObject({ status: 'expired', hasRefreshToken: true });
  });

});
