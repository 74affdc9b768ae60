// The Raw view's rows built as the body arrives (TextRowsIndex) against a one-pass reference: the same rows whatever
// the chunks, so the rows shown while a body downloads are the rows it keeps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedBytes } from '../../renderer/response/json/chunkedBytes';
import { MAX_ROW_BYTES, TextRowsIndex, type TextRows } from '../../renderer/response/json/textRows';

/** The one-pass row index as it was before rows were built incrementally: the reference model. */
function referenceRows(bytes: Uint8Array): number[] {
  const starts = [0];
  let rowStart = 0;
  while (rowStart < bytes.length) {
    const newline = bytes.indexOf(0x0a, rowStart);
    const lineEnd = newline === -1 ? bytes.length : newline;
    const textEnd = lineEnd > rowStart && bytes[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd;
    let start = rowStart;
    while (textEnd - start > MAX_ROW_BYTES) {
      let at = start + MAX_ROW_BYTES;
      while (at > start + 1 && (bytes[at]! & 0xc0) === 0x80) at--;
      if (at === start + 1) at = start + MAX_ROW_BYTES;
      starts.push(at);
      start = at;
    }
    if (newline === -1) break;
    rowStart = newline + 1;
    if (rowStart < bytes.length) starts.push(rowStart);
  }
  return starts;
}

const startsOf = (rows: TextRows) => Array.from(rows.starts.subarray(0, rows.count));

/** Feeds `bytes` cut at `cuts` (sorted offsets) as parts, each push seeing all bytes so far, as the body worker does. */
function chunked(bytes: Uint8Array, cuts: number[]): TextRows {
  const index = new TextRowsIndex();
  const received = new ChunkedBytes();
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    received.push(bytes.slice(from, cut));
    from = cut;
    index.push(received);
  }
  return index.rows;
}

const encode = (text: string) => new TextEncoder().encode(text);
/** Lines of every kind that matters: empty, CRLF, a lone CR, over-long, multi-byte characters at the split, not UTF-8. */
const SAMPLES: Uint8Array[] = [
  encode(''),
  encode('a\nb\r\nc\r\n\n\nd'),
  encode('trailing newline\n'),
  encode('\r\r\n\r'),
  encode(`${'x'.repeat(MAX_ROW_BYTES)}\r\n${'y'.repeat(MAX_ROW_BYTES + 1)}\n${'z'.repeat(3 * MAX_ROW_BYTES + 7)}`),
  encode(`${'é'.repeat(MAX_ROW_BYTES)}\n${'a'.repeat(MAX_ROW_BYTES - 1)}€€\n`),
  new Uint8Array(2 * MAX_ROW_BYTES + 30).fill(0x80),
];

describe('TextRowsIndex', () => {
  it('gives the rows of the one-pass reference when fed all at once', () => {
    for (const bytes of SAMPLES) expect(startsOf(chunked(bytes, []))).toEqual(referenceRows(bytes));
  });

  it('gives the same rows wherever the body is cut, and each early row stays as it was shown', () => {
    for (const bytes of SAMPLES) {
      const expected = referenceRows(bytes);
      for (let cut = 0; cut <= bytes.length; cut++) {
        const index = new TextRowsIndex();
        const received = ChunkedBytes.of(bytes.slice(0, cut));
        const early = startsOf(index.push(received).rows);
        received.push(bytes.slice(cut));
        const rows = index.push(received).rows;
        expect(startsOf(rows)).toEqual(expected);
        // Every row shown early but the last (which may still grow) starts where it will stay.
        expect(expected.slice(0, early.length - 1)).toEqual(early.slice(0, -1));
      }
    }
  });

  it('agrees with the reference on random text cut into random chunks', () => {
    const piece = fc.oneof(
      fc.constantFrom('\n', '\r\n', '\r', 'é', '€', '😀', ' '),
      fc.string({ maxLength: 40 }),
      fc.integer({ min: MAX_ROW_BYTES - 3, max: MAX_ROW_BYTES + 3 }).map((length) => 'w'.repeat(length)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 8 }), (pieces, rawCuts) => {
        const bytes = encode(pieces.join(''));
        const cuts = [...new Set(rawCuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        expect(startsOf(chunked(bytes, cuts))).toEqual(referenceRows(bytes));
      }),
      { numRuns: 500 },
    );
  });
});
