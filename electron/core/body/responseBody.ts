// Reads a response body (in memory up to a limit, to a temp file beyond it) and decides how the UI should show it.
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROGRESS_EVERY_MS, type ResponseBodyKind } from '../../../shared/http';
import { isJsonMediaType, isTextMediaType, isXmlMediaType, mediaTypeOf } from '../../../shared/mediaType';
import { ArrivingBody } from './arrivingBody';

const HEX_PREVIEW_BYTES = 512;
/** Start of an over-limit body shown beside "saved to file" (the rest stays on disk). */
const FILE_PREVIEW_BYTES = 4096;
/** Images up to this size are sent to the page as a data: URL; bigger ones get the hex preview. */
export const IMAGE_PREVIEW_MAX_BYTES = 10 * 1024 * 1024;

/** Where a received body lives: memory, or a temp file when it passed the size limit. */
export type ReceivedBody =
  /** bytes: the whole body, joined on the first call (JSON and text never need it: the page reads them in parts). */
  | { where: 'memory'; sizeBytes: number; bytes: () => Buffer }
  | { where: 'file'; path: string; sizeBytes: number; head: Buffer };

export interface ReadBodyOptions {
  /** Above this many decoded bytes the body goes to a temp file instead of memory. */
  limit: number;
  /** Name of the temp file an over-limit body goes to (spoolFileName); default `response-body`. */
  fileName?: string;
  /** Called at most every PROGRESS_EVERY_MS while bytes arrive, and once at the end. */
  onProgress?: (receivedBytes: number) => void;
  /** Gets the body before its first byte is read, to read it as it arrives. */
  onArriving?: (body: ArrivingBody) => void;
}

