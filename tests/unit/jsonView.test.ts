// The response viewer's JSON logic as the worker runs it: pretty-printing, paths to copy, the JSONPath filter, the tree.
import { applyEdits, format } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { filterJson } from '../../renderer/response/json/jsonFilter';
import { formatJson } from '../../renderer/response/json/formatJson';
import { jsonPathText } from '../../renderer/response/json/jsonPathText';
import { parseExact } from '../../renderer/response/json/parseExact';
import { JsonTree } from '../../renderer/response/json/jsonTree';
import { prettyText } from '../../renderer/response/json/jsonLines';

const prettyJson = (text: string) => prettyText(new TextEncoder().encode(text));
import { itemsJson } from '../fixtures/testServer';

const DOC = {
  data: [
    { id: 1, name: 'Ada', tags: ['x', 'y'] },
    { id: 2, name: 'Grace', tags: [] },
    { id: 3, name: 'Linus', tags: ['z'] },
    { id: 4, name: 'Margaret', price: 9.5 },
  ],
  meta: { total: 4, 'odd key': true, "it's": null, '0': 'zero' },
};

describe('prettyJson', () => {
  it('indents by two spaces like a standard formatter', () => {
    const compact = '{"name":"Ada","tags":[1,2],"nested":{"a":{},"b":[]},"n":null}';
    expect(prettyJson(compact)).toBe(JSON.stringify(JSON.parse(compact), null, 2));
    // The same output jsonc-parser's formatter gives (the renderer used it before; it is far slower on big bodies).
    expect(prettyJson(compact)).toBe(applyEdits(compact, format(compact, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' })));
  });

  it('keeps numbers and strings exactly as sent: big integers, 1.0, escapes, structural characters in strings', () => {
    const text = '{"big":12345678901234567890123,"one":1.0,"exp":1e3,"s":"a,b:{c}[d] \\"q\\" \\\\","u":"é ☃ 😀"}';
    const pretty = prettyJson(text);
    expect(pretty).toContain('"big": 12345678901234567890123,');
    expect(pretty).toContain('"one": 1.0,');
    expect(pretty).toContain('"exp": 1e3,');
    expect(pretty).toContain('"s": "a,b:{c}[d] \\"q\\" \\\\",');
    expect(pretty).toContain('"u": "é ☃ 😀"');
    expect(JSON.parse(pretty)).toEqual(JSON.parse(text));
  });

  it('re-indents already formatted or oddly spaced JSON the same way', () => {
    const messy = '{\n\t"a" :  [ 1 ,\r\n 2 ],   "b":{ }\n}';
    expect(prettyJson(messy)).toBe('{\n  "a": [\n    1,\n    2\n  ],\n  "b": {}\n}');
  });

  it('formats a multi-megabyte body to the same result as JSON.stringify', () => {
    const text = itemsJson(3_000_000);
    expect(prettyJson(text)).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });
});

describe('jsonPathText (copy path)', () => {
  it('writes dotted names and indexes', () => {
    expect(jsonPathText(['data', 3, 'name'])).toBe('$.data[3].name');
    expect(jsonPathText([])).toBe('$');
  });

  it('brackets and escapes keys that are not identifiers', () => {
    expect(jsonPathText(['meta', 'odd key'])).toBe("$.meta['odd key']");
    expect(jsonPathText(["it's", 'a\\b'])).toBe("$['it\\'s']['a\\\\b']");
    expect(jsonPathText(['0'])).toBe("$['0']");
  });
});

describe('filterJson (JSONPath)', () => {
  it('returns only the matches, with their paths', () => {
    const outcome = filterJson(DOC, '$.data[*].name');
    expect(outcome).toMatchObject({ ok: true, matches: 4, shown: 4 });
    if (!outcome.ok) return;
    expect(JSON.parse(outcome.text)).toEqual(['Ada', 'Grace', 'Linus', 'Margaret']);
    expect(outcome.paths).toEqual(['$.data[0].name', '$.data[1].name', '$.data[2].name', '$.data[3].name']);
  });

  it('runs filter expressions without eval (the page forbids it)', () => {
    const outcome = filterJson(DOC, '$.data[?(@.id > 2)].name');
    expect(outcome.ok && JSON.parse(outcome.text)).toEqual(['Linus', 'Margaret']);
  });

  it('tells an array index from an object key named "0"', () => {
    const outcome = filterJson(DOC, "$.meta['0']");
    expect(outcome.ok && outcome.paths).toEqual(["$.meta['0']"]);
    const recursive = filterJson(DOC, '$..tags[0]');
    expect(recursive.ok && recursive.paths).toEqual(['$.data[0].tags[0]', '$.data[2].tags[0]']);
  });

  it('keeps an id JSON.parse would round exact in the matches, and compares it as a number', () => {
    const text = '{"orders": [{"id": 12345678901234567890, "total": 5}, {"id": 2, "total": 50}]}';
    const outcome = filterJson(parseExact(text, true), '$.orders[?(@.total < 10)].id');
    expect(outcome).toMatchObject({ ok: true, matches: 1, paths: ['$.orders[0].id'] });
    expect(outcome.ok && outcome.text).toBe('[\n  12345678901234567890\n]');
  });

  it('answers zero matches, and explains an expression that is not JSONPath', () => {
    expect(filterJson(DOC, '$.nothing.here')).toMatchObject({ ok: true, matches: 0, text: '[]' });
    expect(filterJson(DOC, 'data.name')).toMatchObject({ ok: false, error: expect.stringContaining('starts with $') });
  });
});

describe('JsonTree', () => {
  it('starts with the root expanded and counts each container', () => {
    const tree = new JsonTree(DOC);
    const rows = tree.slice(0, 10);
    expect(rows.map((row) => [row.key, row.kind, row.count])).toEqual([
      [null, 'object', 2],
      ['data', 'array', 4],
      ['meta', 'object', 4],
    ]);
    expect(rows[0]!.expanded).toBe(true);
  });

  it('expands and collapses a node, giving each row its path and value to copy', () => {
    const tree = new JsonTree(DOC);
    expect(tree.toggle(1)).toBe(7); // data's four items appear
    expect(tree.toggle(5)).toBe(10); // data[3]: id, name, price
    const name = tree.slice(0, 10).find((row) => row.path === '$.data[3].name')!;
    expect(name).toMatchObject({ depth: 3, kind: 'string', preview: '"Margaret"' });
    expect(tree.copyText(name.index)).toBe('Margaret');
    expect(tree.copyText(2)).toBe(JSON.stringify(DOC.data[0], null, 2));
    expect(tree.toggle(1)).toBe(3); // collapsing data hides its whole subtree
    expect(tree.slice(2, 1)[0]!.path).toBe('$.meta');
  });

  it('serves a window of rows from a large array without building the rest', () => {
    const big = { items: Array.from({ length: 200_000 }, (_, id) => ({ id })) };
    const tree = new JsonTree(big);
    expect(tree.toggle(1)).toBe(200_002);
    const window = tree.slice(150_000, 3);
    expect(window.map((row) => row.path)).toEqual(['$.items[149998]', '$.items[149999]', '$.items[150000]']);
  });
});

describe('formatJson (the request body’s Format)', () => {
  it('lays JSON out with two-space indents and keeps every value as typed, big numbers included', () => {
    expect(formatJson('{"id":12345678901234567890,"tags":["a",1.50],"nested":{"ok":true}}')).toBe(
      '{\n  "id": 12345678901234567890,\n  "tags": [\n    "a",\n    1.50\n  ],\n  "nested": {\n    "ok": true\n  }\n}',
    );
  });

  it('leaves text it cannot parse with its characters in place, so nothing typed is lost', () => {
    const broken = '{"a": [1, 2,';
    expect(formatJson(broken).replace(/\s/g, '')).toBe(broken.replace(/\s/g, ''));
  });
});
