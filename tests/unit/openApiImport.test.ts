// OpenAPI 3.0 and 3.1 documents converted into requests, variables and credentials: two real public documents
// (tests/fixtures/openapi), and each kind of bad input refused or read in words.
import { describe, expect, it } from 'vitest';
import type { ForeignCollection } from '../../shared/foreignImport';
import { presetDraftSchema } from '../../shared/presets';
import { parseForeignText } from '../../electron/core/imports/foreignText';
import { convertForeign } from '../../electron/core/imports/importFormats';
import { bodySchemaOf } from '../../electron/core/imports/openApiBodySchema';
import { credentialNameFrom } from '../../electron/core/imports/foreignNames';
import { credentialNameSchema } from '../../shared/credentials';
import { galaxyText, githubRestText, syntheticDocument } from '../fixtures/openApiDocuments';

async function convert(text: string, fileName = 'openapi.json', url?: string) {
  const parsed = parseForeignText(text, fileName);
  if (!parsed.ok) return parsed;
  return convertForeign(parsed.value, { fileName, text, url });
}

async function converted(text: string, fileName?: string, url?: string): Promise<ForeignCollection> {
  const result = await convert(text, fileName, url);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const refusal = async (text: string, fileName?: string) => {
  const result = await convert(text, fileName);
  if (result.ok) throw new Error('It was imported.');
  return result.error.message;
};

const requestNamed = (foreign: ForeignCollection, name: string) => {
  const found = foreign.requests.find((request) => request.draft.name === name);
  if (!found) throw new Error(`No request “${name}”.`);
  return found;
};

const minimal = (extra: Record<string, unknown>) => JSON.stringify({ openapi: '3.0.3', info: { title: 'Tiny', version: '1' }, servers: [{ url: 'https://tiny.example' }], ...extra });

describe('GitHub’s REST API (OpenAPI 3.0, JSON, 1,200 operations)', () => {
  let github: ForeignCollection;
  it('becomes a request per operation in a folder per first tag, the server as {{baseUrl}}', async () => {
    github = await converted(githubRestText(), 'api.github.com.json');
    expect(github.kind).toBe('openapi');
    expect(github.requests.length).toBeGreaterThan(1_000);
    expect(github.variables[0]).toEqual({ name: 'baseUrl', value: 'https://api.github.com', secret: false });
    const issues = github.requests.filter((request) => request.folder === 'issues');
    expect(issues.length).toBeGreaterThan(30);
    for (const { draft } of github.requests.slice(0, 200)) expect(presetDraftSchema.safeParse(draft).success).toBe(true);
  }, 60_000);

  it('writes “Create an issue” with its path as variables, its body from the schema, and a link to its schema', () => {
    const { folder, draft } = requestNamed(github, 'Create an issue');
    expect(folder).toBe('issues');
    expect(draft.request.method).toBe('POST');
    expect(draft.request.url).toBe('{{baseUrl}}/repos/{{owner}}/{{repo}}/issues');
    expect(draft.request.body.kind).toBe('json');
    const body = JSON.parse(draft.request.body.kind === 'json' ? draft.request.body.text : '{}');
    expect(body).toHaveProperty('title');
    expect(draft.request.schema).toEqual({ document: 'openapi.schemas.json', operation: 'POST /repos/{owner}/{repo}/issues' });
  });

  it('lists query parameters as rows, required ones on, with their defaults', () => {
    const { draft } = requestNamed(github, 'List repository issues');
    const perPage = draft.request.query.find((row) => row.name === 'per_page');
    expect(perPage).toEqual({ name: 'per_page', value: '30', enabled: false });
    expect(draft.request.query.map((row) => row.name)).toContain('state');
  });
});

describe('Scalar Galaxy (OpenAPI 3.1, YAML)', () => {
  let galaxy: ForeignCollection;
  it('reads YAML, and keeps the bodies’ schemas, without examples, for beside the requests', async () => {
    galaxy = await converted(galaxyText(), 'galaxy.yaml');
    expect(galaxy.title).toBe('Scalar Galaxy');
    expect(galaxy.document?.fileName).toBe('openapi.schemas.json');
    const kept = JSON.parse(galaxy.document!.text);
    expect(Object.keys(kept.components.schemas)).toContain('Planet');
    expect(JSON.stringify(kept)).not.toContain('"example"');
    expect(new Set(galaxy.requests.map((request) => request.folder))).toEqual(new Set(['Planets', 'Celestial Bodies', 'Authentication']));
    expect(galaxy.variables).toContainEqual({ name: 'planetId', value: '1', secret: false });
  });

  it('turns its security schemes into credentials of the matching kind, OAuth 2.0 with its URLs', () => {
    const byName = new Map(galaxy.credentials.map((credential) => [credential.name, credential]));
    expect([...byName.keys()]).toEqual(['Scalar Galaxy bearerAuth', 'Scalar Galaxy basicAuth', 'Scalar Galaxy apiKeyHeader', 'Scalar Galaxy apiKeyQuery', 'Scalar Galaxy oAuth2']);
    expect(byName.get('Scalar Galaxy oAuth2')!.oauth).toMatchObject({
      flow: 'authorizationCode',
      authorizationUrl: 'https://galaxy.scalar.com/oauth/authorize',
      tokenUrl: 'https://galaxy.scalar.com/oauth/token',
    });
    for (const credential of galaxy.credentials) {
      expect(credential.secret).toBeUndefined();
      expect(credentialNameSchema.safeParse(credential.name).success).toBe(true);
    }
    expect(credentialNameFrom('Ünïcode API: v2 / “beta”', 'oauth/scheme#1'.repeat(5)).length).toBeLessThanOrEqual(64);
    expect(credentialNameSchema.safeParse(credentialNameFrom('Ünïcode API: v2 / “beta”', 'oauth/scheme#1')).success).toBe(true);
    expect(galaxy.notMapped.join('\n')).toMatch(/apiKeyCookie.*cookie/);
    expect(galaxy.notMapped.join('\n')).toMatch(/openIdConnect.*OpenID Connect/);
    expect(galaxy.notMapped.join('\n')).toMatch(/implicit flow/);
  });

  it('sends the first scheme the operation allows: “Create a planet” a bearer token', () => {
    const { draft } = requestNamed(galaxy, 'Create a planet');
    expect(draft.request.auth).toEqual({ kind: 'bearer', credential: 'Scalar Galaxy bearerAuth' });
    expect(draft.request.url).toBe('{{baseUrl}}/planets');
    expect(JSON.parse(draft.request.body.kind === 'json' ? draft.request.body.text : '')).toMatchObject({ name: 'Mars' });
  });

  it('writes a multipart body as parts, its file part off and said so', () => {
    const { draft } = requestNamed(galaxy, 'Upload an image to a planet');
    expect(draft.request.body).toEqual({ kind: 'multipart', parts: [{ kind: 'text', name: 'image', value: '', enabled: false }] });
    expect(galaxy.notMapped.join('\n')).toMatch(/File parts/);
  });
});

describe('security, parameters and bodies', () => {
  const secured = (schemes: Record<string, unknown>, security: unknown[], operationSecurity?: unknown[]) =>
    minimal({
      security,
      components: { securitySchemes: schemes },
      paths: { '/a': { get: { operationId: 'getA', ...(operationSecurity ? { security: operationSecurity } : {}), responses: { 200: { description: 'ok' } } } } },
    });

  it('maps an API key in a header or the query, basic, and lets the operation’s security override the document’s', async () => {
    const schemes = { key: { type: 'apiKey', in: 'query', name: 'api_key' }, head: { type: 'apiKey', in: 'header', name: 'X-Key' }, basic: { type: 'http', scheme: 'basic' } };
    const documentWide = await converted(secured(schemes, [{ key: [] }]));
    expect(documentWide.requests[0]!.draft.request.auth).toEqual({ kind: 'apiKey', credential: 'Tiny key', in: 'query', name: 'api_key' });
    const overridden = await converted(secured(schemes, [{ key: [] }], [{ basic: [] }]));
    expect(overridden.requests[0]!.draft.request.auth).toEqual({ kind: 'basic', credential: 'Tiny basic', username: '' });
    const none = await converted(secured(schemes, [{ key: [] }], []));
    expect(none.requests[0]!.draft.request.auth).toEqual({ kind: 'none' });
  });

  it('sets up client credentials with the token URL and its scopes', async () => {
    const oauth = { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example/token', scopes: { read: 'Read', write: 'Write' } } } };
    const foreign = await converted(secured({ oauth }, [{ oauth: ['read'] }]));
    expect(foreign.credentials[0]!.oauth).toEqual({ flow: 'clientCredentials', tokenUrl: 'https://auth.example/token', clientId: 'set-your-client-id', scope: 'read write', clientAuth: 'basic' });
  });

  it('writes required header parameters on, with examples, and form bodies as fields', async () => {
    const foreign = await converted(
      minimal({
        paths: {
          '/login': {
            post: {
              summary: 'Log in',
              parameters: [{ name: 'X-Request-Id', in: 'header', required: true, example: 'abc' }, { name: 'Accept', in: 'header' }],
              requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', required: ['user'], properties: { user: { type: 'string', example: 'ada' }, remember: { type: 'boolean' } } } } } },
              responses: { 200: { description: 'ok' } },
            },
          },
        },
      }),
    );
    const { request } = foreign.requests[0]!.draft;
    expect(request.headers).toEqual([{ name: 'X-Request-Id', value: 'abc', enabled: true }]);
    expect(request.body).toEqual({ kind: 'form', fields: [{ name: 'user', value: 'ada', enabled: true }, { name: 'remember', value: 'true', enabled: false }] });
  });

  it('substitutes server variables with their defaults and lists the other servers', async () => {
    const foreign = await converted(
      minimal({
        servers: [{ url: 'https://{region}.example.com/{version}', variables: { region: { default: 'eu' }, version: { default: 'v2' } } }, { url: 'https://staging.example.com' }],
        paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } },
      }),
    );
    expect(foreign.variables[0]!.value).toBe('https://eu.example.com/v2');
    expect(foreign.requests[0]!.draft.name).toBe('GET /a');
    expect(foreign.notMapped.join('\n')).toContain('https://staging.example.com');
  });
});

