// The Pretty view's model of a JSON body: one validating pass over its UTF-8 bytes records where each
// pretty-printed line starts and how deep it is, and nothing else. Lines are rendered on demand from the bytes,
// so a 100 MB body costs its bytes plus 6 bytes a line, never a formatted copy or a parsed document.
// Only whitespace outside strings changes, so numbers (big integers, 1.0, 1e3) and escapes stay exactly as sent.
// Line breaks follow JSON.stringify(value, null, 2): after `{` `[` `,`, before `}` `]`; `{}` and `[]` stay whole.
import { BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, COLON, COMMA, isClose, isDigit, isWhitespace, MAX_DEPTH, MINUS, OPEN_ARRAY, OPEN_OBJECT, QUOTE, SPACE } from './jsonBytes';

const INDENT = 2;
/** Pretty lines longer than this are cut for display (a 10 MB string value); copying a value gives all of it. */
export const MAX_LINE_BYTES = 10_000;

const BLOCK_BITS = 16;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;

/** Per line: the byte offset of its first token and its nesting depth (indent = depth × 2 spaces).
 *  Kept in fixed-size blocks, so growing never copies and never over-allocates by more than one block. */
export class LineTable {
  private startBlocks: Uint32Array[] = [];
  private depthBlocks: Uint16Array[] = [];
  count = 0;

  add(offset: number, depth: number): void {
    const block = this.count >>> BLOCK_BITS;
    if (block === this.startBlocks.length) {
      this.startBlocks.push(new Uint32Array(1 << BLOCK_BITS));
      this.depthBlocks.push(new Uint16Array(1 << BLOCK_BITS));
    }
    this.startBlocks[block]![this.count & BLOCK_MASK] = offset;
    this.depthBlocks[block]![this.count & BLOCK_MASK] = depth;
    this.count++;
  }

  start(line: number): number {
    return this.startBlocks[line >>> BLOCK_BITS]![line & BLOCK_MASK]!;
  }

  depth(line: number): number {
    return this.depthBlocks[line >>> BLOCK_BITS]![line & BLOCK_MASK]!;
  }
}

export interface JsonLines {
  bytes: Uint8Array;
  table: LineTable;
  count: number;
  /** Some number has 16+ significant digits: JSON.parse would round it (see parseExact). */
  hasLongNumbers: boolean;
}

/** offset: the byte where the problem is, so the Raw view can show that line. */
export type IndexOutcome = { ok: true; lines: JsonLines } | { ok: false; error: string; offset: number };

class InvalidJson extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const enum Expect {
  Value,
  Key,
  Colon,
  CommaOrClose,
}

/** Validates the JSON and indexes its pretty lines in one linear pass; invalid JSON answers where and why. */
export function indexJson(bytes: Uint8Array): IndexOutcome {
  try {
    return { ok: true, lines: scan(bytes) };
  } catch (error) {
    if (!(error instanceof InvalidJson)) throw error;
    const { line, column } = positionOf(bytes, error.offset);
    return { ok: false, error: `${error.message} at line ${line}, column ${column}`, offset: error.offset };
  }
}

