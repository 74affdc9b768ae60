// A response body while it arrives, and after: main holds its bytes here from the first chunk on, so the page can
// read (and show) what has come while the rest is still on its way. readBody (responseBody.ts) fills it; the page
// reads it through responseBodies.readBytes, waiting when it has caught up with the network.
import type { BodyEnd, BodyPart } from '../../shared/http';

export class ArrivingBody {
  /** Bytes held in memory, in order: one buffer when the size was announced, else the chunks as they came. */
  private chunks: Uint8Array[] = [];
  /** Where each of `chunks` starts in the body. */
  private starts: number[] = [];
  private buffer: Buffer | null;
  private filled = 0;
  private ending: BodyEnd | null = null;
  private waiting: Array<() => void> = [];

  /** expectedBytes: the decoded size when the server announced it, so the bytes are copied into one buffer. */
  constructor(expectedBytes: number | null) {
    this.buffer = expectedBytes ? Buffer.allocUnsafe(expectedBytes) : null;
  }

  /** Bytes held in memory (all received, until the body went to a file). */
  get size(): number {
    return this.filled;
  }

  /** How the body ended; null while it is still arriving. */
  get end(): BodyEnd | null {
    return this.ending;
  }

  add(chunk: Uint8Array): void {
    if (this.buffer && this.filled + chunk.byteLength <= this.buffer.length) {
      this.buffer.set(chunk, this.filled);
    } else {
      // More than announced (or nothing announced): a list of chunks.
      if (this.buffer) this.push(this.buffer.subarray(0, this.filled), 0);
      this.buffer = null;
      this.push(chunk, this.filled);
    }
    this.filled += chunk.byteLength;
    this.wake();
  }

  /** What is held, in order (for writing it to a file). */
  parts(): Uint8Array[] {
    return this.buffer ? [this.buffer.subarray(0, this.filled)] : this.chunks;
  }

  /** The whole body in one buffer (joined once, and kept joined). */
  bytes(): Buffer {
    if (this.buffer) return this.buffer.subarray(0, this.filled);
    const joined = Buffer.concat(this.chunks, this.filled);
    this.chunks = [];
    this.starts = [];
    this.buffer = joined;
    return joined;
  }

  /** The body ends: complete, cut short (cancelled, timed out, dropped), or gone to a temp file. A body that went to a
   *  file drops its bytes here: what was read of it stays readable only in the page. */
  finish(end: BodyEnd): void {
    if (this.ending) return;
    this.ending = end;
    if (end === 'spooled') {
      this.chunks = [];
      this.starts = [];
      this.buffer = null;
    }
    this.wake();
  }

  /**
   * A copy of up to `maxBytes` from `offset`, as soon as there is at least one byte there (or the body has ended).
   * A copy, not a view: structured clone (Electron's IPC) sends a view's whole ArrayBuffer, the entire body.
   * `end` is set on the part that reaches the end of a body that has ended.
   */
  async read(offset: number, maxBytes: number): Promise<BodyPart> {
    while (offset >= this.filled && this.ending === null) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const available = this.ending === 'spooled' ? 0 : this.filled;
    const end = Math.min(available, offset + maxBytes);
    const bytes = offset < end ? this.copy(offset, end) : new Uint8Array(0);
    const nextOffset = Math.max(offset, end);
    return { bytes, nextOffset, end: this.ending !== null && nextOffset >= available ? this.ending : null };
  }

  private copy(from: number, to: number): Uint8Array {
    if (this.buffer) return new Uint8Array(this.buffer.subarray(from, to));
    const copy = new Uint8Array(to - from);
    // The chunk holding `from` (the last one starting at or before it), then onwards.
    let index = this.starts.findLastIndex((start) => start <= from);
    for (let at = from; at < to; index++) {
      const chunk = this.chunks[index]!;
      const start = this.starts[index]!;
      const piece = chunk.subarray(at - start, Math.min(chunk.byteLength, to - start));
      copy.set(piece, at - from);
      at += piece.byteLength;
    }
    return copy;
  }

  private push(chunk: Uint8Array, start: number): void {
    this.chunks.push(chunk);
    this.starts.push(start);
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