describe('bad input, each said in words', () => {
  it('names a broken $ref', async () => {
    const message = await refusal(minimal({ paths: { '/a': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } }, responses: { 200: { description: 'ok' } } } } } }));
    expect(message).toContain('“#/components/schemas/Missing”');
    expect(message).toContain('points to nothing');
  });

  it('imports a circular schema, its example cut at a depth', async () => {
    const foreign = await converted(
      minimal({
        paths: { '/tree': { post: { summary: 'Plant', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } }, responses: { 200: { description: 'ok' } } } } },
        components: { schemas: { Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } },
      }),
    );
    const body = foreign.requests[0]!.draft.request.body;
    expect(body.kind === 'json' && JSON.parse(body.text)).toMatchObject({ name: 'string' });
    expect(foreign.notMapped).toContain('The schema “Node” refers to itself: example bodies stop a few levels down; the body editor still checks against the whole schema.');
  });

  it('gives the editor a circular schema as a self-contained one, its loop kept as a reference', () => {
    const document = {
      openapi: '3.0.3',
      paths: { '/tree': { post: { requestBody: { $ref: '#/components/requestBodies/Tree' } } } },
      components: {
        requestBodies: { Tree: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } },
        schemas: { Node: { type: 'object', properties: { name: { type: 'string', nullable: true }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } }, Unused: { type: 'string' } },
      },
    };
    const schema = bodySchemaOf(document, 'POST /tree')!;
    expect(schema).toEqual({
      allOf: [{ $ref: '#/components/schemas/Node' }],
      components: { schemas: { Node: { type: 'object', properties: { name: { type: ['string', 'null'], nullable: true }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } },
    });
    expect(bodySchemaOf(document, 'GET /tree')).toBeNull();
  });

  it('imports a document that does not quite follow OpenAPI, saying where', async () => {
    const foreign = await converted(minimal({ paths: { '/a': { get: { summary: 'A' } } } }));
    expect(foreign.requests).toHaveLength(1);
    expect(foreign.problems).toEqual(['The document does not quite follow OpenAPI 3.0.3 (at paths › /a › get); Keypost read what it could.']);
  });

  it('upgrades Swagger 2.0 and says so', async () => {
    const swagger = JSON.stringify({ swagger: '2.0', info: { title: 'Old', version: '1' }, host: 'old.example', basePath: '/v1', schemes: ['https'], paths: { '/pets': { get: { summary: 'List pets', responses: { 200: { description: 'ok' } } } } } });
    const foreign = await converted(swagger);
    expect(foreign.requests[0]!.draft.request.url).toBe('{{baseUrl}}/pets');
    expect(foreign.variables[0]!.value).toBe('https://old.example/v1');
    expect(foreign.problems!.join('\n')).toContain('Swagger 2.0');
  });

  it('says what a file is when it is not OpenAPI 3 or a Postman collection', async () => {
    expect(await refusal(JSON.stringify({ swaggerVersion: '1.2', apis: [] }))).toContain('Swagger 1.2 description');
    expect(await refusal(JSON.stringify({ openapi: '4.0.0', info: {}, paths: {} }))).toContain('OpenAPI 4.0.0 document');
    expect(await refusal(JSON.stringify({ asyncapi: '2.6.0' }))).toContain('AsyncAPI');
    expect(await refusal(JSON.stringify({ name: 'my-package', version: '1.0.0' }))).toContain('neither an OpenAPI document');
    // Postman's files go to its converter (tests/unit/postmanImport.test.ts), which says what each is.
    expect(await refusal(JSON.stringify({ name: 'Staging', values: [], _postman_variable_scope: 'environment' }))).toContain('Postman environment');
  });

  it('says when a file is neither JSON nor YAML, or a web page', async () => {
    expect(await refusal('{ "openapi": "3.1.0", \n  info: [unclosed', 'broken.json')).toMatch(/broken\.json cannot be imported: it is neither valid JSON nor valid YAML/);
    expect(await refusal('<!DOCTYPE html><html><body>Docs</body></html>', 'docs')).toContain('web page (HTML)');
    expect(await refusal('just some words', 'notes.txt')).toContain('not a JSON or YAML document');
  });

  it('imports 5,000 operations', async () => {
    const foreign = await converted(JSON.stringify(syntheticDocument(5_000)), 'big.json');
    expect(foreign.requests).toHaveLength(5_000);
    expect(new Set(foreign.requests.map((request) => request.folder)).size).toBe(50);
  }, 60_000);
});
