// A saved request's file (requestFile.ts): the exact text Keypost writes, read back as it was written, why a file
// is not read, and the file name a request gets on every OS.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idForPath, readRequestFile, REQUEST_FILE_SUFFIX, requestFileName, requestFileText, type RequestFile } from '../../electron/core/collections/requestFile';
import type { RequestDocument } from '../../shared/request';

/** The example the README shows: a GET with a query, a header, a JSON body and a bearer credential. */
const example: RequestFile = {
  id: '3f2b8c1e-5a4d-4e7f-9b6a-1c2d3e4f5a6b',
  name: 'List open orders',
  request: {
    method: 'GET',
    url: 'https://api.example.com/orders',
    query: [
      { name: 'status', value: 'open', enabled: true },
      { name: 'page', value: '2', enabled: false },
    ],
    headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
    body: { kind: 'json', text: '{\n  "fields": ["id", "total"]\n}\n' },
    auth: { kind: 'bearer', credential: 'staging' },
    options: {},
  },
};

const EXAMPLE_TEXT = `keypost: 1
id: 3f2b8c1e-5a4d-4e7f-9b6a-1c2d3e4f5a6b
name: List open orders
request:
  method: GET
  url: https://api.example.com/orders
  query:
    - name: status
      value: open
      enabled: true
    - name: page
      value: "2"
      enabled: false
  headers:
    - name: Accept
      value: application/json
      enabled: true
  body:
    kind: json
    text: |
      {
        "fields": ["id", "total"]
      }
  auth:
    kind: bearer
    credential: staging
  options: {}
`;

