// The Pretty view's lines of a JSON body, drawn on demand from its bytes and its line table (lineTable.ts, filled as
// the body is validated by incrementalIndex.ts): a 100 MB body costs its bytes plus a quarter of a byte a line, never
// a formatted copy or a parsed document.
// Only whitespace outside strings changes, so numbers (big integers, 1.0, 1e3) and escapes stay exactly as sent.
// Line breaks follow JSON.stringify(value, null, 2): after `{` `[` `,`, before `}` `]`; `{}` and `[]` stay whole.
import { indexJson } from './incrementalIndex';
import { COLON, COMMA, isClose, isWhitespace, OPEN_ARRAY, OPEN_OBJECT, QUOTE, skipWhitespace, SPACE, stringEnd } from './jsonBytes';
import type { JsonLines } from './lineTable';

export { indexJson } from './incrementalIndex';
export { type IndexOutcome, type JsonLines, LineTable } from './lineTable';

const INDENT = 2;
/** Pretty lines longer than this are cut for display (a 10 MB string value); copying a value gives all of it. */
export const MAX_LINE_BYTES = 10_000;

/** Offset just past the scalar (string, number, literal) at `start`, or the end of `bytes` if they stop inside it.
 *  The body is already validated. */
function scalarEnd(bytes: Uint8Array, start: number): number {
  if (bytes[start] === QUOTE) return stringEnd(bytes, start);
  let i = start;
  while (i < bytes.length && !isWhitespace(bytes[i]!) && bytes[i] !== COMMA && !isClose(bytes[i]!)) i++;
  return i;
}

/**
 * Line `index`'s bytes as one array (to where the next line starts), at most `cap` of them: a view of the part that
 * holds them, copied only when the line straddles two parts. start: the line's offset in the body; cut: the line goes
 * on past the cap.
 */
function lineBytes(lines: JsonLines, index: number, cap = Infinity): { bytes: Uint8Array; start: number; cut: boolean } {
  const start = lines.table.start(index);
  const end = index + 1 < lines.table.count ? lines.table.start(index + 1) : lines.bytes.length;
  const stop = Math.min(end, start + cap);
  return { bytes: lines.bytes.range(start, stop), start, cut: stop < end };
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

/** Writes pretty line `index`, indented, into the sink. A line longer than `limit` bytes is written only past the
 *  limit (by a byte or a punctuation mark), or answers true (its bytes were read up to twice the limit: whitespace
 *  inside a line is the rest), so the caller can tell it was cut. */
function writeLine(lines: JsonLines, index: number, sink: ByteSink, limit: number): boolean {
  const { bytes, cut } = lineBytes(lines, index, 2 * limit);
  const stop = sink.length + limit;
  sink.spaces(lines.table.depth(index) * INDENT);
  let i = 0;
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
  return cut;
}

const decoder = new TextDecoder();
/** The line drawn last: one buffer, reused for every line. */
const shown = new ByteSink(128);
const ELLIPSIS = new TextEncoder().encode('…');

/**
 * The bytes of pretty line `index` as the view shows them (lineText is their text, find searches them): indented,
 * cut after MAX_LINE_BYTES with an ellipsis. A view of a buffer the next call writes over.
 */
export function shownLineBytes(lines: JsonLines, index: number): Uint8Array {
  shown.length = 0;
  const cut = writeLine(lines, index, shown, MAX_LINE_BYTES);
  const bytes = shown.bytes;
  let end = shown.length;
  if (end <= MAX_LINE_BYTES) {
    if (!cut) return bytes.subarray(0, end);
    // Read only so far (whitespace filled the rest): a character the cut split is left out.
    let lead = end;
    while (lead > 0 && end - lead < 4 && (bytes[lead - 1]! & 0xc0) === 0x80) lead--;
    const first = bytes[lead - 1] ?? 0;
    if (first >= 0xc0 && end - lead + 1 < (first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : 2)) end = lead - 1;
  } else {
    // Cut at a character boundary: back off UTF-8 continuation bytes, then the lead byte of the cut character.
    end = MAX_LINE_BYTES;
    while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  }
  shown.length = end;
  shown.push(ELLIPSIS);
  return shown.bytes.subarray(0, shown.length);
}

/** The text of pretty line `index`, as the view shows it. */
export const lineText = (lines: JsonLines, index: number): string => decoder.decode(shownLineBytes(lines, index));

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
  return lines.table.nextAtDepth(index + 1, depth);
}

export const isClosingLine = (lines: JsonLines, index: number) => isClose(lines.bytes.at(lines.table.start(index))!);

/** Entries in the container opened on `index` (0 for anything else). */
export function childCount(lines: JsonLines, index: number): number {
  const close = closingLine(lines, index);
  return lines.table.entries(index + 1, close, lines.table.depth(index) + 1);
}

/** Where the value on a line starts within the line's bytes (after its key, when it has one). */
function valueOffset(bytes: Uint8Array): number {
  if (bytes[0] !== QUOTE) return 0;
  const afterString = skipWhitespace(bytes, scalarEnd(bytes, 0));
  return bytes[afterString] === COLON ? skipWhitespace(bytes, afterString + 1) : 0;
}

const bracketOf = (b: number | undefined) => (b === OPEN_OBJECT ? '{' : b === OPEN_ARRAY ? '[' : null);

/** Opening bracket of the container on `index` ('{' or '['), or null. */
export function containerOf(lines: JsonLines, index: number): '{' | '[' | null {
  const { bytes } = lineBytes(lines, index);
  return bracketOf(bytes[valueOffset(bytes)]);
}

/** The line whose container `index` closes (for closing lines), else `index`. */
function openerOf(lines: JsonLines, index: number): number {
  if (!isClosingLine(lines, index)) return index;
  return Math.max(0, lines.table.previousAtDepth(index - 1, lines.table.depth(index)));
}

/** Path segments from the root to the value on line `index` (a closing line answers its container's path). */
export function pathOf(lines: JsonLines, index: number): Array<string | number> {
  const segments: Array<string | number> = [];
  let line = openerOf(lines, index);
  while (lines.table.depth(line) > 0) {
    const depth = lines.table.depth(line);
    const parent = lines.table.previousAtDepth(line - 1, depth - 1);
    if (containerOf(lines, parent) === '{') {
      const { bytes } = lineBytes(lines, line);
      segments.push(JSON.parse(new TextDecoder().decode(bytes.subarray(0, scalarEnd(bytes, 0)))) as string);
    } else {
      segments.push(lines.table.entries(parent + 1, line, depth));
    }
    line = parent;
  }
  return segments.reverse();
}

/** The value on line `index` as a user would paste it: strings unquoted, containers pretty-printed, exact numbers. */
export function copyValue(lines: JsonLines, index: number): string {
  const line = openerOf(lines, index);
  // The line's bytes are read once (a line straddling two parts is copied to be read).
  const { bytes, start: lineStart } = lineBytes(lines, line);
  const at = valueOffset(bytes);
  const start = lineStart + at;
  if (bracketOf(bytes[at])) {
    const close = closingLine(lines, line);
    // An empty container shares its line with its closing bracket.
    const end = close === line ? lineStart + skipWhitespace(bytes, at + 1) + 1 : lines.table.start(close) + 1;
    return prettyText(lines.bytes.range(start, end));
  }
  const token = new TextDecoder().decode(bytes.subarray(at, scalarEnd(bytes, at)));
  return bytes[at] === QUOTE ? (JSON.parse(token) as string) : token;
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
