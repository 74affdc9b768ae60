// Secrets typed into a header or query row: which rows count as secrets, the request without them, moving one to the
// keychain, the files that never hold them (real store files in temp dirs), and the API-key auth kind on the wire.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutgoing, type OutgoingRequest } from '../../electron/core/send/outgoingRequest';
import { historyEntryFor } from '../../electron/core/history/historyApi';
import { Secret } from '../../electron/core/credentials/secret';
import { WORKSPACE_NAME } from '../../electron/core/workspace/workspaceFile';
import { fail } from '../../shared/errors';
import { requestFileText } from '../../electron/core/collections/requestFile';
import { DEFAULT_PLACE } from '../../shared/collections';
import type { Preset, PresetDraft } from '../../shared/presets';
import { blankRequest, requestDocumentSchema, type Header, type QueryParam, type RequestDocument } from '../../shared/request';
import { checkRequest } from '../../shared/requestChecks';
import { derivedHeaders, isOverridden, userHeaders } from '../../shared/requestHeaders';
import { credentialNameFor, isSecretRow, movedToKeychain, secretRows, withoutSecrets, isMovable, basicCredentials } from '../../shared/secrets';
import { collectionDir, openStore, openWorkspace } from '../fixtures/presetStore';
import { textsUnder } from '../fixtures/collectionFiles';
import { startTestServer, type ReceivedRequest, type TestServer } from '../fixtures/testServer';
import { sendWithText, type SentJson } from '../fixtures/sendJson';

const GITHUB_TOKEN = 'ghp_kpSecretsTest0123456789abcdefABCDEF';
const BEARER_TOKEN = 'kpBearer.7f3a9c1e5b';
const QUERY_KEY = 'kpQueryKey-Zx81Lm0Qw5Rt2Yu7Io4Pa9';

const headerRows = (...rows: Array<[name: string, value: string, enabled?: boolean]>): Header[] => rows.map(([name, value, enabled = true]) => ({ name, value, enabled }));
const queryRows = (...rows: Array<[name: string, value: string | null, enabled?: boolean]>): QueryParam[] =>
  rows.map(([name, value, enabled = true]) => ({ name, value, enabled }));
const requestOf = (extra: Partial<RequestDocument> = {}): RequestDocument => ({ ...blankRequest('staging'), url: 'https://api.example.com/items', ...extra });
const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);
const value = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

describe('isSecretRow: names whose value is a credential', () => {
  it.each([
    'Authorization',
    'Proxy-Authorization',
    'Cookie',
    'X-API-Key',
    'api_key',
    'api-key',
    'apikey',
    'access_token',
    'client_secret',
    'password',
    'AUTHORIZATION',
    'x-api-KEY',
    'Access_Token',
    '  Authorization  ',
    ' password',
  ])('treats a %j row as a secret, whatever its value looks like', (name) => {
    expect(isSecretRow(name, 'x')).toBe(true);
    expect(isSecretRow(name, 'hunter2')).toBe(true);
  });

  it('does not treat a row as a secret only because the name contains a secret word', () => {
    expect(isSecretRow('X-Authorization-Mode', 'strict')).toBe(false);
    expect(isSecretRow('password_hint', 'your pet')).toBe(false);
  });

  it('treats a secret-named row with an empty value (or a bare query name) as nothing to hide', () => {
    expect(isSecretRow('Authorization', '')).toBe(false);
    expect(isSecretRow('api_key', null)).toBe(false);
  });
});

