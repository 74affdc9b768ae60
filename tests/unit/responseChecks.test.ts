// Assertions and captures, through the app's own send path (the core as main builds it) against a real local server:
// each kind passes and fails in words, JSONPath is RFC 9535 (json-p3), a body too large is not checked, captured
// values feed the next request's {{name}}, and a value that looks like a secret never reaches the page.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import type { RequestDocument } from '../../shared/request';
import { assertionLine, checkResponseChecks, type Assertion, type Capture } from '../../shared/responseChecks';
import { JSON_CHECK_MAX_BYTES } from '../../electron/core/checks/evaluateChecks';
import { testCore } from '../fixtures/presetStore';
import { forgetKeychain } from '../fixtures/keychain';

const service = `Keypost-unit-checks-${process.pid}`;
const JWT = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiJrcC1jaGVja3MiLCJleHAiOjE5OTk5OTk5OTl9', 'kpChecksSig0123456789abcdefABCDEF_-xyz'].join('.');
const BOOKS = { store: { book: [{ title: 'A', price: 8 }, { title: 'B', price: 12 }, { title: 'C', price: 9.5 }] }, total: 3, name: 'shelf', none: null };

let server: Server;
let base: string;
/** The X-User header each /whoami request arrived with. */
const seenUsers: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://127.0.0.1');
    if (url.pathname === '/login') {
      response.writeHead(201, { 'Content-Type': 'application/json', 'X-Session': 'session-7' });
      response.end(JSON.stringify({ id: 'user-42', access_token: JWT }));
    } else if (url.pathname === '/books') {
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(BOOKS));
    } else if (url.pathname === '/whoami') {
      seenUsers.push(String(request.headers['x-user']));
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('hello');
    } else if (url.pathname === '/big') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(`{"pad":"${'x'.repeat(JSON_CHECK_MAX_BYTES)}"}`);
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('no such page');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await forgetKeychain(service);
});

const request = (url: string, checks: { assertions?: Assertion[]; captures?: Capture[] }, headers: RequestDocument['headers'] = []): RequestDocument => ({
  method: 'GET',
  url,
  query: [],
  headers,
  body: { kind: 'none' },
  auth: { kind: 'none' },
  options: {},
  ...checks,
});

function newCore() {
  const core = testCore({ keychainService: service });
  let sends = 0;
  return async (document: RequestDocument): Promise<Result<SendResult>> =>
    core.call<SendResult>('send', { requestId: `checks-${++sends}`, request: document, timeoutMs: 10_000, maxBodyBytes: 100 * 1024 * 1024 });
}

async function linesFor(url: string, assertions: Assertion[]): Promise<string[]> {
  const sent = await newCore()(request(`${base}${url}`, { assertions }));
  if (!sent.ok) throw new Error(sent.error.message);
  return sent.value.checks!.assertions.map(assertionLine);
}

