// Code out: each generated snippet (curl in bash, fetch in Node, requests in Python), run as it is against the local
// test server, sends what Keypost sends for the same document (checkRequest → buildOutgoing → sendRequest), and none
// of them holds the token or a secret row's value: they read environment variables.
import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutgoing } from '../../electron/core/send/outgoingRequest';
import { Secret } from '../../electron/core/credentials/secret';
import { sendRequest } from '../../electron/core/send/send';
import { codeSnippet, snippetValues, type CodeLanguage } from '../../shared/codeExport/codeExport';
import { resolveVariables, type Environment } from '../../shared/environments';
import { secretVariable, tokenVariable } from '../../shared/secretVariables';
import type { RequestDocument } from '../../shared/request';
import { checkRequest } from '../../shared/requestChecks';
import { startTestServer, type ReceivedRequest, type TestServer } from '../fixtures/testServer';

const run = promisify(execFile);
const TOKEN = 'kp-code-token-Zq81+/=x';
const COOKIE = 'session=s3cr3t-c00kie-v4lue';
const ACCESS = 'acc3ss-t0ken-in-the-query';
const NODE = path.resolve('node_modules/.bin/node');

/** An interpreter with requests: `python3`, else Debian's (python3-requests). */
const python = ['python3', '/usr/bin/python3'].find((candidate) => spawnSync(candidate, ['-c', 'import requests']).status === 0);
if (!python) console.log('codeExport.test.ts: the Python snippets are not run: no python3 here can import requests (Debian: apt-get install python3-requests).');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const request = (extra: Partial<RequestDocument>): RequestDocument => ({
  method: 'POST',
  url: `${server.url}/echo`,
  query: [],
  headers: [],
  body: { kind: 'none' },
  auth: { kind: 'none' },
  options: {},
  ...extra,
});

/** What the server received when Keypost sent the document, the token being TOKEN. */
async function sentByKeypost(document: RequestDocument): Promise<ReceivedRequest> {
  const checked = checkRequest(document);
  if (!checked.ok) throw new Error(checked.error.message);
  const token = document.auth.kind === 'basic' ? 'pässwörd:with:colons' : TOKEN;
  const result = await sendRequest(buildOutgoing(checked.value, { token: new Secret(token), files: new Map() }), { timeoutMs: 5_000 });
  if (!result.ok) throw new Error(result.error.message);
  return server.received.at(-1)!;
}

/** The snippet run as it is, with its variables set; what the server received. */
async function sentBySnippet(language: CodeLanguage, document: RequestDocument, env: Record<string, string>): Promise<ReceivedRequest> {
  const snippet = codeSnippet(language, document);
  if (!snippet.ok) throw new Error(snippet.error.message);
  const options = { env: { ...process.env, ...env }, timeout: 20_000 };
  const before = server.received.length;
  if (language === 'curl') await run('bash', ['-c', snippet.value], options);
  if (language === 'fetch') await run(NODE, ['--input-type=module', '-e', snippet.value], options);
  if (language === 'python') await run(python!, ['-c', snippet.value], options);
  expect(server.received.length).toBe(before + 1);
  return server.received.at(-1)!;
}

/**
 * The request as compared: the client's own connection headers aside (host, connection), and Accept-Encoding, which
 * each client fills with what it decodes. Node's fetch always adds sec-fetch-mode, and accept-language when unset.
 */
function comparable(received: ReceivedRequest, language: CodeLanguage | 'keypost') {
  const own = ['host', 'connection', 'accept-encoding', ...(language === 'fetch' ? ['sec-fetch-mode', 'accept-language'] : [])];
  const headers = Object.fromEntries(Object.entries(received.headers).filter(([name]) => !own.includes(name)));
  return { method: received.method, url: received.url, headers, body: received.body };
}