describe('isSecretRow: values that are tokens, whatever the row is called', () => {
  it.each([
    ['a bearer value', 'Bearer abcdefgh1234'],
    ['a bearer value in lower case with spaces around it', '  bearer abcdefgh1234  '],
    ['a basic value', 'Basic dXNlcjpwYXNzd29yZA=='],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['a GitHub token', GITHUB_TOKEN],
    ['a GitHub fine-grained token', 'github_pat_11ABCDEFG0123456789_abcdefghij'],
    ['an OpenAI key', 'sk-proj-abcdefghijklmnopqrstuvwx'],
    ['a Slack token', 'xoxb-1234567890-abcdefghij'],
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['a Google API key', 'AIzaSyA1234567890abcdefghijklmnopqrstu'],
    ['a GitLab token', 'glpat-abcdefghij0123456789'],
    ['a long generated string mixing cases and digits', 'aB3dE5gH7jK9mN1pQ3sT5vW7'],
    ['a long generated lower-case hex string with digits', 'ab3de5gh7jk9mn1pq3st5vw7yz9ab1cd'],
  ])('treats %s as a secret, even in a row called X-Custom', (_what, token) => {
    expect(isSecretRow('X-Custom', token)).toBe(true);
    expect(isSecretRow('q', token)).toBe(true);
  });

  it.each([
    ['Content-Type', 'application/json'],
    ['Accept', 'application/vnd.github.v3+json'],
    ['Accept-Language', 'en-US'],
    ['page', '12345'],
    ['page', '1234567890123456789012345678901234567890'],
    ['debug', 'true'],
    ['redirect', 'https://example.com/callback?next=%2FHome2024'],
    ['note', 'The quick brown fox jumps over the lazy dog 42 times'],
    ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Keypost/1.0'],
    ['since', '2024-01-01T00:00:00.000Z'],
    ['If-None-Match', '"33a64df551425fcc55e4d42a148795d9f25f89d4"'],
    ['X-Custom', 'Bearer short'],
    ['X-Custom', 'aB3dE5gH7jK9mN1pQ3sT5v'],
    ['q', ''],
  ])('keeps an ordinary %s: %j row as it is', (name, ordinary) => {
    expect(isSecretRow(name, ordinary)).toBe(false);
  });

  it('keeps ids that only look long: a UUID or a hex digest is not a secret (a preset keeps its X-Request-Id)', () => {
    expect(isSecretRow('X-Request-Id', '550e8400-e29b-41d4-a716-446655440000')).toBe(false);
    expect(isSecretRow('orderId', '550E8400-E29B-41D4-A716-446655440000')).toBe(false);
    expect(isSecretRow('X-Custom', '33a64df551425fcc55e4d42a148795d9f25f89d4')).toBe(false);
  });
});

describe('secretRows and withoutSecrets', () => {
  const request = requestOf({
    query: queryRows(['page', '2'], ['api_key', QUERY_KEY], ['flag', null], ['token', GITHUB_TOKEN, false]),
    headers: headerRows(['Accept-Language', 'en-US'], ['Authorization', `Bearer ${BEARER_TOKEN}`], ['X-Trace', GITHUB_TOKEN, false]),
  });

  it('lists every secret header and query row, enabled or not, with where it is and its name', () => {
    expect(secretRows(request)).toStrictEqual([
      { where: 'header', index: 1, name: 'Authorization' },
      { where: 'header', index: 2, name: 'X-Trace' },
      { where: 'query', index: 1, name: 'api_key' },
      { where: 'query', index: 3, name: 'token' },
    ]);
  });

  it('empties the secret values and keeps each row with its name and enabled state, leaving everything else as it was', () => {
    const clean = withoutSecrets(request);
    expect(clean.headers).toStrictEqual(headerRows(['Accept-Language', 'en-US'], ['Authorization', ''], ['X-Trace', '', false]));
    expect(clean.query).toStrictEqual(queryRows(['page', '2'], ['api_key', ''], ['flag', null], ['token', '', false]));
    expect({ ...clean, headers: request.headers, query: request.query }).toStrictEqual(request);
    for (const secret of [BEARER_TOKEN, GITHUB_TOKEN, QUERY_KEY]) expect(JSON.stringify(clean)).not.toContain(secret);
    // The draft itself still holds them, for sending.
    expect(request.headers[1]!.value).toBe(`Bearer ${BEARER_TOKEN}`);
  });

  it('gives back the very same request when nothing in it is secret', () => {
    const ordinary = requestOf({ query: queryRows(['page', '2']), headers: headerRows(['Accept', 'text/csv']) });
    expect(secretRows(ordinary)).toStrictEqual([]);
    expect(withoutSecrets(ordinary)).toBe(ordinary);
  });
});

