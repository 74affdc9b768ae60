// The line table keeps one entry per 64 lines and finds a block's lines again by scanning its bytes: every line's
// start and depth, and the searches folding, copy path and Ctrl+F rely on, must equal those of a table that keeps every
// line (the reference indexer's), for bodies of many blocks, however they are spaced, cut into parts or cut short.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalJsonIndex } from '../../renderer/response/json/incrementalIndex';
import { childCount, closingLine, type JsonLines, pathOf } from '../../renderer/response/json/jsonLines';
import { referenceIndexJson } from '../fixtures/referenceJsonIndex';
import { respace } from '../fixtures/respaceJson';

const encode = (text: string) => new TextEncoder().encode(text);

/** JSON of hundreds of lines: arrays and objects of strings with escapes and multi-byte characters, empty containers. */
const manyLines = fc
  .tuple(
    fc.array(fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), { minLength: 20, maxLength: 80 }),
    fc.constantFrom('', ' ', '\n', ' \r\n\t '),
    fc.boolean(),
  )
  // Whitespace around every bracket, comma and colon (`[ ]` stays one line).
  .map(([values, space, pretty]) => respace(pretty ? JSON.stringify(values, null, 2) : JSON.stringify(values), [space]));

/** The indexer fed the body in parts cut at `cuts`, as the worker gets them. */
function indexInParts(bytes: Uint8Array, cuts: number[]): IncrementalJsonIndex {
  const index = new IncrementalJsonIndex();
  const bounds = [0, ...[...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b), bytes.length];
  for (let k = 1; k < bounds.length; k++) index.push(bytes.slice(bounds[k - 1], bounds[k]));
  return index;
}

/** What the views read of each line, in an order that sends the table from block to block. */
function reads(lines: JsonLines, { folds }: { folds: boolean }) {
  const order = Array.from({ length: lines.count }, (_, k) => (k * 7919) % lines.count);
  return order.map((line) => ({
    line,
    start: lines.table.start(line),
    depth: lines.table.depth(line),
    lineAt: [lines.table.lineAt(lines.table.start(line), lines.count), lines.table.lineAt(lines.table.start(line) - 1, lines.count)],
    ...(folds ? { closing: closingLine(lines, line), entries: childCount(lines, line), path: pathOf(lines, line) } : {}),
  }));
}

describe('LineTable (one entry per 64 lines)', () => {
  it('gives every line, fold, entry count, path and line-at-offset of a table that keeps each line, wherever the parts are cut', () => {
    fc.assert(
      fc.property(manyLines, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const bytes = encode(text);
        const reference = referenceIndexJson(bytes);
        if (!reference.ok) throw new Error(reference.error);
        const outcome = indexInParts(bytes, cuts).end();
        if (!outcome.ok) throw new Error(outcome.error);
        expect(outcome.lines.count).toBe(reference.lines.count);
        expect(reads(outcome.lines, { folds: true })).toEqual(reads(reference.lines, { folds: true }));
      }),
      // A failure is reported as found: shrinking bodies of hundreds of lines would take minutes.
      { numRuns: 150, endOnFailure: true },
    );
  }, 60_000);

  it('gives the same lines for a body cut short anywhere, before and after the end is known', () => {
    fc.assert(
      fc.property(manyLines, fc.nat(), fc.array(fc.nat(), { maxLength: 6 }), (text, at, cuts) => {
        const whole = encode(text);
        const bytes = whole.subarray(0, at % whole.length);
        const index = indexInParts(bytes, cuts);
        const once = new IncrementalJsonIndex();
        once.push(bytes.slice());
        // While it arrives: the complete lines so far read as those of the body given in one part.
        expect(reads(index.lines, { folds: false })).toEqual(reads(once.lines, { folds: false }));
        index.end();
        once.end();
        expect(reads(index.lines, { folds: false })).toEqual(reads(once.lines, { folds: false }));
        // And as the reference's lines of the whole body, which they are the start of.
        const reference = referenceIndexJson(whole);
        if (!reference.ok) throw new Error(reference.error);
        const complete = index.lines;
        for (let line = 0; line < complete.count; line++) {
          expect([complete.table.start(line), complete.table.depth(line)]).toEqual([reference.lines.table.start(line), reference.lines.table.depth(line)]);
        }
      }),
      // A failure is reported as found: shrinking bodies of hundreds of lines would take minutes.
      { numRuns: 150, endOnFailure: true },
    );
  }, 60_000);

  it('folds, counts and paths a root array of 200,000 items, its last item too', () => {
    const items = Array.from({ length: 200_000 }, (_, k) => ({ id: k, tags: k % 3 ? [] : ['a', 'b'] }));
    const bytes = encode(JSON.stringify({ items, end: true }));
    const outcome = indexInParts(bytes, [1000, 65_536, 1_000_000]).end();
    if (!outcome.ok) throw new Error(outcome.error);
    const { lines } = outcome;
    const itemsLine = 1;
    expect(childCount(lines, itemsLine)).toBe(200_000);
    const closing = closingLine(lines, itemsLine);
    expect(lines.bytes.at(lines.table.start(closing))).toBe(']'.charCodeAt(0));
    const lastId = lines.table.lineAt(Buffer.from(bytes).lastIndexOf('"id":199999'), lines.count);
    expect(pathOf(lines, lastId)).toEqual(['items', 199_999, 'id']);
    expect(pathOf(lines, closing + 1)).toEqual(['end']);
  });
});
