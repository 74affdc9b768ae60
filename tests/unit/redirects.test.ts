// How many redirects a send follows (the "redirects followed" setting): 0 shows the redirect itself, N follows N
// hops and stops at the next one, naming N. Real local server; the send call goes through the real dispatch too.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import { Secret } from '../../electron/core/credentials/secret';
import { testCore } from '../fixtures/presetStore';
import { sendCall, sendJson } from '../fixtures/sendJson';
import { startTestServer, type TestServer } from '../fixtures/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

/** /redirect → /redirect → /echo: two same-origin hops (307 keeps the POST and its body). */
const twoHops = () => `/redirect?status=307&to=${encodeURIComponent('/redirect?status=307&to=/echo')}`;
const request = (route: string, maxRedirects?: number) => ({
  url: `${server.url}${route}`,
  credential: null,
  ...(maxRedirects === undefined ? {} : { maxRedirects }),
});

describe('with 0 redirects followed', () => {
  it('shows the redirect response itself, with its Location, and sends nothing more', async () => {
    const result = value(await sendJson(request('/redirect?status=302&to=/echo', 0)));
    expect(result.status).toBe(302);
    expect(result.url).toBe(`${server.url}/redirect?status=302&to=/echo`);
    expect(result.headers).toContainEqual(['location', '/echo']);
    expect(result.redirects).toEqual([]);
    expect(result.blockedRedirect).toBeUndefined();
    expect(server.received.map((r) => r.url)).toEqual(['/redirect?status=302&to=/echo']);
  });

  it('still says a redirect to another origin was not followed', async () => {
    const other = await startTestServer();
    try {
      const result = value(await sendJson(request(`/redirect?status=302&to=${encodeURIComponent(`${other.url}/echo`)}`, 0)));
      expect(result.status).toBe(302);
      expect(result.blockedRedirect).toBe(`${other.url}/echo`);
      expect(other.received).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('with N redirects followed', () => {
  it('follows two hops when 2 are allowed, and lists them', async () => {
    const result = value(await sendJson(request(twoHops(), 2)));
    expect(result.status).toBe(200);
    expect(result.url).toBe(`${server.url}/echo`);
    expect(result.redirects).toEqual([
      { status: 307, url: `${server.url}/redirect?status=307&to=/echo` },
      { status: 307, url: `${server.url}/echo` },
    ]);
    expect(server.received).toHaveLength(3);
  });

  it('stops at the hop past the limit, naming the configured number', async () => {
    const one = await sendJson(request(twoHops(), 1));
    expect(one.ok).toBe(false);
    if (!one.ok) {
      expect(one.error.code).toBe('TOO_MANY_REDIRECTS');
      expect(one.error.message).toBe('Stopped after 1 redirect.');
      expect(one.error.hint).toContain(`Last location: ${server.url}/echo`);
    }
    // The /echo the second hop points at was never asked for.
    expect(server.received.map((r) => r.url.split('?')[0])).toEqual(['/redirect', '/redirect']);
  });

  it('stops a loop after the configured number of hops', async () => {
    const result = await sendJson(request('/loop', 3));
    expect(!result.ok && [result.error.code, result.error.message]).toEqual(['TOO_MANY_REDIRECTS', 'Stopped after 3 redirects.']);
    expect(server.received).toHaveLength(4);
  });

  it('follows 5 when the send does not say', async () => {
    const result = await sendJson(request('/loop'));
    expect(!result.ok && result.error.message).toBe('Stopped after 5 redirects.');
    expect(server.received).toHaveLength(6);
  });
});

describe('the send call', () => {
  const send = async (call: unknown) => {
    return testCore({ keychainService: `Keypost-unit-redirects-${process.pid}` }).call<SendResult>('send', call);
  };
  const call = (route: string, maxRedirects: unknown) => ({ ...sendCall(request(route)), maxRedirects });

  it('passes the number of redirects to follow on to the request', async () => {
    expect(value(await send(call('/redirect?status=302&to=/echo', 0))).status).toBe(302);
    const followed = value(await send(call(twoHops(), 2)));
    expect([followed.status, followed.redirects.length]).toEqual([200, 2]);
    const stopped = await send(call('/loop', 4));
    expect(!stopped.ok && stopped.error.message).toBe('Stopped after 4 redirects.');
  });

  it('refuses a number outside 0–20 or not whole, before anything is sent', async () => {
    for (const bad of [-1, 21, 1.5, '2', null]) {
      const answer = await send(call('/loop', bad));
      expect(answer.ok ? 'ok' : answer.error.code, String(bad)).toBe('INVALID_ARGUMENT');
    }
    expect(server.received).toEqual([]);
  });
});

describe('a redirect that leaves the origin (port, host or scheme changes)', () => {
  // Every credential kind: what Keypost adds from it (a header or a query parameter) must never reach another origin.
  const auths = [
    { kind: 'bearer', credential: 'default' },
    { kind: 'basic', credential: 'default', username: 'alice' },
    { kind: 'apiKey', credential: 'default', in: 'header', name: 'X-Api-Key' },
    { kind: 'apiKey', credential: 'default', in: 'query', name: 'api_key' },
  ] as const;
  const secret = 'kp-cross-origin-secret-51c2';

  it.each(auths)('is not followed with $kind auth, and the other origin gets nothing', async (auth) => {
    const other = await startTestServer();
    try {
      const port = new URL(other.url).port;
      const targets = [
        `${other.url}/echo`, // another port
        `http://localhost:${new URL(server.url).port}/echo`, // another host, same port
        `https://127.0.0.1:${new URL(server.url).port}/echo`, // another scheme, same host and port
      ];
      for (const target of targets) {
        const result = value(
          await sendJson({ url: `${server.url}/redirect?status=307&to=${encodeURIComponent(target)}`, token: new Secret(secret), request: { auth } }),
        );
        expect(result.status).toBe(307);
        expect(result.blockedRedirect).toBe(target);
        // The page sees the URL concealed: an API key in the query is never in what it is shown.
        expect(JSON.stringify(result)).not.toContain(secret);
      }
      expect(other.received).toEqual([]);
      // This server saw exactly the three first requests, never a second one carrying the secret elsewhere.
      expect(server.received.map((r) => r.url.split('?')[0])).toEqual(['/redirect', '/redirect', '/redirect']);
      expect(port).not.toBe(new URL(server.url).port);
    } finally {
      await other.close();
    }
  });
});
