// The request document: its schema, "unsaved changes" (sameRequest), and checkRequest, the gate before anything is sent.
import { describe, expect, it } from 'vitest';
import { blankRequest, requestDocumentSchema, sameRequest, type RequestBody, type RequestDocument } from '../../shared/request';
import { checkRequest } from '../../shared/requestChecks';

/** A document that uses every part of the schema, with the given body. */
const documentWith = (body: RequestBody): RequestDocument => ({
  method: 'POST',
  url: 'https://api.example/items#top',
  query: [
    { name: 'page', value: '2', enabled: true },
    { name: 'flag', value: null, enabled: true },
    { name: 'debug', value: 'true', enabled: false },
  ],
  headers: [
    { name: 'X-Tag', value: 'a', enabled: true },
    { name: 'X-Old', value: 'b', enabled: false },
  ],
  body,
  auth: { kind: 'bearer', credential: 'staging api' },
  options: { allowPlainHttp: true, allowSelfSignedTls: false },
});

const bodies: Array<[RequestBody['kind'], RequestBody]> = [
  ['none', { kind: 'none' }],
  ['json', { kind: 'json', text: '{\n  "name": "Ada"\n}\n' }],
  ['text', { kind: 'text', text: 'héllo\nwörld ✓' }],
  [
    'form',
    {
      kind: 'form',
      fields: [
        { name: 'a', value: '1', enabled: true },
        { name: 'b', value: 'x y', enabled: false },
      ],
    },
  ],
  [
    'multipart',
    {
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'note', value: 'hello', enabled: true },
        { kind: 'file', name: 'upload', path: '/home/ada/report.pdf', enabled: true },
        { kind: 'file', name: 'old', path: 'C:\\Users\\ada\\old.bin', enabled: false },
      ],
    },
  ],
];

