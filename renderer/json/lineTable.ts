// What indexing a JSON body gives the views: where each pretty-printed line starts and how deep it is, in a table
// that costs 6 bytes a line (incrementalIndex.ts fills it; jsonLines.ts draws lines from it).
import type { ChunkedBytes } from './chunkedBytes';

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
  bytes: ChunkedBytes;
  table: LineTable;
  count: number;
  /** Some number has 16+ significant digits: JSON.parse would round it (see parseExact). */
  hasLongNumbers: boolean;
}

/** offset: the byte where the problem is, so the Raw view can show that line. */
export type IndexOutcome = { ok: true; lines: JsonLines } | { ok: false; error: string; offset: number };
