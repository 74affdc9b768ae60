// The secret guard over a request about to be written to a collection file: each secret found names its field and
// what it is in Keypost's words; values that only refer to variables are never findings.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findSecrets, type SecretFinding } from '../../electron/core/collections/secretGuard';
import { blankRequest, type RequestDocument } from '../../shared/request';

// Built at run time so this file holds no string a repository scanner would take for a real key.
const JWT = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJrcC1ndWFyZCIsImV4cCI6MTk5OTk5OTk5OX0', 'kpGuardSig0123456789abcdefABCDEF_-xyz'].join('.');
const GITHUB_TOKEN = ['ghp', 'kpGuardTest0123456789abcdefABCDEFGHI'].join('_');
const NPM_TOKEN = ['npm', 'kpGuardTest0123456789abcdefABCDEFGHI'].join('_');
const AWS_KEY_ID = ['AKIA', 'Z7VRSQ5BBCXYZ123'].join('');
const PRIVATE_KEY = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const URL_PASSWORD = 'kpGuard-pw7';

const requestOf = (extra: Partial<RequestDocument> = {}): RequestDocument => ({ ...blankRequest('staging'), url: 'https://api.example.com/items', body: { kind: 'none' }, ...extra });
const header = (name: string, value: string) => requestOf({ headers: [{ name, value, enabled: true }] });
const query = (name: string, value: string) => requestOf({ query: [{ name, value, enabled: true }] });
const textBody = (text: string) => requestOf({ method: 'POST', body: { kind: 'text', text } });
const jsonBody = (value: unknown) => requestOf({ method: 'POST', body: { kind: 'json', text: JSON.stringify(value, null, 2) } });
const url = (address: string) => requestOf({ url: address });
const finding = (field: string, kind: string): SecretFinding => ({ field, kind });