/** A copy through JSON, as a preset file or IPC would carry it. */
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('requestDocumentSchema', () => {
  it.each(bodies)('reads a document with a %s body back as itself', (_kind, body) => {
    const document = documentWith(body);
    expect(requestDocumentSchema.parse(document)).toStrictEqual(document);
  });

  it.each(bodies)('keeps a document with a %s body identical through JSON (a saved preset reloads as it was)', (_kind, body) => {
    const document = documentWith(body);
    expect(requestDocumentSchema.parse(throughJson(document))).toStrictEqual(document);
  });

  it('accepts a new blank request and the minimal document (no auth, no options)', () => {
    expect(requestDocumentSchema.safeParse(blankRequest()).success).toBe(true);
    const minimal: RequestDocument = { method: 'GET', url: '', query: [], headers: [], body: { kind: 'none' }, auth: { kind: 'none' }, options: {} };
    expect(requestDocumentSchema.parse(minimal)).toStrictEqual(minimal);
  });

  it.each(['GET', 'PURGE', 'M-SEARCH', 'get', "!#$%&'*+.^_`|~", 'X'.repeat(32)])('accepts the method %j', (method) => {
    expect(requestDocumentSchema.safeParse({ ...blankRequest(), method }).success).toBe(true);
  });

  it.each(['TRACE', 'trace', 'CONNECT', 'Track', 'GET X', '', 'X'.repeat(33), 'GET\r\n', 'GÉT', 'GET/1'])('refuses the method %j', (method) => {
    expect(requestDocumentSchema.safeParse({ ...blankRequest(), method }).success).toBe(false);
  });

  it('says why TRACE cannot be used', () => {
    const result = requestDocumentSchema.safeParse({ ...blankRequest(), method: 'TRACE' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('TRACE');
  });

  const blank = blankRequest('default');
  it.each<[string, unknown]>([
    ['a token beside auth', { ...blank, token: 'kp-secret' }],
    ['a token inside bearer auth', { ...blank, auth: { kind: 'bearer', credential: 'default', token: 'kp-secret' } }],
    ['a credential inside auth none', { ...blank, auth: { kind: 'none', credential: 'default' } }],
    ['an unknown option', { ...blank, options: { allowPlainHttp: true, token: 'kp-secret' } }],
    ['an unknown field in a query row', { ...blank, query: [{ name: 'a', value: '1', enabled: true, secret: true }] }],
    ['an unknown field in a header row', { ...blank, headers: [{ name: 'a', value: '1', enabled: true, sensitive: true }] }],
    ['an unknown field in the body', { ...blank, body: { kind: 'json', text: '{}', schema: 'x' } }],
    ['a text in a none body', { ...blank, body: { kind: 'none', text: '{}' } }],
    ['an unknown field in a multipart file part', { ...blank, body: { kind: 'multipart', parts: [{ kind: 'file', name: 'f', path: '/a', enabled: true, bytes: 'AAAA' }] } }],
    ['an unknown body kind', { ...blank, body: { kind: 'graphql', text: '{}' } }],
    ['an unknown auth kind', { ...blank, auth: { kind: 'basic', credential: 'default' } }],
    ['a missing enabled flag', { ...blank, headers: [{ name: 'a', value: '1' }] }],
    ['a null header value (only query values may be null)', { ...blank, headers: [{ name: 'a', value: null, enabled: true }] }],
    ['a multipart file part without a path', { ...blank, body: { kind: 'multipart', parts: [{ kind: 'file', name: 'f', path: '', enabled: true }] } }],
  ])('refuses %s', (_what, document) => {
    expect(requestDocumentSchema.safeParse(document).success).toBe(false);
  });

  it.each(['team/prod', '../default', '', 'x'.repeat(65), 'new\nline'])('refuses the bearer credential name %j', (credential) => {
    expect(requestDocumentSchema.safeParse({ ...blank, auth: { kind: 'bearer', credential } }).success).toBe(false);
  });

  it.each(['default', 'staging api', 'ada@example.com', 'prod-2.v1_x'])('accepts the bearer credential name %j', (credential) => {
    expect(requestDocumentSchema.safeParse({ ...blank, auth: { kind: 'bearer', credential } }).success).toBe(true);
  });
});

describe('sameRequest (whether there are unsaved changes)', () => {
  const saved = documentWith(bodies[4]![1]);

  it('sees no change in an equal copy', () => {
    expect(sameRequest(saved, structuredClone(saved))).toBe(true);
    expect(sameRequest(saved, requestDocumentSchema.parse(throughJson(saved)))).toBe(true);
  });

  it('sees no change when only the order of keys differs', () => {
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).reverse().map(([key, entry]) => [key, reversed(entry)]));
    };
    const shuffled = reversed(saved) as RequestDocument;
    expect(Object.keys(shuffled)).not.toStrictEqual(Object.keys(saved));
    expect(sameRequest(saved, shuffled)).toBe(true);
  });

  it('treats an option turned off as an option never set', () => {
    const base = blankRequest();
    expect(sameRequest({ ...base, options: { allowPlainHttp: false } }, { ...base, options: {} })).toBe(true);
    expect(sameRequest({ ...base, options: { allowSelfSignedTls: false, allowPlainHttp: false } }, { ...base, options: {} })).toBe(true);
    expect(sameRequest({ ...base, options: { allowPlainHttp: true } }, { ...base, options: {} })).toBe(false);
    expect(sameRequest({ ...base, options: { allowSelfSignedTls: true } }, { ...base, options: { allowPlainHttp: true } })).toBe(false);
  });

  const changes: Array<[string, (document: RequestDocument) => RequestDocument]> = [
    ['the method', (d) => ({ ...d, method: 'PUT' })],
    ['the method only in case', (d) => ({ ...d, method: 'post' })],
    ['the URL', (d) => ({ ...d, url: 'https://api.example/items#bottom' })],
    ['a query value', (d) => ({ ...d, query: d.query.map((q, i) => (i === 0 ? { ...q, value: '3' } : q)) })],
    ['a bare query name given an empty value (?flag to ?flag=)', (d) => ({ ...d, query: d.query.map((q) => (q.value === null ? { ...q, value: '' } : q)) })],
    ['a query row disabled', (d) => ({ ...d, query: d.query.map((q, i) => (i === 0 ? { ...q, enabled: false } : q)) })],
    ['a disabled query row enabled', (d) => ({ ...d, query: d.query.map((q) => ({ ...q, enabled: true })) })],
    ['the order of the query rows', (d) => ({ ...d, query: [...d.query].reverse() })],
    ['an empty query row added', (d) => ({ ...d, query: [...d.query, { name: '', value: null, enabled: true }] })],
    ['a header name', (d) => ({ ...d, headers: d.headers.map((h, i) => (i === 0 ? { ...h, name: 'X-Label' } : h)) })],
    ['a header value', (d) => ({ ...d, headers: d.headers.map((h, i) => (i === 0 ? { ...h, value: 'c' } : h)) })],
    ['a disabled header enabled', (d) => ({ ...d, headers: d.headers.map((h) => ({ ...h, enabled: true })) })],
    ['a header removed', (d) => ({ ...d, headers: d.headers.slice(1) })],
    ['the body kind', (d) => ({ ...d, body: { kind: 'none' } })],
    ['a multipart text part', (d) => ({ ...d, body: { kind: 'multipart', parts: [{ kind: 'text', name: 'note', value: 'bye', enabled: true }] } })],
    ['a multipart file path', (d) => (d.body.kind === 'multipart' ? { ...d, body: { ...d.body, parts: d.body.parts.map((p) => (p.kind === 'file' ? { ...p, path: '/tmp/other.pdf' } : p)) } } : d)],
    ['a multipart part disabled', (d) => (d.body.kind === 'multipart' ? { ...d, body: { ...d.body, parts: d.body.parts.map((p) => ({ ...p, enabled: false })) } } : d)],
    ['the credential', (d) => ({ ...d, auth: { kind: 'bearer', credential: 'prod' } })],
    ['auth turned off', (d) => ({ ...d, auth: { kind: 'none' } })],
    ['plain http no longer allowed', (d) => ({ ...d, options: { ...d.options, allowPlainHttp: false } })],
    ['self-signed TLS allowed', (d) => ({ ...d, options: { ...d.options, allowSelfSignedTls: true } })],
  ];

  it.each(changes)('sees a change in %s', (_what, change) => {
    const edited = change(structuredClone(saved));
    expect(requestDocumentSchema.safeParse(edited).success).toBe(true);
    expect(sameRequest(saved, edited)).toBe(false);
    expect(sameRequest(edited, saved)).toBe(false);
  });

  it.each<[string, RequestBody, RequestBody]>([
    ['JSON text', { kind: 'json', text: '{"a":1}' }, { kind: 'json', text: '{"a": 1}' }],
    ['the same text as JSON or as plain text', { kind: 'json', text: '{}' }, { kind: 'text', text: '{}' }],
    ['a form field value', { kind: 'form', fields: [{ name: 'a', value: '1', enabled: true }] }, { kind: 'form', fields: [{ name: 'a', value: '2', enabled: true }] }],
  ])('sees a change in %s', (_what, before, after) => {
    expect(sameRequest(documentWith(before), documentWith(after))).toBe(false);
  });

  it('tells a disabled row from an enabled one with the same name and value', () => {
    const enabled = { ...blankRequest(), headers: [{ name: 'X-Tag', value: 'a', enabled: true }] };
    const disabled = { ...blankRequest(), headers: [{ name: 'X-Tag', value: 'a', enabled: false }] };
    expect(sameRequest(enabled, disabled)).toBe(false);
    const form = (on: boolean): RequestDocument => documentWith({ kind: 'form', fields: [{ name: 'a', value: '1', enabled: on }] });
    expect(sameRequest(form(true), form(false))).toBe(false);
  });
});