describe('assertions', () => {
  it('check the status, one code or a list, and say what came instead', async () => {
    expect(await linesFor('/login', [{ check: 'status', equals: 201 }, { check: 'status', equals: [200, 204] }])).toEqual([
      '✓ status is 201',
      '✗ status is one of 200, 204 — got 201 Created',
    ]);
  });

  it('check a header exists, equals or matches (any case of its name)', async () => {
    expect(
      await linesFor('/login', [
        { check: 'header', name: 'content-type', matches: '^application/json' },
        { check: 'header', name: 'X-Session', equals: 'session-8' },
        { check: 'header', name: 'X-Missing', exists: true },
        { check: 'header', name: 'X-Missing', exists: false },
      ]),
    ).toEqual([
      '✓ header content-type matches /^application/json/',
      '✗ header X-Session equals “session-8” — got “session-7”',
      '✗ header X-Missing exists — the response has no such header',
      '✓ header X-Missing is absent',
    ]);
  });

  it('check a JSONPath value: equals, exists, matches, and its type', async () => {
    expect(
      await linesFor('/books', [
        { check: 'json', path: '$.total', equals: 3 },
        { check: 'json', path: '$.total', equals: 2 },
        { check: 'json', path: '$.store.book[0]', equals: { price: 8, title: 'A' } },
        { check: 'json', path: '$.store.book[5]', exists: true },
        { check: 'json', path: '$.name', matches: '^sh' },
        { check: 'json', path: '$.total', matches: '^3' },
        { check: 'json', path: '$.total', type: 'integer' },
        { check: 'json', path: '$.store.book[2].price', type: 'integer' },
        { check: 'json', path: '$.store.book', type: 'array' },
        { check: 'json', path: '$.none', type: 'null' },
      ]),
    ).toEqual([
      '✓ $.total equals 3',
      '✗ $.total equals 2 — got 3',
      '✓ $.store.book[0] equals {"price":8,"title":"A"}',
      '✗ $.store.book[5] exists — nothing matched',
      '✓ $.name matches /^sh/',
      '✗ $.total matches /^3/ — got 3, which is not a string',
      '✓ $.total is an integer',
      '✗ $.store.book[2].price is an integer — got a number (9.5)',
      '✓ $.store.book is an array',
      '✓ $.none is a null',
    ]);
  });

  it('read RFC 9535 filters, and the older style with parentheses too (json-p3)', async () => {
    expect(
      await linesFor('/books', [
        { check: 'json', path: '$..book[?@.price<10].title', equals: ['A', 'C'] },
        { check: 'json', path: '$..book[?(@.price<10)].title', equals: ['A', 'C'] },
      ]),
    ).toEqual(['✓ $..book[?@.price<10].title equals ["A","C"]', '✓ $..book[?(@.price<10)].title equals ["A","C"]']);
  });

  it('check the time against a bound', async () => {
    expect(await linesFor('/books', [{ check: 'time', below: 60_000 }])).toEqual(['✓ time is below 60000 ms']);
    const [line] = await linesFor('/books', [{ check: 'time', below: 0 }]);
    expect(line).toMatch(/^✗ time is below 0 ms — took \d+ ms$/);
  });

  it('say a JSON check was not made on a body that is not JSON, or larger than the cap', async () => {
    expect(await linesFor('/whoami', [{ check: 'json', path: '$.id', exists: true }])).toEqual(['– $.id exists — not checked: the body is not JSON (it is text/plain)']);
    expect(await linesFor('/big', [{ check: 'json', path: '$.pad', exists: true }, { check: 'status', equals: 200 }])).toEqual([
      '– $.pad exists — not checked: the body is larger than 20 MB',
      '✓ status is 200',
    ]);
  });

  it('are refused before sending when a JSONPath or pattern does not read, naming the assertion', async () => {
    const sent = await newCore()(request(`${base}/books`, { assertions: [{ check: 'status', equals: 200 }, { check: 'json', path: '$.store[', exists: true }] }));
    expect(sent.ok).toBe(false);
    if (!sent.ok) expect(sent.error.message).toMatch(/^Assertion 2 \(\$\.store\[ exists\): That is not a JSONPath \(RFC 9535\): it stops reading at character/);
    const pattern = checkResponseChecks({ assertions: [{ check: 'header', name: 'Content-Type', matches: '([a-z' }] });
    expect(pattern.ok ? null : pattern.error.message).toBe('Assertion 1 (header Content-Type matches /([a-z/): /([a-z/ is not a regular expression (JavaScript syntax, such as ^application/json).');
  });

  it('are not evaluated for a request that declares none', async () => {
    const sent = await newCore()(request(`${base}/books`, {}));
    expect(sent.ok && sent.value.checks).toBe(undefined);
  });
});

describe('captures', () => {
  it('keep a JSONPath value or a header for the following requests, where it wins over nothing defined', async () => {
    const send = newCore();
    const login = await send(request(`${base}/login`, { captures: [{ variable: 'userId', json: '$.id' }, { variable: 'session', header: 'x-session' }] }));
    expect(login.ok && login.value.checks!.captures).toEqual([
      { variable: 'userId', captured: true, secret: false, value: 'user-42' },
      { variable: 'session', captured: true, secret: false, value: 'session-7' },
    ]);
    const next = await send(request(`${base}/whoami`, {}, [{ name: 'X-User', value: '{{userId}} {{session}}', enabled: true }]));
    expect(next.ok).toBe(true);
    expect(seenUsers.at(-1)).toBe('user-42 session-7');
  });

  it('say when nothing matched, and keep nothing then', async () => {
    const send = newCore();
    const login = await send(request(`${base}/login`, { captures: [{ variable: 'missing', json: '$.nope' }] }));
    expect(login.ok && login.value.checks!.captures).toEqual([{ variable: 'missing', captured: false, secret: false, detail: 'nothing matched $.nope' }]);
    const next = await send(request(`${base}/whoami`, {}, [{ name: 'X-User', value: '{{missing}}', enabled: true }]));
    expect(next.ok ? 'sent' : next.error.code).toBe('UNRESOLVED_VARIABLE');
  });

  it('never give the page a value that looks like a secret, or one marked secret: only its name', async () => {
    const send = newCore();
    const login = await send(
      request(`${base}/login`, {
        captures: [{ variable: 'token', json: '$.access_token' }, { variable: 'session', header: 'X-Session', secret: true }],
        assertions: [{ check: 'json', path: '$.access_token', equals: 'something else' }],
      }),
    );
    if (!login.ok) throw new Error(login.error.message);
    // The response itself is the user's to see; what the checks report about it holds no such value.
    const shown = JSON.stringify(login.value.checks);
    expect(shown).not.toContain(JWT);
    expect(shown).not.toContain('session-7');
    expect(login.value.checks!.captures).toEqual([
      { variable: 'token', captured: true, secret: true },
      { variable: 'session', captured: true, secret: true },
    ]);
    expect(login.value.checks!.assertions.map(assertionLine)).toEqual(['✗ $.access_token equals "something else" — got a value that looks like a secret (not shown)']);
    // Still kept for the next request, which sends it; the URL the page and the history are shown hides it.
    const next = await send(request(`${base}/whoami?t={{token}}`, {}, [{ name: 'X-User', value: '{{token}}', enabled: true }]));
    expect(next.ok && next.value.url).toBe(`${base}/whoami?t=[secret]`);
    expect(seenUsers.at(-1)).toBe(JWT);
  });

  it('belong to one session: a new core (a restart) has none', async () => {
    await newCore()(request(`${base}/login`, { captures: [{ variable: 'userId', json: '$.id' }] }));
    const fresh = await newCore()(request(`${base}/whoami`, {}, [{ name: 'X-User', value: '{{userId}}', enabled: true }]));
    expect(fresh.ok ? 'sent' : fresh.error.code).toBe('UNRESOLVED_VARIABLE');
  });
});

describe('saving a request with checks', () => {
  const TOP = { collection: 'default', folder: '' };
  const draft = (checks: { assertions?: Assertion[]; captures?: Capture[] }) => ({ name: 'Log in', request: request(`${base}/login`, checks) });

  it('writes its assertions and captures into the request file, and never a captured value', async () => {
    const core = testCore({ keychainService: service });
    const saved = await core.call<{ id: string }>('createPreset', draft({ assertions: [{ check: 'status', equals: 201 }], captures: [{ variable: 'userId', json: '$.id' }] }), TOP);
    expect(saved.ok).toBe(true);
    const sent = await core.call<SendResult>('send', { requestId: 'save-1', request: request(`${base}/login`, { captures: [{ variable: 'userId', json: '$.id' }] }), timeoutMs: 10_000 });
    expect(sent.ok).toBe(true);
    const file = readFileSync(path.join(core.dir, 'collection', 'Log in.request.yaml'), 'utf8');
    expect(file).toContain('  assertions:\n    - check: status\n      equals: 201\n  captures:\n    - variable: userId\n      json: $.id\n');
    expect(filesUnder(core.dir).some((name) => readFileSync(name, 'utf8').includes('user-42'))).toBe(false);
  });

  it('is refused, naming the capture, when its JSONPath does not read; and when an assertion expects a token', async () => {
    const core = testCore({ keychainService: service });
    const bad = await core.call('createPreset', draft({ captures: [{ variable: 'userId', json: '$..[' }] }), TOP);
    expect(bad.ok ? 'saved' : bad.error.message).toMatch(/^“Log in” was not saved: Capture 1 \(userId from \$\.\.\[\): That is not a JSONPath \(RFC 9535\)/);
    const secret = await core.call('createPreset', draft({ assertions: [{ check: 'header', name: 'X-Token', equals: JWT }] }), TOP);
    expect(secret.ok ? 'saved' : secret.error.message).toMatch(/^“Log in” was not saved: the expected value of assertion 1 holds a JSON Web Token/);
  });
});

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
