// Reads a response body within a size limit and decides how the UI should show it.
import type { BodyKind } from '../../shared/api';

const HEX_PREVIEW_BYTES = 512;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
  }
}

/** Collects the (already decompressed) body, stopping as soon as it passes `limit`. */
export async function readBodyWithLimit(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

export function classifyBody(contentType: string, bytes: Buffer): { bodyKind: BodyKind; body: string } {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  if (/[/+]json$/.test(mime)) return { bodyKind: 'json', body: decodeUtf8(bytes) ?? bytes.toString('latin1') };
  if (isTextual(mime)) return { bodyKind: 'text', body: decodeUtf8(bytes) ?? bytes.toString('latin1') };
  if (mime === '') {
    // No content type: show it as text when it decodes cleanly.
    const text = decodeUtf8(bytes);
    if (text !== null && !text.includes('\u0000')) return { bodyKind: 'text', body: text };
  }
  return { bodyKind: 'binary', body: hexPreview(bytes) };
}

function isTextual(mime: string): boolean {
  return (
    mime.startsWith('text/') ||
    /[/+]xml$/.test(mime) ||
    ['application/javascript', 'application/x-www-form-urlencoded', 'application/graphql'].includes(mime)
  );
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