describe('checkRequest', () => {
  const valid: RequestDocument = { ...blankRequest('default'), url: 'https://api.example/items', body: { kind: 'json', text: '{"a":1}' } };
  const withHeaders = (...headers: Array<[name: string, value: string, enabled?: boolean]>): RequestDocument => ({
    ...valid,
    headers: headers.map(([name, value, enabled = true]) => ({ name, value, enabled })),
  });
  /** The refusal's code and message; fails the test when the request was accepted. */
  const refusal = (document: RequestDocument) => {
    const result = checkRequest(document);
    if (result.ok) throw new Error('the request was accepted');
    return result.error;
  };

  it('refuses an HTTP Basic user name with a colon, and an API key without a usable name, saying why', () => {
    expect(checkRequest({ ...valid, auth: { kind: 'basic', credential: 'default', username: 'zoë' } }).ok).toBe(true);
    expect(refusal({ ...valid, auth: { kind: 'basic', credential: 'default', username: 'a:b' } }).message).toContain('cannot contain a colon');
    expect(refusal({ ...valid, auth: { kind: 'apiKey', credential: 'default', in: 'query', name: ' ' } }).message).toBe('Name the query parameter the API key is sent in.');
    expect(refusal({ ...valid, auth: { kind: 'apiKey', credential: 'default', in: 'header', name: 'X Key' } })).toMatchObject({ code: 'INVALID_HEADER' });
    // A draft being typed is a valid document (it is saved as the user types); only sending it is refused.
    expect(requestDocumentSchema.safeParse({ ...valid, auth: { kind: 'apiKey', credential: 'default', in: 'header', name: '' } }).success).toBe(true);
  });

  it('accepts a valid request and gives the URL with its enabled query rows and the enabled header rows', () => {
    const result = checkRequest({
      ...withHeaders(['X-Tag', 'a'], ['X-Off', 'b', false], ['', '']),
      query: [
        { name: 'a', value: '1', enabled: true },
        { name: 'debug', value: null, enabled: false },
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.url.href).toBe('https://api.example/items?a=1');
    expect(result.value.headers).toStrictEqual([{ name: 'X-Tag', value: 'a', enabled: true }]);
  });

  it.each(['X Tag', 'X-Tag:', 'X-Tag: a', 'Tag(1)', 'Zürich'])('refuses the header name %j and names it', (name) => {
    const error = refusal(withHeaders([name, 'a']));
    expect(error.code).toBe('INVALID_HEADER');
    expect(error.message).toContain(name);
    expect(error.message).toMatch(/not a valid header name/);
  });

  it.each(['a\r\nX-Admin: true', 'a\nb', 'a\rb', 'a\u0000b', 'a\u007fb'])('refuses the header value %j as header injection', (value) => {
    const error = refusal(withHeaders(['X-Note', value]));
    expect(error.code).toBe('HEADER_INJECTION');
    expect(error.message).toContain('X-Note');
    expect(error.message).toMatch(/line break or control character/);
  });

  it('accepts a tab and Latin-1 letters inside a header value', () => {
    expect(checkRequest(withHeaders(['X-Note', 'a\tb'])).ok).toBe(true);
    expect(checkRequest(withHeaders(['X-City', 'Zürich café'])).ok).toBe(true);
  });

  // fetch refuses such a value ("Cannot convert argument to a ByteString"), which the send reports as a network failure.
  it.each(['日本', 'ok ✓', '🙂'])('refuses a header value fetch cannot send (%j, beyond Latin-1) before sending, naming the header', (value) => {
    const error = refusal(withHeaders(['X-Name', value]));
    expect(['INVALID_HEADER', 'HEADER_INJECTION']).toContain(error.code);
    expect(error.message).toContain('X-Name');
  });

  it('refuses Content-Type set twice, in any case, and says HTTP allows it once', () => {
    const error = refusal(withHeaders(['Content-Type', 'application/json'], ['content-type', 'text/plain']));
    expect(error.code).toBe('INVALID_HEADER');
    expect(error.message).toMatch(/content-type is set twice/i);
    expect(error.message).toContain('once');
  });

  it.each(['Authorization', 'Host', 'Cookie', 'User-Agent'])('refuses %s set twice', (name) => {
    expect(refusal(withHeaders([name, 'a'], [name.toUpperCase(), 'b'])).code).toBe('INVALID_HEADER');
  });

  it('accepts two X-Tag rows (a list header) and a single-value header once enabled and once disabled', () => {
    expect(checkRequest(withHeaders(['X-Tag', 'a'], ['X-Tag', 'b'])).ok).toBe(true);
    expect(checkRequest(withHeaders(['Content-Type', 'text/plain'], ['Content-Type', 'text/csv', false])).ok).toBe(true);
  });

  it('refuses a header value with no name, quoting the value', () => {
    const error = refusal(withHeaders(['', 'orphan-value']));
    expect(error.code).toBe('INVALID_HEADER');
    expect(error.message).toContain('orphan-value');
    expect(error.message).toMatch(/no name/);
  });

  it('ignores the empty last row and disabled rows, however broken', () => {
    expect(checkRequest(withHeaders(['', ''], ['Bad Name', 'x', false], ['X-Ok', 'a\r\nb', false], ['', 'orphan', false])).ok).toBe(true);
  });

  it('refuses an invalid JSON body with the line and column of the mistake', () => {
    const error = refusal({ ...valid, body: { kind: 'json', text: '{\n  "a": 1,\n}' } });
    expect(error.code).toBe('INVALID_JSON');
    expect(error.position).toStrictEqual({ line: 3, column: 1 });
    expect(error.message).toContain('line 3, column 1');
  });

  it('accepts an empty JSON body and does not parse a text body as JSON', () => {
    expect(checkRequest({ ...valid, body: { kind: 'json', text: '  \n' } }).ok).toBe(true);
    expect(checkRequest({ ...valid, body: { kind: 'text', text: '{not json' } }).ok).toBe(true);
  });

  // The body editor says "GET requests are sent without a body" (RequestBodyEditor.tsx), and buildOutgoing sends none.
  it.each(['GET', 'HEAD'])('does not refuse a %s for invalid JSON in the body it does not send', (method) => {
    const result = checkRequest({ ...valid, method, body: { kind: 'json', text: '{"half": ' } });
    expect(result.ok ? 'ok' : result.error.code).toBe('ok');
  });

  describe('plain http', () => {
    const plain: RequestDocument = { ...valid, url: 'http://api.example/items' };

    it('refuses to send the bearer token over plain http to another machine, naming the host', () => {
      const error = refusal(plain);
      expect(error.code).toBe('INSECURE_HTTP');
      expect(error.message).toContain('api.example');
      expect(error.message).toMatch(/unencrypted/);
    });

    it('refuses it when the query carries the port too, naming host and port', () => {
      const error = refusal({ ...plain, url: 'http://api.example:8080/items', query: [{ name: 'a', value: '1', enabled: true }] });
      expect(error.code).toBe('INSECURE_HTTP');
      expect(error.message).toContain('api.example:8080');
    });

    it('sends it when the user allowed plain http for this request', () => {
      expect(checkRequest({ ...plain, options: { allowPlainHttp: true } }).ok).toBe(true);
    });

    it.each(['http://127.0.0.1:8080/items', 'http://localhost/items', 'http://api.localhost/items', 'http://[::1]:3000/items'])('sends the token over plain http to the loopback host %s', (url) => {
      expect(checkRequest({ ...plain, url }).ok).toBe(true);
    });

    it('sends a request without a credential over plain http anywhere', () => {
      expect(checkRequest({ ...plain, auth: { kind: 'none' } }).ok).toBe(true);
    });

    it.each(['Authorization', 'authorization', 'Cookie', 'Proxy-Authorization'])('refuses it again when an enabled %s row goes along without bearer auth', (name) => {
      const error = refusal({ ...plain, auth: { kind: 'none' }, headers: [{ name, value: 'Basic YTpi', enabled: true }] });
      expect(error.code).toBe('INSECURE_HTTP');
      expect(error.message).toContain('api.example');
    });

    it('does not count a disabled Authorization row as a credential', () => {
      expect(checkRequest({ ...plain, auth: { kind: 'none' }, headers: [{ name: 'Authorization', value: 'Basic YTpi', enabled: false }] }).ok).toBe(true);
    });
  });

  it.each(['TRACE', 'track', 'CONNECT', 'GET X', '', 'X'.repeat(33), 'GET\r\nX-Admin: 1'])('refuses the method %j as INVALID_METHOD, quoting it', (method) => {
    const error = refusal({ ...valid, method });
    expect(error.code).toBe('INVALID_METHOD');
    expect(error.message).toContain(`“${method.slice(0, 40)}”`);
    expect(error.message).toMatch(/cannot be used as a method/);
  });

  it('says that TRACE cannot be sent, and what a method may look like', () => {
    expect(refusal({ ...valid, method: 'TRACE' }).message).toContain('CONNECT, TRACE and TRACK cannot be sent');
    expect(refusal({ ...valid, method: 'GET X' }).message).toMatch(/one word of letters, digits/);
  });

  it('checks the method before anything else the user typed', () => {
    expect(refusal({ ...valid, method: 'TRACE', url: '', headers: [{ name: 'Bad Name', value: '', enabled: true }] }).code).toBe('INVALID_METHOD');
  });

  it('refuses an empty URL and one that is no URL even with query rows', () => {
    expect(refusal({ ...valid, url: '' }).code).toBe('INVALID_URL');
    expect(refusal({ ...valid, url: 'api.example/items', query: [{ name: 'a', value: '1', enabled: true }] }).code).toBe('INVALID_URL');
  });
});