describe('values that only refer to variables', () => {
  // The variable holds the value (a secret one in the keychain): the text "{{key}}" is no secret, and the files keep it.
  it.each([
    ['X-API-Key', '{{key}}'],
    ['X-API-Key', '{{ key }}'],
    ['api_key', '{{partner.key}}'],
    ['Authorization', '{{scheme}} {{token}}'],
    ['Cookie', '{{session}}{{tracking}}'],
    ['Authorization', 'Bearer {{token}}'],
    ['Authorization', '  bearer   {{ token }}  '],
    ['Authorization', 'Basic {{b64}}'],
    ['X-Custom', '{{aB3dE5gH7jK9mN1pQ3sT5vW7}}'],
  ])('keeps a %j row holding %j as written', (name, reference) => {
    expect(isSecretRow(name, reference)).toBe(false);
  });

  it.each([
    ['X-API-Key', 'kp-literal{{suffix}}'],
    ['X-API-Key', '{{key}} hunter2'],
    ['X-Custom', `${GITHUB_TOKEN}{{suffix}}`],
    ['Authorization', `Bearer ${BEARER_TOKEN} {{token}}`],
    ['Authorization', 'Bearer {{token}} hunter2'],
    ['X-API-Key', 'hunter2 {{key}}'],
  ])('still treats a %j row holding a literal secret beside a reference (%j) as a secret', (name, mixed) => {
    expect(isSecretRow(name, mixed)).toBe(true);
  });

  it('counts only what the resolver reads as a reference: "{{9key}}" is not one, so it is treated as typed', () => {
    expect(isSecretRow('X-API-Key', '{{9key}}')).toBe(true);
  });

  it('lists no such row, keeps it in the request as written, and offers nothing to move to the keychain', () => {
    const request = requestOf({
      query: queryRows(['api_key', '{{key}}'], ['token', QUERY_KEY]),
      headers: headerRows(['X-API-Key', '{{key}}'], ['Authorization', 'Bearer {{token}}'], ['X-Trace', GITHUB_TOKEN]),
    });
    expect(secretRows(request)).toStrictEqual([
      { where: 'header', index: 2, name: 'X-Trace' },
      { where: 'query', index: 1, name: 'token' },
    ]);
    const clean = withoutSecrets(request);
    expect(clean.headers).toStrictEqual(headerRows(['X-API-Key', '{{key}}'], ['Authorization', 'Bearer {{token}}'], ['X-Trace', '']));
    expect(clean.query).toStrictEqual(queryRows(['api_key', '{{key}}'], ['token', '']));
  });

  it('keeps "{{key}}" in the history entry of a send, so reopening it sends the variable again', () => {
    const request = requestOf({ headers: headerRows(['X-API-Key', '{{key}}']), query: queryRows(['sig', '{{signature}}']) });
    const entry = historyEntryFor({ requestId: 'r1', request, timeoutMs: 5_000 }, fail('TIMEOUT', 'The server did not answer in time.'), 1, 2);
    expect(entry!.request.headers).toStrictEqual(request.headers);
    expect(entry!.request.query).toStrictEqual(request.query);
  });
});

