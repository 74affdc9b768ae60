// `keypost run <folder>` (the built command, as a subprocess) trusts the CA file the collection's keypost.collection.yaml
// names, beside --ca-file, against a TLS server whose certificate a test CA issued; a damaged file is exit 2 in words.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDocument } from '../../shared/request';
import { keypostRun, requestFolder } from '../fixtures/keypostRun';
import { makeTestPki, startCertificateServer, type CertificateServer, type TestPki } from '../fixtures/testCertificates';

let pki: TestPki;
let server: CertificateServer;
let folder: string;

const get = (url: string): RequestDocument => ({ method: 'GET', url, query: [], headers: [], body: { kind: 'none' }, auth: { kind: 'none' }, options: {} });
const writeCollectionFile = (text: string) => writeFileSync(path.join(folder, 'keypost.collection.yaml'), text);

beforeAll(async () => {
  pki = makeTestPki();
  server = await startCertificateServer(pki.good);
  folder = requestFolder({ 'secure.request.yaml': { name: 'Secure', request: get(`${server.url}/`) } });
  mkdirSync(path.join(folder, 'certs'));
  copyFileSync(pki.caFile, path.join(folder, 'certs', 'company-root.pem'));
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('keypost run and the collection’s CA file', () => {
  it('trusts the CA file keypost.collection.yaml names, and without it refuses the certificate', async () => {
    writeCollectionFile('keypost: 1\nnetwork:\n  caFile: certs/company-root.pem\n');
    const trusted = await keypostRun([folder]);
    expect(trusted.stdout).toMatch(/^✓ GET Secure {2}200 OK/m);
    expect(trusted.code).toBe(0);

    writeCollectionFile('keypost: 1\n');
    const refused = await keypostRun([folder]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('an authority Keypost does not trust');
    expect(server.requests).toBe(1);
  });

  it('stops with exit 2 and words when keypost.collection.yaml is damaged or leads out of the folder, sending nothing', async () => {
    writeCollectionFile('keypost: 1\nnetwork:\n  caFile: ../company-root.pem\n');
    const outside = await keypostRun([folder]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain(`Not sent: the collection “${path.basename(folder)}” has a keypost.collection.yaml that cannot serve. The CA file “../company-root.pem” in keypost.collection.yaml is outside the collection folder.`);

    writeCollectionFile('keypost: 1\nnetwork: [\n');
    const damaged = await keypostRun([folder]);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toContain('keypost.collection.yaml cannot be used: It is not valid YAML');
    expect(server.requests).toBe(1);
  });
});
