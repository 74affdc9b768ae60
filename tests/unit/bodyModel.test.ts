// The body worker's pure models over a body's bytes: the validating JSON line index, raw text rows, find, folds, colours.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedBytes } from '../../renderer/response/json/chunkedBytes';
import { findBytes, MAX_MATCHES } from '../../renderer/response/json/findBytes';
import { FoldedLines, jsonSource, type LineSource, rowsSource } from '../../renderer/response/json/foldedLines';
import { markMatches, type Segment, tokenize } from '../../renderer/response/json/highlight';
import { childCount, closingLine, containerOf, copyValue, indexJson, type JsonLines, lineAt, lineText, MAX_LINE_BYTES, pathOf, prettyText } from '../../renderer/response/json/jsonLines';
import { jsonPathText } from '../../renderer/response/json/jsonPathText';
import { isRawJson, parseExact } from '../../renderer/response/json/parseExact';
import { indexRows, MAX_ROW_BYTES, rowText } from '../../renderer/response/json/textRows';
import { respace } from '../fixtures/respaceJson';

const encode = (text: string) => new TextEncoder().encode(text);
const byteLength = (text: string) => encode(text).length;

function indexed(text: string): JsonLines {
  const outcome = indexJson(encode(text));
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.lines;
}

const allLines = (lines: JsonLines) => Array.from({ length: lines.count }, (_, line) => lineText(lines, line));
const lineNamed = (lines: JsonLines, text: string) => allLines(lines).findIndex((line) => line.trim() === text);
const errorOf = (text: string) => {
  const outcome = indexJson(encode(text));
  return outcome.ok ? 'valid' : outcome.error;
};
const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
const valueAt = (document: unknown, path: Array<string | number>) => path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], document);
/** What a user expects to paste: strings unquoted, containers pretty-printed, numbers and literals as written. */
const pasted = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

