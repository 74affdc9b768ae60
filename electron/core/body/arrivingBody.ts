// A response body while it arrives, and after: main holds its bytes here from the first chunk on, so the page can
// read (and show) what has come while the rest is still on its way. readBody (responseBody.ts) fills it; the page
// reads it through responseBodies.readBytes, waiting when it has caught up with the network. A body that passes the
// size limit goes on into a temp file; the page may then read its first `limit` bytes from the file, no more, so it
// never holds more of a body than the limit allows main to.
import { open } from 'node:fs/promises';
import type { BodyEnd, BodyPart } from '../../../shared/http';

export class ArrivingBody {
  /**
   * Bytes held in memory: the chunks as they came, in order. Not copied into one buffer: each chunk is a buffer of
   * its own already, and copying the whole body would cost main as much again while the page waits for its parts
   * (0.4 s for 100 MB on the bench's machine); a reader copies out only the part it asks for.
   */
  private chunks: Uint8Array[] = [];
  /** Where each of `chunks` starts in the body. */
  private starts: number[] = [];
  private filled = 0;
  /** Once the body passed the limit: its temp file, and how many bytes are written there. */
  private file: { path: string; written: number } | null = null;
  private ending: BodyEnd | null = null;
  private waiting: Array<() => void> = [];

  /** limit: how much of a body that went to a file the page may read. */
  constructor(private readonly limit: number) {}

  /** How the body ended; null while it is still arriving. */
  get end(): BodyEnd | null {
    return this.ending;
  }

  /** Bytes held in memory. */
  get size(): number {
    return this.filled;
  }

  add(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.starts.push(this.filled);
    this.filled += chunk.byteLength;
    this.wake();
  }

  /** What is held, in order (for writing it to a file). */
  parts(): Uint8Array[] {
    return this.chunks;
  }

  /** The whole body in one buffer (joined once, and kept joined). */
  bytes(): Buffer {
    if (this.chunks.length !== 1 || !Buffer.isBuffer(this.chunks[0])) {
      this.chunks = [Buffer.concat(this.chunks, this.filled)];
      this.starts = [0];
    }
    return this.chunks[0] as Buffer;
  }

  /** The body goes on in this file, which holds everything held so far: the memory is let go. */
  movedTo(path: string): void {
    this.file = { path, written: this.filled };
    this.chunks = [];
    this.starts = [];
    this.filled = 0;
    this.wake();
  }

  /** This many bytes of the body are in its file now. */
  written(bytes: number): void {
    this.file!.written = bytes;
    this.wake();
  }

  /** The body ends: complete (in memory), complete in its file ('spooled'), or cut short (cancelled, timed out,
   *  dropped: what arrived in memory stays readable; a file is deleted). */
  finish(end: BodyEnd): void {
    if (this.ending) return;
    this.ending = end;
    this.wake();
  }

  /**
   * A copy of up to `maxBytes` from `offset`, as soon as there is at least one byte there (or the body has ended).
   * A copy, not a view: structured clone (Electron's IPC) sends a view's whole ArrayBuffer, the entire body.
   * `end` is set on the part after which nothing more comes: the body ended there, or a body in a file reached the limit.
   */
  async read(offset: number, maxBytes: number): Promise<BodyPart> {
    for (;;) {
      const available = this.file ? Math.min(this.file.written, this.limit) : this.filled;
      if (offset < available) {
        const to = Math.min(available, offset + maxBytes);
        const bytes = this.file ? await this.fromFile(this.file.path, offset, to) : this.copy(offset, to);
        if (bytes) return { bytes, nextOffset: to, end: this.endAt(to) };
        return { bytes: new Uint8Array(0), nextOffset: offset, end: 'cut' };
      }
      const end = this.endAt(offset);
      if (end) return { bytes: new Uint8Array(0), nextOffset: offset, end };
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** How reading ends at `offset`; null when more may come there. */
  private endAt(offset: number): BodyEnd | null {
    if (!this.file) return this.ending !== null && offset >= this.filled ? this.ending : null;
    // A cut file is deleted; a file is read up to the limit only.
    if (this.ending === 'cut') return 'cut';
    return offset >= this.limit || (this.ending !== null && offset >= this.file.written) ? 'spooled' : null;
  }

  /** The bytes [from, to) of the temp file; null when it is gone (the body was dropped or cut short). */
  private async fromFile(path: string, from: number, to: number): Promise<Uint8Array | null> {
    try {
      const handle = await open(path, 'r');
      try {
        const bytes = new Uint8Array(to - from);
        const { bytesRead } = await handle.read(bytes, 0, bytes.length, from);
        return bytesRead === bytes.length ? bytes : bytes.slice(0, bytesRead);
      } finally {
        await handle.close();
      }
    } catch {
      return null;
    }
  }

  private copy(from: number, to: number): Uint8Array {
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

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
