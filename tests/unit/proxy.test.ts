// Sends through real proxies on 127.0.0.1 under each proxy setting: where the request went, what the proxy saw, and
// the words when the proxy fails; the Check action and OAuth 2.0 token requests follow the same setting.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestClientCredentials } from '../../electron/core/credentials/oauth/tokenEndpoint';
import { Secret } from '../../electron/core/credentials/secret';
import { closeProxyAgents } from '../../electron/core/network/proxyAgents';
import { createProxyRouter, type ResolveProxy } from '../../electron/core/network/proxyRoutes';
import type { CredentialCheck } from '../../shared/credentialCheck';
import type { Result } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import type { ProxySetting } from '../../shared/proxy';
import { forgetKeychain } from '../fixtures/keychain';
import { testCore } from '../fixtures/presetStore';
import { filesContaining } from '../fixtures/filesContaining';
import { jsonDocument, sendCall, sendJson } from '../fixtures/sendJson';
import { PROXY_SOURCE_ADDRESS, startProxy, startRefusingProxy, startTarget, type RunningProxy, type RunningTarget } from '../fixtures/proxyServers';
import { closedPortUrl } from '../fixtures/testServer';

const TOKEN = 'kp-proxy-token-8e2a';
let proxy: RunningProxy;
let guarded: RunningProxy;
let plain: RunningTarget;
let secure: RunningTarget;

beforeAll(async () => {
  [proxy, guarded, plain, secure] = await Promise.all([startProxy(), startProxy({ user: 'ada', password: 'pw-5f1' }), startTarget('http'), startTarget('https')]);
});
afterAll(async () => {
  await closeProxyAgents();
  await Promise.all([proxy, guarded, plain, secure].map((server) => server.close()));
});

const hostOf = (url: string) => new URL(url).host;
const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const manual = (url: string, bypass = ''): ProxySetting => ({ mode: 'manual', url, bypass });
const router = (setting: ProxySetting, env: Record<string, string> = {}, resolveProxy?: ResolveProxy) =>
  createProxyRouter({ setting: () => setting, env, resolveProxy });

async function send(target: RunningTarget, routeFor: ReturnType<typeof router>) {
  return sendJson({ url: `${target.url}/items`, token: new Secret(TOKEN), allowSelfSignedTls: true, routeFor });
}

describe('a manual proxy', () => {
  it('carries an https request through a CONNECT tunnel, names itself in the answer, and never sees the token', async () => {
    const before = proxy.connects.length;
    const sent = await send(secure, router(manual(proxy.url)));
    expect(sent.ok && sent.value.status).toBe(200);
    expect(sent.ok && sent.value.proxy).toBe(hostOf(proxy.url));
    expect(proxy.connects.slice(before).map(({ target }) => target)).toEqual([hostOf(secure.url)]);
    expect(secure.seen.at(-1)).toEqual({ from: PROXY_SOURCE_ADDRESS, authorization: `Bearer ${TOKEN}` });
    expect(JSON.stringify(proxy.connects)).not.toContain(TOKEN);
  });

  it('tunnels plain http too, so the proxy is asked only to connect and is never handed the request and its headers', async () => {
    const before = proxy.connects.length;
    const sent = await send(plain, router(manual(proxy.url)));
    expect(sent.ok && sent.value.proxy).toBe(hostOf(proxy.url));
    expect(proxy.connects.slice(before).map(({ target }) => target)).toEqual([hostOf(plain.url)]);
    expect(proxy.requests).toEqual([]);
    expect(JSON.stringify(proxy.connects)).not.toContain(TOKEN);
    expect(plain.seen.at(-1)?.from).toBe(PROXY_SOURCE_ADDRESS);
  });

  it('lets a host on the bypass list go direct', async () => {
    const before = proxy.connects.length;
    const sent = await send(plain, router(manual(proxy.url, 'example.com, 127.0.0.1')));
    expect(sent.ok && sent.value.status).toBe(200);
    expect(sent.ok && sent.value.proxy).toBeUndefined();
    expect(proxy.connects.length).toBe(before);
    expect(plain.seen.at(-1)?.from).toBe('127.0.0.1');
  });

  it('that is not running is named, not the server', async () => {
    const down = await closedPortUrl();
    const sent = await send(secure, router(manual(down)));
    expect(sent.ok).toBe(false);
    if (sent.ok) return;
    expect(sent.error.code).toBe('PROXY_ERROR');
    expect(sent.error.message).toBe(`Could not connect to the proxy ${hostOf(down)}: the connection was refused.`);
  });

  it('that asks for a password says so, naming the proxy', async () => {
    const count = secure.seen.length;
    const sent = await send(secure, router(manual(guarded.url)));
    expect(!sent.ok && sent.error.message).toBe(`The proxy ${hostOf(guarded.url)} asked for authentication (407 Proxy Authentication Required).`);
    expect(secure.seen.length).toBe(count);
  });

  it('that refuses the tunnel says which proxy refused and with what status', async () => {
    const refusing = await startRefusingProxy(403);
    try {
      const sent = await send(secure, router(manual(refusing.url)));
      expect(!sent.ok && sent.error.message).toBe(`The proxy ${hostOf(refusing.url)} refused to connect to the server (it answered 403).`);
    } finally {
      await refusing.close();
    }
  });
});

