// Client certificates (mutual TLS) against real TLS servers on 127.0.0.1 that demand one, with certificates openssl
// makes: refused without one (in words), accepted with the PEM pair and with PKCS#12 (passphrase from the real keychain),
// each bad file or passphrase refused in words when saved, never presented to a host its pattern does not match, and
// the same through an HTTP CONNECT proxy.
import { renameSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCertificateFor, type CertificateFileRole, type ClientCertificateDraft, type SavedClientCertificates } from '../../shared/clientCertificates';
import type { CredentialCheck } from '../../shared/credentialCheck';
import type { KeypostError, Result } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import { defaultProxySetting } from '../../shared/proxy';
import { makeClientPki, startMutualTlsServer, type ClientPki, type MutualTlsServer } from '../fixtures/clientCertificatePki';
import { filesContaining } from '../fixtures/filesContaining';
import { forgetKeychain } from '../fixtures/keychain';
import { testCore } from '../fixtures/presetStore';
import { startProxy } from '../fixtures/proxyServers';
import { jsonDocument } from '../fixtures/sendJson';
import { makeTestPki, startCertificateServer, type TestPki } from '../fixtures/testCertificates';

let pki: TestPki;
let client: ClientPki;
let demanding: MutualTlsServer;
let demandingTls12: MutualTlsServer;
let asking: MutualTlsServer;
/** What the stand-in for main's file dialog picks next (null: cancelled). */
let chosen: string | null = null;
const service = `Keypost-unit-client-certificates-${process.pid}`;
const core = testCore({
  keychainService: service,
  host: { chooseCaFile: async () => pki.caFile, chooseCertificateFile: async () => chosen, confirmCredentialOrigin: async () => 'once' },
});

beforeAll(async () => {
  pki = makeTestPki();
  client = makeClientPki(pki);
  [demanding, demandingTls12, asking] = await Promise.all([
    startMutualTlsServer(pki),
    startMutualTlsServer(pki, { maxVersion: 'TLSv1.2' }),
    startMutualTlsServer(pki, { demand: false }),
  ]);
  // The servers' own certificate is the test CA's: trusted, so only the client certificate is in question.
  expect((await core.call('chooseCaFile')).ok).toBe(true);
  await core.call('setToken', 'default', 'kp-mutual-check-token');
});
afterAll(async () => {
  await Promise.all([demanding, demandingTls12, asking].map((server) => server.close()));
  await core.close();
  await forgetKeychain(service);
});

const hostOf = (server: { url: string }) => new URL(server.url).host;
const send = (url: string) => core.call<SendResult>('send', { requestId: `mtls-${Math.random()}`, request: jsonDocument({ url, credential: null }), timeoutMs: 5_000 });
const refusal = async (url: string): Promise<KeypostError> => {
  const result = await send(url);
  if (result.ok) throw new Error(`${url} was accepted`);
  return result.error;
};
const choose = async (role: CertificateFileRole, file: string | null) => {
  chosen = file;
  return core.call<string | null>('chooseCertificateFile', role);
};
/** Picks the files through the dialog stand-in, then saves the entry with the passphrase typed (or not). */
const save = async (draft: ClientCertificateDraft, passphrase?: string | null): Promise<Result<SavedClientCertificates>> => {
  const picked = [await choose(draft.kind === 'pem' ? 'certificate' : 'pkcs12', draft.certificateFile), ...(draft.keyFile ? [await choose('key', draft.keyFile)] : [])];
  const refused = picked.find((result) => !result.ok);
  if (refused) return refused as Result<never>;
  return core.call<SavedClientCertificates>('saveClientCertificate', draft, ...(passphrase === undefined ? [] : [passphrase]));
};
const pem = (host: string, cert = client.cert, key = client.key): ClientCertificateDraft => ({ id: 'pem-entry', host, kind: 'pem', certificateFile: cert, keyFile: key });
const removeAll = async () => {
  for (const { id } of core.settings.get().clientCertificates) expect((await core.call('removeClientCertificate', id)).ok).toBe(true);
};

