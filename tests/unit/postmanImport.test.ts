// Postman import: real exported collections and small hand-written ones become the requests, folders, variables and
// credentials a user then sees in Keypost; what cannot be mapped is listed in words, other files are refused in words,
// and no secret from the file is left in a request (only in credentials and secret variables, bound for the keychain).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSecrets } from '../../electron/core/collections/secretGuard';
import { convertPostman, isPostmanFile } from '../../electron/core/imports/postmanImport';
import { folderPathSchema } from '../../shared/collections';
import { credentialNameSchema } from '../../shared/credentials';
import { variableNameSchema } from '../../shared/variableName';
import type { ForeignCollection, ImportedRequest } from '../../shared/foreignImport';
import { presetDraftSchema } from '../../shared/presets';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/postman');
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));

// Made-up secrets in the formats the guard knows, built here so no file holds one whole.
const GITHUB_TOKEN = ['ghp', 'kpPostmanTest0123456789abcdefABCDEFG'].join('_');
const JWT = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJwb3N0bWFuLXRlc3QiLCJleHAiOjE5OTk5OTk5OTl9', 'kpPostmanSig0123456789abcdefABCDEF_-x'].join('.');
const GENERATED_KEY = ['kP9x', 'Qr7vL2mN8sT4wZ6yB3cD5fG1hJ'].join('');
const BASIC_PASSWORD = 'correct horse battery staple';

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const collection = (item: unknown[], extra: Record<string, unknown> = {}) => ({ info: { name: 'Shop API', schema: V21 }, item, ...extra });
const get = (name: string, url: unknown, extra: Record<string, unknown> = {}) => ({ name, request: { method: 'GET', header: [], url, ...extra } });
const post = (name: string, body: unknown, extra: Record<string, unknown> = {}) => ({ name, request: { method: 'POST', header: [], url: 'https://shop.test/items', body, ...extra } });
const bearerAuth = (token: string) => ({ type: 'bearer', bearer: [{ key: 'token', value: token, type: 'string' }] });
const basicAuth = (username: string, password: string) => ({ type: 'basic', basic: [{ key: 'username', value: username }, { key: 'password', value: password }] });

async function converted(json: unknown): Promise<ForeignCollection> {
  const result = await convertPostman(json, 'shop.postman_collection.json');
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  return result.value;
}

const requestNamed = (imported: ForeignCollection, name: string): ImportedRequest => {
  const found = imported.requests.find((request) => request.draft.name === name);
  if (!found) throw new Error(`no request “${name}” among ${imported.requests.map((request) => request.draft.name).join(', ')}`);
  return found;
};

/** What would be written: every draft valid, in a valid folder, passing the secret guard, holding none of `secrets`. */
async function expectWritable(imported: ForeignCollection, secrets: readonly string[] = []) {
  for (const { folder, draft } of imported.requests) {
    expect(presetDraftSchema.safeParse(draft).success).toBe(true);
    expect(folderPathSchema.safeParse(folder).success).toBe(true);
    expect(await findSecrets(draft.request), `secrets left in “${draft.name}”`).toEqual([]);
  }
  const written = JSON.stringify({ requests: imported.requests, variables: imported.variables.filter((variable) => !variable.secret), notMapped: imported.notMapped, credentials: imported.credentials.map(({ name, source }) => ({ name, source })) });
  for (const secret of secrets) expect(written).not.toContain(secret);
  for (const credential of imported.credentials) expect(credentialNameSchema.safeParse(credential.name).success).toBe(true);
  for (const variable of imported.variables) expect(variableNameSchema.safeParse(variable.name).success).toBe(true);
}

