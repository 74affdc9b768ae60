// `keypost run` (the built command, as a subprocess) against a TLS server that demands a client certificate: refused in
// the app's words without one, accepted with --cert/--key and with --cert-type P12 (its passphrase from
// KEYPOST_CERT_PASSPHRASE), --cert-host keeping it from other hosts, and a certificate that cannot serve stopping the run.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDocument } from '../../shared/request';
import { makeClientPki, startMutualTlsServer, type ClientPki, type MutualTlsServer } from '../fixtures/clientCertificatePki';
import { keypostRun, requestFolder } from '../fixtures/keypostRun';
import { makeTestPki, type TestPki } from '../fixtures/testCertificates';

let pki: TestPki;
let client: ClientPki;
let demanding: MutualTlsServer;
let asking: MutualTlsServer;
let folder: string;

const get = (url: string): RequestDocument => ({ method: 'GET', url, query: [], headers: [], body: { kind: 'none' }, auth: { kind: 'none' }, options: {} });
const hostOf = (server: { url: string }) => new URL(server.url).host;

beforeAll(async () => {
  pki = makeTestPki();
  client = makeClientPki(pki);
  [demanding, asking] = await Promise.all([startMutualTlsServer(pki), startMutualTlsServer(pki, { demand: false })]);
  folder = requestFolder({ '1-mutual.request.yaml': { name: 'Mutual', request: get(`${demanding.url}/`) }, '2-asking.request.yaml': { name: 'Asking', request: get(`${asking.url}/`) } });
});
afterAll(async () => {
  await Promise.all([demanding.close(), asking.close()]);
  rmSync(folder, { recursive: true, force: true });
});

describe('keypost run and client certificates', () => {
  it('says a server demands a client certificate, and presents one given with --cert and --key to every host', async () => {
    const refused = await keypostRun([folder, '--ca-file', pki.caFile]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`${hostOf(demanding)} asks for a client certificate (mutual TLS), and none is set up for 127.0.0.1.`);
    const accepted = await keypostRun([folder, '--ca-file', pki.caFile, '--cert', client.cert, '--key', client.key]);
    expect(accepted.code).toBe(0);
    expect(demanding.clients).toEqual(['Keypost Test Client']);
    expect(asking.clients.at(-1)).toBe('Keypost Test Client');
  });

  it('presents it only to hosts --cert-host matches, and reads a PKCS#12 passphrase from KEYPOST_CERT_PASSPHRASE', async () => {
    const before = asking.clients.length;
    const run = await keypostRun([folder, '--ca-file', pki.caFile, '--cert', client.p12, '--cert-type', 'P12', '--cert-host', hostOf(demanding)], { KEYPOST_CERT_PASSPHRASE: client.p12Passphrase });
    expect(run.code).toBe(0);
    expect(demanding.clients.at(-1)).toBe('Keypost Test Client');
    expect(asking.clients.slice(before)).toEqual(['']);
  });

  it('stops with exit 2 and words, sending nothing, for a wrong passphrase, a key of another certificate or a missing --key', async () => {
    const sent = demanding.clients.length;
    const wrong = await keypostRun([folder, '--cert', client.p12, '--cert-type', 'P12'], { KEYPOST_CERT_PASSPHRASE: 'not-it' });
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringContaining(`--cert: The passphrase does not open the PKCS#12 file ${client.p12}. Set KEYPOST_CERT_PASSPHRASE to it.`) });
    const mismatched = await keypostRun([folder, '--cert', client.cert, '--key', client.otherKey]);
    expect(mismatched).toMatchObject({ code: 2, stderr: expect.stringContaining(`--cert: The key ${client.otherKey} does not belong to the certificate ${client.cert}.`) });
    const noKey = await keypostRun([folder, '--cert', client.cert]);
    expect(noKey).toMatchObject({ code: 2, stderr: expect.stringContaining('--cert with a PEM certificate needs its key') });
    expect(demanding.clients.length).toBe(sent);
  });
});