const documents: Array<{ name: string; document: () => RequestDocument; env: Record<string, string>; secrets: string[] }> = [
  {
    name: 'a JSON POST with the bearer token of "default", a repeated header and text that needs escaping',
    document: () =>
      request({
        headers: [
          { name: 'X-Trace', value: 'a', enabled: true },
          { name: 'X-Trace', value: 'b', enabled: true },
          { name: 'X-Off', value: 'not sent', enabled: false },
        ],
        body: { kind: 'json', text: '{\n  "name": "Ada \\"Countess\\" Lovelace",\n  "note": "it\'s $HOME `x` ${y} ünïcode ✓ \\\\ !",\n  "n": 12345678901234567890\n}\n' },
        auth: { kind: 'bearer', credential: 'default' },
      }),
    env: { KEYPOST_TOKEN: TOKEN },
    secrets: [TOKEN],
  },
  {
    name: 'a GET with query rows (a bare flag, an encoded value) and an API key of credential "staging" in the query',
    document: () =>
      request({
        method: 'GET',
        url: `${server.url}/echo`,
        query: [
          { name: 'page', value: '2', enabled: true },
          { name: 'flag', value: null, enabled: true },
          { name: 'q', value: 'two%20words', enabled: true },
          { name: 'off', value: 'x', enabled: false },
        ],
        body: { kind: 'json', text: '{"kept": "in the draft, not sent"}' },
        auth: { kind: 'apiKey', credential: 'staging', in: 'query', name: 'api_key' },
      }),
    env: { KEYPOST_TOKEN_STAGING: TOKEN },
    secrets: [TOKEN],
  },
  {
    name: 'a PUT with a form body, an API key header and secret header and query rows',
    document: () =>
      request({
        method: 'PUT',
        query: [{ name: 'access_token', value: ACCESS, enabled: true }],
        headers: [{ name: 'Cookie', value: COOKIE, enabled: true }],
        body: {
          kind: 'form',
          fields: [
            { name: 'name', value: 'Ada Lovelace', enabled: true },
            { name: 'tags', value: 'a&b=c', enabled: true },
            { name: 'marks', value: "*~.-_!'()", enabled: true },
          ],
        },
        auth: { kind: 'apiKey', credential: 'default', in: 'header', name: 'X-API-Key' },
      }),
    env: { KEYPOST_TOKEN: TOKEN, KEYPOST_SECRET_COOKIE: COOKIE, KEYPOST_SECRET_ACCESS_TOKEN: ACCESS },
    secrets: [TOKEN, COOKIE, ACCESS],
  },
  {
    name: 'a PATCH with a text body of several lines, a user Content-Type and no authentication',
    document: () =>
      request({
        method: 'PATCH',
        headers: [{ name: 'Content-Type', value: 'text/csv', enabled: true }],
        body: { kind: 'text', text: 'id,name\r\n1,"Ada"\r\n2,\'Grace\' \\ $PATH\r\n"""\n' },
      }),
    env: {},
    secrets: [],
  },
  {
    name: 'a GET with Basic credentials (user name in the request, the password of credential "ci bot", not ASCII)',
    document: () => request({ method: 'GET', auth: { kind: 'basic', credential: 'ci bot', username: 'ada' } }),
    env: { KEYPOST_TOKEN_CI_BOT: 'pässwörd:with:colons' },
    secrets: ['pässwörd:with:colons'],
  },
];

describe.each(documents)('$name', ({ document, env, secrets }) => {
  for (const language of ['curl', 'fetch', 'python'] as const) {
    it.skipIf(language === 'python' && !python)(`sends the same request as Keypost from ${language}, holding no secret`, async () => {
      const snippet = codeSnippet(language, document());
      expect(snippet.ok).toBe(true);
      for (const secret of secrets) expect(snippet.ok && snippet.value).not.toContain(secret);
      const expected = comparable(await sentByKeypost(document()), 'keypost');
      const actual = comparable(await sentBySnippet(language, document(), env), language);
      expect(actual).toEqual(expected);
    });
  }
});