describe('a real exported Postman collection', () => {
  it('brings every request into its folder, in the file’s order, with method, URL and JSON body', async () => {
    const imported = await converted(fixture('folder-collection.postman_collection.json'));
    expect(imported.kind).toBe('postman');
    expect(imported.title).toBe('Folder Collection');
    expect(imported.requests.map(({ folder, draft }) => `${folder}|${draft.name}`)).toEqual([
      'Users/Admin|Get user roles',
      'Users|Create a user',
      'Users|Create a customer',
      'Posts/Admin|Get posts settings',
      'Posts|Create a post',
      'Folder 1/Folder 2/Folder 3/Folder 4/Folder 5|Request 4',
      'Folder 1/Folder 2/Folder 3|Request 3',
      'Folder 1/Folder 2|Request 2',
      'Folder 1|Request 1',
      '|Create a info',
    ]);
    const create = requestNamed(imported, 'Create a user').draft.request;
    expect(create).toMatchObject({ method: 'POST', url: 'https://api.io/users', query: [], headers: [], auth: { kind: 'none' } });
    expect(create.body.kind).toBe('json');
    expect(JSON.parse((create.body as { text: string }).text)).toEqual({ example: 'field', other: { data1: 'yes', data2: 'no' } });
    expect(imported.variables).toEqual([{ name: 'version', value: '2.3.0', secret: false }]);
    // Its binary-file body has no file: the request comes, its body is said not to.
    expect(requestNamed(imported, 'Create a post').draft.request.body).toEqual({ kind: 'none' });
    expect(imported.notMapped).toEqual(['The body of “Create a post” in Posts is a binary file, which Keypost does not send yet: send it as a multipart file part or paste its text.']);
    await expectWritable(imported);
  });

  it('maps the collection’s bearer auth to one credential holding its token, and Postman’s empty scripts to nothing', async () => {
    const imported = await converted(fixture('auth-bearer.postman_collection.json'));
    expect(imported.credentials).toEqual([{ name: 'AuthBearer', source: 'the collection’s bearer auth', secret: 'YUIHUILOIJOJOJ' }]);
    expect(imported.requests.map(({ draft }) => draft.request.auth)).toEqual([
      { kind: 'bearer', credential: 'AuthBearer' },
      { kind: 'bearer', credential: 'AuthBearer' },
    ]);
    const list = requestNamed(imported, 'Get list of users').draft.request;
    expect(list.url).toBe('https://api.io/users');
    expect(list.query).toEqual([
      { name: 'age', value: '45', enabled: true },
      { name: 'name', value: 'Jhon', enabled: true },
      { name: 'review', value: 'true', enabled: true },
      { name: 'number', value: '23.56', enabled: true },
    ]);
    expect(imported.notMapped).toEqual([]);
    await expectWritable(imported, ['YUIHUILOIJOJOJ']);
  });

  it('keeps headers as written and a disabled query parameter disabled', async () => {
    const imported = await converted(fixture('headers.postman_collection.json'));
    const list = requestNamed(imported, 'Get list of users').draft.request;
    expect(list.query).toEqual([
      { name: 'age', value: '45', enabled: false },
      { name: 'name', value: 'Jhon', enabled: true },
      { name: 'review', value: 'true', enabled: true },
    ]);
    expect(list.headers.map((header) => header.name)).toEqual(['X-My-Header', 'X-Other', 'No-description', 'No-value']);
    expect(list.headers[3]).toEqual({ name: 'No-value', value: '', enabled: true });
    await expectWritable(imported);
  });

  it('reads Postman’s own v2.0.0 sample (URLs as strings) and lists its test script', async () => {
    const imported = await converted(fixture('newman-sample.postman_collection.json'));
    expect(imported.title).toBe('Sample Postman Collection');
    expect(imported.requests.map(({ draft }) => `${draft.request.method} ${draft.request.url} ${draft.request.body.kind}`)).toEqual([
      'GET https://postman-echo.com/get none',
      'POST https://postman-echo.com/post text',
      'POST https://postman-echo.com/post json',
    ]);
    expect(imported.requests[0]!.draft.request.query).toEqual([{ name: 'source', value: 'newman-sample-github-collection', enabled: true }]);
    expect(imported.notMapped).toEqual([
      'The test script of “A simple GET request” was not imported: Keypost runs no scripts; declare its checks as assertions and captures in the request file instead.',
    ]);
    await expectWritable(imported);
  });
});

