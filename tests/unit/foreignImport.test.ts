// The import flow on the real core (createCore): a file main's dialog picks or an address main fetches from a local
// server, a preview that holds no secret, then requests, the document, an environment and credentials written into
// a collection, nothing the user had lost or overwritten; and an imported operation's body schema for the editor.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeypostEvents } from '../../shared/api';
import { type CollectionInfo, DEFAULT_COLLECTION } from '../../shared/collections';
import type { CredentialInfo } from '../../shared/credentials';
import type { EnvironmentsState } from '../../shared/environments';
import type { Result } from '../../shared/errors';
import type { ForeignImportOutcome, ForeignPreview } from '../../shared/foreignImport';
import type { PresetSummary } from '../../shared/presets';
import type { RequestDocument } from '../../shared/request';
import { collectionDir, testCore } from '../fixtures/presetStore';
import { forgetKeychain } from '../fixtures/keychain';
import { textsUnder } from '../fixtures/collectionFiles';
import { galaxyText, syntheticDocument } from '../fixtures/openApiDocuments';
import { startTestServer } from '../fixtures/testServer';

const services: string[] = [];
afterAll(async () => {
  for (const service of services) await forgetKeychain(service);
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A fresh core whose import dialog picks whatever file `choose.file` names. */
function core() {
  const dir = mkdtempSync(path.join(tmpdir(), 'keypost-foreign-'));
  const service = `Keypost-unit-foreign-${process.pid}-${services.length}`;
  services.push(service);
  const choose: { file: string | null } = { file: null };
  const progress: Array<KeypostEvents['importProgress']> = [];
  const app = testCore({
    dir,
    keychainService: service,
    host: {
      emit: (event, payload) => {
        if (event === 'importProgress') progress.push(payload as KeypostEvents['importProgress']);
      },
      transferFiles: { chooseExportPath: async () => null, chooseImportPath: async () => null, chooseForeignFile: async () => choose.file },
    },
  });
  const put = (name: string, text: string) => {
    const file = path.join(dir, 'chosen', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    choose.file = file;
  };
  return { ...app, dir, choose, put, progress };
}

describe('importing a file', () => {
  it('previews, then writes requests in tag folders, the document, an environment and the OAuth settings', async () => {
    const { call, put, dir } = core();
    put('galaxy.yaml', galaxyText());
    const preview = value(await call<ForeignPreview>('readForeignFile'));
    expect(preview).toMatchObject({ kind: 'openapi', title: 'Scalar Galaxy', source: 'galaxy.yaml', requestCount: 10, variables: ['baseUrl', 'planetId'] });
    expect(preview.folders).toEqual([
      { folder: 'Authentication', count: 3 },
      { folder: 'Celestial Bodies', count: 1 },
      { folder: 'Planets', count: 6 },
    ]);
    expect(preview.credentials.find((each) => each.name === 'Scalar Galaxy oAuth2')).toEqual({ name: 'Scalar Galaxy oAuth2', source: 'security scheme “oAuth2” (OAuth 2.0)', kind: 'oauth' });

    const outcome = value(await call<ForeignImportOutcome>('importForeign', preview.id, DEFAULT_COLLECTION));
    expect(outcome).toMatchObject({ folder: 'Scalar Galaxy', requests: 10, environment: 'Scalar Galaxy', credentialsAdded: ['Scalar Galaxy oAuth2'] });
    const listed = value(await call<PresetSummary[]>('listPresets'));
    const planet = listed.find((summary) => summary.name === 'Create a planet')!;
    expect(planet).toMatchObject({ folder: 'Scalar Galaxy/Planets', method: 'POST', url: '{{baseUrl}}/planets', credential: 'Scalar Galaxy bearerAuth' });
    expect(JSON.parse(readFileSync(path.join(collectionDir(dir), 'Scalar Galaxy', 'openapi.schemas.json'), 'utf8')).paths['/planets'].post).toHaveProperty('requestBody');

    const environments = value(await call<EnvironmentsState>('listEnvironments'));
    expect(environments.environments.find((each) => each.name === 'Scalar Galaxy')!.variables[0]).toMatchObject({ name: 'baseUrl', value: 'https://galaxy.scalar.com' });
    const credentials = value(await call<CredentialInfo[]>('listCredentials'));
    expect(credentials.find((each) => each.name === 'Scalar Galaxy oAuth2')!.oauth!.config).toMatchObject({ flow: 'authorizationCode', tokenUrl: 'https://galaxy.scalar.com/oauth/token' });

    // The editor's schema: the operation's request body, self-contained.
    const schema = value(await call<Record<string, unknown>>('bodySchema', planet.id));
    expect(JSON.stringify(schema)).toContain('"habitabilityIndex"');
    expect(value(await call('bodySchema', listed.find((summary) => summary.name === 'Get all planets')!.id))).toBeNull();
    // Imported once: the same id is not waiting any more.
    expect((await call('importForeign', preview.id, DEFAULT_COLLECTION)).ok).toBe(false);
  });

  it('keeps what the collection and the keychain had: a taken folder name, an OAuth credential set up already', async () => {
    const { call, put, dir } = core();
    value(await call('createFolder', DEFAULT_COLLECTION, 'Scalar Galaxy'));
    value(await call('createPreset', { name: 'Mine', request: { method: 'GET', url: 'https://mine.example', query: [], headers: [], body: { kind: 'none' }, auth: { kind: 'none' }, options: {} } }, { collection: DEFAULT_COLLECTION, folder: 'Scalar Galaxy' }));
    const mine = { flow: 'clientCredentials', tokenUrl: 'https://mine.example/token', clientId: 'my-client', clientAuth: 'basic' };
    value(await call('saveOAuthCredential', 'Scalar Galaxy oAuth2', mine, {}));
    put('galaxy.yaml', galaxyText());
    const preview = value(await call<ForeignPreview>('readForeignFile'));
    const outcome = value(await call<ForeignImportOutcome>('importForeign', preview.id, DEFAULT_COLLECTION));
    expect(outcome.folder).toBe('Scalar Galaxy (2)');
    expect(outcome.credentialsKept).toContain('Scalar Galaxy oAuth2');
    const listed = value(await call<PresetSummary[]>('listPresets'));
    expect(listed.find((summary) => summary.name === 'Mine')!.folder).toBe('Scalar Galaxy');
    const credentials = value(await call<CredentialInfo[]>('listCredentials'));
    expect(credentials.find((each) => each.name === 'Scalar Galaxy oAuth2')!.oauth!.config).toEqual(mine);
    expect(existsSync(path.join(collectionDir(dir), 'Scalar Galaxy', 'Mine.request.yaml'))).toBe(true);
  });

  it('leaves an example value that looks like a secret out of every file, and says so', async () => {
    const { call, put, dir } = core();
    const token = `ghp_${'A1b2C3d4E5'.repeat(3)}123456`;
    put(
      'tokens.json',
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'Tokens', version: '1' },
        servers: [{ url: 'https://tokens.example' }],
        paths: { '/me': { get: { summary: 'Who am I', parameters: [{ name: 'X-GitHub-Token', in: 'header', required: true, example: token }], responses: { 200: { description: 'ok' } } } } },
      }),
    );
    const preview = value(await call<ForeignPreview>('readForeignFile'));
    const outcome = value(await call<ForeignImportOutcome>('importForeign', preview.id, DEFAULT_COLLECTION));
    expect(outcome.problems.join('\n')).toMatch(/“Who am I”: its example values looked like secrets .*GitHub token/);
    expect(Object.values(textsUnder(collectionDir(dir))).join('\n')).not.toContain(token);
    expect(Object.values(textsUnder(collectionDir(dir))).join('\n')).toContain('X-GitHub-Token');
    // Untagged: at the top of the import's folder, no folder of its own.
    expect(value(await call<PresetSummary[]>('listPresets')).find((summary) => summary.name === 'Who am I')!.folder).toBe('Tokens');
    expect(value(await call<CollectionInfo[]>('listCollections'))[0]!.folders).toEqual(['Tokens']);
  });

  it('writes 5,000 operations into their folders, telling the page how far it got', async () => {
    const { call, put, progress } = core();
    put('big.json', JSON.stringify(syntheticDocument(5_000)));
    const preview = value(await call<ForeignPreview>('readForeignFile'));
    expect(preview.requestCount).toBe(5_000);
    const outcome = value(await call<ForeignImportOutcome>('importForeign', preview.id, DEFAULT_COLLECTION));
    expect(outcome.requests).toBe(5_000);
    expect(value(await call<PresetSummary[]>('listPresets')).filter((summary) => summary.folder.startsWith('Synthetic/'))).toHaveLength(5_000);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toEqual({ id: preview.id, done: 5_000, total: 5_000 });
  }, 120_000);

  it('says a chosen file is too large or unreadable, and does nothing when the dialog is cancelled', async () => {
    const { call, choose } = core();
    expect(value(await call('readForeignFile'))).toBeNull();
    choose.file = path.join(tmpdir(), 'keypost-no-such-file.yaml');
    const missing = await call('readForeignFile');
    expect(!missing.ok && missing.error.message).toBe('keypost-no-such-file.yaml could not be read.');
    // A sparse file: 51 MB on paper, nothing on disk.
    const huge = path.join(mkdtempSync(path.join(tmpdir(), 'keypost-huge-')), 'huge.json');
    writeFileSync(huge, '{');
    truncateSync(huge, 51 * 1024 * 1024);
    choose.file = huge;
    const tooLarge = await call('readForeignFile');
    expect(!tooLarge.ok && tooLarge.error.message).toBe('huge.json is larger than 50 MB, more than Keypost imports.');
  });
});