describe('movedToKeychain', () => {
  it('turns "Authorization: Bearer x" into bearer auth with the token x, and removes the row', () => {
    const request = requestOf({ auth: { kind: 'none' }, headers: headerRows(['Accept', 'text/csv'], ['authorization', `  Bearer   ${BEARER_TOKEN} `]) });
    const moved = movedToKeychain(request, secretRows(request)[0]!, 'api.example.com Authorization');
    expect(moved.token).toBe(BEARER_TOKEN);
    expect(moved.request.auth).toStrictEqual({ kind: 'bearer', credential: 'api.example.com Authorization' });
    expect(moved.request.headers).toStrictEqual(headerRows(['Accept', 'text/csv']));
    expect(secretRows(moved.request)).toStrictEqual([]);
  });

  it('turns "Authorization: Basic …" into HTTP Basic auth: the user name in the request, the password to the keychain', () => {
    const request = requestOf({ auth: { kind: 'none' }, headers: headerRows(['Authorization', 'Basic dXNlcjpwYXNzd29yZA==']) });
    const moved = movedToKeychain(request, secretRows(request)[0]!, 'basic');
    expect(moved.token).toBe('password');
    expect(moved.request.auth).toStrictEqual({ kind: 'basic', credential: 'basic', username: 'user' });
    expect(moved.request.headers).toStrictEqual([]);
  });

  it('reads Basic credentials as UTF-8 with the password after the first colon, and refuses what is not Basic', () => {
    expect(basicCredentials(`Basic ${Buffer.from('zoë:pa:ss', 'utf8').toString('base64')}`)).toEqual({ username: 'zoë', password: 'pa:ss' });
    // No colon, not base64, not UTF-8: kept whole as an API key instead.
    for (const value of [`Basic ${btoa('nocolon')}`, 'Basic !!!', `Basic ${btoa('\xff\xfe:x')}`, 'Bearer abc']) expect(basicCredentials(value)).toBeNull();
    const request = requestOf({ auth: { kind: 'none' }, headers: headerRows(['Authorization', `Basic ${btoa('nocolon')}`]) });
    expect(movedToKeychain(request, secretRows(request)[0]!, 'odd').request.auth).toMatchObject({ kind: 'apiKey', name: 'Authorization' });
  });

  it('turns an X-API-Key header into an API key sent in that header', () => {
    const request = requestOf({ auth: { kind: 'none' }, headers: headerRows(['Accept', 'text/csv'], [' X-API-Key ', GITHUB_TOKEN], ['X-Tag', 'a']) });
    const moved = movedToKeychain(request, secretRows(request)[0]!, 'api.example.com X-API-Key');
    expect(moved.token).toBe(GITHUB_TOKEN);
    expect(moved.request.auth).toStrictEqual({ kind: 'apiKey', credential: 'api.example.com X-API-Key', in: 'header', name: 'X-API-Key' });
    expect(moved.request.headers).toStrictEqual(headerRows(['Accept', 'text/csv'], ['X-Tag', 'a']));
  });

  it('turns a query row into an API key sent in the query, and leaves the other rows and the body untouched', () => {
    const request = requestOf({
      auth: { kind: 'none' },
      query: queryRows(['page', '2'], ['api_key', QUERY_KEY], ['flag', null]),
      headers: headerRows(['Accept', 'text/csv']),
    });
    const moved = movedToKeychain(request, secretRows(request)[0]!, 'key');
    expect(moved.token).toBe(QUERY_KEY);
    expect(moved.request.auth).toStrictEqual({ kind: 'apiKey', credential: 'key', in: 'query', name: 'api_key' });
    expect(moved.request.query).toStrictEqual(queryRows(['page', '2'], ['flag', null]));
    expect(moved.request.headers).toBe(request.headers);
    expect(moved.request.body).toBe(request.body);
    expect(moved.request.url).toBe(request.url);
    // The request as moved can be sent: the key's parameter is not also a row.
    expect(checkRequest(moved.request).ok).toBe(true);
  });

  it('offers to move only a row it can send under its name: not one without a name, nor a header name HTTP refuses', () => {
    const request = requestOf({ auth: { kind: 'none' }, headers: headerRows(['', GITHUB_TOKEN], ['X API Key', GITHUB_TOKEN], ['X-API-Key', GITHUB_TOKEN]) });
    expect(secretRows(request).map(isMovable)).toEqual([false, false, true]);
    const moved = movedToKeychain(request, secretRows(request)[2]!, credentialNameFor('api.example.com', 'X-API-Key', []));
    expect(requestDocumentSchema.safeParse(moved.request).success).toBe(true);
  });

  it('gives the request the moved credential in place of the one it had (a request sends one credential)', () => {
    const request = requestOf({ headers: headerRows(['Authorization', `Bearer ${BEARER_TOKEN}`], ['X-API-Key', GITHUB_TOKEN]) });
    const first = movedToKeychain(request, secretRows(request)[0]!, 'first');
    expect(first.request.auth).toEqual({ kind: 'bearer', credential: 'first' });
    const second = movedToKeychain(first.request, secretRows(first.request)[0]!, 'second');
    expect(second.request.auth).toEqual({ kind: 'apiKey', credential: 'second', in: 'header', name: 'X-API-Key' });
    const sentHeaders = [
      ...derivedHeaders(second.request).filter((derived) => !isOverridden(derived, second.request.headers)),
      ...userHeaders(second.request.headers),
    ].map((header) => header.name.toLowerCase());
    expect(sentHeaders).toContain('x-api-key');
    expect(sentHeaders).not.toContain('authorization');
  });
});

