// Keeps the most recent response bodies in main, from their first byte: the page reads one while it arrives, and
// "Save…" writes it without a round trip through the page.
import { copyFile, writeFile } from 'node:fs/promises';
import type { BodyPart } from '../../../shared/http';
import type { ArrivingBody } from './arrivingBody';
import { discardBody, extensionFor, type ReceivedBody } from './responseBody';

interface Kept {
  arriving: ArrivingBody;
  /** The body once it has all arrived (in memory, or the temp file it went to); null before, or when cut short. */
  received: ReceivedBody | null;
  contentType: string;
}

export interface ResponseBodies {
  /** A response's body starts arriving (it replaces the request's earlier one). */
  start(requestId: string, arriving: ArrivingBody, contentType: string): void;
  /** It has all arrived. */
  keep(requestId: string, body: ReceivedBody): void;
  /** Suggested file name for this body, or null when it is no longer kept. */
  suggestedName(requestId: string): string | null;
  /** Writes the body (all of it, or what arrived of one cut short) to `target`; answers its size, null when it is no
   *  longer kept, or 'arriving' while it still arrives. */
  saveTo(requestId: string, target: string): Promise<number | null | 'arriving'>;
  /** Where the body is kept: its temp file, or memory; null when it is no longer kept. */
  location(requestId: string): { where: 'file'; path: string } | { where: 'memory' } | null;
  /** A copy of the bytes from `offset`, at most `maxBytes`, waiting for the first one while the body arrives; null
   *  when the body is no longer kept. */
  readBytes(requestId: string, offset: number, maxBytes: number): Promise<BodyPart> | null;
}

/** Only the last `capacity` bodies are kept (a few open tabs' worth): older ones (and their temp files) are dropped. */
export function createResponseBodies(capacity = 6): ResponseBodies {
  const kept = new Map<string, Kept>();
  const drop = (entry: Kept) => {
    entry.arriving.finish('cut');
    if (entry.received) void discardBody(entry.received);
  };
  return {
    start(requestId, arriving, contentType) {
      const previous = kept.get(requestId);
      if (previous) drop(previous);
      kept.delete(requestId);
      kept.set(requestId, { arriving, received: null, contentType });
      while (kept.size > capacity) {
        const [oldest, entry] = kept.entries().next().value!;
        kept.delete(oldest);
        drop(entry);
      }
    },
    keep(requestId, body) {
      const entry = kept.get(requestId);
      if (entry) entry.received = body;
      else void discardBody(body);
    },
    suggestedName(requestId) {
      const entry = kept.get(requestId);
      return entry ? `response.${extensionFor(entry.contentType)}` : null;
    },
    location(requestId) {
      const entry = kept.get(requestId);
      if (!entry) return null;
      return entry.received?.where === 'file' ? { where: 'file', path: entry.received.path } : { where: 'memory' };
    },
    readBytes(requestId, offset, maxBytes) {
      return kept.get(requestId)?.arriving.read(offset, maxBytes) ?? null;
    },
    async saveTo(requestId, target) {
      const entry = kept.get(requestId);
      if (!entry) return null;
      if (!entry.received && entry.arriving.end !== 'cut') return 'arriving';
      if (entry.received?.where === 'file') {
        await copyFile(entry.received.path, target);
        return entry.received.sizeBytes;
      }
      // The chunks as they came, not joined: a 100 MB body is never copied to be saved.
      const parts = entry.arriving.parts();
      await writeFile(target, parts);
      return entry.arriving.size;
    },
  };
}
