// The Raw view's model of any text body: where each display row starts. A row is a line of the body, and lines
// longer than MAX_ROW_BYTES (a minified 100 MB JSON body is one line) are split into rows of that size.
export const MAX_ROW_BYTES = 1000;

export interface TextRows {
  bytes: Uint8Array;
  count: number;
  starts: Uint32Array;
}

export function indexRows(bytes: Uint8Array): TextRows {
  let capacity = (bytes.length >> 6) + 1024;
  let starts = new Uint32Array(capacity);
  let count = 0;
  let rowStart = 0;
  const add = (offset: number) => {
    if (count === capacity) {
      capacity = Math.ceil(capacity * 1.5);
      const grown = new Uint32Array(capacity);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = offset;
  };
  add(0);
  while (rowStart < bytes.length) {
    const newline = bytes.indexOf(0x0a, rowStart);
    const lineEnd = newline === -1 ? bytes.length : newline;
    // A CR before the LF is part of the line break, not of a row.
    const textEnd = lineEnd > rowStart && bytes[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd;
    // Split an over-long line, backing off to a character boundary (never before a UTF-8 continuation byte);
    // bytes that are all continuations (not UTF-8 at all) are split where the limit falls.
    let start = rowStart;
    while (textEnd - start > MAX_ROW_BYTES) {
      let at = start + MAX_ROW_BYTES;
      while (at > start + 1 && (bytes[at]! & 0xc0) === 0x80) at--;
      if (at === start + 1) at = start + MAX_ROW_BYTES;
      add(at);
      start = at;
    }
    if (newline === -1) break;
    rowStart = newline + 1;
    if (rowStart < bytes.length) add(rowStart);
  }
  return { bytes, count, starts };
}

/** Row text without its line break. */
export function rowText(rows: TextRows, index: number): string {
  const start = rows.starts[index]!;
  let end = index + 1 < rows.count ? rows.starts[index + 1]! : rows.bytes.length;
  if (rows.bytes[end - 1] === 0x0a) end--;
  if (rows.bytes[end - 1] === 0x0d) end--;
  return new TextDecoder().decode(rows.bytes.subarray(start, end));
}
