// A CA file per collection, against real TLS servers on 127.0.0.1 whose certificates a test CA issued: trusted for the
// requests of the collection whose keypost.collection.yaml names it, never for another's; a path out of the folder or
// a damaged file is listed among the collection's problems and stops its sends in words; a change on disk counts.
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionInfo } from '../../shared/collections';
import type { CollectionCaFile } from '../../shared/collectionSettings';
import type { KeypostError } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import { forgetKeychain } from '../fixtures/keychain';
import { testCore } from '../fixtures/presetStore';
import { jsonDocument } from '../fixtures/sendJson';
import { makeTestPki, startCertificateServer, type CertificateServer, type TestPki } from '../fixtures/testCertificates';

let pki: TestPki;
let otherPki: TestPki;
let server: CertificateServer;
let a: CollectionInfo;
let b: CollectionInfo;
const folders = mkdtempSync(path.join(tmpdir(), 'keypost-collection-ca-'));
const rootA = path.join(folders, 'team-api');
const rootB = path.join(folders, 'other-api');
/** What the stand-ins for main's folder and file dialogs pick next. */
let folder = '';
let chosenFile: string | null = null;
const service = `Keypost-unit-collection-ca-${process.pid}`;
const core = testCore({ keychainService: service, host: { chooseFolder: async () => folder, chooseCaFile: async () => chosenFile } });

const open = async (root: string) => {
  folder = root;
  const opened = await core.call<CollectionInfo>('openCollection');
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
};
const writeCollectionFile = (text: string) => writeFileSync(path.join(rootA, 'keypost.collection.yaml'), text);
const send = (collectionId: string) =>
  core.call<SendResult>('send', { requestId: `ca-${Math.random()}`, request: jsonDocument({ url: `${server.url}/`, credential: null }), timeoutMs: 5_000, collectionId });
const refusal = async (collectionId: string): Promise<KeypostError> => {
  const result = await send(collectionId);
  if (result.ok) throw new Error(`The send as ${collectionId} was accepted`);
  return result.error;
};
const problemsOfA = async () => {
  const listed = await core.call<CollectionInfo[]>('listCollections');
  return listed.ok ? listed.value.find((each) => each.id === a.id)!.unread : [];
};

beforeAll(async () => {
  pki = makeTestPki();
  otherPki = makeTestPki();
  server = await startCertificateServer(pki.good);
  for (const root of [rootA, rootB]) mkdirSync(root);
  mkdirSync(path.join(rootA, 'certs'));
  copyFileSync(pki.caFile, path.join(rootA, 'certs', 'company-root.pem'));
  copyFileSync(otherPki.caFile, path.join(rootA, 'certs', 'another-root.pem'));
  a = await open(rootA);
  b = await open(rootB);
});
afterAll(async () => {
  await server.close();
  await core.close();
  await forgetKeychain(service);
});