describe('credentialNameFor', () => {
  it('names the credential after the host and the row', () => {
    expect(credentialNameFor('api.example.com', 'X-API-Key', [])).toBe('api.example.com X-API-Key');
  });

  it('keeps only letters, digits, space, _ . @ - in the name', () => {
    const name = credentialNameFor('api.example.com', 'key[0]:$/?', []);
    expect(name).toBe('api.example.com key0');
    expect(name).toMatch(/^[\w .@-]+$/);
  });

  it('adds a number when the name is taken, comparing without case', () => {
    expect(credentialNameFor('api.example.com', 'X-API-Key', ['API.EXAMPLE.COM x-api-key'])).toBe('api.example.com X-API-Key 2');
    expect(credentialNameFor('api.example.com', 'X-API-Key', ['api.example.com X-API-Key', 'api.example.com x-api-key 2'])).toBe('api.example.com X-API-Key 3');
  });

  it('stays within 64 characters for a long host, even with a number added', () => {
    const host = `${'very-long-subdomain.'.repeat(5)}example.com`;
    const taken: string[] = [];
    for (let i = 0; i < 12; i++) taken.push(credentialNameFor(host, 'X-API-Key', taken));
    expect(new Set(taken.map((name) => name.toLowerCase())).size).toBe(12);
    for (const name of taken) {
      expect(name.length).toBeLessThanOrEqual(64);
      expect(name).toMatch(/^[\w .@-]+$/);
    }
  });

  it('still gives a usable name when nothing of the host or row name is left', () => {
    expect(credentialNameFor('', '', [])).toMatch(/^[\w .@-]{1,64}$/);
    expect(credentialNameFor('', '%%%', [])).toMatch(/^[\w .@-]{1,64}$/);
  });
});