describe('a server that demands a client certificate', () => {
  it('is refused in words naming the host when none is set up for it, over TLS 1.3 and TLS 1.2 alike', async () => {
    await removeAll();
    for (const [server, asks] of [
      [demanding, 'asks for'],
      // TLS 1.2 has no alert of its own for it: a handshake failure, which could also mean no shared cipher.
      [demandingTls12, 'ended the TLS handshake, most likely because it asks for'],
    ] as const) {
      const error = await refusal(`${server.url}/`);
      expect(error).toMatchObject({ code: 'TLS_ERROR', message: `${hostOf(server)} ${asks} a client certificate (mutual TLS), and none is set up for 127.0.0.1.` });
      expect(error.hint).toContain('Settings (Client certificates)');
      expect(error.hint).toContain('not the token');
    }
    expect(demanding.clients).toEqual([]);
  });

  it('accepts the PEM pair saved for its host:port, and the other server never sees it', async () => {
    const saved = await save(pem(hostOf(demanding)));
    expect(saved.ok && saved.value).toMatchObject({ clientCertificates: [{ id: 'pem-entry', host: hostOf(demanding), hasPassphrase: false }], warning: null });
    const sent = await send(`${demanding.url}/`);
    expect(sent.ok && sent.value.status).toBe(200);
    expect(demanding.clients).toEqual(['Keypost Test Client']);
    // The same host on another port does not match "127.0.0.1:<port>": nothing presented there.
    expect((await send(`${asking.url}/`)).ok).toBe(true);
    expect(asking.clients).toEqual(['']);
    await removeAll();
    expect((await refusal(`${demanding.url}/`)).message).toContain('asks for a client certificate');
  });

  it('accepts PKCS#12 whose passphrase is read from the keychain, and keeps the passphrase out of every file', async () => {
    const saved = await save({ id: 'p12-entry', host: hostOf(demandingTls12), kind: 'pkcs12', certificateFile: client.p12, keyFile: null }, client.p12Passphrase);
    expect(saved.ok && saved.value.clientCertificates).toMatchObject([{ id: 'p12-entry', kind: 'pkcs12', hasPassphrase: true }]);
    const sent = await send(`${demandingTls12.url}/`);
    expect(sent.ok && sent.value.status).toBe(200);
    expect(demandingTls12.clients).toEqual(['Keypost Test Client']);
    // A restart reads it from the keychain again (a new core on the same data folder and service).
    const restarted = testCore({ dir: core.dir, keychainService: service });
    try {
      const again = await restarted.call<SendResult>('send', { requestId: 'mtls-restart', request: jsonDocument({ url: `${demandingTls12.url}/`, credential: null }), timeoutMs: 5_000 });
      expect(again.ok && again.value.status).toBe(200);
    } finally {
      await restarted.close();
    }
    expect(await filesContaining(core.dir, client.p12Passphrase)).toEqual([]);
    // Changed without typing the passphrase again: the stored one is kept.
    const changed = await save({ id: 'p12-entry', host: '*.example.com', kind: 'pkcs12', certificateFile: client.p12, keyFile: null });
    expect(changed.ok && changed.value.clientCertificates).toMatchObject([{ id: 'p12-entry', host: '*.example.com', hasPassphrase: true }]);
    await removeAll();
  });

  it('accepts an encrypted PEM key with its passphrase, and says a missing or wrong one in words', async () => {
    const draft = pem(hostOf(demanding), client.cert, client.encryptedKey);
    const missing = await save(draft, null);
    expect(missing.ok || missing.error.message).toBe(`The key ${client.encryptedKey} is encrypted: it needs its passphrase.`);
    const wrong = await save(draft, 'not-it');
    expect(wrong.ok || wrong.error.message).toBe(`The passphrase does not open the key ${client.encryptedKey}.`);
    expect(core.settings.get().clientCertificates).toEqual([]);
    expect((await save(draft, client.keyPassphrase)).ok).toBe(true);
    const sent = await send(`${demanding.url}/`);
    expect(sent.ok && sent.value.status).toBe(200);
    await removeAll();
  });

  it('refuses, when saved, a wrong PKCS#12 passphrase, a key of another certificate and files that are not what they claim', async () => {
    const p12 = (passphrase: string | null) => save({ id: 'p12-entry', host: hostOf(demanding), kind: 'pkcs12', certificateFile: client.p12, keyFile: null }, passphrase);
    const messages = async (result: Promise<Result<unknown>>) => {
      const answered = await result;
      return answered.ok ? 'saved' : answered.error.message;
    };
    expect(await messages(p12('not-it'))).toBe(`The passphrase does not open the PKCS#12 file ${client.p12}.`);
    expect(await messages(save(pem(hostOf(demanding), client.cert, client.otherKey)))).toBe(`The key ${client.otherKey} does not belong to the certificate ${client.cert}.`);
    expect(await messages(choose('certificate', client.notPem))).toBe(`${client.notPem} holds no PEM certificate.`);
    expect(await messages(choose('pkcs12', client.cert))).toBe(`${client.cert} is a PEM file, not PKCS#12.`);
    expect(await messages(choose('key', client.cert))).toContain(`${client.cert} holds no PEM private key`);
    // A path the dialog never returned is not saved, whatever it holds.
    expect(await messages(core.call('saveClientCertificate', pem(hostOf(demanding), `${pki.dir}/good.pem`, client.key)))).toBe('A client certificate file is chosen with "Choose file…", not typed.');
    expect(core.settings.get().clientCertificates).toEqual([]);
  });

  it('saves an expired certificate with a warning saying when it expired', async () => {
    const saved = await save(pem(hostOf(demanding), client.expiredCert, client.key));
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const warning = saved.ok ? saved.value.warning : saved.error.message;
    expect([yesterday, today].map((day) => `The client certificate for ${hostOf(demanding)} (client-expired.pem) expired on ${day}: it is still presented, but a server will likely refuse it. Ask for a new one.`)).toContain(warning);
    expect(core.settings.get().clientCertificates).toHaveLength(1);
    await removeAll();
  });

  it('says which certificate it refused when the one presented is not from an authority it trusts, over TLS 1.3 and 1.2', async () => {
    // Node's server closes at once over TLS 1.3 and resets over 1.2: both are told apart by a handshake without one.
    for (const server of [demandingTls12, demanding]) {
      expect((await save({ ...pem(hostOf(server), client.strangerCert, client.strangerKey), id: `stranger-${server === demanding ? 13 : 12}` })).ok).toBe(true);
      const error = await refusal(`${server.url}/`);
      expect(error.message).toBe(`${hostOf(server)} refused the client certificate for ${hostOf(server)} (stranger.pem).`);
      expect(error.hint).toContain('The certificate, not the token, was the problem');
    }
    // The Check action's verdict says the same: the certificate, not the token.
    const checked = (await core.call<CredentialCheck>('checkCredential', { request: jsonDocument({ url: `${demanding.url}/` }), timeoutMs: 5_000 })) as Result<CredentialCheck>;
    expect(checked.ok && checked.value).toMatchObject({ verdict: 'tls', message: expect.stringContaining('refused the client certificate') });
    await removeAll();
  });

  it('names the certificate presented in the response, and in the words for a 403 of the Check and the send', async () => {
    const forbidding = await startMutualTlsServer(pki, { status: 403 });
    try {
      expect((await save(pem(hostOf(forbidding)))).ok).toBe(true);
      const sent = await core.call<SendResult>('send', { requestId: 'mtls-403', request: jsonDocument({ url: `${forbidding.url}/` }), timeoutMs: 5_000 });
      const label = `the client certificate for ${hostOf(forbidding)} (client.pem)`;
      expect(sent.ok && sent.value).toMatchObject({ status: 403, clientCertificate: label, authFailure: { likely: 'scope', message: expect.stringContaining(`This request also presented ${label}`) } });
      const checked = (await core.call<CredentialCheck>('checkCredential', { request: jsonDocument({ url: `${forbidding.url}/` }), timeoutMs: 5_000 })) as Result<CredentialCheck>;
      expect(checked.ok && checked.value).toMatchObject({ verdict: 'forbidden', message: expect.stringContaining(`This request also presented ${label}`) });
    } finally {
      await removeAll();
      await forbidding.close();
    }
  });

  it('says a certificate file moved away since it was saved, and sends nothing', async () => {
    const moved = `${pki.dir}/client-moved.pem`;
    renameSync(client.cert, moved);
    renameSync(moved, client.cert);
    expect((await save(pem(hostOf(demanding)))).ok).toBe(true);
    renameSync(client.cert, moved);
    try {
      const error = await refusal(`${demanding.url}/`);
      expect(error.message).toBe(`Nothing was sent to ${hostOf(demanding)}: its client certificate cannot be used. The certificate file ${client.cert} could not be read: it does not exist (moved or deleted?).`);
      expect(error.hint).toContain('Settings (Client certificates)');
    } finally {
      renameSync(moved, client.cert);
      await removeAll();
    }
  });
});