describe('auth and Postman’s inheritance', () => {
  const file = () =>
    collection(
      [
        get('Inherits the collection', 'https://shop.test/a'),
        {
          name: 'Admin',
          auth: basicAuth('admin', BASIC_PASSWORD),
          item: [
            get('Inherits the folder', 'https://shop.test/b'),
            get('Says inherit', 'https://shop.test/c', { auth: { type: 'inherit' } }),
            get('Own API key', 'https://shop.test/d', { auth: { type: 'apikey', apikey: [{ key: 'key', value: 'api_key' }, { key: 'value', value: GENERATED_KEY }, { key: 'in', value: 'query' }] } }),
            { name: 'Public', auth: { type: 'noauth' }, item: [get('Health', 'https://shop.test/health')] },
          ],
        },
        { name: 'Reports', auth: bearerAuth(GITHUB_TOKEN), item: [get('Same token', 'https://shop.test/e')] },
        get('No auth at all', 'https://shop.test/f', { auth: { type: 'noauth' } }),
        { name: 'Overridden', auth: bearerAuth('never-sent-token-0123'), item: [get('Own none', 'https://shop.test/i', { auth: { type: 'noauth' } })] },
        { name: 'Legacy', auth: { type: 'oauth2', oauth2: [{ key: 'accessTokenUrl', value: 'https://shop.test/token' }] }, item: [get('Signed', 'https://shop.test/g')] },
        get('Digest', 'https://shop.test/h', { auth: { type: 'digest', digest: [{ key: 'username', value: 'u' }] } }),
      ],
      { auth: bearerAuth(GITHUB_TOKEN) },
    );

  it('gives each request the auth it inherits, and one credential to each distinct secret that a request uses', async () => {
    const imported = await converted(file());
    const auth = Object.fromEntries(imported.requests.map(({ draft }) => [draft.name, draft.request.auth]));
    expect(auth).toEqual({
      'Inherits the collection': { kind: 'bearer', credential: 'Shop API' },
      'Inherits the folder': { kind: 'basic', credential: 'Shop API Admin', username: 'admin' },
      'Says inherit': { kind: 'basic', credential: 'Shop API Admin', username: 'admin' },
      'Own API key': { kind: 'apiKey', credential: 'Shop API Own API key', in: 'query', name: 'api_key' },
      Health: { kind: 'none' },
      'Same token': { kind: 'bearer', credential: 'Shop API' },
      'No auth at all': { kind: 'none' },
      'Own none': { kind: 'none' },
      Signed: { kind: 'none' },
      Digest: { kind: 'none' },
    });
    expect(imported.credentials).toEqual([
      { name: 'Shop API', source: 'the collection’s bearer auth', secret: GITHUB_TOKEN },
      { name: 'Shop API Admin', source: 'the Basic auth of the folder “Admin”', secret: BASIC_PASSWORD },
      { name: 'Shop API Own API key', source: 'the API key auth of “Own API key” in Admin', secret: GENERATED_KEY },
    ]);
    await expectWritable(imported, [GITHUB_TOKEN, BASIC_PASSWORD, GENERATED_KEY]);
  });

  it('lists other auth kinds, naming where they were', async () => {
    const imported = await converted(file());
    expect(imported.notMapped).toEqual([
      'The OAuth 2.0 auth of the folder “Legacy” was not imported: Keypost sends bearer, Basic and API-key auth from a credential and gets OAuth 2.0 tokens itself; set it up under Credentials… and choose it for the requests that used it.',
      'The Digest auth of “Digest” was not imported: Keypost sends bearer, Basic and API-key auth from a credential; set it up under Credentials… and choose it for the requests that used it.',
    ]);
  });

  it('keeps a token that is a {{variable}} a variable, in a header or query row, and marks the variable secret', async () => {
    const imported = await converted(
      collection(
        [
          get('Bearer variable', 'https://shop.test/a'),
          get('Key variable', 'https://shop.test/b', { auth: { type: 'apikey', apikey: [{ key: 'key', value: 'X-Api-Key' }, { key: 'value', value: '{{apiKey}}' }] } }),
          get('Basic variable', 'https://shop.test/c', { auth: basicAuth('{{user}}', '{{password}}') }),
          get('Basic unknown', 'https://shop.test/d', { auth: basicAuth('ops', 'pre-{{opsPassword}}') }),
        ],
        {
          auth: bearerAuth('{{token}}'),
          variable: [
            { key: 'token', value: '' },
            { key: 'apiKey', value: 'not-so-secret' },
            { key: 'user', value: 'alice' },
            { key: 'password', value: BASIC_PASSWORD },
          ],
        },
      ),
    );
    const request = (name: string) => requestNamed(imported, name).draft.request;
    expect(request('Bearer variable')).toMatchObject({ auth: { kind: 'none' }, headers: [{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }] });
    expect(request('Key variable')).toMatchObject({ auth: { kind: 'none' }, headers: [{ name: 'X-Api-Key', value: '{{apiKey}}', enabled: true }] });
    expect(request('Basic variable').auth).toEqual({ kind: 'basic', credential: 'Shop API Basic variable', username: '{{user}}' });
    expect(request('Basic unknown').auth).toEqual({ kind: 'basic', credential: 'Shop API Basic unknown', username: 'ops' });
    expect(imported.credentials).toEqual([
      { name: 'Shop API Basic variable', source: 'the Basic auth of “Basic variable”', secret: BASIC_PASSWORD },
      { name: 'Shop API Basic unknown', source: 'the Basic auth of “Basic unknown”' },
    ]);
    expect(imported.variables).toEqual([
      { name: 'token', value: '', secret: true },
      { name: 'apiKey', value: 'not-so-secret', secret: true },
      { name: 'user', value: 'alice', secret: false },
      { name: 'password', value: BASIC_PASSWORD, secret: true },
    ]);
    expect(imported.notMapped).toEqual([
      'The Basic auth of “Basic unknown” takes its password from {{opsPassword}}, which Keypost cannot put in a Basic credential: type the password into the credential “Shop API Basic unknown”.',
    ]);
    await expectWritable(imported, [BASIC_PASSWORD, 'not-so-secret']);
  });
});