describe('findSecrets: each kind of secret, in each field where it can be', () => {
  it.each([
    ['a JWT in a header', header('X-Token', JWT), finding('header "X-Token"', 'a JSON Web Token')],
    ['a JWT in a query row', query('id_token', JWT), finding('query parameter "id_token"', 'a JSON Web Token')],
    ['a JWT in the JSON body', jsonBody({ session: JWT }), finding('body', 'a JSON Web Token')],
    ['a JWT in the URL', url(`https://api.example.com/reset/${JWT}`), finding('URL', 'a JSON Web Token')],
    ['a GitHub token in a header', header('X-Token', GITHUB_TOKEN), finding('header "X-Token"', 'a GitHub token')],
    ['a GitHub token in a query row', query('key', GITHUB_TOKEN), finding('query parameter "key"', 'a GitHub token')],
    ['a GitHub token in the JSON body', jsonBody({ token: GITHUB_TOKEN }), finding('body', 'a GitHub token')],
    ['a GitHub token in the URL', url(`https://api.example.com/hooks/${GITHUB_TOKEN}/run`), finding('URL', 'a GitHub token')],
    ['an AWS access key in a header', header('X-Amz-Key', AWS_KEY_ID), finding('header "X-Amz-Key"', 'an AWS access key')],
    ['an AWS access key in a query row', query('AWSAccessKeyId', AWS_KEY_ID), finding('query parameter "AWSAccessKeyId"', 'an AWS access key')],
    ['an AWS access key in the text body', textBody(`aws_access_key_id = ${AWS_KEY_ID}\nregion = eu-west-1`), finding('body', 'an AWS access key')],
    ['an AWS access key in the URL', url(`https://api.example.com/keys/${AWS_KEY_ID}`), finding('URL', 'an AWS access key')],
    ['a private key block in the text body', textBody(`key:\n${PRIVATE_KEY}`), finding('body', 'a private key')],
    ['a private key in a JSON string', jsonBody({ pem: PRIVATE_KEY }), finding('body', 'a private key')],
    ['an npm token in a header (a format only secretlint knows)', header('X-Token', NPM_TOKEN), finding('header "X-Token"', 'an npm token')],
    ['a URL with user:password as the URL', url(`https://deploy:${URL_PASSWORD}@api.example.com/items`), finding('URL', 'a password in the URL')],
    ['a URL with user:password in a query row', query('next', `https://deploy:${URL_PASSWORD}@api.example.com/`), finding('query parameter "next"', 'a password in the URL')],
    ['a URL with user:password in the JSON body', jsonBody({ callback: `https://deploy:${URL_PASSWORD}@hooks.example.com/x` }), finding('body', 'a password in the URL')],
    ['a URL with user:password in a header', header('X-Upstream', `https://deploy:${URL_PASSWORD}@api.example.com`), finding('header "X-Upstream"', 'a password in the URL')],
  ])('finds %s, naming the field', async (_what, request, expected) => {
    expect(await findSecrets(request)).toStrictEqual([expected]);
  });

  it('finds a password in the URL that secretlint reads past (percent-encoded characters)', async () => {
    expect(await findSecrets(url('https://deploy:p%40ss%21word@api.example.com/items'))).toStrictEqual([finding('URL', 'a password in the URL')]);
  });

  it('names form fields, multipart parts, a row by its position when its name is a secret, and the basic auth username', async () => {
    const request = requestOf({
      query: [{ name: GITHUB_TOKEN, value: null, enabled: false }],
      body: {
        kind: 'multipart',
        parts: [
          { kind: 'text', name: 'note', value: `signed ${JWT}`, enabled: true },
          { kind: 'file', name: 'upload', path: '/tmp/upload.txt', enabled: true },
        ],
      },
      auth: { kind: 'basic', credential: 'staging', username: AWS_KEY_ID },
    });
    expect(await findSecrets(request)).toStrictEqual([
      finding('the name of query parameter 1', 'a GitHub token'),
      finding('multipart part "note"', 'a JSON Web Token'),
      finding('basic auth username', 'an AWS access key'),
    ]);
    const form = requestOf({ body: { kind: 'form', fields: [{ name: 'client_secret', value: 'aB3dE5gH7jK9mN1pQ3sT5vW7', enabled: true }] } });
    expect(await findSecrets(form)).toStrictEqual([finding('form field "client_secret"', 'a generated key or token')]);
  });

  it('finds a generated-looking value under a credential name, and leaves the same value under another name alone', async () => {
    expect(await findSecrets(header('X-API-Key', 'aB3dE5gH7jK9mN1pQ3sT5vW7'))).toStrictEqual([finding('header "X-API-Key"', 'a generated key or token')]);
    expect(await findSecrets(query('api_key', 'aB3dE5gH7jK9mN1pQ3sT5vW7'))).toStrictEqual([finding('query parameter "api_key"', 'a generated key or token')]);
    expect(await findSecrets(header('X-Build', 'aB3dE5gH7jK9mN1pQ3sT5vW7'))).toStrictEqual([]);
  });

  it('finds a bearer or basic value typed into a header', async () => {
    expect(await findSecrets(header('Authorization', 'Bearer kpGuard.7f3a9c1e5b'))).toStrictEqual([finding('header "Authorization"', 'a bearer token')]);
    expect(await findSecrets(header('Authorization', 'Basic dXNlcjpwYXNzd29yZA=='))).toStrictEqual([finding('header "Authorization"', 'HTTP Basic credentials')]);
  });

  it('reports several secrets in one request, each field and kind once, in the order of the fields', async () => {
    const request = requestOf({
      url: `https://deploy:${URL_PASSWORD}@api.example.com/items`,
      query: [{ name: 'token', value: JWT, enabled: true }],
      headers: [
        { name: 'X-Token', value: GITHUB_TOKEN, enabled: false },
        { name: 'X-Other', value: `${GITHUB_TOKEN} ${GITHUB_TOKEN}`, enabled: true },
      ],
      body: { kind: 'json', text: JSON.stringify({ a: AWS_KEY_ID, b: AWS_KEY_ID }) },
    });
    expect(await findSecrets(request)).toStrictEqual([
      finding('URL', 'a password in the URL'),
      finding('query parameter "token"', 'a JSON Web Token'),
      finding('header "X-Token"', 'a GitHub token'),
      finding('header "X-Other"', 'a GitHub token'),
      finding('body', 'an AWS access key'),
    ]);
  });

  it("says what and where in Keypost's words: never the secret, never secretlint's message", async () => {
    const request = requestOf({ headers: [{ name: 'X-Token', value: GITHUB_TOKEN, enabled: true }], body: { kind: 'text', text: PRIVATE_KEY } });
    const text = JSON.stringify(await findSecrets(request));
    for (const secret of [GITHUB_TOKEN, PRIVATE_KEY.split('\n')[1]!]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/found|secretlint/i);
  });

  it('is not silenced by a "secretlint-disable" comment typed into a field before the secret', async () => {
    // A private key is found by secretlint alone, so a comment it obeyed would hide it.
    const request = requestOf({ headers: [{ name: 'X-Note', value: '# secretlint-disable', enabled: true }], body: { kind: 'text', text: PRIVATE_KEY } });
    expect(await findSecrets(request)).toStrictEqual([finding('body', 'a private key')]);
  });
});

