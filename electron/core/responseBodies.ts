// Keeps the most recent response bodies in main, so "save body" writes them without a round trip through the page.
import { copyFile, writeFile } from 'node:fs/promises';
import { discardBody, extensionFor, type ReceivedBody } from './responseBody';

interface Kept {
  body: ReceivedBody;
  contentType: string;
}

export interface ResponseBodies {
  keep(requestId: string, body: ReceivedBody, contentType: string): void;
  /** Suggested file name for this body, or null when it is no longer kept. */
  suggestedName(requestId: string): string | null;
  /** Writes the body to `target`; answers its size, or null when it is no longer kept. */
  saveTo(requestId: string, target: string): Promise<number | null>;
  /** UTF-8 text from byte `offset`, at most `maxBytes`, never splitting a character; null when not kept in memory. */
  readText(requestId: string, offset: number, maxBytes: number): { text: string; nextOffset: number } | null;
}

/** Only the last `capacity` bodies are kept: older ones (and their temp files) are dropped. */
export function createResponseBodies(capacity = 2): ResponseBodies {
  const kept = new Map<string, Kept>();
  return {
    keep(requestId, body, contentType) {
      const previous = kept.get(requestId);
      if (previous) void discardBody(previous.body);
      kept.delete(requestId);
      kept.set(requestId, { body, contentType });
      while (kept.size > capacity) {
        const [oldest, entry] = kept.entries().next().value!;
        kept.delete(oldest);
        void discardBody(entry.body);
      }
    },
    suggestedName(requestId) {
      const entry = kept.get(requestId);
      return entry ? `response.${extensionFor(entry.contentType)}` : null;
    },
    readText(requestId, offset, maxBytes) {
      const entry = kept.get(requestId);
      if (entry?.body.where !== 'memory') return null;
      const bytes = entry.body.bytes;
      let end = Math.min(bytes.length, offset + maxBytes);
      // Back off continuation bytes (10xxxxxx) so each part decodes on its own.
      while (end < bytes.length && end > offset && (bytes[end]! & 0xc0) === 0x80) end--;
      return { text: bytes.toString('utf8', offset, end), nextOffset: end };
    },
    async saveTo(requestId, target) {
      const entry = kept.get(requestId);
      if (!entry) return null;
      if (entry.body.where === 'file') {
        await copyFile(entry.body.path, target);
        return entry.body.sizeBytes;
      }
      await writeFile(target, entry.body.bytes);
      return entry.body.bytes.length;
    },
  };
}