describe('through an HTTP CONNECT proxy', () => {
  it('presents the certificate inside the tunnel, and the words are the same without one', async () => {
    const proxy = await startProxy();
    try {
      expect((await core.call('updateSettings', { proxy: { mode: 'manual', url: proxy.url, bypass: '' } })).ok).toBe(true);
      expect((await refusal(`${demanding.url}/`)).message).toBe(`${hostOf(demanding)} asks for a client certificate (mutual TLS), and none is set up for 127.0.0.1.`);
      expect((await save(pem(hostOf(demanding)))).ok).toBe(true);
      const sent = await send(`${demanding.url}/`);
      expect(sent.ok && sent.value).toMatchObject({ status: 200, proxy: expect.stringContaining(new URL(proxy.url).host) });
      expect(demanding.clients.at(-1)).toBe('Keypost Test Client');
      expect(proxy.connects.every(({ target }) => target === hostOf(demanding))).toBe(true);
    } finally {
      await core.call('updateSettings', { proxy: defaultProxySetting() });
      await removeAll();
      await proxy.close();
    }
  });

  it('reads a refused server certificate through the proxy too (the second handshake is a second CONNECT)', async () => {
    const proxy = await startProxy();
    const untrusted = await startCertificateServer(pki.selfSigned);
    try {
      expect((await core.call('updateSettings', { proxy: { mode: 'manual', url: proxy.url, bypass: '' } })).ok).toBe(true);
      const error = await refusal(`${untrusted.url}/`);
      expect(error.message).toBe(`${hostOf(untrusted)} presented a self-signed certificate ("Keypost Self-Signed Dev"): no authority Keypost trusts vouches for it.`);
      expect(proxy.connects.filter(({ target }) => target === hostOf(untrusted))).toHaveLength(2);
    } finally {
      await core.call('updateSettings', { proxy: defaultProxySetting() });
      await untrusted.close();
      await proxy.close();
    }
  });
});

