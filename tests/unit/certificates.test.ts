// Certificates against real TLS servers on 127.0.0.1 with a CA the test makes (openssl): the OS store and Node's
// roots trusted together, a CA file chosen in Settings, and each refused certificate said in its own words.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CredentialCheck } from '../../shared/credentialCheck';
import type { KeypostError, Result } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import type { RendererSettings } from '../../shared/settings';
import { testCore } from '../fixtures/presetStore';
import { requestClientCredentials } from '../../electron/core/credentials/oauth/tokenEndpoint';
import { Secret } from '../../electron/core/credentials/secret';
import { forgetKeychain } from '../fixtures/keychain';
import { jsonDocument } from '../fixtures/sendJson';
import { startProxy } from '../fixtures/proxyServers';
import { defaultProxySetting } from '../../shared/proxy';
import { makeTestPki, startCertificateServer, type CertificateServer, type TestPki } from '../fixtures/testCertificates';

let pki: TestPki;
let good: CertificateServer;
let expired: CertificateServer;
let notYetValid: CertificateServer;
let wrongHost: CertificateServer;
let selfSigned: CertificateServer;
/** What the stand-in for main's CA file dialog picks next (null: cancelled). */
let chosen: string | null = null;
const service = `Keypost-unit-certificates-${process.pid}`;
// The user lets the Check's credential go once to the test server.
const core = testCore({ keychainService: service, host: { chooseCaFile: async () => chosen, confirmCredentialOrigin: async () => 'once' } });

beforeAll(async () => {
  pki = makeTestPki();
  [good, expired, wrongHost, selfSigned, notYetValid] = (await Promise.all([pki.good, pki.expired, pki.wrongHost, pki.selfSigned, pki.notYetValid].map((pair) => startCertificateServer(pair)))) as [
    CertificateServer,
    CertificateServer,
    CertificateServer,
    CertificateServer,
    CertificateServer,
  ];
  await core.call('setToken', 'default', 'kp-cert-check-token');
});
afterAll(async () => {
  await Promise.all([good, expired, wrongHost, selfSigned, notYetValid].map((server) => server.close()));
  await core.close();
  await forgetKeychain(service);
});

const send = (url: string) => core.call<SendResult>('send', { requestId: `cert-${Math.random()}`, request: jsonDocument({ url, credential: null }), timeoutMs: 5_000 });
const refusal = async (url: string): Promise<KeypostError> => {
  const result = await send(url);
  if (result.ok) throw new Error(`${url} was accepted`);
  return result.error;
};
const check = async (url: string) => {
  const checked = (await core.call<CredentialCheck>('checkCredential', { request: jsonDocument({ url }), timeoutMs: 5_000 })) as Result<CredentialCheck>;
  if (!checked.ok) throw new Error(checked.error.message);
  return checked.value;
};
const chooseCaFile = async (file: string | null) => {
  chosen = file;
  return core.call<RendererSettings | null>('chooseCaFile');
};

describe('the trusted certificates', () => {
  // In a Node of its own without NODE_EXTRA_CA_CERTS (a machine may point it at the system bundle, which would hide the
  // OS store's part): installing a root in the OS store is beyond a test, so the set is compared with what Node reads there.
  it('hold the OS trust store beside Node’s bundled roots', () => {
    const { NODE_EXTRA_CA_CERTS: _hidden, ...env } = process.env;
    const root = path.resolve(import.meta.dirname, '../..');
    const run = spawnSync(path.join(root, 'node_modules/.bin/node'), [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'tests/fixtures/trustedSetReport.ts')], { env, encoding: 'utf8' });
    const report = JSON.parse(run.stdout || run.stderr) as Record<string, number>;
    expect(report.extra).toBe(0);
    // This machine's store must hold something the bundled roots do not, or the test would prove nothing about it.
    expect(report.union).toBeGreaterThan(report.bundled!);
    expect(report).toMatchObject({ missing: 0, trusted: report.union });
  });
});