describe('secrets outside auth', () => {
  it('moves Authorization headers to auth and other secret values to secret variables, so the guard passes every request', async () => {
    const basic = Buffer.from(`deploy:${BASIC_PASSWORD}`).toString('base64');
    const imported = await converted(
      collection(
        [
          get('Bearer header', 'https://shop.test/a', { header: [{ key: 'Authorization', value: `Bearer ${GITHUB_TOKEN}` }, { key: 'Accept', value: 'application/json' }] }),
          get('Basic header', 'https://shop.test/b', { header: [{ key: 'authorization', value: `Basic ${basic}` }] }),
          get('Key header and query', { raw: `https://shop.test/c?access_token=${JWT}&page=2`, host: ['shop', 'test'], path: ['c'], protocol: 'https', query: [{ key: 'access_token', value: JWT }, { key: 'page', value: '2' }] }, { header: [{ key: 'X-Api-Key', value: GENERATED_KEY, disabled: true }] }),
          get('Password in URL', `https://deploy:${GENERATED_KEY}@shop.test/d`),
          post('Form login', { mode: 'urlencoded', urlencoded: [{ key: 'user', value: 'deploy' }, { key: 'password', value: GENERATED_KEY }] }),
          post('JSON token', { mode: 'raw', raw: JSON.stringify({ name: 'ci', token: GITHUB_TOKEN }, null, 2), options: { raw: { language: 'json' } } }),
        ],
        { variable: [{ key: 'leaked', value: JWT }] },
      ),
    );
    const request = (name: string) => requestNamed(imported, name).draft.request;
    expect(request('Bearer header')).toMatchObject({ auth: { kind: 'bearer', credential: 'Shop API Bearer header' }, headers: [{ name: 'Accept', value: 'application/json', enabled: true }] });
    expect(request('Basic header')).toMatchObject({ auth: { kind: 'basic', credential: 'Shop API Basic header', username: 'deploy' }, headers: [] });
    expect(request('Key header and query').headers).toEqual([{ name: 'X-Api-Key', value: '{{X-Api-Key}}', enabled: false }]);
    expect(request('Key header and query').query).toEqual([
      { name: 'access_token', value: '{{leaked}}', enabled: true },
      { name: 'page', value: '2', enabled: true },
    ]);
    expect(request('Password in URL').url).toBe('https://deploy:{{X-Api-Key}}@shop.test/d');
    expect(request('Form login').body).toEqual({ kind: 'form', fields: [{ name: 'user', value: 'deploy', enabled: true }, { name: 'password', value: '{{X-Api-Key}}', enabled: true }] });
    expect(JSON.parse((request('JSON token').body as { text: string }).text)).toEqual({ name: 'ci', token: '{{token}}' });
    expect(imported.credentials.map(({ name, secret }) => [name, secret])).toEqual([
      ['Shop API Bearer header', GITHUB_TOKEN],
      ['Shop API Basic header', BASIC_PASSWORD],
    ]);
    expect(imported.variables).toEqual([
      { name: 'leaked', value: JWT, secret: true },
      { name: 'X-Api-Key', value: GENERATED_KEY, secret: true },
      { name: 'token', value: GITHUB_TOKEN, secret: true },
    ]);
    await expectWritable(imported, [GITHUB_TOKEN, JWT, GENERATED_KEY, BASIC_PASSWORD, basic]);
  });

  it('moves a literal Authorization value beside the request’s own auth, however short, to a secret variable', async () => {
    const imported = await converted(collection([get('Both', 'https://shop.test/x', { auth: basicAuth('me', 'pw'), header: [{ key: 'Authorization', value: 'Bearer abc' }] })]));
    expect(imported.requests[0]!.draft.request).toMatchObject({ auth: { kind: 'basic', username: 'me' }, headers: [{ name: 'Authorization', value: '{{Authorization}}', enabled: true }] });
    expect(imported.variables).toEqual([{ name: 'Authorization', value: 'Bearer abc', secret: true }]);
    await expectWritable(imported, ['Bearer abc']);
  });

  it('keeps a literal token mixed with a {{variable}} in a secret variable, where Keypost still fills the variable in', async () => {
    const imported = await converted(collection([get('Mixed', 'https://shop.test/x', { header: [{ key: 'Authorization', value: 'Bearer team-{{tenant}}-s3cr3t' }] })]));
    expect(imported.requests[0]!.draft.request).toMatchObject({ auth: { kind: 'none' }, headers: [{ name: 'Authorization', value: '{{Authorization}}', enabled: true }] });
    expect(imported.variables).toEqual([{ name: 'Authorization', value: 'Bearer team-{{tenant}}-s3cr3t', secret: true }]);
    expect(imported.credentials).toEqual([]);
    await expectWritable(imported, ['s3cr3t']);
  });

  it('leaves out a request whose secret cannot be moved out (inside a text body), naming the field, never the value', async () => {
    const imported = await converted(collection([post('Deploy', { mode: 'raw', raw: `token=${GITHUB_TOKEN}&env=prod` }), get('Fine', 'https://shop.test/')]));
    expect(imported.requests.map(({ draft }) => draft.name)).toEqual(['Fine']);
    expect(imported.notMapped).toEqual(['“Deploy” was left out: its body holds a GitHub token, and a request file never holds a secret. Add it by hand with the secret in a credential or a secret variable.']);
    await expectWritable(imported, [GITHUB_TOKEN]);
  });
});