function scan(bytes: Uint8Array): JsonLines {
  const n = bytes.length;
  const table = new LineTable();
  let hasLongNumbers = false;
  // Open containers, innermost last: true for objects.
  const objects: boolean[] = [];
  let expect = Expect.Value;
  let newLine = true;
  let i = 0;
  for (;;) {
    while (i < n && isWhitespace(bytes[i]!)) i++;
    if (i >= n) break;
    const b = bytes[i]!;
    if (newLine) {
      table.add(i, objects.length);
      newLine = false;
    }
    switch (expect) {
      case Expect.Value: {
        if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
          const close = b === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY;
          let next = i + 1;
          while (next < n && isWhitespace(bytes[next]!)) next++;
          if (bytes[next] === close) {
            i = next + 1;
            expect = Expect.CommaOrClose;
          } else {
            if (objects.length === MAX_DEPTH) throw new InvalidJson('Nested deeper than 65,535 levels', i);
            objects.push(b === OPEN_OBJECT);
            expect = b === OPEN_OBJECT ? Expect.Key : Expect.Value;
            newLine = true;
            i++;
          }
        } else if (b === QUOTE) {
          i = stringEnd(bytes, i);
          expect = Expect.CommaOrClose;
        } else if (b === MINUS || isDigit(b)) {
          const end = numberEnd(bytes, i);
          hasLongNumbers ||= significantDigits(bytes, i, end) >= 16;
          i = end;
          expect = Expect.CommaOrClose;
        } else {
          i = literalEnd(bytes, i);
          expect = Expect.CommaOrClose;
        }
        break;
      }
      case Expect.Key:
        if (b !== QUOTE) throw unexpected(bytes, i, 'a property name in double quotes');
        i = stringEnd(bytes, i);
        expect = Expect.Colon;
        break;
      case Expect.Colon:
        if (b !== COLON) throw unexpected(bytes, i, "':' after the property name");
        i++;
        expect = Expect.Value;
        break;
      case Expect.CommaOrClose: {
        if (objects.length === 0) throw new InvalidJson('Unexpected data after the JSON value', i);
        const inObject = objects[objects.length - 1]!;
        if (b === COMMA) {
          expect = inObject ? Expect.Key : Expect.Value;
          newLine = true;
          i++;
        } else if (b === (inObject ? CLOSE_OBJECT : CLOSE_ARRAY)) {
          objects.pop();
          table.add(i, objects.length);
          i++;
        } else {
          throw unexpected(bytes, i, inObject ? "',' or '}'" : "',' or ']'");
        }
        break;
      }
    }
  }
  if (table.count === 0) throw new InvalidJson('The body is empty', 0);
  if (objects.length > 0 || expect !== Expect.CommaOrClose) throw new InvalidJson(CUT_SHORT, n);
  return { bytes, table, count: table.count, hasLongNumbers };
}

function unexpected(bytes: Uint8Array, at: number, wanted: string): InvalidJson {
  const [char] = new TextDecoder().decode(bytes.subarray(at, at + 4));
  return new InvalidJson(`Expected ${wanted} but found '${char}'`, at);
}

const CUT_SHORT = 'Unexpected end of the body (is it cut short?)';

/** Offset just past the string starting at `start` (a quote); checks escapes and control characters. */
function stringEnd(bytes: Uint8Array, start: number): number {
  const n = bytes.length;
  for (let i = start + 1; i < n; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) return i + 1;
    if (b === BACKSLASH) {
      const escaped = bytes[i + 1];
      if (escaped === 0x75) {
        for (let h = i + 2; h < i + 6; h++) if (!isHex(bytes[h])) throw new InvalidJson('Bad \\u escape in a string', i);
        i += 5;
      } else if (escaped !== undefined && '"\\/bfnrt'.includes(String.fromCharCode(escaped))) {
        i++;
      } else {
        throw new InvalidJson('Bad escape in a string', i);
      }
    } else if (b < 0x20) {
      throw new InvalidJson('Unescaped control character in a string', i);
    }
  }
  throw new InvalidJson(`Unterminated string: ${CUT_SHORT}`, start);
}

const isHex = (b: number | undefined) => b !== undefined && (isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66));

/** Offset just past the number at `start`: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
function numberEnd(bytes: Uint8Array, start: number): number {
  let i = start;
  if (bytes[i] === MINUS) i++;
  if (bytes[i] === 0x30) i++;
  else if (isDigit(bytes[i] ?? -1)) while (isDigit(bytes[i] ?? -1)) i++;
  else throw new InvalidJson('Bad number', start);
  if (bytes[i] === 0x2e) {
    i++;
    if (!isDigit(bytes[i] ?? -1)) throw new InvalidJson('Bad number: no digit after the decimal point', start);
    while (isDigit(bytes[i] ?? -1)) i++;
  }
  if (bytes[i] === 0x65 || bytes[i] === 0x45) {
    i++;
    if (bytes[i] === 0x2b || bytes[i] === MINUS) i++;
    if (!isDigit(bytes[i] ?? -1)) throw new InvalidJson('Bad number: no digit in the exponent', start);
    while (isDigit(bytes[i] ?? -1)) i++;
  }
  return i;
}

function significantDigits(bytes: Uint8Array, start: number, end: number): number {
  let digits = 0;
  let leading = true;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0x65 || b === 0x45) break;
    if (!isDigit(b) || (leading && b === 0x30)) continue;
    leading = false;
    digits++;
  }
  return digits;
}

const LITERALS = ['true', 'false', 'null'].map((word) => new TextEncoder().encode(word));

function literalEnd(bytes: Uint8Array, start: number): number {
  for (const word of LITERALS) {
    if (bytes[start] !== word[0]) continue;
    if (word.every((b, k) => bytes[start + k] === b)) return start + word.length;
    // `[tr` at the very end: the body stops inside the word.
    if (start + word.length > bytes.length && word.subarray(0, bytes.length - start).every((b, k) => bytes[start + k] === b)) {
      throw new InvalidJson(CUT_SHORT, bytes.length);
    }
  }
  throw unexpected(bytes, start, 'a value');
}

/** 1-based line and column (in characters) of a byte offset in the body as received. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1 };
}

const skipWhitespace = (bytes: Uint8Array, i: number) => {
  while (i < bytes.length && isWhitespace(bytes[i]!)) i++;
  return i;
};

/** Offset just past the scalar (string, number, literal) at `start`. The body is already validated. */
function scalarEnd(bytes: Uint8Array, start: number): number {
  if (bytes[start] === QUOTE) {
    let i = start + 1;
    while (bytes[i] !== QUOTE) i += bytes[i] === BACKSLASH ? 2 : 1;
    return i + 1;
  }
  let i = start;
  while (i < bytes.length && !isWhitespace(bytes[i]!) && bytes[i] !== COMMA && !isClose(bytes[i]!)) i++;
  return i;
}