describe('secret environment variables', () => {
  // {{tenant}} and {{apiKey}} are secret in the active environment: Keypost sends their values from the keychain; the
  // snippet, made with snippetValues as the Code dialog makes it, reads KEYPOST_SECRET_TENANT and KEYPOST_SECRET_APIKEY.
  const TENANT = 'tenant-7Hq2';
  const API_KEY = 'k3y-Vv8/+x y!';
  const environment: Environment = {
    id: 'prod',
    name: 'Prod',
    variables: [
      { name: 'tenant', value: '', secret: true, enabled: true },
      { name: 'apiKey', value: '', secret: true, enabled: true },
      { name: 'page', value: '3', secret: false, enabled: true },
    ],
  };
  const document = () =>
    request({
      url: `${server.url}/echo/{{tenant}}/items`,
      query: [
        { name: 'page', value: '{{page}}', enabled: true },
        { name: 'tenant', value: '{{tenant}}', enabled: true },
      ],
      headers: [{ name: 'X-API-Key', value: '{{apiKey}}', enabled: true }],
      body: { kind: 'json', text: '{\n  "tenant": "{{tenant}}",\n  "note": "key {{apiKey}} end"\n}' },
    });
  const values = new Map([
    ['tenant', TENANT],
    ['apiKey', API_KEY],
    ['page', '3'],
  ]);

  for (const language of ['curl', 'fetch', 'python'] as const) {
    it.skipIf(language === 'python' && !python)(`sends from ${language} what Keypost sends, reading each from KEYPOST_SECRET_<NAME>`, async () => {
      const forSnippet = resolveVariables(document(), snippetValues(environment)).request;
      const snippet = codeSnippet(language, forSnippet);
      expect(snippet.ok).toBe(true);
      expect(snippet.ok && snippet.value).not.toContain(TENANT);
      expect(snippet.ok && snippet.value).toContain('KEYPOST_SECRET_APIKEY');
      const expected = comparable(await sentByKeypost(resolveVariables(document(), values).request), 'keypost');
      const actual = comparable(await sentBySnippet(language, forSnippet, { KEYPOST_SECRET_TENANT: TENANT, KEYPOST_SECRET_APIKEY: API_KEY }), language);
      expect(actual).toEqual(expected);
      expect(actual.url).toBe('/echo/tenant-7Hq2/items?page=3&tenant=tenant-7Hq2');
    });
  }

  // In a form body Keypost percent-encodes the value it resolved, so a snippet must encode the variable's value alike.
  const FORM_SECRET = 'a b&c=d~é*/+!';
  const formDocument = () =>
    request({
      method: 'POST',
      url: `${server.url}/echo/form`,
      body: { kind: 'form', fields: [{ name: 'tenant', value: '{{tenant}}', enabled: true }, { name: 'note', value: 'key {{apiKey}} end', enabled: true }] },
    });
  for (const language of ['curl', 'fetch', 'python'] as const) {
    it.skipIf(language === 'python' && !python)(`encodes a secret in a form body from ${language} as Keypost does`, async () => {
      const forSnippet = resolveVariables(formDocument(), snippetValues(environment)).request;
      const secrets = new Map([...values, ['apiKey', FORM_SECRET]]);
      const expected = comparable(await sentByKeypost(resolveVariables(formDocument(), secrets).request), 'keypost');
      const actual = comparable(await sentBySnippet(language, forSnippet, { KEYPOST_SECRET_TENANT: TENANT, KEYPOST_SECRET_APIKEY: FORM_SECRET }), language);
      expect(actual).toEqual(expected);
      expect(actual.body).toContain('note=key+a+b%26c%3Dd%7E%C3%A9*%2F%2B%21+end');
    });
  }

  it('names them with what they hold, as keypost run reads them', () => {
    const snippet = codeSnippet('curl', resolveVariables(document(), snippetValues(environment)).request);
    expect(snippet.ok && snippet.value).toContain('# KEYPOST_SECRET_TENANT: the value of the secret environment variable {{tenant}}');
  });
});

describe('naming the variables', () => {
  it('reads the token of "default" from KEYPOST_TOKEN and another credential’s from KEYPOST_TOKEN_<NAME>', () => {
    expect(tokenVariable('default')).toBe('KEYPOST_TOKEN');
    expect(tokenVariable('staging')).toBe('KEYPOST_TOKEN_STAGING');
    expect(tokenVariable('api.example.com X-API-Key')).toBe('KEYPOST_TOKEN_API_EXAMPLE_COM_X_API_KEY');
  });

  it('reads a secret row from KEYPOST_SECRET_<ROW NAME>, numbered when a name repeats', () => {
    expect(secretVariable('Cookie', [])).toBe('KEYPOST_SECRET_COOKIE');
    expect(secretVariable('access_token', ['KEYPOST_SECRET_ACCESS_TOKEN'])).toBe('KEYPOST_SECRET_ACCESS_TOKEN_2');
  });

  it('names every variable it reads in the snippet, with what to set it to', () => {
    const snippet = codeSnippet('python', documents[2]!.document());
    expect(snippet.ok && snippet.value).toContain('# KEYPOST_TOKEN: the value of the Keypost credential “default”');
    expect(snippet.ok && snippet.value).toContain('# KEYPOST_SECRET_COOKIE: the value of the header “Cookie”');
  });

  it('shapes the Python script as the classic one: url, headers, requests.<method>, then the status and the JSON', () => {
    const snippet = codeSnippet('python', documents[0]!.document());
    expect(snippet.ok && snippet.value).toMatch(/url = [\s\S]*headers = \{[\s\S]*response = requests\.post\(url, data=data\.encode\("utf-8"\), headers=headers\)\n\nprint\(response\.status_code\)/);
  });

  it('says why there is no snippet for a request Send would refuse', () => {
    const snippet = codeSnippet('curl', request({ url: 'not a url' }));
    expect(snippet.ok).toBe(false);
  });
});