export async function readBody(body: AsyncIterable<Uint8Array> | null, options: ReadBodyOptions): Promise<ReceivedBody> {
  const held = new ArrivingBody(options.limit);
  const inMemory = (): ReceivedBody => ({ where: 'memory', sizeBytes: held.size, bytes: () => held.bytes() });
  options.onArriving?.(held);
  if (!body) {
    held.finish('complete');
    return inMemory();
  }
  let size = 0;
  const progress = throttled(options.onProgress, PROGRESS_EVERY_MS);
  let spool: { path: string; stream: WriteStream; head: Buffer } | undefined;
  try {
    // Leaving the loop by a throw ends the iteration, which destroys the source (the socket's body).
    for await (const value of body) {
      size += value.byteLength;
      if (spool) {
        await write(spool.stream, value);
        held.written(size);
      } else if (size > options.limit) {
        // From here on memory stays bounded: what we hold goes to disk, and every later chunk too.
        const dir = await mkdtemp(path.join(tmpdir(), 'keypost-'));
        spoolDirs.add(dir);
        const file = path.join(dir, options.fileName ?? 'response-body');
        spool = { path: file, stream: createWriteStream(file, { mode: 0o600 }), head: firstBytes([...held.parts(), value], FILE_PREVIEW_BYTES) };
        for (const chunk of held.parts()) await write(spool.stream, chunk);
        held.movedTo(file);
        await write(spool.stream, value);
        held.written(size);
      } else {
        held.add(value);
      }
      progress.report(size);
    }
    progress.end(size);
    if (!spool) {
      held.finish('complete');
      return inMemory();
    }
    await new Promise<void>((resolve, reject) => spool!.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    held.finish('spooled');
    return { where: 'file', path: spool.path, sizeBytes: size, head: spool.head };
  } catch (error) {
    progress.end(size);
    // What arrived stays readable (the page keeps showing it); a temp file of a body that was cut short goes.
    held.finish('cut');
    if (spool) {
      spool.stream.destroy();
      await rm(path.dirname(spool.path), { recursive: true, force: true });
    }
    throw error;
  }
}

/** Calls `report` at most every `everyMs`, and the last value held back once that time is up (a stall may follow
 *  it: the count shown must not stop short of what arrived); `end` reports the final value at once. */
function throttled(report: ((value: number) => void) | undefined, everyMs: number) {
  let last = performance.now();
  let pending: ReturnType<typeof setTimeout> | undefined;
  const now = (value: number) => {
    clearTimeout(pending);
    pending = undefined;
    last = performance.now();
    report?.(value);
  };
  return {
    report(value: number) {
      if (!report) return;
      const wait = last + everyMs - performance.now();
      if (wait <= 0) now(value);
      else {
        clearTimeout(pending);
        pending = setTimeout(() => now(value), wait);
      }
    },
    end: now,
  };
}

/** A copy of the first `count` bytes of the parts, without joining them all. */
function firstBytes(parts: Uint8Array[], count: number): Buffer {
  const head: Uint8Array[] = [];
  let size = 0;
  for (const part of parts) {
    if (size >= count) break;
    head.push(part.subarray(0, count - size));
    size += head[head.length - 1]!.length;
  }
  return Buffer.concat(head, size);
}

function write(stream: WriteStream, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    // Waiting for each write keeps at most one chunk in flight: the disk sets the pace, not the network.
    stream.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

/** Deletes the temp folder of a body that went to a file (no-op for memory bodies). */
export async function discardBody(body: ReceivedBody): Promise<void> {
  if (body.where !== 'file') return;
  spoolDirs.delete(path.dirname(body.path));
  await rm(path.dirname(body.path), { recursive: true, force: true });
}

/** Temp folders of over-limit bodies this process still holds. */
const spoolDirs = new Set<string>();

/** Removes them all; synchronous because it runs while the app quits. */
export function removeSpooledBodies(): void {
  for (const dir of spoolDirs) rmSync(dir, { recursive: true, force: true });
  spoolDirs.clear();
}

export interface ShownBody {
  bodyKind: ResponseBodyKind;
  /** A hex dump of the first bytes for binary; empty for json/text, whose bytes the page reads with readBody as
   *  they arrive (a copy here would cross IPC for nothing). */
  body: string;
  imageDataUrl?: string;
}

/** How a body of this content type is shown, before any of it has arrived: one with none counts as binary until
 *  classifyBody finds that all of it decodes as text. */
export function kindOf(contentType: string): ResponseBodyKind {
  const mediaType = mediaTypeOf(contentType);
  return isJsonMediaType(mediaType) ? 'json' : isTextMediaType(mediaType) ? 'text' : 'binary';
}

export function classifyBody(contentType: string, whole: () => Buffer): ShownBody {
  const mediaType = mediaTypeOf(contentType);
  if (isJsonMediaType(mediaType)) return { bodyKind: 'json', body: '' };
  if (isTextMediaType(mediaType)) return { bodyKind: 'text', body: '' };
  const bytes = whole();
  if (mediaType === '') {
    // No content type: show it as text when it decodes cleanly.
    const text = decodeUtf8(bytes);
    if (text !== null && !text.includes('\u0000')) return { bodyKind: 'text', body: '' };
  }
  const shown: ShownBody = { bodyKind: 'binary', body: hexPreview(bytes) };
  // An <img> never runs scripts (not even in SVG), and the CSP allows data: images only.
  if (mediaType.startsWith('image/') && bytes.length <= IMAGE_PREVIEW_MAX_BYTES) {
    shown.imageDataUrl = `data:${mediaType};base64,${bytes.toString('base64')}`;
  }
  return shown;
}

/** What to show for a body that went to a file: the start of it, as text or hex. */
export function classifyFileHead(contentType: string, head: Buffer, sizeBytes: number): ShownBody {
  const bodyKind = kindOf(contentType);
  return {
    bodyKind,
    body:
      bodyKind === 'binary'
        ? `${hexPreview(head.subarray(0, HEX_PREVIEW_BYTES))}\n… ${sizeBytes - Math.min(head.length, HEX_PREVIEW_BYTES)} more bytes`
        : head.toString('utf8'),
  };
}

/** A file extension for "Save body", from the content type. */
export function extensionFor(contentType: string): string {
  const mediaType = mediaTypeOf(contentType);
  if (isJsonMediaType(mediaType)) return 'json';
  if (isXmlMediaType(mediaType)) return 'xml';
  if (mediaType === 'text/html') return 'html';
  if (mediaType.startsWith('text/')) return 'txt';
  const image = /^image\/(png|jpeg|gif|webp|bmp|svg)/.exec(mediaType)?.[1];
  if (image) return image === 'jpeg' ? 'jpg' : image;
  return 'bin';
}

/**
 * The temp file's name for an over-limit body, which the user may open with the OS's app for its type (openBody).
 * Only types whose usual app shows rather than runs them: markup and SVG become .txt, because a browser opening
 * .html or .svg from file:// would run its scripts; anything unknown becomes .bin.
 */
export function spoolFileName(contentType: string): string {
  const mediaType = mediaTypeOf(contentType);
  if (isJsonMediaType(mediaType)) return 'response-body.json';
  // text/* and anything +xml, so HTML and SVG (image/svg+xml) too.
  if (isTextMediaType(mediaType)) return 'response-body.txt';
  const image = /^image\/(png|jpeg|gif|webp)$/.exec(mediaType)?.[1];
  if (image) return `response-body.${image === 'jpeg' ? 'jpg' : image}`;
  return 'response-body.bin';
}

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Classic 16-bytes-per-line hex dump of the first bytes. */
export function hexPreview(bytes: Buffer, limit = HEX_PREVIEW_BYTES): string {
  const lines: string[] = [];
  const shown = bytes.subarray(0, limit);
  for (let offset = 0; offset < shown.length; offset += 16) {
    const row = shown.subarray(offset, offset + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (bytes.length > limit) lines.push(`… ${bytes.length - limit} more bytes`);
  return lines.join('\n');
}