/** A growable byte buffer the pretty lines are written into. */
class ByteSink {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(64, capacity));
  }

  push(part: Uint8Array): void {
    this.reserve(part.length);
    this.bytes.set(part, this.length);
    this.length += part.length;
  }

  spaces(count: number): void {
    this.reserve(count);
    this.bytes.fill(SPACE, this.length, this.length + count);
    this.length += count;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(Math.ceil(this.bytes.length * 1.5), this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

/** Writes pretty line `index`, indented, into the sink. A line longer than `limit`
 *  bytes is written only past the limit (by a byte or a punctuation mark), so the caller can tell it was cut. */
function writeLine(lines: JsonLines, index: number, sink: ByteSink, limit: number): void {
  const { bytes } = lines;
  const stop = sink.length + limit;
  sink.spaces(lines.table.depth(index) * INDENT);
  let i = lines.table.start(index);
  let first = true;
  while (sink.length <= stop) {
    i = skipWhitespace(bytes, i);
    if (i >= bytes.length) break;
    const b = bytes[i]!;
    if (isClose(b)) {
      if (!first) break;
      sink.push(bytes.subarray(i, ++i));
    } else if (b === COLON) {
      sink.push(COLON_SPACE);
      i++;
    } else if (b === COMMA) {
      sink.push(bytes.subarray(i, i + 1));
      break;
    } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      const next = skipWhitespace(bytes, i + 1);
      if (isClose(bytes[next]!)) {
        sink.push(b === OPEN_OBJECT ? EMPTY_OBJECT : EMPTY_ARRAY);
        i = next + 1;
      } else {
        sink.push(bytes.subarray(i, i + 1));
        break;
      }
    } else {
      const end = scalarEnd(bytes, i);
      // A long string is copied only up to one byte past the limit.
      sink.push(bytes.subarray(i, Math.min(end, i + (stop - sink.length) + 1)));
      i = end;
    }
    first = false;
  }
}

const decoder = new TextDecoder();

/** The text of pretty line `index`, indented; cut after MAX_LINE_BYTES with an ellipsis. */
export function lineText(lines: JsonLines, index: number): string {
  const sink = new ByteSink(128);
  writeLine(lines, index, sink, MAX_LINE_BYTES);
  if (sink.length <= MAX_LINE_BYTES) return decoder.decode(sink.bytes.subarray(0, sink.length));
  // Cut at a character boundary: back off UTF-8 continuation bytes, then the lead byte of the cut character.
  let end = MAX_LINE_BYTES;
  while (end > 0 && (sink.bytes[end]! & 0xc0) === 0x80) end--;
  return `${decoder.decode(sink.bytes.subarray(0, end))}…`;
}

const COLON_SPACE = new TextEncoder().encode(': ');
const EMPTY_OBJECT = new TextEncoder().encode('{}');
const EMPTY_ARRAY = new TextEncoder().encode('[]');
const NEWLINE = new TextEncoder().encode('\n');

/** The whole pretty-printed text of valid JSON bytes (copying a container, tests); invalid JSON comes back as is. */
export function prettyText(bytes: Uint8Array): string {
  const indexed = indexJson(bytes);
  if (!indexed.ok) return decoder.decode(bytes);
  const { lines } = indexed;
  const sink = new ByteSink(bytes.length * 2);
  for (let line = 0; line < lines.count; line++) {
    if (line > 0) sink.push(NEWLINE);
    writeLine(lines, line, sink, Infinity);
  }
  return decoder.decode(sink.bytes.subarray(0, sink.length));
}

/** Line of the bracket that closes the container opened on `index`, or `index` itself for anything else. */
export function closingLine(lines: JsonLines, index: number): number {
  const depth = lines.table.depth(index);
  if (index + 1 >= lines.count || lines.table.depth(index + 1) <= depth) return index;
  let line = index + 1;
  while (lines.table.depth(line) > depth) line++;
  return line;
}

export const isClosingLine = (lines: JsonLines, index: number) => isClose(lines.bytes[lines.table.start(index)]!);

/** Entries in the container opened on `index` (0 for anything else). */
export function childCount(lines: JsonLines, index: number): number {
  const close = closingLine(lines, index);
  const depth = lines.table.depth(index) + 1;
  let children = 0;
  for (let line = index + 1; line < close; line++) if (lines.table.depth(line) === depth && !isClosingLine(lines, line)) children++;
  return children;
}

/** Byte offset where the value on line `index` starts (after its key, when it has one). */
function valueStart(lines: JsonLines, index: number): number {
  const { bytes } = lines;
  const start = lines.table.start(index);
  if (bytes[start] !== QUOTE) return start;
  const afterString = skipWhitespace(bytes, scalarEnd(bytes, start));
  return bytes[afterString] === COLON ? skipWhitespace(bytes, afterString + 1) : start;
}

/** Opening bracket of the container on `index` ('{' or '['), or null. */
export function containerOf(lines: JsonLines, index: number): '{' | '[' | null {
  const b = lines.bytes[valueStart(lines, index)];
  return b === OPEN_OBJECT ? '{' : b === OPEN_ARRAY ? '[' : null;
}

/** The line whose container `index` closes (for closing lines), else `index`. */
function openerOf(lines: JsonLines, index: number): number {
  if (!isClosingLine(lines, index)) return index;
  const depth = lines.table.depth(index);
  let line = index - 1;
  while (line > 0 && lines.table.depth(line) !== depth) line--;
  return line;
}

/** Path segments from the root to the value on line `index` (a closing line answers its container's path). */
export function pathOf(lines: JsonLines, index: number): Array<string | number> {
  const segments: Array<string | number> = [];
  let line = openerOf(lines, index);
  while (lines.table.depth(line) > 0) {
    const depth = lines.table.depth(line);
    let parent = line - 1;
    while (lines.table.depth(parent) >= depth) parent--;
    if (containerOf(lines, parent) === '{') {
      const start = lines.table.start(line);
      segments.push(JSON.parse(new TextDecoder().decode(lines.bytes.subarray(start, scalarEnd(lines.bytes, start)))) as string);
    } else {
      let position = 0;
      for (let sibling = parent + 1; sibling < line; sibling++) if (lines.table.depth(sibling) === depth && !isClosingLine(lines, sibling)) position++;
      segments.push(position);
    }
    line = parent;
  }
  return segments.reverse();
}

/** The value on line `index` as a user would paste it: strings unquoted, containers pretty-printed, exact numbers. */
export function copyValue(lines: JsonLines, index: number): string {
  const line = openerOf(lines, index);
  const { bytes } = lines;
  const start = valueStart(lines, line);
  if (containerOf(lines, line)) {
    const close = closingLine(lines, line);
    // An empty container shares its line with its closing bracket.
    const end = close === line ? skipWhitespace(bytes, start + 1) + 1 : lines.table.start(close) + 1;
    return prettyText(bytes.subarray(start, end));
  }
  const token = new TextDecoder().decode(bytes.subarray(start, scalarEnd(bytes, start)));
  return bytes[start] === QUOTE ? (JSON.parse(token) as string) : token;
}

/** The line holding byte `offset` (the last line starting at or before it), given each line's start. */
export function lineAt(startOf: (line: number) => number, count: number, offset: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (startOf(middle) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