/** The same object with its keys, at every level, in the reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reversedKeys(inner)])) as T;
}

const reasonOf = (text: string) => {
  const read = readRequestFile(text);
  if (read.ok) throw new Error('expected the file not to be read');
  return read.reason;
};

describe('a request file', () => {
  it('is YAML with the keys in a fixed order and nothing volatile (the README example)', () => {
    expect(requestFileText(example)).toBe(EXAMPLE_TEXT);
  });

  it('reads back exactly the request it was written from', () => {
    expect(readRequestFile(EXAMPLE_TEXT)).toEqual({ ok: true, value: example });
  });

  it('is the same bytes whatever order the keys of the request came in', () => {
    const reordered = reversedKeys(example);
    expect(Object.keys(reordered)).toEqual(['request', 'name', 'id']);
    expect(Object.keys(reordered.request)[0]).toBe('options');
    expect(requestFileText(reordered)).toBe(EXAMPLE_TEXT);
  });

  it('leaves the id out of a request that has none, and reads it back as none', () => {
    const text = requestFileText({ ...example, id: null });
    expect(text.startsWith('keypost: 1\nname: List open orders\n')).toBe(true);
    expect(readRequestFile(text)).toEqual({ ok: true, value: { ...example, id: null } });
  });

  it('keeps any body text and header value exactly, whatever characters, line ends or spaces it holds', () => {
    const base = example.request;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 40 }), (text, value) => {
        const request: RequestDocument = { ...base, headers: [{ name: 'X-Note', value, enabled: true }], body: { kind: 'text', text } };
        const read = readRequestFile(requestFileText({ ...example, request }));
        expect(read).toEqual({ ok: true, value: { ...example, request } });
      }),
      { numRuns: 300, seed: 28 },
    );
  });

  it('ends an imported request with its schema link, after the options, and reads it back', () => {
    const schema = { document: 'Petstore/openapi.schemas.json', operation: 'POST /pets' };
    const text = requestFileText({ ...example, request: { ...example.request, schema } });
    expect(text).toBe(`${EXAMPLE_TEXT}  schema:\n    document: Petstore/openapi.schemas.json\n    operation: POST /pets\n`);
    expect(readRequestFile(text)).toEqual({ ok: true, value: { ...example, request: { ...example.request, schema } } });
  });

  it('never folds a long line, so editing a long URL changes one line of the file', () => {
    const url = `https://api.example.com/${'segment/'.repeat(40)}end`;
    const text = requestFileText({ ...example, request: { ...example.request, url } });
    expect(text.split('\n')).toContain(`  url: ${url}`);
  });
});

describe('a file that is not read', () => {
  it('names the line of invalid YAML', () => {
    const broken = EXAMPLE_TEXT.replace('    kind: json\n', '    kind: [json\n');
    expect(reasonOf(broken)).toMatch(/not valid YAML \(line \d+\)/);
    expect(reasonOf('keypost: 1\nname: One\nname: Two\n')).toBe('It is not valid YAML (line 3).');
  });

  it('says a newer Keypost wrote it, and which format this one reads', () => {
    expect(reasonOf(EXAMPLE_TEXT.replace('keypost: 1', 'keypost: 2'))).toBe('It was written by a newer Keypost (format 2); this version reads format 1.');
  });

  it('names the field that is not valid', () => {
    expect(reasonOf(EXAMPLE_TEXT.replace('method: GET', 'method: TRACE'))).toMatch(/^Its field “request\.method” is not valid: CONNECT, TRACE and TRACK cannot be sent\./);
    expect(reasonOf(EXAMPLE_TEXT.replace('credential: staging', 'credential: ../etc'))).toContain('“request.auth.credential”');
    expect(reasonOf(EXAMPLE_TEXT.replace('name: List open orders', 'name: "  "'))).toContain('“name”');
    expect(reasonOf(`${EXAMPLE_TEXT}token: tok-typed-by-hand\n`)).toBe('Its field “token” is not one Keypost knows.');
    expect(reasonOf(EXAMPLE_TEXT.replace('  options: {}', '  options: {}\n  token: x'))).toBe('Its field “request.token” is not one Keypost knows.');
  });

  it('says a YAML file that is not a Keypost request is not one', () => {
    expect(reasonOf('openapi: 3.1.0\ninfo:\n  title: Orders\n')).toContain('no “keypost” format version');
    expect(reasonOf('- a list\n')).toBe('It does not hold a Keypost request.');
    expect(reasonOf('')).toBe('It does not hold a Keypost request.');
  });

  it('answers a reason, without throwing, for YAML aliases (refused: they expand)', () => {
    expect(reasonOf('keypost: 1\nid: &same abc\nname: *same\n')).toContain('alias');
  });
});

describe('requestFileName', () => {
  const free = () => false;
  const takenOf = (...names: string[]) => {
    const taken = new Set(names.map((name) => name.toLowerCase()));
    return (name: string) => taken.has(name.toLowerCase());
  };

  it('is the request’s name with the suffix that marks a request file', () => {
    expect(REQUEST_FILE_SUFFIX).toBe('.request.yaml');
    expect(requestFileName('List open orders', free)).toBe('List open orders.request.yaml');
    expect(requestFileName('Käse & Brötchen ✓', free)).toBe('Käse & Brötchen ✓.request.yaml');
  });

  it('replaces characters an OS refuses, and never starts with a dot (hidden) or ends with one', () => {
    expect(requestFileName('a/b\\c:d*e?f"g<h>i|j', free)).toBe('a-b-c-d-e-f-g-h-i-j.request.yaml');
    expect(requestFileName('tab\there\nand\u0007bell', free)).toBe('tab-here-and-bell.request.yaml');
    expect(requestFileName('../../etc/passwd', free)).toBe('-..-etc-passwd.request.yaml');
    expect(requestFileName('.env', free)).toBe('env.request.yaml');
    expect(requestFileName('Trailing dots...', free)).toBe('Trailing dots.request.yaml');
    expect(requestFileName('...', free)).toBe('request.request.yaml');
    expect(requestFileName('a    lot   of  space', free)).toBe('a lot of space.request.yaml');
  });

  it('steps around the names Windows reserves for devices, with an extension too', () => {
    for (const name of ['CON', 'con', 'Prn', 'aux', 'NUL', 'com1', 'LPT9']) expect(requestFileName(name, free)).toBe(`${name}-.request.yaml`);
    expect(requestFileName('nul.json', free)).toBe('nul-.json.request.yaml');
    expect(requestFileName('Console', free)).toBe('Console.request.yaml');
  });

  it('adds -2, -3… when the name is taken, ignoring case as macOS and Windows do', () => {
    expect(requestFileName('Orders', takenOf('Orders.request.yaml'))).toBe('Orders-2.request.yaml');
    expect(requestFileName('Orders', takenOf('orders.request.yaml', 'ORDERS-2.request.yaml'))).toBe('Orders-3.request.yaml');
    expect(requestFileName('a:b', takenOf('A-B.request.yaml'))).toBe('a-b-2.request.yaml');
  });

  it('stays within what every file system takes for a long name in any script, with room for the temp file of a save', () => {
    for (const name of ['x'.repeat(100), '注文'.repeat(50), '🦊'.repeat(50), `${'é'.repeat(99)}e`]) {
      const file = requestFileName(name, takenOf(requestFileName(name, free)));
      expect(file.endsWith('-2.request.yaml')).toBe(true);
      // A save writes `<file>.tmp-<16 characters>` first (atomically): that name must fit in 255 bytes too.
      expect(Buffer.byteLength(`${file}.tmp-1234567890abcdef`)).toBeLessThanOrEqual(255);
      // Never cut inside a character: a lone half of a surrogate pair would not survive the trip to UTF-8.
      expect(Buffer.from(file).toString()).toBe(file);
    }
  });
});

describe('idForPath', () => {
  it('is stable for a file of a collection, and differs between files and collections', () => {
    expect(idForPath('default', 'a.request.yaml')).toBe(idForPath('default', 'a.request.yaml'));
    expect(idForPath('default', 'a.request.yaml')).toMatch(/^f-[0-9a-f]{24}$/);
    expect(idForPath('default', 'a.request.yaml')).not.toBe(idForPath('default', 'b.request.yaml'));
    expect(idForPath('default', 'a.request.yaml')).not.toBe(idForPath('c-other', 'a.request.yaml'));
  });
});

describe('assertions and captures in a request file', () => {
  const checked: RequestFile = {
    ...example,
    request: {
      ...example.request,
      assertions: [
        { check: 'status', equals: 201 },
        { check: 'status', equals: [200, 201] },
        { check: 'header', name: 'Content-Type', matches: '^application/json' },
        { check: 'json', path: '$.items[0].id', exists: true },
        { check: 'json', path: '$.total', equals: 3 },
        { check: 'json', path: '$.owner', equals: { name: 'Ada', tags: ['a'] } },
        { check: 'json', path: '$.items', type: 'array' },
        { check: 'time', below: 500 },
      ],
      captures: [
        { variable: 'userId', json: '$.id' },
        { variable: 'session', header: 'X-Session', secret: true },
      ],
    },
  };
  const CHECKED_TEXT = `${EXAMPLE_TEXT}  assertions:
    - check: status
      equals: 201
    - check: status
      equals:
        - 200
        - 201
    - check: header
      name: Content-Type
      matches: ^application/json
    - check: json
      path: $.items[0].id
      exists: true
    - check: json
      path: $.total
      equals: 3
    - check: json
      path: $.owner
      equals:
        name: Ada
        tags:
          - a
    - check: json
      path: $.items
      type: array
    - check: time
      below: 500
  captures:
    - variable: userId
      json: $.id
    - variable: session
      header: X-Session
      secret: true
`;

  it('are written in a fixed order, readable in a pull request, and read back the same', () => {
    const text = requestFileText(checked);
    expect(text).toBe(CHECKED_TEXT);
    expect(readRequestFile(text)).toEqual({ ok: true, value: checked });
    // Keypost's keys in its order, whatever order they came in; a JSON value to compare keeps the order it was written in.
    const reversed = reversedKeys(checked);
    reversed.request.assertions![5] = checked.request.assertions![5]!;
    expect(requestFileText(reversed)).toBe(CHECKED_TEXT);
  });

  it('are not written at all when there are none, so a file without them keeps its bytes', () => {
    expect(requestFileText({ ...example, request: { ...example.request, assertions: [], captures: [] } })).toBe(EXAMPLE_TEXT);
  });

  it('name the assertion a file gets wrong', () => {
    expect(reasonOf(CHECKED_TEXT.replace('      exists: true\n', ''))).toBe('Its field “request.assertions.3” is not valid: A json assertion says one of exists, equals, matches or type.');
    expect(reasonOf(CHECKED_TEXT.replace('check: time', 'check: speed'))).toMatch(/^Its field “request\.assertions\.7\.check” is not valid: /);
  });
});
