// Ctrl+F in the Pretty view (and the filter's matches): it finds the text the lines show, not the bytes as sent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedBytes } from '../../renderer/response/json/chunkedBytes';
import { findBytes, MAX_MATCHES } from '../../renderer/response/json/findBytes';
import { findInLines, type LineMatches } from '../../renderer/response/json/findLines';
import { markMatches } from '../../renderer/response/json/highlight';
import { IncrementalJsonIndex } from '../../renderer/response/json/incrementalIndex';
import { indexJson, type JsonLines, lineText, MAX_LINE_BYTES } from '../../renderer/response/json/jsonLines';
import { respace } from '../fixtures/respaceJson';
import { itemsJson } from '../fixtures/testServer';

const encode = (text: string) => new TextEncoder().encode(text);

function indexed(text: string): JsonLines {
  const outcome = indexJson(encode(text));
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.lines;
}

/** Each match as [line, column]. */
const positions = (found: LineMatches) => found.lines.map((line, k) => [line, found.columns[k]]);
const find = (text: string, query: string, matchCase = false) => findInLines(indexed(text), query, matchCase);

/** What the view marks: the matches markMatches finds in each line's text, as [line, column]. */
function marked(lines: JsonLines, query: string, matchCase: boolean): number[][] {
  const found: number[][] = [];
  for (let line = 0; line < lines.count; line++) {
    let column = 0;
    for (const segment of markMatches([{ text: lineText(lines, line), token: '' }], query, matchCase)) {
      if (segment.mark) found.push([line, encode(lineText(lines, line).slice(0, column)).length]);
      column += segment.text.length;
    }
  }
  return found;
}

describe('findInLines (Ctrl+F in Pretty)', () => {
  it('finds `"a": 1` in a minified body, on the pretty line and column that show it', () => {
    const lines = indexed('{"a":1,"b":{"a":1}}');
    expect(Array.from({ length: lines.count }, (_, line) => lineText(lines, line))).toEqual(['{', '  "a": 1,', '  "b": {', '    "a": 1', '  }', '}']);
    expect(positions(findInLines(lines, '"a": 1', false))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    // The bytes as sent hold no such text, and the pretty lines do not hold the bytes' form.
    expect(findBytes(lines.bytes, '"a": 1', false).offsets).toEqual([]);
    expect(find('{"a":1}', '"a":1').lines).toEqual([]);
  });

  it('matches across the pretty indentation, whatever the spacing sent', () => {
    const text = '{\n\t"a" :\t1,\r\n    "b":   [ {"c" : true} ]\n}';
    expect(positions(find(text, '  "a": 1,'))).toEqual([[1, 0]]);
    // Two levels deep: six spaces of indentation, none of the body's own.
    expect(positions(find(text, '      "c": true'))).toEqual([[4, 0]]);
    expect(find(text, '"a" :').lines).toEqual([]);
    expect(find(text, '\t').lines).toEqual([]);
  });

  it('keeps spaces inside strings as sent, and finds a key typed with the colon inside a string', () => {
    expect(positions(find('{"k":"x:1  y",  "z" : 2}', 'x:1  y'))).toEqual([[1, 8]]);
    expect(positions(find('{"k":"\\":1"}', '\\":1'))).toEqual([[1, 8]]);
    expect(positions(find('{"k":":1"}', ' ":1'))).toEqual([[1, 6]]);
  });

  it('folds ASCII case unless asked to match it, as the marks do', () => {
    expect(find('{"Name":"ADA","name":"ada"}', '"name": "ada"').lines).toEqual([1, 2]);
    expect(find('{"Name":"ADA","name":"ada"}', '"name": "ada"', true).lines).toEqual([2]);
    expect(find('{"é":"É"}', '"é": "é"').lines).toEqual([]);
  });

  it('finds only what a cut line shows, its ellipsis included', () => {
    const text = `{"long":"${'x'.repeat(MAX_LINE_BYTES)}END","next":"END"}`;
    expect(find(text, 'END').lines).toEqual([2]);
    expect(find(text, 'xx…').lines).toEqual([1]);
  });

  it('counts the matches of a large body as the view marks them', () => {
    const text = itemsJson(400_000);
    const lines = indexed(text);
    const found = findInLines(lines, '"active": true', false);
    // Every other item is active; the needle at the end is too.
    const items = (text.match(/"id":/g) ?? []).length;
    expect(found.lines).toHaveLength(Math.ceil((items - 1) / 2) + 1);
    expect(positions(found)).toEqual(marked(lines, '"active": true', false));
    const capped = findInLines(indexed(itemsJson(1_000_000)), '"', false);
    expect(capped.more).toBe(true);
    expect(capped.lines).toHaveLength(MAX_MATCHES);
  });

  it('finds what the view marks in any JSON, however it was spaced, for any part of a line', () => {
    const json = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value));
    const spaces = fc.array(fc.string({ unit: fc.constantFrom(' ', '\t', '\n'), maxLength: 2 }), { maxLength: 4 });
    fc.assert(
      fc.property(json, spaces, fc.nat(), fc.nat(), fc.boolean(), (minified, spacing, at, length, matchCase) => {
        const lines = indexed(respace(minified, spacing));
        // A piece of one of the lines shown, its case changed unless matched.
        const shown = lineText(lines, at % lines.count);
        const from = at % (shown.length + 1);
        const piece = shown.slice(from, from + 1 + (length % 8));
        const query = matchCase ? piece : piece.replace(/[a-z]/g, (char) => char.toUpperCase());
        if (query === '') return;
        const found = findInLines(lines, query, matchCase);
        expect(found.lines.length).toBeGreaterThan(0);
        expect(positions(found)).toEqual(marked(lines, query, matchCase));
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same matches searched again as the body arrives, part by part, as in the whole body', () => {
    const body = encode(respace(itemsJson(20_000), ['\n ', '', '\t']));
    const whole = findInLines(indexed(new TextDecoder().decode(body)), '"id": 1', false);
    const index = new IncrementalJsonIndex();
    let found: LineMatches | undefined;
    for (let at = 0; at < body.length; at += 997) {
      index.push(body.slice(at, at + 997));
      found = findInLines(index.lines, '"id": 1', false, found);
    }
    const outcome = index.end();
    if (!outcome.ok) throw new Error(outcome.error);
    found = findInLines(outcome.lines, '"id": 1', false, found);
    expect(whole.lines.length).toBeGreaterThan(10);
    expect(found).toEqual(whole);
  });
});

describe('findBytes (Ctrl+F in Raw)', () => {
  it('still finds the bytes as sent, not the pretty form', () => {
    const bytes = ChunkedBytes.of(encode('{"a":1,"b":{"a":1}}'));
    expect(findBytes(bytes, '"a":1', false).offsets).toEqual([1, 12]);
    expect(findBytes(bytes, '"a": 1', false).offsets).toEqual([]);
  });
});