describe('requests, rows and bodies', () => {
  it('keeps disabled headers, query parameters and form fields disabled', async () => {
    const imported = await converted(
      collection([
        post('Rows', { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1' }, { key: 'b', value: '2', disabled: true }] }, {
          header: [{ key: 'X-On', value: 'yes' }, { key: 'X-Off', value: 'no', disabled: true }],
          url: { raw: 'https://shop.test/items?on=1', protocol: 'https', host: ['shop', 'test'], path: ['items'], query: [{ key: 'on', value: '1' }, { key: 'off', value: '0', disabled: true }, { key: 'flag', value: null }] },
        }),
      ]),
    );
    const { request } = imported.requests[0]!.draft;
    expect(request.headers).toEqual([{ name: 'X-On', value: 'yes', enabled: true }, { name: 'X-Off', value: 'no', enabled: false }]);
    expect(request.query).toEqual([{ name: 'on', value: '1', enabled: true }, { name: 'off', value: '0', enabled: false }, { name: 'flag', value: null, enabled: true }]);
    expect(request.body).toEqual({ kind: 'form', fields: [{ name: 'a', value: '1', enabled: true }, { name: 'b', value: '2', enabled: false }] });
  });

  it('sends form-data files from their paths and lists a file part with no file', async () => {
    const imported = await converted(
      collection([
        post('Upload', {
          mode: 'formdata',
          formdata: [
            { key: 'title', value: 'Report', type: 'text' },
            { key: 'file', type: 'file', src: '/home/me/report.pdf' },
            { key: 'pictures', type: 'file', src: ['/home/me/a.png', '/home/me/b.png'], disabled: true },
            { key: 'missing', type: 'file', src: null },
          ],
        }),
      ]),
    );
    expect(imported.requests[0]!.draft.request.body).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'title', value: 'Report', enabled: true },
        { kind: 'file', name: 'file', path: '/home/me/report.pdf', enabled: true },
        { kind: 'file', name: 'pictures', path: '/home/me/a.png', enabled: false },
        { kind: 'file', name: 'pictures', path: '/home/me/b.png', enabled: false },
      ],
    });
    expect(imported.notMapped).toEqual(['The file part “missing” of “Upload” names no file: it was left out; add it as a file part and pick the file.']);
  });

  it('maps raw bodies by language and lists GraphQL and binary bodies by request', async () => {
    const imported = await converted(
      collection([
        {
          name: 'Bodies',
          item: [
            post('XML', { mode: 'raw', raw: '<a/>', options: { raw: { language: 'xml' } } }),
            post('JSON', { mode: 'raw', raw: '{"a": {{count}}}', options: { raw: { language: 'json' } } }),
            post('Query', { mode: 'graphql', graphql: { query: '{ items { id } }' } }),
            post('Binary', { mode: 'file', file: { src: '/home/me/blob.bin' } }),
            get('GET with body', 'https://shop.test/items', { body: { mode: 'raw', raw: 'x' } }),
          ],
        },
      ]),
    );
    expect(imported.requests.map(({ draft }) => [draft.name, draft.request.body.kind])).toEqual([
      ['XML', 'text'],
      ['JSON', 'json'],
      ['Query', 'none'],
      ['Binary', 'none'],
      ['GET with body', 'none'],
    ]);
    expect(imported.notMapped).toEqual([
      'The GraphQL body of “Query” in Bodies was not imported: Keypost has no GraphQL body; send its query as a JSON body ({"query": …, "variables": …}).',
      'The body of “Binary” in Bodies is a binary file (/home/me/blob.bin), which Keypost does not send yet: send it as a multipart file part or paste its text.',
      'The body of “GET with body” in Bodies was left out: Keypost sends no body with GET, as browsers and Node do not.',
    ]);
  });

  it('keeps {{variables}} as written, and makes path variables their value or a {{variable}}', async () => {
    const imported = await converted(
      collection([
        get('User', { raw: '{{baseUrl}}/users/:id/posts/:postId', host: ['{{baseUrl}}'], path: ['users', ':id', 'posts', ':postId'], variable: [{ key: 'id', value: '42' }, { key: 'postId', value: '' }] }),
        get('Raw only', { raw: '{{baseUrl}}/orders/:orderId?expand={{expand}}' }),
      ]),
    );
    expect(imported.requests.map(({ draft }) => draft.request.url)).toEqual(['{{baseUrl}}/users/42/posts/{{postId}}', '{{baseUrl}}/orders/{{orderId}}']);
    expect(imported.requests[1]!.draft.request.query).toEqual([{ name: 'expand', value: '{{expand}}', enabled: true }]);
  });

  it('names Postman’s dynamic variables and the requests that use them', async () => {
    const imported = await converted(
      collection([
        get('One', 'https://shop.test/a?id={{$guid}}'),
        { name: 'Orders', item: [post('Two', { mode: 'raw', raw: '{"at": "{{$timestamp}}", "id": "{{ $guid }}"}', options: { raw: { language: 'json' } } })] },
      ]),
    );
    expect(imported.notMapped).toEqual([
      'Postman’s dynamic variable {{$guid}} (used by “One”, “Two” in Orders) has no value in Keypost: it is kept as written and would be sent so; replace it with a value or a variable of your own.',
      'Postman’s dynamic variable {{$timestamp}} (used by “Two” in Orders) has no value in Keypost: it is kept as written and would be sent so; replace it with a value or a variable of your own.',
    ]);
    expect(imported.requests[0]!.draft.request.query).toEqual([{ name: 'id', value: '{{$guid}}', enabled: true }]);
  });

  it('lists every script with code, naming its place', async () => {
    const script = (listen: string, code: string[]) => ({ listen, script: { type: 'text/javascript', exec: code } });
    const imported = await converted(
      collection(
        [{ name: 'Users', event: [script('test', ['pm.test("ok")'])], item: [{ ...post('Create user', { mode: 'none' }), event: [script('test', ['pm.expect(1)']), script('prerequest', [''])] }] }],
        { event: [script('prerequest', ['pm.environment.set("t", 1)'])] },
      ),
    );
    expect(imported.notMapped).toEqual([
      'The collection’s pre-request script was not imported: Keypost runs no scripts; declare its checks as assertions and captures in the request file instead.',
      'The test script of the folder “Users” was not imported: Keypost runs no scripts; declare its checks as assertions and captures in the request file instead.',
      'The test script of “Create user” in Users was not imported: Keypost runs no scripts; declare its checks as assertions and captures in the request file instead.',
    ]);
  });

  it('lists Postman’s settings that change how a request is sent, naming where', async () => {
    const imported = await converted(
      collection([{ name: 'Local', protocolProfileBehavior: { strictSSL: false }, item: [{ ...get('Body on GET', 'https://shop.test/'), protocolProfileBehavior: { disableBodyPruning: true, followRedirects: false } }] }]),
    );
    expect(imported.notMapped).toEqual([
      'The Postman settings of the folder “Local” (strictSSL) were not imported: Keypost sends with its own safe defaults; relax one for a request in Keypost where it needs it (such as accepting a self-signed TLS certificate).',
      'The Postman settings of “Body on GET” in Local (followRedirects) were not imported: Keypost sends with its own safe defaults; relax one for a request in Keypost where it needs it (such as accepting a self-signed TLS certificate).',
    ]);
    expect(imported.requests[0]!.draft.request.options).toEqual({});
  });

  it('makes folder, request and variable names valid and request names unique in their folder', async () => {
    const imported = await converted(
      collection(
        [
          { name: 'v1/admin: users', item: [get('List', 'https://shop.test/{{base url}}'), get('List', 'https://shop.test/b'), get('', 'https://shop.test/c')] },
          { name: '.hidden.', item: [get('Tab\there', 'https://shop.test/d')] },
        ],
        { variable: [{ key: 'base url', value: 'v2' }] },
      ),
    );
    expect(imported.requests.map(({ folder, draft }) => `${folder}|${draft.name}|${draft.request.url}`)).toEqual([
      'v1-admin- users|List|https://shop.test/{{base_url}}',
      'v1-admin- users|List (2)|https://shop.test/b',
      'v1-admin- users|Request|https://shop.test/c',
      'hidden|Tab here|https://shop.test/d',
    ]);
    expect(imported.variables).toEqual([{ name: 'base_url', value: 'v2', secret: false }]);
    expect(imported.notMapped).toContain('The collection variable “base url” is named {{base_url}} in Keypost (a variable name uses letters, digits, _ . - only), and every reference to it was changed to match.');
    await expectWritable(imported);
  });

  it('lists the requests whose saved example responses stay behind, in one sentence', async () => {
    const imported = await converted(collection([{ ...get('One', 'https://shop.test/1'), response: [{ name: 'OK', code: 200 }] }, { ...get('Two', 'https://shop.test/2'), response: [] }, { name: 'F', item: [{ ...get('Three', 'https://shop.test/3'), response: [{ name: 'Gone', code: 404 }] }] }]));
    expect(imported.requests).toHaveLength(3);
    expect(imported.notMapped).toEqual(['The saved example responses of “One”, “Three” in F were not imported: Keypost keeps no example responses.']);
  });

  it('names at most five requests in one sentence, then how many more', async () => {
    const imported = await converted(collection(Array.from({ length: 8 }, (_, index) => get(`R${index + 1}`, `https://shop.test/{{$randomInt}}/${index}`))));
    expect(imported.notMapped).toEqual([
      'Postman’s dynamic variable {{$randomInt}} (used by “R1”, “R2”, “R3”, “R4”, “R5” and 3 more) has no value in Keypost: it is kept as written and would be sent so; replace it with a value or a variable of your own.',
    ]);
  });

  it('leaves out a request Keypost cannot hold, saying why', async () => {
    const imported = await converted(collection([{ name: 'Odd', request: { method: 'NOT A METHOD', url: 'https://shop.test/' } }, get('Fine', 'https://shop.test/')]));
    expect(imported.requests.map(({ draft }) => draft.name)).toEqual(['Fine']);
    expect(imported.notMapped).toEqual([expect.stringMatching(/^“Odd” was left out: a method is one word of letters, digits and .*, such as GET or PURGE\.$/)]);
  });
});

