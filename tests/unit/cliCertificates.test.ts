// `keypost run` (the built command, as a subprocess) against a TLS server whose certificate a test CA issued: refused
// in the app's words, accepted with --ca-file as with NODE_EXTRA_CA_CERTS, and a --ca-file that is not PEM stops the run.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDocument } from '../../shared/request';
import { keypostRun, requestFolder } from '../fixtures/keypostRun';
import { makeTestPki, startCertificateServer, type CertificateServer, type TestPki } from '../fixtures/testCertificates';

let pki: TestPki;
let server: CertificateServer;
let folder: string;

const get = (url: string): RequestDocument => ({ method: 'GET', url, query: [], headers: [], body: { kind: 'none' }, auth: { kind: 'none' }, options: {} });

beforeAll(async () => {
  pki = makeTestPki();
  server = await startCertificateServer(pki.good);
  folder = requestFolder({ 'secure.request.yaml': { name: 'Secure', request: get(`${server.url}/`) } });
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('keypost run and certificates', () => {
  it('refuses a certificate from an unknown CA in words, and trusts it with --ca-file or NODE_EXTRA_CA_CERTS', async () => {
    const refused = await keypostRun([folder]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`The certificate of ${new URL(server.url).host} ("Keypost Test Server") is issued by "Keypost Test Root CA", an authority Keypost does not trust.`);
    expect(server.requests).toBe(0);

    const withFile = await keypostRun([folder, '--ca-file', pki.caFile]);
    expect(withFile.stdout).toMatch(/^✓ GET Secure {2}200 OK/m);
    expect(withFile.code).toBe(0);

    const withEnvironment = await keypostRun([folder], { NODE_EXTRA_CA_CERTS: pki.caFile });
    expect(withEnvironment.stdout).toMatch(/^✓ GET Secure {2}200 OK/m);
    expect(server.requests).toBe(2);
  });

  it('stops with exit 2 and words when --ca-file is not a PEM file, sending nothing', async () => {
    const notPem = path.join(pki.dir, 'notes.txt');
    writeFileSync(notPem, 'not a certificate');
    const before = server.requests;
    const run = await keypostRun([folder, '--ca-file', notPem]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--ca-file: ${notPem} holds no PEM certificate`);
    expect(server.requests).toBe(before);
  });
});