describe('findSecrets: what is not a secret', () => {
  it.each([
    ['an X-API-Key of {{key}}', header('X-API-Key', '{{key}}')],
    ['an Authorization of Bearer {{token}}', header('Authorization', 'Bearer {{token}}')],
    ['an Authorization of Basic {{ b64 }}', header('Authorization', 'Basic {{ b64 }}')],
    ['a query api_key of {{key}}', query('api_key', '{{key}}')],
    ['a body that refers to variables', jsonBody({ token: '{{token}}', auth: 'Bearer {{token}}' })],
    ['a URL whose user and password are variables', url('https://{{user}}:{{password}}@api.example.com/items')],
    ['AWS’s documented example key id (as secretlint lets it pass)', header('X-Amz-Key', 'AKIAIOSFODNN7EXAMPLE')],
  ])('finds nothing in %s', async (_what, request) => {
    expect(await findSecrets(request)).toStrictEqual([]);
  });

  it('still finds a literal secret beside a reference', async () => {
    expect(await findSecrets(header('X-Token', `${GITHUB_TOKEN}{{suffix}}`))).toStrictEqual([finding('header "X-Token"', 'a GitHub token')]);
    expect(await findSecrets(header('X-API-Key', 'aB3dE5gH7jK9mN1pQ3sT5vW7 {{suffix}}'))).toStrictEqual([finding('header "X-API-Key"', 'a generated key or token')]);
  });

  it('finds nothing in an ordinary request: headers, ids, a JSON body of a few KB', async () => {
    expect(await findSecrets(typicalRequest())).toStrictEqual([]);
    expect(await findSecrets(blankRequest())).toStrictEqual([]);
  });

  it('costs a few milliseconds at most for a typical request (one secretlint pass over all its fields)', async () => {
    const request = typicalRequest();
    for (let i = 0; i < 50; i++) await findSecrets(request);
    const runs = 200;
    const started = performance.now();
    for (let i = 0; i < runs; i++) await findSecrets(request);
    const perCall = (performance.now() - started) / runs;
    // ~1 ms here; the bound leaves room for a busy machine, and fails for one secretlint call per field.
    expect(perCall).toBeLessThan(10);
  });
});

/** An ordinary request: the usual headers, ids, a query, and a JSON body of about 4 KB. */
function typicalRequest(): RequestDocument {
  const items = Array.from({ length: 40 }, (_, i) => ({ id: `550e8400-e29b-41d4-a716-4466554400${String(i).padStart(2, '0')}`, name: `Item ${i}`, price: i * 1.25, tags: ['blue', 'large'] }));
  return requestOf({
    method: 'POST',
    url: 'https://api.example.com/v2/orders/{{orderId}}/items',
    query: [
      { name: 'page', value: '2', enabled: true },
      { name: 'sort', value: 'name:asc', enabled: true },
    ],
    headers: [
      { name: 'Accept', value: 'application/json', enabled: true },
      { name: 'Content-Type', value: 'application/json', enabled: true },
      { name: 'X-Request-Id', value: '550e8400-e29b-41d4-a716-446655440000', enabled: true },
      { name: 'If-None-Match', value: '"33a64df551425fcc55e4d42a148795d9f25f89d4"', enabled: true },
      { name: 'X-API-Key', value: '{{key}}', enabled: true },
      { name: 'User-Agent', value: 'Keypost/1.0', enabled: true },
    ],
    body: { kind: 'json', text: JSON.stringify({ customer: 'acme', note: 'Deliver before noon', items }, null, 2) },
  });
}

describe('findSecrets over the life of the app', () => {
  it('leaves nothing behind in the process: no performance marks pile up, however many requests it reads', async () => {
    const before = performance.getEntriesByType('mark').length;
    for (let n = 0; n < 20; n++) await findSecrets({ ...blankRequest(), url: `https://api.example.com/${n}` });
    expect(performance.getEntriesByType('mark').length).toBe(before);
  });
});
