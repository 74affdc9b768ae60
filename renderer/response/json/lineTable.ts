// What indexing a JSON body gives the views: where each pretty-printed line starts and how deep it is
// (incrementalIndex.ts fills it; jsonLines.ts draws lines from it).
//
// Memory: the table keeps one entry per 64 lines (16 bytes, a quarter of a byte a line), not one per line. A 10 MB
// body of short values has 1.4 million lines: a full table (6 bytes a line) cost 8.4 MB beside the body's 10, this one
// 0.35 MB. The lines of a block are found again when asked for, by a short scan of its bytes from its first line that
// needs no parser state: lines break after `{` `[` `,` and before `}` `]`, and `{}` `[]` stay whole (the bytes were
// validated as they were indexed).
// Each block also keeps its smallest depth and how many entries (lines that are not closing brackets) sit at that
// depth, so finding a container's end, its parent and its entries skips whole blocks instead of scanning them.
import type { ChunkedBytes } from './chunkedBytes';
import { CLOSE_ARRAY, CLOSE_OBJECT, COMMA, isClose, OPEN_ARRAY, OPEN_OBJECT, QUOTE, skipWhitespace, stringEnd } from './jsonBytes';

const BLOCK_BITS = 6;
const BLOCK_LINES = 1 << BLOCK_BITS;

/** The index the views read: a line's start and depth, and the searches that would otherwise go line by line. */
export interface LineIndex {
  /** Lines indexed so far (JsonLines.count says how many of them are complete). */
  readonly count: number;
  /** Byte offset of the line's first token. */
  start(line: number): number;
  /** Nesting depth (indent = depth × 2 spaces). */
  depth(line: number): number;
  /** The last of the first `count` lines that starts at or before `offset` (0 when none does). */
  lineAt(offset: number, count: number): number;
  /** The first line from `from` on at depth `depth` or shallower, or count when there is none. */
  nextAtDepth(from: number, depth: number): number;
  /** The last line up to `from` at depth `depth` or shallower, or -1 when there is none. */
  previousAtDepth(from: number, depth: number): number;
  /** Lines in [from, to) at exactly `depth` that are not closing brackets: a container's entries. */
  entries(from: number, to: number, depth: number): number;
}

/** Lines of one block: where each starts, its depth, whether it is a closing bracket. */
interface Block {
  starts: Uint32Array;
  depths: Uint16Array;
  closing: Uint8Array;
  length: number;
}

const newBlock = (): Block => ({ starts: new Uint32Array(BLOCK_LINES), depths: new Uint16Array(BLOCK_LINES), closing: new Uint8Array(BLOCK_LINES), length: 0 });

type Cached = { index: number; block: Block };

/** Per full block, packed in one array: its first line's start, its last line's start, its first line's depth with
 *  its smallest depth (16 bits each), and how many entries sit at that smallest depth. */
const FIRST = 0;
const LAST = 1;
const DEPTHS = 2;
const MIN_ENTRIES = 3;
const FIELDS = 4;

export class LineTable implements LineIndex {
  count = 0;
  private blocks = new Uint32Array(64 * FIELDS);
  /** The lines after the last full block, kept whole until it fills, with their smallest depth and the entries there. */
  private tail = newBlock();
  private tailMinDepth = 0;
  private tailMinEntries = 0;
  /** The two blocks read last: reading goes line by line, and a line ends where the next one starts. */
  private newest: Cached = { index: -1, block: newBlock() };
  private older: Cached = { index: -1, block: newBlock() };

  constructor(private readonly bytes: ChunkedBytes) {}

  add(offset: number, depth: number, closing: boolean): void {
    const tail = this.tail;
    const k = tail.length;
    tail.starts[k] = offset;
    tail.depths[k] = depth;
    tail.closing[k] = closing ? 1 : 0;
    if (k === 0 || depth < this.tailMinDepth) {
      this.tailMinDepth = depth;
      this.tailMinEntries = 0;
    }
    if (depth === this.tailMinDepth && !closing) this.tailMinEntries++;
    tail.length = k + 1;
    this.count++;
    if (tail.length === BLOCK_LINES) this.seal();
  }

  start(line: number): number {
    return this.block(line >>> BLOCK_BITS).starts[line & (BLOCK_LINES - 1)]!;
  }

  depth(line: number): number {
    return this.block(line >>> BLOCK_BITS).depths[line & (BLOCK_LINES - 1)]!;
  }