describe('the environment', () => {
  it('sends https through HTTPS_PROXY, with its Basic credentials, and not for hosts in NO_PROXY', async () => {
    const withPassword = guarded.url.replace('http://', 'http://ada:pw-5f1@');
    const sent = await send(secure, router({ mode: 'environment', url: '', bypass: '' }, { HTTPS_PROXY: withPassword }));
    expect(sent.ok && sent.value.proxy).toBe(hostOf(guarded.url));
    expect(secure.seen.at(-1)?.from).toBe(PROXY_SOURCE_ADDRESS);

    const bypassed = await send(secure, router({ mode: 'environment', url: '', bypass: '' }, { HTTPS_PROXY: withPassword, no_proxy: '127.0.0.1' }));
    expect(bypassed.ok && bypassed.value.proxy).toBeUndefined();
    expect(secure.seen.at(-1)?.from).toBe('127.0.0.1');
  });

  it('names the variable of an address it cannot read, never its value (which may hold a password)', async () => {
    const sent = await send(secure, router({ mode: 'environment', url: '', bypass: '' }, { HTTPS_PROXY: 'http://ada:pw-5f1@[bad' }));
    expect(!sent.ok && sent.error.message).toBe('The proxy in the environment variable HTTPS_PROXY is not an address Keypost can read.');
    expect(JSON.stringify(sent)).not.toContain('pw-5f1');
  });

  it('is ignored under None', async () => {
    const sent = await send(secure, router({ mode: 'none', url: '', bypass: '' }, { HTTPS_PROXY: proxy.url, https_proxy: proxy.url }));
    expect(sent.ok && sent.value.proxy).toBeUndefined();
    expect(secure.seen.at(-1)?.from).toBe('127.0.0.1');
  });

  it('is what System reads where there is no OS answer (the CLI, tests)', async () => {
    const sent = await send(secure, router({ mode: 'system', url: '', bypass: '' }, { https_proxy: hostOf(proxy.url) }));
    expect(sent.ok && sent.value.proxy).toBe(hostOf(proxy.url));
  });
});

describe('the system proxy (Chromium answers per URL)', () => {
  const system = (answer: string) => {
    const asked: string[] = [];
    return { asked, routeFor: router({ mode: 'system', url: '', bypass: '' }, { HTTPS_PROXY: 'http://127.0.0.1:9' }, async (url) => (asked.push(url), answer)) };
  };

  it('follows a PROXY answer for the URL sent', async () => {
    const { asked, routeFor } = system(`PROXY ${hostOf(proxy.url)}; DIRECT`);
    const sent = await send(secure, routeFor);
    expect(asked).toEqual([`${secure.url}/items`]);
    expect(sent.ok && sent.value.proxy).toBe(hostOf(proxy.url));
    expect(secure.seen.at(-1)?.from).toBe(PROXY_SOURCE_ADDRESS);
  });

  it('goes direct on DIRECT, whatever the environment says', async () => {
    const sent = await send(secure, system('DIRECT').routeFor);
    expect(sent.ok && sent.value.proxy).toBeUndefined();
    expect(secure.seen.at(-1)?.from).toBe('127.0.0.1');
  });

  it('says so, sending nothing, when the system cannot answer (a PAC script that fails)', async () => {
    const count = secure.seen.length;
    const failing = router({ mode: 'system', url: '', bypass: '' }, {}, () => Promise.reject(new Error('net::ERR_PAC_SCRIPT_FAILED')));
    const sent = await send(secure, failing);
    expect(!sent.ok && sent.error.message).toBe(`The system's proxy configuration could not say which proxy to use for ${hostOf(secure.url)} (its PAC script may have failed).`);
    expect(secure.seen.length).toBe(count);
  });

  it('tries the next choice when a proxy cannot be reached, and names the one that carried the request', async () => {
    const down = await closedPortUrl();
    const second = await send(secure, system(`PROXY ${hostOf(down)}; PROXY ${hostOf(proxy.url)}; DIRECT`).routeFor);
    expect(value(second).proxy).toBe(hostOf(proxy.url));
    expect(secure.seen.at(-1)?.from).toBe(PROXY_SOURCE_ADDRESS);

    const direct = await send(secure, system(`PROXY ${hostOf(down)}; DIRECT`).routeFor);
    expect(value(direct).proxy).toBeUndefined();
    expect(secure.seen.at(-1)?.from).toBe('127.0.0.1');

    // A trailing ";" adds no choice (no DIRECT behind the user's back): the proxy that could not be reached is named.
    const trailing = await send(secure, system(`PROXY ${hostOf(down)};`).routeFor);
    expect(!trailing.ok && trailing.error.message).toBe(`Could not connect to the proxy ${hostOf(down)}: the connection was refused.`);

    const otherDown = await closedPortUrl();
    const none = await send(secure, system(`PROXY ${hostOf(down)}; PROXY ${hostOf(otherDown)}`).routeFor);
    expect(!none.ok && none.error.message).toBe(`Could not connect to the proxy ${hostOf(otherDown)}: the connection was refused.`);
  });

  it('does not try the next choice once a proxy answered, so nothing is sent twice', async () => {
    const before = proxy.connects.length;
    const count = secure.seen.length;
    const refused = await send(secure, system(`PROXY ${hostOf(guarded.url)}; PROXY ${hostOf(proxy.url)}; DIRECT`).routeFor);
    expect(!refused.ok && refused.error.message).toBe(`The proxy ${hostOf(guarded.url)} asked for authentication (407 Proxy Authentication Required).`);
    expect(proxy.connects.length).toBe(before);
    expect(secure.seen.length).toBe(count);
  });
});

