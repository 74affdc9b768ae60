// The send module against a real HTTP server on 127.0.0.1.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/core/credentials/secret';
import { sendJson, type JsonSend } from '../fixtures/sendJson';
import { closedPortUrl, startTestServer, type TestServer } from '../fixtures/testServer';

const TOKEN = 'kp-unit-token-5d1c';
let server: TestServer;
let other: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  other = await startTestServer(); // another port: another origin
});
afterAll(async () => {
  await server.close();
  await other.close();
});

const request = (path: string, extra: Partial<JsonSend> = {}): JsonSend => ({
  url: new URL(path, server.url),
  method: 'POST',
  body: '{"a":1}',
  token: new Secret(TOKEN),
  timeoutMs: 5_000,
  ...extra,
});

describe('sendRequest', () => {
  it('POSTs the body with exactly the bearer, content-type and accept headers', async () => {
    const result = await sendJson(request('/echo', { body: '{"name": "Ada"}' }));
    expect(result.ok).toBe(true);
    const received = server.received.at(-1)!;
    expect(received.method).toBe('POST');
    expect(received.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers.accept).toBe('application/json');
    expect(received.body).toBe('{"name": "Ada"}');
  });

  it('reports status, headers, timing, size and a JSON body', async () => {
    const result = await sendJson(request('/echo'));
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value;
    expect(value.status).toBe(200);
    expect(value.statusText).toBe('OK');
    expect(value.bodyKind).toBe('json');
    expect(JSON.parse(value.text)).toMatchObject({ method: 'POST', body: { a: 1 } });
    expect(value.sizeBytes).toBe(Buffer.byteLength(value.text));
    expect(value.headers).toContainEqual(['content-type', 'application/json; charset=utf-8']);
    expect(value.elapsedMs).toBeGreaterThan(0);
    expect(value.ttfbMs).toBeLessThanOrEqual(value.elapsedMs);
  });

  it('passes 401 through with its WWW-Authenticate header', async () => {
    const result = await sendJson(request('/status?code=401'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.status).toBe(401);
    expect(result.value.headers.find(([name]) => name === 'www-authenticate')?.[1]).toContain('invalid_token');
  });

  it('decodes gzip bodies', async () => {
    const result = await sendJson(request('/gzip'));
    if (!result.ok) throw new Error(result.error.message);
    expect(JSON.parse(result.value.text)).toEqual({ compressed: true });
  });

  it('shows binary bodies as a hex preview', async () => {
    const result = await sendJson(request('/binary'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.bodyKind).toBe('binary');
    expect(result.value.body).toMatch(/^00000000  89 50 4e 47 00 01 02 ff/);
    expect(result.value.body).toContain('KEYPOST');
  });

  it('treats HTML as text', async () => {
    const result = await sendJson(request('/html'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.bodyKind).toBe('text');
    expect(result.value.text).toContain('<script>');
  });

  it('follows a same-origin redirect with the token and records the hop', async () => {
    const result = await sendJson(request('/redirect?status=307&to=/echo'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.status).toBe(200);
    expect(result.value.redirects).toEqual([{ status: 307, url: `${server.url}/echo` }]);
    expect(server.received.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.received.at(-1)!.method).toBe('POST');
  });

  it('does not follow a redirect to another origin, so the token never reaches it', async () => {
    const before = other.received.length;
    const result = await sendJson(request(`/redirect?status=302&to=${encodeURIComponent(`${other.url}/echo`)}`));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.status).toBe(302);
    expect(result.value.blockedRedirect).toBe(`${other.url}/echo`);
    expect(other.received.length).toBe(before);
  });

  it('stops a redirect loop', async () => {
    const result = await sendJson(request('/loop'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('TOO_MANY_REDIRECTS');
  });

  it('says connection refused when nothing listens', async () => {
    const result = await sendJson(request('/echo', { url: new URL(`${await closedPortUrl()}/echo`) }));
    expect(result.ok || result.error).toMatchObject({ code: 'CONNECTION_REFUSED', message: expect.stringContaining('refused') });
  });

  it('says the host was not found on a DNS failure', async () => {
    const result = await sendJson(request('/echo', { url: new URL('http://keypost-no-such-host.invalid/') }));
    expect(result.ok || result.error.code).toBe('DNS_FAILURE');
  });

  it('times out on a server that never answers', async () => {
    const result = await sendJson(request('/hang', { timeoutMs: 300 }));
    expect(result.ok || result.error).toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('within 300 ms') });
  });

  it('cancels when the user aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await sendJson(request('/hang', { signal: controller.signal }));
    expect(result.ok || result.error.code).toBe('CANCELLED');
  });

  it('reports a connection dropped mid-body', async () => {
    const result = await sendJson(request('/reset'));
    expect(result.ok || result.error.code).toBe('CONNECTION_RESET');
  });


  it('never exposes the token when the request object is logged or serialised', () => {
    const outgoing = request('/echo');
    expect(JSON.stringify(outgoing)).not.toContain(TOKEN);
    expect(`${outgoing.token}`).not.toContain(TOKEN);
    expect(inspect(outgoing, { depth: 5 })).not.toContain(TOKEN);
  });
});