describe('a CA file named in a collection’s keypost.collection.yaml', () => {
  it('is trusted for that collection’s requests only', async () => {
    writeCollectionFile('keypost: 1\nnetwork:\n  caFile: certs/company-root.pem\n');
    const accepted = await send(a.id);
    expect(accepted).toMatchObject({ ok: true, value: { status: 200 } });
    const refused = await refusal(b.id);
    expect(refused).toMatchObject({ code: 'TLS_ERROR', message: expect.stringContaining('is issued by "Keypost Test Root CA", an authority Keypost does not trust') });
    // The default collection (a send with no collection) does not trust it either.
    expect(await refusal('default')).toMatchObject({ code: 'TLS_ERROR' });
    expect(await problemsOfA()).toEqual([]);
  });

  it('is named in the certificate error’s hint when it does not hold the issuer', async () => {
    writeCollectionFile('keypost: 1\nnetwork:\n  caFile: certs/another-root.pem\n');
    const refused = await refusal(a.id);
    expect(refused.hint).toContain(`The collection's CA file (certs/another-root.pem, named in ${path.join(rootA, 'keypost.collection.yaml')}) does not hold it`);
  });

  it('takes effect when the file changes on disk, as after a git pull', async () => {
    writeCollectionFile('keypost: 1\nnetwork:\n  caFile: certs/company-root.pem\n');
    expect(await send(a.id)).toMatchObject({ ok: true });
    writeCollectionFile('keypost: 1\n');
    expect(await refusal(a.id)).toMatchObject({ code: 'TLS_ERROR' });
    writeCollectionFile('keypost: 1\nnetwork:\n  caFile: certs/company-root.pem\n');
    expect(await send(a.id)).toMatchObject({ ok: true });
  });

  it('may not lead out of the collection folder: listed, and the collection’s sends fail naming the file', async () => {
    const outside = path.join(folders, 'outside.pem');
    copyFileSync(pki.caFile, outside);
    symlinkSync(outside, path.join(rootA, 'certs', 'linked.pem'));
    const reached = server.requests;
    for (const caFile of ['../outside.pem', outside, 'certs/linked.pem']) {
      writeCollectionFile(`keypost: 1\nnetwork:\n  caFile: ${caFile}\n`);
      const refused = await refusal(a.id);
      expect(refused.message).toBe(`Not sent: the collection “team-api” has a keypost.collection.yaml that cannot serve. The CA file “${caFile}” in keypost.collection.yaml is outside the collection folder.`);
      expect(refused.hint).toContain('Copy it into the collection folder so your team gets it too');
      expect(await problemsOfA()).toEqual([{ file: 'keypost.collection.yaml', reason: expect.stringContaining(`The CA file “${caFile}” in keypost.collection.yaml is outside the collection folder.`) }]);
    }
    expect(server.requests).toBe(reached);
  });

  it('when damaged, missing or not PEM, is listed and stops the collection’s sends in words', async () => {
    const cases: Array<[string, string]> = [
      ['keypost: 1\nnetwork: [\n', 'keypost.collection.yaml cannot be used: It is not valid YAML (line 3).'],
      ['keypost: 1\nproxy: http://proxy.test\n', 'keypost.collection.yaml cannot be used: Its field “proxy” is not one Keypost knows.'],
      ['keypost: 1\nnetwork:\n  caFile: certs/gone.pem\n', 'keypost.collection.yaml names a CA file that cannot serve: The CA file certs/gone.pem could not be read: it does not exist.'],
      ['keypost: 1\nnetwork:\n  caFile: ../team-api/keypost.collection.yaml\n', 'keypost.collection.yaml names a CA file that cannot serve: ../team-api/keypost.collection.yaml holds no PEM certificate'],
    ];
    for (const [text, words] of cases) {
      writeCollectionFile(text);
      const refused = await refusal(a.id);
      expect(refused.message).toContain(words);
      expect(refused.message).toContain('the collection “team-api”');
      expect(await problemsOfA()).toEqual([{ file: 'keypost.collection.yaml', reason: expect.stringContaining(words) }]);
    }
    // Collection B is untouched by A's damaged file.
    expect(await refusal(b.id)).toMatchObject({ code: 'TLS_ERROR' });
  });
});

describe('the collection settings calls', () => {
  it('write keypost.collection.yaml with a path inside the folder, refuse one outside, and remove it', async () => {
    writeCollectionFile('keypost: 1\n');
    chosenFile = path.join(rootA, 'certs', 'company-root.pem');
    expect(await core.call<CollectionCaFile>('chooseCollectionCaFile', a.id)).toEqual({ ok: true, value: { caFile: 'certs/company-root.pem', problem: null } });
    expect(await send(a.id)).toMatchObject({ ok: true });
    chosenFile = pki.caFile;
    const refused = await core.call<CollectionCaFile>('chooseCollectionCaFile', a.id);
    expect(refused).toMatchObject({ ok: false, error: { message: `${pki.caFile} is outside the collection folder ${rootA}.`, hint: 'Copy it into the collection folder so your team gets it too.' } });
    expect(await core.call<CollectionCaFile>('getCollectionCaFile', a.id)).toEqual({ ok: true, value: { caFile: 'certs/company-root.pem', problem: null } });
    expect(await core.call<CollectionCaFile>('removeCollectionCaFile', a.id)).toEqual({ ok: true, value: { caFile: null, problem: null } });
    expect(await refusal(a.id)).toMatchObject({ code: 'TLS_ERROR' });
  });
});
