// Sends through a real SOCKS5 proxy (simple-socks) on 127.0.0.1 under each proxy setting: the request reaches the
// target only through it (the proxy connects out from 127.0.0.2 and records each target), a bypassed host goes direct,
// the password comes from the keychain, TLS through the tunnel is checked against the trusted set, and the proxy's
// failures are said in words naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/core/credentials/secret';
import { closeProxyAgents } from '../../electron/core/network/proxyAgents';
import { createProxyRouter, type ResolveProxy } from '../../electron/core/network/proxyRoutes';
import { useCaFile } from '../../electron/core/send/trust';
import type { Result } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import type { ProxySetting } from '../../shared/proxy';
import { filesContaining } from '../fixtures/filesContaining';
import { startHttp2Server } from '../fixtures/http2Server';
import { forgetKeychain } from '../fixtures/keychain';
import { testCore } from '../fixtures/presetStore';
import { PROXY_SOURCE_ADDRESS, startClosingProxy, startSocksProxy, startTarget, type RunningSocksProxy, type RunningTarget } from '../fixtures/proxyServers';
import { sendCall, sendJson } from '../fixtures/sendJson';
import { makeTestPki, startCertificateServer } from '../fixtures/testCertificates';
import { closedPortUrl } from '../fixtures/testServer';

const TOKEN = 'kp-socks-token-31c7';
let socks: RunningSocksProxy;
let guarded: RunningSocksProxy;
let plain: RunningTarget;
let secure: RunningTarget;

beforeAll(async () => {
  [socks, guarded, plain, secure] = await Promise.all([startSocksProxy(), startSocksProxy({ user: 'ada', password: 'pw-9d2' }), startTarget('http'), startTarget('https')]);
});
afterAll(async () => {
  await closeProxyAgents();
  await Promise.all([socks, guarded, plain, secure].map((server) => server.close()));
});

const hostOf = (url: string) => new URL(url).host;
const manual = (url: string, bypass = ''): ProxySetting => ({ mode: 'manual', url, bypass });
const router = (setting: ProxySetting, env: Record<string, string> = {}, resolveProxy?: ResolveProxy) => createProxyRouter({ setting: () => setting, env, resolveProxy });
const send = (target: { url: string }, routeFor: ReturnType<typeof router>, allowSelfSignedTls = true) =>
  sendJson({ url: `${target.url}/items`, token: new Secret(TOKEN), allowSelfSignedTls, routeFor });

