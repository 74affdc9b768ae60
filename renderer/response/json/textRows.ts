// The Raw view's model of any text body: where each display row starts. A row is a line of the body, and lines
// longer than MAX_ROW_BYTES (a minified 100 MB JSON body is one line) are split into rows of that size.
// Built as the body arrives: each push resumes at the last row, which is the only one more bytes can change.
import { ChunkedBytes } from './chunkedBytes';

export const MAX_ROW_BYTES = 1000;
const LF = 0x0a;
const CR = 0x0d;

export interface TextRows {
  bytes: ChunkedBytes;
  count: number;
  starts: Uint32Array;
}

export class TextRowsIndex {
  private starts = new Uint32Array(1024);
  private count = 0;
  /** Where the last row starts: the scan resumes there. */
  private rowStart = 0;
  private bytes = new ChunkedBytes();

  /** bytes: all of the body received so far (it only ever grows). */
  push(bytes: ChunkedBytes): this {
    this.bytes = bytes;
    this.scan();
    return this;
  }

  get rows(): TextRows {
    return { bytes: this.bytes, count: this.count, starts: this.starts };
  }

  private scan(): void {
    const bytes = this.bytes;
    if (this.count === 0) this.add(0);
    // The last row's start is in the table; rows after it are found again.
    let start = this.rowStart;
    for (;;) {
      const newline = bytes.indexOf(LF, start);
      // A CR before the LF (or at the end) is part of the line break, not of a row.
      const lineEnd = newline === -1 ? bytes.length : newline;
      const textEnd = lineEnd > start && bytes.at(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      // Split an over-long line, backing off to a character boundary (never before a UTF-8 continuation byte);
      // bytes that are all continuations (not UTF-8 at all) are split where the limit falls.
      while (textEnd - start > MAX_ROW_BYTES) {
        let at = start + MAX_ROW_BYTES;
        while (at > start + 1 && (bytes.at(at)! & 0xc0) === 0x80) at--;
        if (at === start + 1) at = start + MAX_ROW_BYTES;
        this.add(at);
        start = at;
      }
      this.rowStart = start;
      if (newline === -1 || newline + 1 >= bytes.length) return;
      start = newline + 1;
      this.add(start);
    }
  }

  private add(offset: number): void {
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(Math.ceil(this.starts.length * 1.5));
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = offset;
  }
}

/** The rows of a whole body. */
export const indexRows = (bytes: ChunkedBytes): TextRows => new TextRowsIndex().push(bytes).rows;

/** Row text without its line break. */
export function rowText(rows: TextRows, index: number): string {
  const start = rows.starts[index]!;
  let end = index + 1 < rows.count ? rows.starts[index + 1]! : rows.bytes.length;
  if (rows.bytes.at(end - 1) === LF) end--;
  if (rows.bytes.at(end - 1) === CR) end--;
  return new TextDecoder().decode(rows.bytes.range(start, end));
}
