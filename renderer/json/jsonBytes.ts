// The bytes JSON's grammar turns on, and the tests on them, shared by the one-pass indexer (jsonLines.ts) and the
// incremental one (incrementalIndex.ts); and how a body's bytes are gathered as they arrive.
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

/** `buffer` holding `length` bytes, with `chunk` appended: in place when it fits, else in a buffer that at least
 *  doubles (each byte moves about once on average). Any body's bytes, JSON or not. */
export function appendBytes(buffer: Uint8Array, length: number, chunk: Uint8Array): Uint8Array {
  let target = buffer;
  if (length + chunk.length > buffer.length) {
    target = new Uint8Array(Math.max(buffer.length * 2, length + chunk.length));
    target.set(buffer.subarray(0, length));
  }
  target.set(chunk, length);
  return target;
}