describe('importing a Postman collection', () => {
  it('writes its folders and requests, keeps its token only in the keychain, lists its script, and sends with the token', async () => {
    const server = await startTestServer();
    try {
      const { call, put, dir } = core();
      const token = `pm-token-${'x9'.repeat(12)}`;
      put(
        'shop.postman_collection.json',
        JSON.stringify({
          info: { name: 'Shop API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
          auth: { type: 'bearer', bearer: [{ key: 'token', value: token, type: 'string' }] },
          variable: [{ key: 'base', value: server.url }],
          item: [
            {
              name: 'Orders',
              item: [
                {
                  name: 'List orders',
                  event: [{ listen: 'test', script: { exec: ['pm.test("ok", () => pm.response.to.have.status(200));'] } }],
                  request: { method: 'GET', url: { raw: '{{base}}/echo?page=1', host: ['{{base}}'], path: ['echo'], query: [{ key: 'page', value: '1' }] } },
                },
              ],
            },
          ],
        }),
      );
      const preview = value(await call<ForeignPreview>('readForeignFile'));
      expect(preview).toMatchObject({ kind: 'postman', title: 'Shop API', requestCount: 1, folders: [{ folder: 'Orders', count: 1 }], variables: ['base'] });
      expect(preview.notMapped.join('\n')).toContain('The test script of “List orders” in Orders');
      expect(JSON.stringify(preview)).not.toContain(token);

      const outcome = value(await call<ForeignImportOutcome>('importForeign', preview.id, DEFAULT_COLLECTION));
      expect(outcome).toMatchObject({ folder: 'Shop API', requests: 1, environment: 'Shop API' });
      const [credential] = outcome.credentialsAdded;
      expect(value(await call<CredentialInfo[]>('listCredentials')).find((each) => each.name === credential)).toMatchObject({ stored: true });
      // Nowhere in the data folder (but the chosen file): not in the request file, the environment, or any store.
      const written = Object.entries(textsUnder(dir)).filter(([file]) => !file.startsWith('chosen/'));
      expect(written.map(([file]) => file)).toContain('collection/Shop API/Orders/List orders.request.yaml');
      expect(written.map(([, text]) => text).join('\n')).not.toContain(token);

      const environments = value(await call<EnvironmentsState>('listEnvironments'));
      value(await call('setActiveEnvironment', environments.environments.find((each) => each.name === 'Shop API')!.id));
      const listed = value(await call<PresetSummary[]>('listPresets')).find((summary) => summary.name === 'List orders')!;
      expect(listed).toMatchObject({ folder: 'Shop API/Orders', url: '{{base}}/echo?page=1', credential });
      const preset = value(await call<{ request: RequestDocument }>('getPreset', listed.id));
      value(await call('send', { requestId: 'postman-1', request: preset.request, timeoutMs: 5_000 }));
      expect(server.received.at(-1)).toMatchObject({ url: '/echo?page=1', headers: { authorization: `Bearer ${token}` } });
    } finally {
      await server.close();
    }
  });
});

describe('importing from an address', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/galaxy.yaml') return response.writeHead(200, { 'content-type': 'application/yaml' }).end(galaxyText());
      if (request.url === '/moved') return response.writeHead(301, { location: '/galaxy.yaml' }).end();
      if (request.url === '/huge.json') return response.writeHead(200, { 'content-length': String(60 * 1024 * 1024) }).end();
      if (request.url === '/docs') return response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>API docs</body></html>');
      if (request.url === '/relative.json') {
        return response.writeHead(200).end(JSON.stringify({ openapi: '3.1.0', info: { title: 'Relative', version: '1' }, servers: [{ url: '/api/v3' }], paths: { '/pets': { get: { responses: { 200: { description: 'ok' } } } } } }));
      }
      response.writeHead(404).end('Not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches a document (through a redirect) and previews it, a relative server read against its address', async () => {
    const { call } = core();
    const preview = value(await call<ForeignPreview>('readForeignUrl', `${base}/moved`));
    expect(preview).toMatchObject({ title: 'Scalar Galaxy', source: `${base}/galaxy.yaml`, requestCount: 10 });
    const relative = value(await call<ForeignPreview>('readForeignUrl', `${base}/relative.json`));
    const outcome = value(await call<ForeignImportOutcome>('importForeign', relative.id, DEFAULT_COLLECTION));
    const environments = value(await call<EnvironmentsState>('listEnvironments'));
    expect(environments.environments.find((each) => each.name === outcome.environment)!.variables[0]!.value).toBe(`${base}/api/v3`);
  });

  it('says why an address gave no document: not found, too large, a web page, refused, no such host, not http', async () => {
    const { call } = core();
    const message = async (url: string) => {
      const result = await call('readForeignUrl', url);
      return result.ok ? 'imported' : result.error.message;
    };
    expect(await message(`${base}/missing.json`)).toBe(`${base}/missing.json answered 404 (not found): there is no document to import there.`);
    expect(await message(`${base}/huge.json`)).toBe(`The document at ${base}/huge.json is larger than 50 MB, more than Keypost imports.`);
    expect(await message(`${base}/docs`)).toBe('docs cannot be imported: it is a web page (HTML), not an API description.');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await message(`http://127.0.0.1:${port}/openapi.json`)).toBe(`http://127.0.0.1:${port}/openapi.json could not be fetched: the server refused the connection.`);
    expect(await message('http://no-such-host.invalid/openapi.json')).toMatch(/^http:\/\/no-such-host\.invalid\/openapi\.json could not be fetched: its host name could not be (found|looked up) \(DNS\)\.$/);
    expect(await message('file:///etc/passwd')).toBe('“file:///etc/passwd” is not a web address Keypost can fetch.');
  });
});