describe('every path of the core follows the proxy setting', () => {
  const service = `Keypost-unit-proxy-${process.pid}`;

  it('the Check action goes through the manual proxy, and a proxy that is down is named in its verdict', async () => {
    const { call } = testCore({ keychainService: service, host: { confirmCredentialOrigin: async () => 'once' } });
    try {
      value(await call('setToken', 'default', TOKEN));
      value(await call('updateSettings', { proxy: manual(proxy.url) }));
      const before = proxy.connects.length;
      const checked = value(await call<CredentialCheck>('checkCredential', { request: jsonDocument({ url: `${plain.url}/me` }), timeoutMs: 5_000 }));
      expect(checked.verdict).toBe('accepted');
      expect(proxy.connects.slice(before).map(({ target }) => target)).toEqual([hostOf(plain.url)]);
      expect(plain.seen.at(-1)).toEqual({ from: PROXY_SOURCE_ADDRESS, authorization: `Bearer ${TOKEN}` });

      const down = await closedPortUrl();
      value(await call('updateSettings', { proxy: manual(down) }));
      const failed = value(await call<CredentialCheck>('checkCredential', { request: jsonDocument({ url: `${plain.url}/me` }), timeoutMs: 5_000 }));
      expect(failed.message).toContain(`Could not connect to the proxy ${hostOf(down)}`);
    } finally {
      await forgetKeychain(service);
    }
  });

  it('a manual proxy that asks for a password gets it from the keychain, never from the settings file', async () => {
    const core = testCore({ keychainService: service, host: { confirmCredentialOrigin: async () => 'once' } });
    const { call } = core;
    const send = () => call<SendResult>('send', sendCall({ requestId: `proxy-pw-${Math.random()}`, url: `${secure.url}/me`, request: { options: { allowSelfSignedTls: true } } }));
    try {
      value(await call('setToken', 'default', TOKEN));
      expect(await call('setProxyPassword', 'pw-5f1')).toMatchObject({ ok: false, error: { message: expect.stringContaining('whose address names the user') } });
      value(await call('updateSettings', { proxy: manual(guarded.url.replace('http://', 'http://ada@')) }));
      const refused = await send();
      expect(!refused.ok && refused.error.message).toContain('asked for authentication (407');

      value(await call('setProxyPassword', 'pw-5f1'));
      const sent = value(await send());
      expect(sent.proxy).toBe(hostOf(guarded.url));
      expect(secure.seen.at(-1)).toEqual({ from: PROXY_SOURCE_ADDRESS, authorization: `Bearer ${TOKEN}` });
      expect(await filesContaining(core.dir, 'pw-5f1')).toEqual([]);

      value(await call('setProxyPassword', null));
      expect((await send()).ok).toBe(false);
    } finally {
      await forgetKeychain(service);
    }
  });

  it('an OAuth 2.0 token request goes through the proxy, and its failure names the proxy', async () => {
    const tokens = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'at-via-proxy', token_type: 'Bearer' })));
    });
    await new Promise<void>((resolve) => tokens.listen(0, '127.0.0.1', resolve));
    const tokenHost = `127.0.0.1:${(tokens.address() as AddressInfo).port}`;
    const client = { config: { flow: 'clientCredentials', tokenUrl: `http://${tokenHost}/token`, clientId: 'machine', clientAuth: 'basic' }, clientSecret: new Secret('s3cret') } as const;
    try {
      const before = proxy.connects.length;
      const issued = await requestClientCredentials(client, { routeFor: router(manual(proxy.url)) });
      expect(issued.ok && issued.value.accessToken.reveal()).toBe('at-via-proxy');
      expect(proxy.connects.slice(before).map(({ target }) => target)).toEqual([tokenHost]);

      const down = await closedPortUrl();
      const failed = await requestClientCredentials(client, { routeFor: router(manual(down)) });
      expect(!failed.ok && failed.error.message).toBe(`Could not connect to the proxy ${hostOf(down)}: the connection was refused.`);
    } finally {
      await new Promise((resolve) => tokens.close(resolve));
    }
  });
});
