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
  /** Where the body is kept: its temp file, or memory; null when it is no longer kept. */
  location(requestId: string): { where: 'file'; path: string } | { where: 'memory' } | null;
  /** A copy of the bytes from `offset`, at most `maxBytes`; null when not kept in memory. */
  readBytes(requestId: string, offset: number, maxBytes: number): { bytes: Uint8Array; nextOffset: number } | null;
}

/** Only the last `capacity` bodies are kept (a few open tabs' worth): older ones (and their temp files) are dropped. */
export function createResponseBodies(capacity = 6): ResponseBodies {
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
    location(requestId) {
      const body = kept.get(requestId)?.body;
      if (!body) return null;
      return body.where === 'file' ? { where: 'file', path: body.path } : { where: 'memory' };
    },
    readBytes(requestId, offset, maxBytes) {
      const entry = kept.get(requestId);
      if (entry?.body.where !== 'memory') return null;
      const end = Math.min(entry.body.bytes.length, offset + maxBytes);
      // A copy, not a view: structured clone (Electron's IPC) sends a view's whole ArrayBuffer, the entire body.
      return { bytes: new Uint8Array(entry.body.bytes.subarray(offset, end)), nextOffset: end };
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