const anyJson = fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' });
const spacedJson = fc
  .tuple(anyJson, fc.array(fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r'), maxLength: 3 }), { maxLength: 6 }))
  .map(([value, spaces]) => respace(JSON.stringify(value), spaces));

const DOC = {
  data: [
    { id: 1, name: 'Ada', tags: ['x', 'y'] },
    { id: 2, name: 'Grace', tags: [] },
    { id: 3, name: 'Linus', tags: ['z'] },
    { id: 4, name: 'Margaret', price: 9.5 },
  ],
  meta: { '0': 'zero', 'odd key': true, "it's": null, ключ: 'значение 😀', empty: {} },
  'a\\b': [[1, [2]], []],
};

describe('indexJson and lineText (the Pretty view)', () => {
  it('pretty-prints any JSON, however it is spaced, like JSON.stringify(value, null, 2), line by line', () => {
    fc.assert(
      fc.property(spacedJson, (text) => {
        const expected = JSON.stringify(JSON.parse(text), null, 2);
        expect(prettyText(encode(text))).toBe(expected);
        expect(allLines(indexed(text)).join('\n')).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly what JSON.parse accepts', () => {
    const jsonChars = fc.constantFrom(...'{}[],:"\\ \t\n0123456789.eE+-truefalsnul/bx\u00e9'.split(''));
    const mutatedJson = fc
      .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.oneof(jsonChars, fc.constant('')), fc.boolean())
      .map(([text, at, char, replace]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + char + text.slice(replace ? i + 1 : i);
      });
    const candidates = fc.oneof(
      mutatedJson,
      fc.string({ unit: jsonChars, maxLength: 12 }),
      fc.string({ unit: 'binary-ascii', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    fc.assert(
      fc.property(candidates, (text) => {
        const outcome = indexJson(encode(text));
        expect(outcome.ok).toBe(parses(text));
        if (!outcome.ok) expect(outcome.error).toMatch(/ at line \d+, column \d+$/);
      }),
      { numRuns: 500 },
    );
  });

  it('names the line and column of the problem, counting characters, not bytes', () => {
    expect(errorOf('{\n  "a": 1,\n}')).toBe("Expected a property name in double quotes but found '}' at line 3, column 1");
    expect(errorOf('{"a" 1}')).toBe("Expected ':' after the property name but found '1' at line 1, column 6");
    expect(errorOf('{"a": "é", "b": tru}')).toBe("Expected a value but found 't' at line 1, column 17");
    expect(errorOf('[1, 2\n  3]')).toBe("Expected ',' or ']' but found '3' at line 2, column 3");
    expect(errorOf('{"a": "tab\there"}')).toMatch(/^Unescaped control character in a string at line 1, column 11$/);
    expect(errorOf('{} {}')).toMatch(/^Unexpected data after the JSON value at line 1, column 4$/);
  });

  it('says a truncated body is cut short and an empty one is empty', () => {
    expect(errorOf('{"data": [1, 2')).toMatch(/cut short.* at line 1, column 15$/);
    expect(errorOf('{\n  "data": {\n    "a":')).toMatch(/cut short.* at line 3, column 9$/);
    expect(errorOf('')).toMatch(/empty/);
    expect(errorOf(' \r\n\t')).toMatch(/empty/);
  });

  it('keeps big integers, 1.0, 1e3, escapes and non-ASCII text exactly as sent', () => {
    const lines = indexed('{"big":12345678901234567890,"one":1.0,"exp":1e3,"esc":"\\u00e9\\"\\\\","ключ":"значение 😀"}');
    expect(allLines(lines)).toEqual([
      '{',
      '  "big": 12345678901234567890,',
      '  "one": 1.0,',
      '  "exp": 1e3,',
      '  "esc": "\\u00e9\\"\\\\",',
      '  "ключ": "значение 😀"',
      '}',
    ]);
    expect([1, 2, 3, 4, 5].map((line) => copyValue(lines, line))).toEqual(['12345678901234567890', '1.0', '1e3', 'é"\\', 'значение 😀']);
  });

  it.each([
    ['123456789012345', false],
    ['-1234567890123456', true],
    ['[0.000123456789012345]', false],
    ['{"a": 0.0000000000000001234567890123456}', true],
    ['[1.234567890123456e300]', true],
    ['[1e300, 1.0, 2.5, 100]', false],
    ['"12345678901234567890"', false],
    ['{"12345678901234567890": 1}', false],
  ])('flags numbers JSON.parse would round: %s → %s', (text, long) => {
    expect(indexed(text).hasLongNumbers).toBe(long);
  });

  it.each(['é', '☃', '😀'])('cuts a long string of %s at a character boundary, with an ellipsis, and copies all of it', (char) => {
    for (let shift = 0; shift < 4; shift++) {
      const value = 'a'.repeat(shift) + char.repeat(MAX_LINE_BYTES);
      const lines = indexed(JSON.stringify({ key: value, next: 1 }));
      const text = lineText(lines, 1);
      expect(text.endsWith('…')).toBe(true);
      const kept = text.slice(0, -1);
      expect(kept).not.toContain('\uFFFD');
      expect(`  "key": ${JSON.stringify(value)},`.startsWith(kept)).toBe(true);
      expect(byteLength(kept)).toBeLessThanOrEqual(MAX_LINE_BYTES);
      expect(byteLength(kept)).toBeGreaterThan(MAX_LINE_BYTES - 4);
      expect(lineText(lines, 2)).toBe('  "next": 1');
      expect(copyValue(lines, 1)).toBe(value);
    }
  });

  it('gives back an invalid body as it is when asked for pretty text', () => {
    expect(prettyText(encode('{"a": 1,'))).toBe('{"a": 1,');
  });
});

describe('pathOf and copyValue (copy path, copy value)', () => {
  it('gives every line the path and value of what it shows; a closing bracket gives its container', () => {
    const lines = indexed(JSON.stringify(DOC));
    const document = JSON.parse(JSON.stringify(DOC)) as unknown;
    const texts = allLines(lines);
    for (let line = 0; line < lines.count; line++) {
      const path = pathOf(lines, line);
      expect(copyValue(lines, line), `line ${line}: ${texts[line]}`).toBe(pasted(valueAt(document, path)));
      if (/^\s*[}\]]/.test(texts[line]!)) expect(closingLine(lines, line)).toBe(line);
    }
    const pathOfLine = (text: string) => jsonPathText(pathOf(lines, lineNamed(lines, text)));
    expect(pathOfLine('"name": "Margaret",')).toBe('$.data[3].name');
    expect(pathOfLine('"odd key": true,')).toBe("$.meta['odd key']");
    expect(pathOfLine('"it\'s": null,')).toBe("$.meta['it\\'s']");
    expect(pathOfLine('"0": "zero",')).toBe("$.meta['0']");
    expect(pathOfLine('"ключ": "значение 😀",')).toBe("$.meta['ключ']");
    expect(pathOfLine('"empty": {}')).toBe('$.meta.empty');
    expect(pathOfLine('"y"')).toBe('$.data[0].tags[1]');
    expect(pathOfLine('2')).toBe("$['a\\\\b'][0][1][0]");
    expect(pathOfLine('[]')).toBe("$['a\\\\b'][1]");
    expect(jsonPathText(pathOf(lines, 0))).toBe('$');
    expect(jsonPathText(pathOf(lines, lines.count - 1))).toBe('$');
    expect(copyValue(lines, lines.count - 1)).toBe(JSON.stringify(DOC, null, 2));
  });

  it('agrees with the parsed document on every line of any JSON: path, value, container, closing line, entries', () => {
    fc.assert(
      fc.property(spacedJson, (text) => {
        const lines = indexed(text);
        const document = JSON.parse(text) as unknown;
        const texts = allLines(lines);
        for (let line = 0; line < lines.count; line++) {
          const value = valueAt(document, pathOf(lines, line));
          expect(copyValue(lines, line)).toBe(pasted(value));
          const closes = /^\s*[}\]]/.test(texts[line]!);
          const container = closes || value === null || typeof value !== 'object' ? null : Array.isArray(value) ? '[' : '{';
          expect(containerOf(lines, line)).toBe(container);
          const size = container ? Object.keys(value as object).length : 0;
          expect(childCount(lines, line)).toBe(closes ? 0 : size);
          const close = closingLine(lines, line);
          if (!container || size === 0) expect(close).toBe(line);
          else expect(texts[close]).toMatch(new RegExp(`^${' '.repeat(texts[line]!.search(/\S/))}\\${container === '[' ? ']' : '}'},?$`));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds the line holding a byte offset, as find does for each match', () => {
    const starts = [0, 4, 9, 20];
    const lineOf = (offset: number) => lineAt((line) => starts[line]!, starts.length, offset);
    expect([0, 3, 4, 8, 9, 19, 20, 1000].map(lineOf)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    const lines = indexed(JSON.stringify(DOC));
    const [offset] = findBytes(lines.bytes, 'margaret', false).offsets;
    expect(lineAt((line) => lines.table.start(line), lines.count, offset!)).toBe(lineNamed(lines, '"name": "Margaret",'));
  });
});

describe('parseExact', () => {
  it('writes back what it parsed exactly as JSON.stringify(JSON.parse(text)) would, unless a number would be rounded', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 3 }), (text) => {
        expect(JSON.stringify(parseExact(text, indexed(text).hasLongNumbers))).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps numbers JSON.parse would round exactly as sent, and the rest as plain values', () => {
    const text = '{"id": 12345678901234567890, "small": 42, "precise": 0.1000000000000000055511151231257827, "list": [9007199254740993]}';
    const parsed = parseExact(text, indexed(text).hasLongNumbers) as Record<string, unknown>;
    expect(JSON.stringify(parsed)).toBe('{"id":12345678901234567890,"small":42,"precise":0.1000000000000000055511151231257827,"list":[9007199254740993]}');
    expect(isRawJson(parsed.id)).toBe(true);
    expect(parsed.small).toBe(42);
  });
});

describe('indexRows and rowText (the Raw view)', () => {
  const rowsOf = (text: string) => {
    const rows = indexRows(ChunkedBytes.of(encode(text)));
    return Array.from({ length: rows.count }, (_, row) => rowText(rows, row));
  };

  it('shows one row per line, without the line break, CRLF included', () => {
    expect(rowsOf('one\ntwo\r\nthree')).toEqual(['one', 'two', 'three']);
    expect(rowsOf('a\r\n\r\nb\n')).toEqual(['a', '', 'b']);
    expect(rowsOf('a\n\n')).toEqual(['a', '']);
  });

  it('shows an empty body as one empty row', () => {
    expect(rowsOf('')).toEqual(['']);
  });

  it('splits lines longer than MAX_ROW_BYTES into rows that never cut a character', () => {
    const char = fc.constantFrom('a', 'é', '☃', '😀', '\n');
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 2500 }), (text) => {
        const bytes = encode(text);
        const rows = indexRows(ChunkedBytes.of(bytes));
        const lines: string[] = [];
        for (let row = 0; row < rows.count; row++) {
          const start = rows.starts[row]!;
          const shownText = rowText(rows, row);
          expect(shownText).not.toContain('\uFFFD');
          expect(byteLength(shownText)).toBeLessThanOrEqual(MAX_ROW_BYTES);
          if (start === 0 || bytes[start - 1] === 0x0a) lines.push(shownText);
          else lines[lines.length - 1] += shownText;
        }
        expect(lines).toEqual(text.replace(/\n$/, '').split('\n'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('findBytes (Ctrl+F)', () => {
  const find = (text: string, query: string, matchCase = false) => findBytes(ChunkedBytes.of(encode(text)), query, matchCase);

  it('finds the same matches in a body searched again as it grows, in the parts it came in, as in the whole body at once', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'é', ' ') , maxLength: 200 }), fc.constantFrom('a', 'aa', 'aA', 'ab', 'é', 'a b'), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), (text, query, matchCase, rawCuts) => {
        const bytes = encode(text);
        const cuts = [...new Set(rawCuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        let found: ReturnType<typeof findBytes> | undefined;
        const received = new ChunkedBytes();
        for (const [from, cut] of [...cuts, bytes.length].map((cut, k, all) => [all[k - 1] ?? 0, cut] as const)) {
          received.push(bytes.slice(from, cut));
          found = findBytes(received, query, matchCase, found);
        }
        expect(found!.offsets).toEqual(findBytes(ChunkedBytes.of(bytes), query, matchCase).offsets);
      }),
      { numRuns: 1000 },
    );
  });

  it('folds ASCII case unless asked to match it', () => {
    expect(find('Ada ADA ada', 'ada').offsets).toEqual([0, 4, 8]);
    expect(find('Ada ADA ada', 'ADA').offsets).toEqual([0, 4, 8]);
    expect(find('Ada ADA ada', 'ADA', true).offsets).toEqual([4]);
  });

  it('finds non-overlapping matches, multi-byte needles by byte offset, and nothing for an empty query', () => {
    expect(find('aaaaa', 'aa').offsets).toEqual([0, 2]);
    expect(find('café CAFÉ café', 'café').offsets).toEqual([0, 12]);
    expect(find('x 😀 y 😀', '😀', true).offsets).toEqual([2, 9]);
    expect(find('anything', '')).toMatchObject({ offsets: [], more: false });
  });

  it('stops at MAX_MATCHES and says there are more', () => {
    for (const matchCase of [false, true]) {
      const exact = find('a'.repeat(MAX_MATCHES), 'a', matchCase);
      expect(exact.offsets.length).toBe(MAX_MATCHES);
      expect(exact.more).toBe(false);
      const over = find('a'.repeat(MAX_MATCHES + 1), 'a', matchCase);
      expect(over.offsets.length).toBe(MAX_MATCHES);
      expect(over.more).toBe(true);
    }
  });

  it('matches a plain left-to-right search over the text', () => {
    const unit = fc.constantFrom('a', 'A', 'b', 'é', '😀');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.string({ unit, minLength: 1, maxLength: 3 }), fc.boolean(), (text, query, matchCase) => {
        const fold = (s: string) => (matchCase ? s : s.replace(/[A-Z]/g, (c) => c.toLowerCase()));
        const expected: number[] = [];
        for (let at = fold(text).indexOf(fold(query)); at !== -1; at = fold(text).indexOf(fold(query), at + query.length)) expected.push(byteLength(text.slice(0, at)));
        expect(find(text, query, matchCase).offsets).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('FoldedLines', () => {
  // 0 {  1 "items": [  2 {  3 "id": 1,  4 "tags": [  5 "x",  6 "y"  7 ]  8 },  9 {  10 "id": 2,  11 "tags": []  12 }  13 ],  14 "ok": true  15 }
  const folded = () => new FoldedLines(jsonSource(indexed('{"items":[{"id":1,"tags":["x","y"]},{"id":2,"tags":[]}],"ok":true}')));
  const shown = (view: FoldedLines, start = 0, count = view.total) => view.rows(start, count).map((row) => row.line);

  it('folds a container into one row that shows its closing bracket and how many entries it hides', () => {
    const view = folded();
    expect(view.total).toBe(16);
    view.toggle(1);
    expect(view.total).toBe(4);
    expect(shown(view)).toEqual([0, 1, 14, 15]);
    expect(view.rows(1, 1)[0]).toEqual({ line: 1, text: '  "items": [', fold: 'folded', foldedTail: '],', entries: 2 });
    expect(view.rows(2, 1)[0]).toEqual({ line: 14, text: '  "ok": true', fold: null });
    view.toggle(1);
    expect(view.total).toBe(16);
    expect(view.rows(1, 1)[0]!.fold).toBe('open');
  });

  it('keeps an inner fold folded when its outer fold opens', () => {
    const view = folded();
    view.toggle(4);
    view.toggle(1);
    expect(view.total).toBe(4);
    view.toggle(1);
    expect(view.total).toBe(13);
    expect(view.rows(4, 2)).toEqual([
      { line: 4, text: '      "tags": [', fold: 'folded', foldedTail: ']', entries: 2 },
      { line: 8, text: '    },', fold: null },
    ]);
  });

  it('pages through rows across folds with the right line numbers', () => {
    const view = folded();
    view.toggle(4);
    view.toggle(9);
    expect(view.total).toBe(10);
    expect(shown(view)).toEqual([0, 1, 2, 3, 4, 8, 9, 13, 14, 15]);
    expect(shown(view, 3, 4)).toEqual([3, 4, 8, 9]);
    expect(shown(view, 6, 3)).toEqual([9, 13, 14]);
    expect(shown(view, 9, 5)).toEqual([15]);
  });

  it('reveals a hidden line by opening only the folds that hide it, and answers its row', () => {
    const view = folded();
    view.toggle(4);
    view.toggle(9);
    expect(view.reveal(10)).toBe(7);
    expect(view.total).toBe(13);
    expect(view.rows(7, 1)[0]!.line).toBe(10);
    expect(view.rows(4, 1)[0]!.fold).toBe('folded');
    view.toggle(1);
    expect(view.reveal(6)).toBe(6);
    expect(view.total).toBe(16);
  });

  it('does nothing when asked to fold a line that opens no container', () => {
    const view = folded();
    for (const line of [3, 7, 11, 14]) view.toggle(line);
    expect(view.total).toBe(16);
    const raw = new FoldedLines(rowsSource(indexRows(ChunkedBytes.of(encode('a\nb\nc')))));
    raw.toggle(0);
    expect(raw.rows(0, 5)).toEqual(['a', 'b', 'c'].map((text, line) => ({ line, text, fold: null })));
  });

  it('lists exactly the lines no fold hides, after any sequence of toggles, and reveals any line', () => {
    const manyContainers = fc.array(fc.jsonValue({ maxDepth: 3, depthSize: 'medium' }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(manyContainers, fc.array(fc.nat(), { maxLength: 12 }), fc.nat(), fc.nat(), (value, toggles, page, target) => {
        const source: LineSource = jsonSource(indexed(JSON.stringify(value)));
        const view = new FoldedLines(source);
        const folds = new Set<number>();
        const openers = Array.from({ length: source.count }, (_, line) => line).filter((line) => source.foldEnd(line) !== null);
        for (const pick of toggles) {
          // Mostly lines that open a container, sometimes any line.
          const line = openers.length > 0 && pick % 4 !== 0 ? openers[pick % openers.length]! : pick % source.count;
          view.toggle(line);
          if (folds.has(line)) folds.delete(line);
          else if (source.foldEnd(line) !== null) folds.add(line);
        }
        const hidden = (line: number) => [...folds].some((start) => start < line && line <= source.foldEnd(start)!);
        const visible = Array.from({ length: source.count }, (_, line) => line).filter((line) => !hidden(line));
        expect(view.total).toBe(visible.length);
        const rows = view.rows(0, view.total);
        expect(rows.map((row) => row.line)).toEqual(visible);
        for (const row of rows) expect(row.fold === 'folded').toBe(folds.has(row.line));
        const start = page % visible.length;
        expect(shown(view, start, 5)).toEqual(visible.slice(start, start + 5));
        const line = target % source.count;
        const row = view.reveal(line);
        expect(view.rows(row, 1)[0]!.line).toBe(line);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tokenize and markMatches (colours and find marks)', () => {
  const tokens = (segments: Segment[]) => segments.map(({ text, token }) => [text, token]);

  it('tells JSON keys from string values, numbers, literals and punctuation', () => {
    expect(tokens(tokenize('  "na\\"me": "Ada \\"A\\"",', 'json'))).toEqual([
      ['  ', ''],
      ['"na\\"me"', 'json-key'],
      [':', 'punct'],
      [' ', ''],
      ['"Ada \\"A\\""', 'json-string'],
      [',', 'punct'],
    ]);
    expect(tokens(tokenize('[-1.5e3, true, false, null, "1"]', 'json'))).toEqual([
      ['[', 'punct'],
      ['-1.5e3', 'json-number'],
      [',', 'punct'],
      [' ', ''],
      ['true', 'json-literal'],
      [',', 'punct'],
      [' ', ''],
      ['false', 'json-literal'],
      [',', 'punct'],
      [' ', ''],
      ['null', 'json-literal'],
      [',', 'punct'],
      [' ', ''],
      ['"1"', 'json-string'],
      [']', 'punct'],
    ]);
  });

  it('marks HTML tags and comments, and leaves plain text whole', () => {
    expect(tokens(tokenize('<p class="a">hi<!-- note --></p>', 'html'))).toEqual([
      ['<p class="a">', 'tag'],
      ['hi', ''],
      ['<!-- note -->', 'comment'],
      ['</p>', 'tag'],
    ]);
    expect(tokens(tokenize('x <!-- open', 'xml'))).toEqual([
      ['x ', ''],
      ['<!-- open', 'comment'],
    ]);
    expect(tokenize('{"a": <b>}', 'plain')).toEqual([{ text: '{"a": <b>}', token: '' }]);
  });

  it('marks a match that spans several tokens, ignoring case unless asked', () => {
    const segments = tokenize('  "name": "Ada",', 'json');
    const marked = markMatches(segments, 'E": "a', false);
    expect(marked.map((segment) => segment.text).join('')).toBe('  "name": "Ada",');
    expect(marked.filter((segment) => segment.mark).map(({ text, token }) => [text, token])).toEqual([
      ['e"', 'json-key'],
      [':', 'punct'],
      [' ', ''],
      ['"A', 'json-string'],
    ]);
    expect(markMatches(segments, 'ADA', true)).toEqual(segments);
    expect(markMatches(segments, '', false)).toEqual(segments);
  });

  it('keeps the text and marks exactly the non-overlapping matches of any query', () => {
    const unit = fc.constantFrom('a', 'A', 'b', '"', ':', ' ', '1', '{', 'é');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.string({ unit, minLength: 1, maxLength: 3 }), fc.boolean(), (text, query, matchCase) => {
        const marked = markMatches(tokenize(text, 'json'), query, matchCase);
        expect(marked.map((segment) => segment.text).join('')).toBe(text);
        const fold = (s: string) => (matchCase ? s : s.toLowerCase());
        const expected = Array.from(text, () => false);
        for (let at = fold(text).indexOf(fold(query)); at !== -1; at = fold(text).indexOf(fold(query), at + query.length)) expected.fill(true, at, at + query.length);
        expect(marked.flatMap((segment) => Array.from(segment.text, () => segment.mark === true))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('edge cases found by the property tests above (each was a bug)', () => {
  it('splits a run of bytes that are not UTF-8 at all instead of looping forever', () => {
    const rows = indexRows(ChunkedBytes.of(new Uint8Array(2500).fill(0x80)));
    expect(rows.count).toBe(3);
    const mixed = new Uint8Array(2500).fill(0x61);
    mixed.fill(0x80, 400, 1500);
    expect(indexRows(ChunkedBytes.of(mixed)).count).toBeGreaterThanOrEqual(3);
  });

  it('gives a CRLF line of exactly MAX_ROW_BYTES no extra empty row', () => {
    const rows = indexRows(ChunkedBytes.of(encode(`${'b'.repeat(MAX_ROW_BYTES)}\r\nnext`)));
    expect(Array.from({ length: rows.count }, (_, row) => rowText(rows, row))).toEqual(['b'.repeat(MAX_ROW_BYTES), 'next']);
  });

  it('marks a line cut right before its comma with an ellipsis', () => {
    const lines = indexed(`["${'a'.repeat(MAX_LINE_BYTES - 4)}",1]`);
    const text = lineText(lines, 1);
    expect(text.endsWith('…')).toBe(true);
    expect(byteLength(text.slice(0, -1))).toBe(MAX_LINE_BYTES);
  });

  it('marks a line whose value lies past more whitespace than a line shows with an ellipsis; copying it gives the value', () => {
    const lines = indexed(`{"a":${' '.repeat(3 * MAX_LINE_BYTES)}"value"}`);
    expect(lineText(lines, 1)).toBe('  "a": …');
    expect(copyValue(lines, 1)).toBe('value');
    // The cut falls inside a two-byte character of the value: the line ends before it.
    const split = indexed(`{"a":${' '.repeat(2 * MAX_LINE_BYTES - 14)}"${'é'.repeat(10)}"}`);
    expect(lineText(split, 1)).toBe('  "a": "éééé…');
  });

  it('names a character outside the BMP whole in an error, and says a body stopping inside a word is cut short', () => {
    expect(errorOf('😀')).toBe("Expected a value but found '😀' at line 1, column 1");
    expect(errorOf('[tr')).toMatch(/cut short/);
    expect(errorOf('{"a": "ab')).toMatch(/cut short/);
  });

  it('finds a non-ASCII capital with case folding on, and marks what it counts even where lowercasing changes length', () => {
    expect(findBytes(ChunkedBytes.of(encode('Émile')), 'Émile', false)).toMatchObject({ offsets: [0], more: false });
    expect(markMatches([{ text: 'İa x', token: '' }], 'x', false).filter((segment) => segment.mark)).toEqual([{ text: 'x', token: '', mark: true }]);
  });
});