describe('secrets kept out of files', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keypost-secrets-test-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  /** Every saved request's file, one after the other (each request is a file in the default collection). */
  const storeText = (dir: string) => Object.values(textsUnder(collectionDir(dir))).join('\n');

  /** A request holding a secret in a header and in the query, beside ordinary rows. */
  const secretRequest = (url = 'https://api.example.com/items'): RequestDocument =>
    requestOf({
      url,
      query: queryRows(['page', '2'], ['api_key', QUERY_KEY]),
      headers: headerRows(['Accept-Language', 'en-US'], ['Authorization', `Bearer ${BEARER_TOKEN}`], ['X-Trace', GITHUB_TOKEN, false]),
    });
  const withSecrets = (name: string, url?: string): PresetDraft => ({ name, request: secretRequest(url) });
  const ordinary = (name: string): PresetDraft => ({ name, request: requestOf({ query: queryRows(['page', '1']) }) });

  const expectNoSecretIn = (text: string) => {
    for (const secret of [BEARER_TOKEN, QUERY_KEY, GITHUB_TOKEN]) expect(text).not.toContain(secret);
  };
  const expectEmptiedRows = (request: RequestDocument) => {
    expect(request.headers).toStrictEqual(headerRows(['Accept-Language', 'en-US'], ['Authorization', ''], ['X-Trace', '', false]));
    expect(request.query).toStrictEqual(queryRows(['page', '2'], ['api_key', '']));
  };

  it('stores a created preset with its secret header and query values emptied, on disk and when read back', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const created = value(store.create(withSecrets('Orders')));
    expectNoSecretIn(storeText(dir));
    expect(storeText(dir)).toContain('Accept-Language');
    expectEmptiedRows(created.request);
    expectEmptiedRows(value(openStore(dir).get(created.id)).request);
  });

  it('stores an updated preset with its secret values emptied', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const created = value(store.create(ordinary('Orders')));
    value(store.update(created.id, withSecrets('Orders')));
    expectNoSecretIn(storeText(dir));
    expectEmptiedRows(value(openStore(dir).get(created.id)).request);
  });

  it('stores imported presets with their secret values emptied, whether added, renamed or replacing one', () => {
    const dir = tempDir();
    const store = openStore(dir);
    value(store.create(ordinary('Orders')));
    value(store.importDrafts([withSecrets('Users'), withSecrets('orders', 'https://api.example.com/renamed')], 'rename'));
    value(store.importDrafts([withSecrets('Orders', 'https://api.example.com/replaced')], 'replace'));
    expectNoSecretIn(storeText(dir));
    const reopened = openStore(dir);
    expect(reopened.list().map((p) => p.name)).toStrictEqual(['Orders', 'orders (2)', 'Users']);
    for (const summary of reopened.list()) expectEmptiedRows(value(reopened.get(summary.id)).request);
  });

  it('stores a restored preset with its secret values emptied', () => {
    const dir = tempDir();
    const store = openStore(dir);
    // A preset as the page hands it back for undo, holding secrets (say, deleted before secrets were kept out).
    const deleted: Preset = { ...withSecrets('Orders'), id: 'id-orders', updatedAt: 1, ...DEFAULT_PLACE };
    value(store.restore(deleted));
    expectNoSecretIn(storeText(dir));
    expectEmptiedRows(value(openStore(dir).get('id-orders')).request);
  });

  it('keeps a secret out of the files it writes even for a request whose file holds one (written by hand, or pulled)', () => {
    // The file is the user's to edit; once Keypost writes a request again, the file it writes holds no secret.
    const dir = tempDir();
    const created = value(openStore(dir).create(ordinary('Orders')));
    const file = path.join(collectionDir(dir), 'Orders.request.yaml');
    writeFileSync(file, requestFileText({ id: created.id, name: 'Orders', request: { ...created.request, headers: headerRows(['Authorization', `Bearer ${BEARER_TOKEN}`]) } }));
    const store = openStore(dir);
    value(store.duplicate(created.id));
    value(store.rename(created.id, 'Orders (old)'));
    expect(Object.keys(textsUnder(collectionDir(dir)))).toEqual(['Orders (old).request.yaml', 'Orders copy.request.yaml']);
    expectNoSecretIn(storeText(dir));
  });

  it('writes the open tabs without their secret values, and loads them back with the rows kept', () => {
    const dir = tempDir();
    const workspace = openWorkspace(dir);
    const plain = requestOf({ query: queryRows(['page', '7']), headers: headerRows(['Accept', 'text/csv']) });
    value(
      workspace.save({
        tabs: [
          { presetId: null, draft: secretRequest() },
          { presetId: 'id-plain', draft: plain },
        ],
        active: 1,
      }),
    );
    const text = readFileSync(path.join(dir, `${WORKSPACE_NAME}.json`), 'utf8');
    expectNoSecretIn(text);
    expect(text).toContain('Accept-Language');
    const loaded = openWorkspace(dir).load();
    expect(loaded.active).toBe(1);
    expect(loaded.tabs).toHaveLength(2);
    expectEmptiedRows(loaded.tabs[0]!.draft);
    expect(loaded.tabs[1]).toStrictEqual({ presetId: 'id-plain', draft: plain });
  });
  it('writes the open tabs with a value that only refers to a variable kept as "{{key}}"', () => {
    const dir = tempDir();
    const draft = requestOf({ headers: headerRows(['X-API-Key', '{{key}}'], ['Authorization', 'Bearer {{ token }}']) });
    value(openWorkspace(dir).save({ tabs: [{ presetId: null, draft }], active: 0 }));
    expect(openWorkspace(dir).load().tabs[0]!.draft.headers).toStrictEqual(draft.headers);
  });
});