describe('files that are not a Postman collection v2.1', () => {
  const refusal = async (json: unknown) => {
    const result = await convertPostman(json, 'export.json');
    if (result.ok) throw new Error('converted');
    expect(result.error.code).toBe('IMPORT_INVALID');
    return `${result.error.message} | ${result.error.hint}`;
  };

  it('reads a v2.0.0 collection as v2.1 (the same shape; auth written as an object)', async () => {
    const imported = await converted({
      info: { name: 'Old', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      item: [{ name: 'Me', request: { url: 'https://shop.test/me', method: 'GET', auth: { type: 'bearer', bearer: { token: GITHUB_TOKEN } } } }],
    });
    expect(imported.requests[0]!.draft.request.auth).toEqual({ kind: 'bearer', credential: 'Old Me' });
    expect(imported.credentials[0]!.secret).toBe(GITHUB_TOKEN);
  });

  it('recognises every Postman file, so that one of another kind is refused in Postman’s words', () => {
    const postmanFiles = [fixture('folder-collection.postman_collection.json'), fixture('newman-sample.postman_collection.json'), { collection: { info: { _postman_id: 'x', name: 'API answer' }, item: [] } }];
    const otherPostmanFiles = [{ id: 'abc', name: 'Old', order: [], requests: [] }, { values: [], _postman_variable_scope: 'environment' }, { version: 1, collections: [], environments: [] }];
    for (const json of [...postmanFiles, ...otherPostmanFiles]) expect(isPostmanFile(json)).toBe(true);
    for (const json of [{ openapi: '3.1.0', info: { title: 'Pets' } }, { info: { title: 'x' }, item: [] }, null, 'text']) expect(isPostmanFile(json)).toBe(false);
  });

  it('reads a collection inside a Postman API answer ({ "collection": … })', async () => {
    const imported = await converted({ collection: collection([get('Ping', 'https://shop.test/ping')]) });
    expect(imported.requests.map(({ draft }) => draft.name)).toEqual(['Ping']);
  });

  it('refuses a v1 collection, an environment, globals, a data dump and other files in words', async () => {
    expect(await refusal({ id: 'abc', name: 'Old', order: [], folders: [], requests: [] })).toBe(
      'export.json cannot be imported: it is a Postman collection of version 1, an old format Keypost does not read. | In Postman, open the collection’s ⋯ menu, choose Export and pick “Collection v2.1”, then import that file.',
    );
    expect(await refusal({ id: 'e', name: 'Prod', values: [], _postman_variable_scope: 'environment' })).toMatch(/^export\.json cannot be imported: it is a Postman environment \(variables only\), not a collection\. \| .*Export.*Environments…/);
    expect(await refusal({ id: 'g', values: [], _postman_variable_scope: 'globals' })).toMatch(/it is Postman’s globals \(variables only\), not a collection\./);
    expect(await refusal({ version: 1, collections: [], environments: [] })).toMatch(/it is a Postman data dump .* \| Export each collection on its own/);
    expect(await refusal({ info: { name: 'Next', schema: 'https://schema.getpostman.com/json/collection/v3.0.0/collection.json' }, item: [] })).toMatch(/it is a Postman collection of version 3\.0\.0; Keypost reads versions 2\.1 and 2\.0\./);
    expect(await refusal({ openapi: '3.1.0', info: { title: 'Pets' }, paths: {} })).toMatch(/it is not a Postman collection: it has no “info” and “item”\./);
    expect(await refusal({ info: { name: 'Half' } })).toMatch(/it is not a Postman collection: it has no “info” and “item”\./);
    expect(await refusal([1, 2])).toMatch(/it is not a Postman collection/);
  });
});