describe('a manual SOCKS5 proxy', () => {
  it('carries https and http requests, names itself, and never sees the token of an https one', async () => {
    const before = socks.connects.length;
    const viaTls = await send(secure, router(manual(socks.url)));
    expect(viaTls.ok && viaTls.value.status).toBe(200);
    expect(viaTls.ok && viaTls.value.proxy).toBe(`socks5://${hostOf(socks.url)}`);
    expect(secure.seen.at(-1)).toEqual({ from: PROXY_SOURCE_ADDRESS, authorization: `Bearer ${TOKEN}` });
    // TLS ran end to end through the tunnel: the bytes the proxy relayed hold no token (those of plain http below do).
    expect(socks.relayed()).not.toContain(TOKEN);

    const viaPlain = await send(plain, router(manual(socks.url)));
    expect(viaPlain.ok && viaPlain.value.status).toBe(200);
    expect(plain.seen.at(-1)?.from).toBe(PROXY_SOURCE_ADDRESS);
    expect(socks.connects.slice(before)).toEqual([hostOf(secure.url), hostOf(plain.url)]);
    expect(socks.relayed()).toContain(`Bearer ${TOKEN}`);
  });

  it('speaks HTTP/2 through the tunnel to a server that offers it', async () => {
    const h2 = await startHttp2Server();
    try {
      const sent = await send(h2, router(manual(socks.url)));
      expect(sent.ok && sent.value.httpVersion).toBe('2');
      expect(h2.versions).toEqual(['2.0']);
      expect(socks.connects.at(-1)).toBe(hostOf(h2.url));
    } finally {
      await h2.close();
    }
  });

  it('lets a host on the bypass list go direct', async () => {
    const before = socks.connects.length;
    const sent = await send(plain, router(manual(socks.url, '127.0.0.1')));
    expect(sent.ok && sent.value.proxy).toBeUndefined();
    expect(plain.seen.at(-1)?.from).toBe('127.0.0.1');
    expect(socks.connects.length).toBe(before);
  });

  it('checks the server’s certificate through the tunnel against the trusted set, a CA file included', async () => {
    const pki = makeTestPki();
    const server = await startCertificateServer(await pki.good);
    try {
      const refused = await send(server, router(manual(socks.url)), false);
      expect(!refused.ok && refused.error.message).toContain('an authority Keypost does not trust');
      expect(server.requests).toBe(0);
      expect(useCaFile(pki.caFile).ok).toBe(true);
      const trusted = await send(server, router(manual(socks.url)), false);
      expect(trusted.ok && trusted.value.proxy).toBe(`socks5://${hostOf(socks.url)}`);
      expect(server.requests).toBe(1);
    } finally {
      useCaFile(null);
      await server.close();
    }
  });

  it('whose password is in the keychain sends it, and one that refuses it or asks for one is named', async () => {
    const service = `Keypost-unit-socks-${process.pid}`;
    const core = testCore({ keychainService: service });
    const { call } = core;
    const sendThroughCore = () => call<SendResult>('send', sendCall({ requestId: `socks-${Math.random()}`, url: `${plain.url}/me`, credential: null }));
    try {
      expect((await call('updateSettings', { proxy: manual(guarded.url.replace('socks5://', 'socks5://ada@')) })).ok).toBe(true);
      const asked: Result<SendResult> = await sendThroughCore();
      expect(!asked.ok && asked.error.message).toBe(`The proxy socks5://${hostOf(guarded.url)} asks for a user name and password.`);

      expect((await call('setProxyPassword', 'wrong')).ok).toBe(true);
      const refused = await sendThroughCore();
      expect(!refused.ok && refused.error.message).toBe(`The proxy socks5://${hostOf(guarded.url)} refused the user name and password.`);

      const before = guarded.connects.length;
      expect((await call('setProxyPassword', 'pw-9d2')).ok).toBe(true);
      const sent = await sendThroughCore();
      expect(sent.ok && sent.value.proxy).toBe(`socks5://${hostOf(guarded.url)}`);
      expect(guarded.connects.slice(before)).toEqual([hostOf(plain.url)]);
      expect(await filesContaining(core.dir, 'pw-9d2')).toEqual([]);
    } finally {
      await forgetKeychain(service);
    }
  });

  it('that closes the connection, or cannot reach the server, says so naming the proxy', async () => {
    for (const how of ['close', 'reset'] as const) {
      const closing = await startClosingProxy(how);
      try {
        const closed = await send(secure, router(manual(closing.url.replace('http://', 'socks5://'))));
        expect(!closed.ok && closed.error.message, how).toBe(`The proxy socks5://${hostOf(closing.url)} closed the connection before the tunnel to the server was open.`);
      } finally {
        await closing.close();
      }
    }
    const down = await closedPortUrl();
    const unreachable = await send({ url: down }, router(manual(socks.url)));
    expect(!unreachable.ok && unreachable.error.message).toBe(`The proxy socks5://${hostOf(socks.url)} could not connect to the server: the server refused the connection.`);
  });
});

describe('SOCKS5 from the environment and the system', () => {
  it('follows ALL_PROXY=socks5h:// with its user and password, and NO_PROXY', async () => {
    const env = { ALL_PROXY: guarded.url.replace('socks5://', 'socks5h://ada:pw-9d2@') };
    const sent = await send(secure, router({ mode: 'environment', url: '', bypass: '' }, env));
    expect(sent.ok && sent.value.proxy).toBe(`socks5h://${hostOf(guarded.url)}`);
    expect(secure.seen.at(-1)?.from).toBe(PROXY_SOURCE_ADDRESS);

    const bypassed = await send(secure, router({ mode: 'environment', url: '', bypass: '' }, { ...env, NO_PROXY: '127.0.0.1' }));
    expect(bypassed.ok && bypassed.value.proxy).toBeUndefined();
    expect(secure.seen.at(-1)?.from).toBe('127.0.0.1');
  });

  it('follows SOCKS5 and SOCKS answers of the system, and refuses SOCKS4 in words, sending nothing', async () => {
    for (const kind of ['SOCKS5', 'SOCKS']) {
      const sent = await send(secure, router({ mode: 'system', url: '', bypass: '' }, {}, async () => `${kind} ${hostOf(socks.url)}`));
      expect(sent.ok && sent.value.proxy, kind).toBe(`socks5://${hostOf(socks.url)}`);
      expect(secure.seen.at(-1)?.from).toBe(PROXY_SOURCE_ADDRESS);
    }
    const count = secure.seen.length;
    const socks4 = await send(secure, router({ mode: 'system', url: '', bypass: '' }, {}, async () => 'SOCKS4 127.0.0.1:1080; DIRECT'));
    expect(!socks4.ok && socks4.error.message).toBe('The proxy for this request is the SOCKS4 proxy 127.0.0.1:1080: Keypost speaks SOCKS5, not SOCKS4.');
    expect(secure.seen.length).toBe(count);
  });
});
