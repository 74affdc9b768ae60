// The pure builder (buildOutgoing) between a checked document and the wire, sent to a real HTTP server on 127.0.0.1.
import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutgoing, type OutgoingRequest } from '../../electron/core/send/outgoingRequest';
import { Secret } from '../../electron/core/credentials/secret';
import { sendRequest } from '../../electron/core/send/send';
import type { Header, RequestBody, RequestDocument } from '../../shared/request';
import { checkRequest } from '../../shared/requestChecks';
import { startTestServer, type ReceivedRequest, type TestServer } from '../fixtures/testServer';

const TOKEN = 'kp-outgoing-token-7f3a';
let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(path.join(tmpdir(), 'keypost-outgoing-test-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A POST to the echo route with the bearer token of "default"; `extra` overrides any field. */
const documentOf = (extra: Partial<RequestDocument> = {}): RequestDocument => ({
  method: 'POST',
  url: `${server.url}/echo`,
  query: [],
  headers: [],
  body: { kind: 'none' },
  auth: { kind: 'bearer', credential: 'default' },
  options: {},
  ...extra,
});

const rows = (...headers: Array<[name: string, value: string, enabled?: boolean]>): Header[] => headers.map(([name, value, enabled = true]) => ({ name, value, enabled }));

/** The document checked and built as main does, with the real Secret for its token. */
function built(document: RequestDocument, files: ReadonlyMap<string, Blob> = new Map()): OutgoingRequest {
  const checked = checkRequest(document);
  if (!checked.ok) throw new Error(`${checked.error.code}: ${checked.error.message}`);
  return buildOutgoing(checked.value, { token: document.auth.kind === 'none' ? null : new Secret(TOKEN), files });
}

/** Sends the built request and returns what the server received. */
async function sent(outgoing: OutgoingRequest): Promise<ReceivedRequest> {
  const before = server.received.length;
  const result = await sendRequest(outgoing, { timeoutMs: 5_000 });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  expect(server.received).toHaveLength(before + 1);
  return server.received.at(-1)!;
}

const send = (document: RequestDocument, files?: ReadonlyMap<string, Blob>) => sent(built(document, files));

/** The body as a multipart parser reads it (the server keeps it as UTF-8 text, fine for the text parts used here). */
const multipartOf = (received: ReceivedRequest) => new Response(received.body, { headers: { 'content-type': String(received.headers['content-type']) } }).formData();

describe('buildOutgoing on the wire', () => {
  it('sends a GET with its query rows and a custom header exactly as built, with no body and no Content-Type', async () => {
    const outgoing = built(
      documentOf({
        method: 'GET',
        query: [
          { name: 'page', value: '2', enabled: true },
          { name: 'debug', value: 'true', enabled: false },
          { name: 'flag', value: null, enabled: true },
          { name: 'q', value: 'a&b', enabled: true },
        ],
        headers: rows(['X-Request-Id', 'req-42']),
        body: { kind: 'json', text: '{"ignored": true}' },
      }),
    );
    expect(outgoing.url.href).toBe(`${server.url}/echo?page=2&flag&q=a%26b`);
    expect(outgoing.body).toBeUndefined();
    const received = await sent(outgoing);
    expect(received.method).toBe('GET');
    expect(received.url).toBe('/echo?page=2&flag&q=a%26b');
    expect(received.headers['x-request-id']).toBe('req-42');
    expect(received.body).toBe('');
    expect(received.headers['content-type']).toBeUndefined();
    expect(received.headers['content-length']).toBeUndefined();
  });

  it('sends the derived headers by default: the bearer token, the Content-Type of the body, and Accept', async () => {
    const received = await send(documentOf({ body: { kind: 'json', text: '{"a":1}' } }));
    expect(received.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers.accept).toBe('application/json');
  });

  it.each([
    ['authorization', 'Bearer hand-typed', 'authorization'],
    ['AUTHORIZATION', 'Basic YTpi', 'authorization'],
    ['content-type', 'application/vnd.api+json', 'content-type'],
    ['Content-TYPE', 'application/merge-patch+json', 'content-type'],
    ['accept', 'text/csv', 'accept'],
    ['ACCEPT', 'application/xml', 'accept'],
  ])('lets an enabled %s row replace the derived header: only the row’s value arrives', async (name, value, key) => {
    const outgoing = built(documentOf({ body: { kind: 'json', text: '{"a":1}' }, headers: rows([name, value]) }));
    // One header of that name in the request, in any case: the derived one is gone, not merged.
    expect(outgoing.headers.filter(([header]) => header.toLowerCase() === key)).toStrictEqual([[name, value]]);
    const received = await sent(outgoing);
    expect(received.headers[key]).toBe(value);
  });

  it.each([
    ['ascii', 'alice', 'alice'],
    ['UTF-8', 'zoë', 'zoë'],
  ])('sends HTTP Basic with an %s user name as RFC 7617 says (UTF-8, base64)', async (_kind, username, expected) => {
    const received = await send(documentOf({ auth: { kind: 'basic', credential: 'default', username } }));
    expect(received.headers.authorization).toBe(`Basic ${Buffer.from(`${expected}:${TOKEN}`, 'utf8').toString('base64')}`);
  });

  it('sends an API key in the header or query parameter the user names, and nothing else', async () => {
    const inHeader = await send(documentOf({ auth: { kind: 'apiKey', credential: 'default', in: 'header', name: 'X-Api-Key' } }));
    expect([inHeader.headers['x-api-key'], inHeader.headers.authorization]).toEqual([TOKEN, undefined]);
    const inQuery = await send(documentOf({ auth: { kind: 'apiKey', credential: 'default', in: 'query', name: 'key' } }));
    expect([inQuery.url, inQuery.headers.authorization]).toEqual([`/echo?key=${TOKEN}`, undefined]);
  });

  it('keeps the derived headers when the overriding rows are disabled', async () => {
    const received = await send(
      documentOf({
        body: { kind: 'json', text: '{"a":1}' },
        headers: rows(['Authorization', 'Bearer other', false], ['Content-Type', 'text/csv', false], ['Accept', 'text/csv', false]),
      }),
    );
    expect(received.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers.accept).toBe('application/json');
  });

  it('sends no Authorization header when the request has no auth', async () => {
    const outgoing = built(documentOf({ auth: { kind: 'none' }, body: { kind: 'json', text: '{}' } }));
    expect(outgoing.headers.map(([name]) => name.toLowerCase())).not.toContain('authorization');
    const received = await sent(outgoing);
    expect(received.headers.authorization).toBeUndefined();
    expect(received.headers.accept).toBe('application/json');
  });

  it('sends a JSON body byte for byte, as application/json', async () => {
    const text = '{\n  "name": "Ada",\n  "city": "Zürich ✓"\n}\n';
    const received = await send(documentOf({ body: { kind: 'json', text } }));
    expect(received.body).toBe(text);
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['content-length']).toBe(String(Buffer.byteLength(text)));
  });

  it('sends a text body byte for byte, as text/plain; charset=utf-8', async () => {
    const text = 'first line\r\nsecond: héllo ✓ {not json';
    const received = await send(documentOf({ method: 'PUT', body: { kind: 'text', text } }));
    expect(received.method).toBe('PUT');
    expect(received.body).toBe(text);
    expect(received.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(received.headers['content-length']).toBe(String(Buffer.byteLength(text)));
  });

  it('sends a form as application/x-www-form-urlencoded, spaces as +, reserved characters encoded, disabled fields left out', async () => {
    const body: RequestBody = {
      kind: 'form',
      fields: [
        { name: 'a', value: '1', enabled: true },
        { name: 'b', value: 'x y', enabled: true },
        { name: 'secret', value: 'left out', enabled: false },
        { name: 'c=d', value: 'p&q=r+s', enabled: true },
        { name: 'city', value: 'Zürich', enabled: true },
      ],
    };
    const received = await send(documentOf({ method: 'PATCH', body }));
    expect(received.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(received.body).toBe('a=1&b=x+y&c%3Dd=p%26q%3Dr%2Bs&city=Z%C3%BCrich');
    expect([...new URLSearchParams(received.body)]).toStrictEqual([
      ['a', '1'],
      ['b', 'x y'],
      ['c=d', 'p&q=r+s'],
      ['city', 'Zürich'],
    ]);
  });

  it('sends multipart with a text field and a real file from disk, with its boundary, file name and content', async () => {
    const file = path.join(dir, 'report.txt');
    const content = 'quarterly report\nZürich ✓\n';
    writeFileSync(file, content);
    const skipped = path.join(dir, 'skipped.txt');
    writeFileSync(skipped, 'not sent');
    const body: RequestBody = {
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'note', value: 'hello there', enabled: true },
        { kind: 'file', name: 'upload', path: file, enabled: true },
        { kind: 'text', name: 'draft', value: 'left out', enabled: false },
        { kind: 'file', name: 'other', path: skipped, enabled: false },
      ],
    };
    // As main does (sendApi.ts): the enabled file parts opened as Blobs, keyed by path.
    const received = await send(documentOf({ body }), new Map([[file, await openAsBlob(file)]]));
    expect(received.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const form = await multipartOf(received);
    expect([...form.keys()]).toStrictEqual(['note', 'upload']);
    expect(form.get('note')).toBe('hello there');
    const upload = form.get('upload') as File;
    expect(upload.name).toBe('report.txt');
    expect(await upload.text()).toBe(content);
    expect(received.body).not.toContain('not sent');
  });

  it('sends two X-Tag rows both, in order, as one list', async () => {
    const received = await send(documentOf({ headers: rows(['X-Tag', 'a'], ['X-Tag', 'b'], ['x-tag', 'c', false]) }));
    expect(received.headers['x-tag']).toBe('a, b');
  });

  it.each(['GET', 'HEAD', 'head'])('sends a %s with a JSON body kind without any body or Content-Type', async (method) => {
    const outgoing = built(documentOf({ method, body: { kind: 'json', text: '{"never": "sent"}' } }));
    expect(outgoing.body).toBeUndefined();
    expect(outgoing.headers.map(([name]) => name.toLowerCase())).not.toContain('content-type');
    const received = await sent(outgoing);
    expect(received.method).toBe(method.toUpperCase());
    expect(received.body).toBe('');
    expect(received.headers['content-type']).toBeUndefined();
    expect(received.headers['content-length']).toBeUndefined();
    expect(received.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('sends a body with DELETE and with a custom method', async () => {
    for (const method of ['DELETE', 'PURGE']) {
      const received = await send(documentOf({ method, body: { kind: 'json', text: '{"id":7}' } }));
      expect(received.method).toBe(method);
      expect(received.body).toBe('{"id":7}');
      expect(received.headers['content-type']).toBe('application/json');
    }
  });

  it('keeps the token a Secret in the built request: no JSON, inspection or string of it shows the token', async () => {
    const outgoing = built(documentOf({ body: { kind: 'json', text: '{"a":1}' }, headers: rows(['X-Tag', 'a']) }));
    const authorization = outgoing.headers.find(([name]) => name === 'Authorization')?.[1];
    expect(authorization).toBeInstanceOf(Secret);
    for (const shown of [
      JSON.stringify(outgoing),
      inspect(outgoing, { depth: Infinity, showHidden: true, getters: true }),
      `${outgoing.headers}`,
      String(authorization),
      Object.entries(authorization as object).join(),
    ]) {
      expect(shown).not.toContain(TOKEN);
    }
    expect(JSON.stringify(outgoing.headers)).toContain('[secret]');
    // Sending reveals it, there and only there.
    expect((await sent(outgoing)).headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});
