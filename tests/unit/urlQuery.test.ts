// The URL bar and the query table as two views of one request: split, join, table edits, and what reaches a server.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutgoing } from '../../electron/core/send/outgoingRequest';
import { sendRequest } from '../../electron/core/send/send';
import type { QueryParam, RequestDocument } from '../../shared/request';
import { checkRequest } from '../../shared/requestChecks';
import { encodeQueryText, joinUrl, queryFromUrlText, splitUrl } from '../../shared/urlQuery';
import { startTestServer, type TestServer } from '../fixtures/testServer';

const row = (name: string, value: string | null, enabled = true): QueryParam => ({ name, value, enabled });

describe('splitUrl and joinUrl', () => {
  // [typed URL, the URL field without its query, the query rows]
  const cases: Array<[string, string, QueryParam[]]> = [
    ['https://api.example/items', 'https://api.example/items', []],
    ['https://api.example/items?a=1&a=2', 'https://api.example/items', [row('a', '1'), row('a', '2')]],
    ['https://api.example/items?a=&b', 'https://api.example/items', [row('a', ''), row('b', null)]],
    ['https://api.example/items?flag', 'https://api.example/items', [row('flag', null)]],
    ['https://api.example/items?=v', 'https://api.example/items', [row('', 'v')]],
    ['https://api.example/search?q=a+b&r=a%20b', 'https://api.example/search', [row('q', 'a+b'), row('r', 'a%20b')]],
    ['https://api.example/search?e=%26%23%3D', 'https://api.example/search', [row('e', '%26%23%3D')]],
    ['https://api.example/page?a=1#top', 'https://api.example/page#top', [row('a', '1')]],
    ['https://api.example/page#top?a=1', 'https://api.example/page#top?a=1', []],
    ['https://api.example/page?a=1#frag?b=2&c', 'https://api.example/page#frag?b=2&c', [row('a', '1')]],
    ['https://api.example/page?a=1#', 'https://api.example/page#', [row('a', '1')]],
    ['http://[::1]:8080/p?x=1', 'http://[::1]:8080/p', [row('x', '1')]],
    ['http://[2001:db8::1]/p?x=[y]', 'http://[2001:db8::1]/p', [row('x', '[y]')]],
    ['http://localhost:3000?x=1', 'http://localhost:3000', [row('x', '1')]],
    ['https://api.example:8443/v1/items?page=2', 'https://api.example:8443/v1/items', [row('page', '2')]],
    ['https://api.example/items?', 'https://api.example/items', [row('', null)]],
    ['https://api.example/items?a=1&', 'https://api.example/items', [row('a', '1'), row('', null)]],
    ['https://api.example/items?a=1&&b=2', 'https://api.example/items', [row('a', '1'), row('', null), row('b', '2')]],
    ['https://api.example/items?q=a=b', 'https://api.example/items', [row('q', 'a=b')]],
    ['https://api.example/items?q==', 'https://api.example/items', [row('q', '=')]],
    ['https://api.example/stadt?name=Zürich&名前=値&emoji=🙂', 'https://api.example/stadt', [row('name', 'Zürich'), row('名前', '値'), row('emoji', '🙂')]],
    ['https://api.example/items?a b=c d', 'https://api.example/items', [row('a b', 'c d')]],
    ['?a=1', '', [row('a', '1')]],
    ['', '', []],
  ];

  it.each(cases)('%s splits into its base URL and rows', (text, url, query) => {
    expect(splitUrl(text)).toStrictEqual({ url, query });
  });

  it.each(cases)('%s joins back character for character', (text) => {
    const { url, query } = splitUrl(text);
    expect(joinUrl(url, query)).toBe(text);
  });

  it('gives back any typed text unchanged after split and join', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const { url, query } = splitUrl(text);
        expect(joinUrl(url, query)).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives back URL-shaped text, dense in ? & = # and %, unchanged after split and join', () => {
    const urlChars = fc.constantFrom('?', '&', '=', '#', '%', '2', '6', 'a', 'b', ' ', '+', '/', ':', '[', ']', 'é', '🙂');
    const urlish = fc.tuple(fc.constantFrom('', 'https://api.example/p', 'http://[::1]:8080'), fc.string({ unit: urlChars, maxLength: 40 })).map(([base, rest]) => base + rest);
    fc.assert(
      fc.property(urlish, (text) => {
        const { url, query } = splitUrl(text);
        expect(joinUrl(url, query)).toBe(text);
        // Every row the URL bar produces is enabled, and no cell holds the characters that delimit it.
        for (const param of query) {
          expect(param.enabled).toBe(true);
          expect(param.name).not.toMatch(/[&#=]/);
          expect(param.value ?? '').not.toMatch(/[&#]/);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('editing the query table', () => {
  const base = 'https://api.example/search#results';
  /** The URL after the user typed `value` into the value cell (or `name` into the name cell) of the one row. */
  const typed = (name: string, value: string | null) => joinUrl(base, [row(name, value)]);

  it.each([
    ['a&b', 'q=a%26b'],
    ['#hash', 'q=%23hash'],
    ['a&b#c&', 'q=a%26b%23c%26'],
  ])('a value typed as %j stays one row and the server reads it as typed', (value, search) => {
    const text = typed('q', value);
    expect(text).toBe(`https://api.example/search?${search}#results`);
    const split = splitUrl(text);
    expect(split.url).toBe(base);
    expect(split.query).toStrictEqual([row('q', search.slice(2))]);
    const parsed = new URL(text);
    expect([...parsed.searchParams]).toStrictEqual([['q', value]]);
    expect(parsed.hash).toBe('#results');
  });

  it('keeps an = typed into a value as it is, which URL parsers read as part of the value', () => {
    const text = typed('q', 'a=b');
    expect(text).toBe('https://api.example/search?q=a=b#results');
    expect(splitUrl(text).query).toStrictEqual([row('q', 'a=b')]);
    expect(new URL(text).searchParams.get('q')).toBe('a=b');
  });

  it.each([
    ['a=b', 'a%3Db'],
    ['a&b', 'a%26b'],
    ['a#b', 'a%23b'],
    ['x=&#', 'x%3D%26%23'],
  ])('a name typed as %j stays one row with that name', (name, encoded) => {
    const text = typed(name, '1');
    expect(text).toBe(`https://api.example/search?${encoded}=1#results`);
    expect(splitUrl(text).query).toStrictEqual([row(encoded, '1')]);
    expect([...new URL(text).searchParams]).toStrictEqual([[name, '1']]);
  });

  it('keeps a bare name with = in it a bare name', () => {
    const text = typed('a=b', null);
    expect(text).toBe('https://api.example/search?a%3Db#results');
    expect(splitUrl(text).query).toStrictEqual([row('a%3Db', null)]);
  });

  it('does not encode a row a second time: text already percent-encoded is joined as it is', () => {
    expect(encodeQueryText('a%26b%20c', false)).toBe('a%26b%20c');
    expect(encodeQueryText('a%3Db', true)).toBe('a%3Db');
    const text = typed('q', 'a%26b');
    expect(new URL(text).searchParams.get('q')).toBe('a&b');
  });

  it('leaves disabled rows out of the URL', () => {
    const query = [row('a', '1'), row('debug', 'true', false), row('b', null)];
    expect(joinUrl('https://api.example/items', query)).toBe('https://api.example/items?a=1&b');
    expect(joinUrl('https://api.example/items#top', [row('debug', 'true', false)])).toBe('https://api.example/items#top');
  });

  it('keeps disabled rows while the user types in the URL bar, and the enabled ones follow the URL', () => {
    const previous = [row('a', '1'), row('debug', 'true', false), row('b', '2'), row('trace', null, false)];
    const next = queryFromUrlText('https://api.example/items?a=10&c', previous);
    expect(next).toStrictEqual({
      url: 'https://api.example/items',
      query: [row('a', '10'), row('c', null), row('debug', 'true', false), row('trace', null, false)],
    });
    // Clearing the query in the bar keeps the disabled rows too, and the URL shows none of them.
    const cleared = queryFromUrlText('https://api.example/items', next.query);
    expect(cleared.query).toStrictEqual([row('debug', 'true', false), row('trace', null, false)]);
    expect(joinUrl(cleared.url, cleared.query)).toBe('https://api.example/items');
  });
});

describe('the joined URL on the wire', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  /** Sends a GET with this URL and query (checked and built as main does) and returns the path and query the server got. */
  async function arrivedPath(document: Pick<RequestDocument, 'url' | 'query'>): Promise<string> {
    const checked = checkRequest({ method: 'GET', headers: [], body: { kind: 'none' }, auth: { kind: 'none' }, options: {}, ...document });
    if (!checked.ok) throw new Error(checked.error.message);
    const result = await sendRequest(buildOutgoing(checked.value, { token: null, files: new Map() }), { timeoutMs: 5_000 });
    if (!result.ok) throw new Error(result.error.message);
    return server.received.at(-1)!.url;
  }

  it.each([
    '/echo?a=1&a=2',
    '/echo?a=&b&flag',
    '/echo?q=a=b&r=a+b&s=a%20b',
    '/echo?e=%26%23%3D&%3D=x',
    '/echo?a=1&',
    '/echo?',
  ])('%s arrives with exactly the query string typed', async (path) => {
    expect(await arrivedPath(splitUrl(server.url + path))).toBe(path);
  });

  it('sends the query but not the #fragment, even a fragment with a ? in it', async () => {
    const document = splitUrl(`${server.url}/echo?a=1#top?b=2`);
    expect(document.query).toStrictEqual([row('a', '1')]);
    expect(await arrivedPath(document)).toBe('/echo?a=1');
  });

  it('sends spaces and non-ASCII letters percent-encoded as UTF-8, as the URL parser encodes them', async () => {
    expect(await arrivedPath(splitUrl(`${server.url}/echo?city=Zürich&名=値&q=a b`))).toBe('/echo?city=Z%C3%BCrich&%E5%90%8D=%E5%80%A4&q=a%20b');
  });

  it('sends a table edit with & and # in a value as one parameter the server reads back as typed', async () => {
    const path = await arrivedPath({ url: `${server.url}/echo`, query: [row('q', 'rock & roll #1'), row('hidden', 'x', false), row('k=v', 'ok')] });
    expect(path).toBe('/echo?q=rock%20%26%20roll%20%231&k%3Dv=ok');
    expect([...new URL(path, server.url).searchParams]).toStrictEqual([
      ['q', 'rock & roll #1'],
      ['k=v', 'ok'],
    ]);
  });
});