  lineAt(offset: number, count: number): number {
    if (count <= 1) return 0;
    // The last block whose first line starts at or before offset (the tail counts once it has a line), then the line.
    let low = 0;
    let high = this.tail.length > 0 ? this.sealed : this.sealed - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.firstStart(middle) <= offset) low = middle;
      else high = middle - 1;
    }
    const block = this.block(low);
    let line = 0;
    while (line + 1 < block.length && block.starts[line + 1]! <= offset) line++;
    return Math.min((low << BLOCK_BITS) + line, count - 1);
  }

  nextAtDepth(from: number, depth: number): number {
    for (let line = from; line < this.count; ) {
      const index = line >>> BLOCK_BITS;
      const next = (index + 1) << BLOCK_BITS;
      if (index < this.sealed && this.minDepth(index) > depth) {
        line = next;
        continue;
      }
      const block = this.block(index);
      for (let k = line & (BLOCK_LINES - 1); k < block.length; k++) if (block.depths[k]! <= depth) return (index << BLOCK_BITS) + k;
      line = next;
    }
    return this.count;
  }

  previousAtDepth(from: number, depth: number): number {
    for (let line = Math.min(from, this.count - 1); line >= 0; ) {
      const index = line >>> BLOCK_BITS;
      const before = (index << BLOCK_BITS) - 1;
      if (index < this.sealed && this.minDepth(index) > depth) {
        line = before;
        continue;
      }
      const block = this.block(index);
      for (let k = line & (BLOCK_LINES - 1); k >= 0; k--) if (block.depths[k]! <= depth) return (index << BLOCK_BITS) + k;
      line = before;
    }
    return -1;
  }

  entries(from: number, to: number, depth: number): number {
    let entries = 0;
    to = Math.min(to, this.count);
    for (let line = from; line < to; ) {
      const index = line >>> BLOCK_BITS;
      const next = (index + 1) << BLOCK_BITS;
      const minDepth = index < this.sealed ? this.minDepth(index) : -1;
      // A whole block in the range answers from what it keeps, unless lines shallower than `depth` are in it.
      if (minDepth >= depth && line === index << BLOCK_BITS && next <= to) {
        if (minDepth === depth) entries += this.blocks[index * FIELDS + MIN_ENTRIES]!;
      } else {
        const block = this.block(index);
        const end = Math.min(to - (index << BLOCK_BITS), block.length);
        for (let k = line & (BLOCK_LINES - 1); k < end; k++) if (block.depths[k] === depth && !block.closing[k]) entries++;
      }
      line = next;
    }
    return entries;
  }

  /** Full blocks (the tail's lines follow them). */
  private get sealed(): number {
    return this.count >>> BLOCK_BITS;
  }

  private firstStart(index: number): number {
    return index < this.sealed ? this.blocks[index * FIELDS + FIRST]! : this.tail.starts[0]!;
  }

  private minDepth(index: number): number {
    return this.blocks[index * FIELDS + DEPTHS]! >>> 16;
  }

  /** The tail is full: keep what its block needs to be found again, and start a new tail. */
  private seal(): void {
    const tail = this.tail;
    const index = this.sealed - 1;
    if ((index + 1) * FIELDS > this.blocks.length) {
      const grown = new Uint32Array(this.blocks.length * 2);
      grown.set(this.blocks);
      this.blocks = grown;
    }
    const at = index * FIELDS;
    this.blocks[at + FIRST] = tail.starts[0]!;
    this.blocks[at + LAST] = tail.starts[BLOCK_LINES - 1]!;
    this.blocks[at + DEPTHS] = tail.depths[0]! | (this.tailMinDepth << 16);
    this.blocks[at + MIN_ENTRIES] = this.tailMinEntries;
    // The block just filled is the one most likely read next (the first screen): it becomes the newest cached block
    // as it is, and the older cached block's arrays become the new tail.
    const older = this.older;
    this.tail = older.block;
    this.tail.length = 0;
    older.index = index;
    older.block = tail;
    this.older = this.newest;
    this.newest = older;
  }

  private block(index: number): Block {
    if (index === this.sealed) return this.tail;
    if (this.newest.index === index) return this.newest.block;
    const older = this.older;
    if (older.index !== index) {
      older.index = -1;
      this.decode(index, older.block);
      older.index = index;
    }
    this.older = this.newest;
    this.newest = older;
    return older.block;
  }

  /** Finds a full block's lines again by scanning its bytes, from its first line's start to its last one's. */
  private decode(index: number, block: Block): void {
    const first = this.blocks[index * FIELDS + FIRST]!;
    const bytes = this.bytes.range(first, this.blocks[index * FIELDS + LAST]! + 1);
    const { starts, depths, closing } = block;
    let line = 0;
    let lineStart = 0;
    const startLine = (at: number, depth: number) => {
      starts[line] = first + at;
      depths[line] = depth;
      closing[line] = isClose(bytes[at]!) ? 1 : 0;
      line++;
      lineStart = at;
    };
    startLine(0, this.blocks[index * FIELDS + DEPTHS]! & 0xffff);
    // Containers open at the byte being read (a closing line is as deep as what is left open once it closes).
    let open = depths[0]! + closing[0]!;
    const n = bytes.length;
    for (let i = 0; line < BLOCK_LINES && i < n; ) {
      const b = bytes[i]!;
      if (b === QUOTE) {
        i = stringEnd(bytes, i);
      } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        const next = skipWhitespace(bytes, i + 1);
        if (bytes[next] === (b === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY)) {
          i = next + 1;
        } else {
          startLine(next, ++open);
          i = next;
        }
      } else if (isClose(b)) {
        // A closing bracket starts a line of its own: close it once that line is the one being read.
        if (i === lineStart) {
          open--;
          i++;
        } else {
          startLine(i, open - 1);
        }
      } else if (b === COMMA) {
        i = skipWhitespace(bytes, i + 1);
        startLine(i, open);
      } else {
        i++;
      }
    }
    // Only bytes that were not validated could end the scan early: say so rather than show lines that are wrong.
    if (line < BLOCK_LINES) throw new Error(`The index of lines ${index * BLOCK_LINES} to ${(index + 1) * BLOCK_LINES - 1} does not match the body`);
    block.length = BLOCK_LINES;
  }
}

export interface JsonLines {
  bytes: ChunkedBytes;
  table: LineIndex;
  count: number;
  /** Some number has 16+ significant digits: JSON.parse would round it (see parseExact). */
  hasLongNumbers: boolean;
}

/** offset: the byte where the problem is, so the Raw view can show that line. */
export type IndexOutcome = { ok: true; lines: JsonLines } | { ok: false; error: string; offset: number };