describe('API-key auth on the wire', () => {
  const TOKEN = 'kp-api-key-7f3a9c';
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const documentOf = (extra: Partial<RequestDocument> = {}): RequestDocument => ({
    method: 'GET',
    url: `${server.url}/echo`,
    query: [],
    headers: [],
    body: { kind: 'none' },
    auth: { kind: 'apiKey', credential: 'partner', in: 'header', name: 'X-API-Key' },
    options: {},
    ...extra,
  });
  const inQuery = (name = 'api_key') => ({ kind: 'apiKey', credential: 'partner', in: 'query', name }) as const;

  /** Checked and built as main does, with the credential's value as a real Secret. */
  function built(document: RequestDocument, token = TOKEN): OutgoingRequest {
    const checked = checkRequest(document);
    if (!checked.ok) throw new Error(`${checked.error.code}: ${checked.error.message}`);
    return buildOutgoing(checked.value, { token: new Secret(token), files: new Map() });
  }
  /** Sends it: what the server received, and what the page gets back. */
  async function sent(outgoing: OutgoingRequest): Promise<{ received: ReceivedRequest; result: SentJson }> {
    const before = server.received.length;
    const result = value(await sendWithText(outgoing, { timeoutMs: 5_000 }));
    expect(server.received).toHaveLength(before + 1);
    return { received: server.received.at(-1)!, result };
  }

  it('sends the key as "X-API-Key: <token>" exactly, with no Bearer and no Authorization header', async () => {
    const outgoing = built(documentOf());
    const header = outgoing.headers.find(([name]) => name === 'X-API-Key')?.[1];
    expect(header).toBeInstanceOf(Secret);
    expect(inspect(outgoing, { depth: Infinity })).not.toContain(TOKEN);
    const { received, result } = await sent(outgoing);
    expect(received.headers['x-api-key']).toBe(TOKEN);
    expect(received.headers.authorization).toBeUndefined();
    expect(JSON.parse(result.text)).toMatchObject({ authorization: null });
  });

  it('adds the key to the query the server receives, percent-encoded, after the other rows', async () => {
    const token = 'kpQ+key/=&a b';
    const { received } = await sent(built(documentOf({ query: queryRows(['page', '2']), auth: inQuery() }), token));
    expect(received.url).toBe('/echo?page=2&api_key=kpQ%2Bkey%2F%3D%26a%20b');
    expect(new URL(received.url, server.url).searchParams.get('api_key')).toBe(token);
    expect(received.headers.authorization).toBeUndefined();
    expect(received.headers['x-api-key']).toBeUndefined();
  });

  it('gives the page the URL with the key it put in the query concealed', async () => {
    const { received, result } = await sent(built(documentOf({ query: queryRows(['page', '2']), auth: inQuery() })));
    expect(received.url).toContain(TOKEN);
    expect(result.url).toBe(`${server.url}/echo?page=2&api_key=[secret]`);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('sends the other query rows exactly as without a key in the query', async () => {
    // Rows hold the text as it appears in the URL (urlQuery.ts); adding the key must not rewrite them.
    const query = queryRows(['flag', null], ['sort', 'name:asc'], ['ids', '1,2,3'], ['q', 'a%20b']);
    const { received: without } = await sent(built(documentOf({ query, auth: { kind: 'none' } })));
    const { received: withKey } = await sent(built(documentOf({ query, auth: inQuery() })));
    expect(without.url).toBe('/echo?flag&sort=name:asc&ids=1,2,3&q=a%20b');
    expect(withKey.url).toBe(`${without.url}&api_key=${TOKEN}`);
  });

  it('refuses a query row with the same name as the key, naming it, unless the row is disabled', () => {
    const refused = checkRequest(documentOf({ query: queryRows(['page', '2'], ['api_key', 'typed']), auth: inQuery() }));
    expect(codeOf(refused)).toBe('INVALID_ARGUMENT');
    expect(refused.ok ? '' : refused.error.message).toContain('“api_key”');
    expect(checkRequest(documentOf({ query: queryRows(['api_key', 'typed', false]), auth: inQuery() })).ok).toBe(true);
    // A header key of the same name as a query row is no clash.
    expect(checkRequest(documentOf({ query: queryRows(['X-API-Key', 'typed']) })).ok).toBe(true);
  });

  it('shows the API-key header among the derived headers, described, never the token', () => {
    const derived = derivedHeaders(documentOf());
    const auth = derived.filter((header) => header.source === 'auth');
    expect(auth).toHaveLength(1);
    expect(auth[0]!.name).toBe('X-API-Key');
    expect(auth[0]!.value).toContain('partner');
    expect(derived.map((header) => header.name)).not.toContain('Authorization');
    // A key sent in the query adds no header.
    expect(derivedHeaders(documentOf({ auth: inQuery() })).filter((header) => header.source === 'auth')).toStrictEqual([]);
  });

  it('refuses an API key over plain http to another machine, while a request with no auth may go', () => {
    const remote = { url: 'http://api.example.com/items' };
    expect(codeOf(checkRequest(documentOf({ ...remote, auth: { kind: 'none' } })))).toBe('ok');
    expect(codeOf(checkRequest(documentOf(remote)))).toBe('INSECURE_HTTP');
    expect(codeOf(checkRequest(documentOf({ ...remote, auth: inQuery() })))).toBe('INSECURE_HTTP');
    expect(codeOf(checkRequest(documentOf({ ...remote, options: { allowPlainHttp: true } })))).toBe('ok');
    expect(codeOf(checkRequest(documentOf({ url: 'https://api.example.com/items' })))).toBe('ok');
    expect(codeOf(checkRequest(documentOf()))).toBe('ok'); // plain http to 127.0.0.1 never leaves the machine
  });

  describe('behind a redirect that keeps the query (as a trailing-slash redirect does)', () => {
    let redirecting: Server;
    let origin: string;
    beforeAll(async () => {
      redirecting = createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        if (url.pathname === '/items') {
          response.writeHead(301, { Location: `/items/${url.search}` });
          response.end();
          return;
        }
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ url: request.url }));
      });
      await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => redirecting.close(resolve));
    });

    it('still gives the page no URL holding the key', async () => {
      const result = value(await sendWithText(built(documentOf({ url: `${origin}/items`, query: queryRows(['page', '2']), auth: inQuery() })), { timeoutMs: 5_000 }));
      expect(JSON.parse(result.text)).toStrictEqual({ url: `/items/?page=2&api_key=${TOKEN}` });
      expect(result.url).not.toContain(TOKEN);
      expect(JSON.stringify(result.redirects)).not.toContain(TOKEN);
    });
  });
});