describe('a server whose certificate a company CA issued', () => {
  it('is refused naming the unknown issuer, then accepted once the CA file is chosen in Settings, and refused again once removed', async () => {
    const before = await refusal(`${good.url}/`);
    expect(before).toMatchObject({ code: 'TLS_ERROR', message: `The certificate of ${new URL(good.url).host} ("Keypost Test Server") is issued by "Keypost Test Root CA", an authority Keypost does not trust.` });
    expect(before.hint).toContain('Settings (Extra CA certificates)');
    // The Check action says the same words.
    expect(await check(`${good.url}/`)).toMatchObject({ verdict: 'tls', message: expect.stringContaining(before.message) });
    expect(good.requests).toBe(0);

    const saved = await chooseCaFile(pki.caFile);
    expect(saved.ok && saved.value?.caFile).toBe(pki.caFile);
    const after = await send(`${good.url}/`);
    expect(after.ok && after.value.status).toBe(200);
    expect(good.requests).toBe(1);
    expect(await check(`${good.url}/`)).toMatchObject({ verdict: 'accepted', status: 200 });

    expect((await core.call<RendererSettings>('updateSettings', { caFile: null })).ok).toBe(true);
    expect((await refusal(`${good.url}/`)).message).toContain('an authority Keypost does not trust');
  });

  it('refuses, in words, a CA file that is not PEM, one that does not exist, and a damaged certificate, keeping the setting as it was', async () => {
    expect((await chooseCaFile(pki.caFile)).ok).toBe(true);
    const notPem = path.join(pki.dir, 'not-pem.txt');
    writeFileSync(notPem, 'this is a note, not a certificate\n');
    const damaged = path.join(pki.dir, 'damaged.pem');
    writeFileSync(damaged, '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n');
    const refusals = await Promise.all([notPem, path.join(pki.dir, 'missing.pem'), damaged].map(async (file) => (await chooseCaFile(file)) as Result<unknown>));
    expect(refusals.map((result) => !result.ok && result.error.message)).toEqual([
      `${notPem} holds no PEM certificate (a block that begins "-----BEGIN CERTIFICATE-----").`,
      `The CA file ${path.join(pki.dir, 'missing.pem')} could not be read: it does not exist.`,
      `Certificate 1 of 1 in ${damaged} is damaged: it is not a valid X.509 certificate.`,
    ]);
    expect(core.settings.get().caFile).toBe(pki.caFile);
    expect((await send(`${good.url}/`)).ok).toBe(true);
    // Cancelling the dialog changes nothing either.
    expect(await chooseCaFile(null)).toEqual({ ok: true, value: null });
    expect(core.settings.get().caFile).toBe(pki.caFile);
  });

  it('says an expired certificate expired, and when', async () => {
    expect((await chooseCaFile(pki.caFile)).ok).toBe(true);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const error = await refusal(`${expired.url}/`);
    expect([`${yesterday}.`, `${today}.`]).toContain(error.message.split(' expired on ')[1]);
    expect(error.message).toContain(`The certificate of ${new URL(expired.url).host} ("Keypost Expired Server") expired on `);
  });

  it('says a certificate valid only from tomorrow is not valid yet, and from when', async () => {
    expect((await chooseCaFile(pki.caFile)).ok).toBe(true);
    const error = await refusal(`${notYetValid.url}/`);
    expect(error).toMatchObject({
      code: 'TLS_ERROR',
      message: `The certificate of ${new URL(notYetValid.url).host} ("Keypost Future Server") is not valid yet: it is valid from ${pki.notYetValidFrom}.`,
      hint: "Check this computer's date and time.",
    });
    expect(notYetValid.requests).toBe(0);
  });

  it('says a certificate for another host names that host, and the names it holds', async () => {
    expect((await chooseCaFile(pki.caFile)).ok).toBe(true);
    expect((await refusal(`${wrongHost.url}/`)).message).toBe(`The certificate of ${new URL(wrongHost.url).host} is not for 127.0.0.1: it names elsewhere.test.`);
  });

  it('says a self-signed certificate is self-signed, and offers the per-request opt-in', async () => {
    const error = await refusal(`${selfSigned.url}/`);
    expect(error.message).toBe(`${new URL(selfSigned.url).host} presented a self-signed certificate ("Keypost Self-Signed Dev"): no authority Keypost trusts vouches for it.`);
    expect(error.hint).toContain('"Accept self-signed certificates"');
  });
});

describe('a server behind a proxy', () => {
  it('is checked against the same trusted set: refused, then accepted through the proxy once the CA file is chosen', async () => {
    const proxy = await startProxy();
    try {
      expect((await core.call('updateSettings', { proxy: { mode: 'manual', url: proxy.url, bypass: '' }, caFile: null })).ok).toBe(true);
      expect((await refusal(`${good.url}/`)).message).toContain('an authority Keypost does not trust');
      expect((await chooseCaFile(pki.caFile)).ok).toBe(true);
      const sent = await send(`${good.url}/`);
      expect(sent.ok && sent.value).toMatchObject({ status: 200, proxy: expect.stringContaining(new URL(proxy.url).host) });
      expect(proxy.connects.map((connect) => connect.target)).toContain(new URL(good.url).host);
    } finally {
      await core.call('updateSettings', { proxy: defaultProxySetting(), caFile: null });
      await proxy.close();
    }
  });
});

describe('an OAuth 2.0 token endpoint whose certificate a company CA issued', () => {
  it('is refused in the same words, and reached once the CA file is chosen', async () => {
    const endpoint = await startCertificateServer(pki.good, JSON.stringify({ access_token: 'at-company-ca', token_type: 'Bearer', expires_in: 60 }));
    try {
      const client = { config: { flow: 'clientCredentials' as const, tokenUrl: `${endpoint.url}/token`, clientId: 'machine', clientAuth: 'basic' as const }, clientSecret: new Secret('s3cret') };
      expect((await core.call<RendererSettings>('updateSettings', { caFile: null })).ok).toBe(true);
      const refused = await requestClientCredentials(client);
      expect(refused.ok || refused.error.message).toBe(
        `Could not get a token. The certificate of ${new URL(endpoint.url).host} ("Keypost Test Server") is issued by "Keypost Test Root CA", an authority Keypost does not trust.`,
      );
      expect((await chooseCaFile(pki.caFile)).ok).toBe(true);
      const issued = await requestClientCredentials(client);
      expect(issued.ok && issued.value.accessToken.reveal()).toBe('at-company-ca');
    } finally {
      await endpoint.close();
    }
  });
});
