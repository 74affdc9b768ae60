// A body's bytes as the parts they arrived in. Appending a part keeps it as it is: no byte is copied or moved, so a
// 100 MB body costs its 100 MB once (a contiguous buffer cost a copy of every part into fresh memory, the worker's
// largest cost after indexing). Readers take what they need part by part (scans, find), byte by byte (at), or as one
// array for a short stretch such as a line (range: a view when it lies in one part, a copy only when it straddles two).
// A slow server can trickle a body in parts of a few bytes: those are gathered into blocks, so a part never costs more
// in bookkeeping than in bytes.

/** Parts smaller than this, one after another, are copied into a block instead of kept one by one. */
const SMALL_PART = 16 * 1024;
const BLOCK_BYTES = 256 * 1024;

export class ChunkedBytes {
  private readonly parts: Uint8Array[] = [];
  /** Where each part starts in the body. */
  private readonly starts: number[] = [];
  length = 0;
  /** The part the last lookup landed in: lookups mostly walk forward through nearby bytes. */
  private recent = 0;
  /** The block the last part is, while it has room for more small parts. */
  private block: Uint8Array | null = null;

  /** One array's bytes (kept, not copied). */
  static of(bytes: Uint8Array): ChunkedBytes {
    const chunked = new ChunkedBytes();
    chunked.push(bytes);
    return chunked;
  }

  /** Keeps `part` as the next bytes (the caller hands it over and must not change it), or a copy of a small one. */
  push(part: Uint8Array): void {
    if (part.length === 0) return;
    const last = this.parts.length - 1;
    const previous = this.parts[last];
    if (part.length < SMALL_PART && previous && previous.length + part.length <= BLOCK_BYTES) {
      if (previous.buffer !== this.block?.buffer) {
        if (previous.length >= SMALL_PART) return this.keep(part);
        // Two small parts in a row: a trickle. Gather them in a block from here on.
        this.block = new Uint8Array(BLOCK_BYTES);
        this.block.set(previous);
      }
      // The last part grows within its block; views of it handed out before keep their bytes.
      this.block!.set(part, previous.length);
      this.parts[last] = this.block!.subarray(0, previous.length + part.length);
      this.length += part.length;
      return;
    }
    this.keep(part);
  }

  private keep(part: Uint8Array): void {
    this.parts.push(part);
    this.starts.push(this.length);
    this.length += part.length;
  }

  /** The byte at k, or undefined past the end (as a Uint8Array answers). */
  at(k: number): number | undefined {
    if (k < 0 || k >= this.length) return undefined;
    const p = this.partOf(k);
    return this.parts[p]![k - this.starts[p]!];
  }

  /** Bytes start to end as one array: a view of the part that holds them all, else a copy. */
  range(start: number, end: number): Uint8Array {
    start = Math.max(0, start);
    end = Math.min(end, this.length);
    if (end <= start) return new Uint8Array(0);
    const p = this.partOf(start);
    const part = this.parts[p]!;
    const from = start - this.starts[p]!;
    if (from + (end - start) <= part.length) return part.subarray(from, from + (end - start));
    const joined = new Uint8Array(end - start);
    for (const { bytes, offset } of this.segments(start, end)) joined.set(bytes, offset - start);
    return joined;
  }

  /** The bytes from start to end, a view of each part they touch, with its offset in the body. */
  *segments(start = 0, end = this.length): Generator<{ bytes: Uint8Array; offset: number }> {
    end = Math.min(end, this.length);
    if (start >= end) return;
    for (let p = this.partOf(Math.max(0, start)); p < this.parts.length && this.starts[p]! < end; p++) {
      const offset = this.starts[p]!;
      const part = this.parts[p]!;
      const from = Math.max(0, start - offset);
      yield { bytes: part.subarray(from, Math.min(part.length, end - offset)), offset: offset + from };
    }
  }

  /** The first `byte` at or after `from`, or -1 (each part searched natively; asked once per line of a text body). */
  indexOf(byte: number, from = 0): number {
    if (from >= this.length) return -1;
    for (let p = this.partOf(Math.max(0, from)); p < this.parts.length; p++) {
      const offset = this.starts[p]!;
      const found = this.parts[p]!.indexOf(byte, Math.max(0, from - offset));
      if (found !== -1) return offset + found;
    }
    return -1;
  }

  /** All the bytes as text (UTF-8; a character split between two parts decodes whole). */
  decode(): string {
    const decoder = new TextDecoder();
    let text = '';
    for (const part of this.parts) text += decoder.decode(part, { stream: true });
    return text + decoder.decode();
  }

  /** The part holding byte k (0 ≤ k < length). */
  private partOf(k: number): number {
    const starts = this.starts;
    const recent = this.recent;
    if (starts[recent]! <= k && (recent + 1 === starts.length || k < starts[recent + 1]!)) return recent;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= k) low = middle;
      else high = middle - 1;
    }
    this.recent = low;
    return low;
  }
}