describe('an OAuth 2.0 token endpoint that demands a client certificate', () => {
  it('gets the certificate of its host, as a send does', async () => {
    const endpoint = await startMutualTlsServer(pki, { json: JSON.stringify({ access_token: 'at-mutual', token_type: 'Bearer', expires_in: 60 }) });
    try {
      const config = { flow: 'clientCredentials', tokenUrl: `${endpoint.url}/token`, clientId: 'machine', clientAuth: 'basic' };
      expect((await core.call('saveOAuthCredential', 'mutual-oauth', config, { clientSecret: 's3cret' })).ok).toBe(true);
      const refused = await core.call('signInOAuth', 'mutual-oauth');
      expect(refused.ok || refused.error.message).toContain(`${hostOf(endpoint)} asks for a client certificate`);
      expect((await save(pem(hostOf(endpoint)))).ok).toBe(true);
      const signedIn = await core.call('signInOAuth', 'mutual-oauth');
      expect(signedIn.ok).toBe(true);
      expect(endpoint.clients).toEqual(['Keypost Test Client']);
    } finally {
      await removeAll();
      await endpoint.close();
    }
  });
});

describe('which entry a host gets', () => {
  const entries = [{ host: 'example.com' }, { host: '*.example.com' }, { host: '*.api.example.com' }, { host: 'api.example.com:8443' }];
  it('is the most specific pattern that matches, and none for a host no pattern names', () => {
    expect(clientCertificateFor(entries, 'example.com', '443')?.host).toBe('example.com');
    expect(clientCertificateFor(entries, 'www.example.com', '443')?.host).toBe('*.example.com');
    expect(clientCertificateFor(entries, 'v1.api.example.com', '443')?.host).toBe('*.api.example.com');
    expect(clientCertificateFor(entries, 'api.example.com', '8443')?.host).toBe('api.example.com:8443');
    expect(clientCertificateFor(entries, 'api.example.com', '443')?.host).toBe('*.example.com');
    expect(clientCertificateFor(entries, 'example.org', '443')).toBeNull();
    expect(clientCertificateFor(entries, 'badexample.com', '443')).toBeNull();
    expect(clientCertificateFor([{ host: 'example.com' }], 'sub.example.com', '443')).toBeNull();
  });
});
