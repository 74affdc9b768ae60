// The bytes JSON's grammar turns on, the tests on them, and the scans over validated bytes shared by the indexer
// (incrementalIndex.ts), its line table (lineTable.ts) and the lines drawn from it (jsonLines.ts).
export const SPACE = 0x20;
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
export const MINUS = 0x2d;
/** Deeper nesting is refused: depth is kept in 16 bits per line. */
export const MAX_DEPTH = 0xffff;

export const isWhitespace = (b: number) => b === SPACE || b === 0x0a || b === 0x09 || b === 0x0d;
export const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
export const isClose = (b: number) => b === CLOSE_OBJECT || b === CLOSE_ARRAY;

/** The first offset from `i` on that is not whitespace (or the end of `bytes`). */
export function skipWhitespace(bytes: Uint8Array, i: number): number {
  while (i < bytes.length && isWhitespace(bytes[i]!)) i++;
  return i;
}

/** Offset just past the string whose opening quote is at `start`, or the end of `bytes` if it stops inside it.
 *  For validated bytes: an escape is skipped whole, nothing else is checked. */
export function stringEnd(bytes: Uint8Array, start: number): number {
  let i = start + 1;
  while (i < bytes.length && bytes[i] !== QUOTE) i += bytes[i] === BACKSLASH ? 2 : 1;
  return Math.min(i + 1, bytes.length);
}
