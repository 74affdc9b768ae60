// Receiving bodies against a real local server: decoding, wire vs decoded size, the size limit's temp file, progress, save.
import { readdirSync } from 'node:fs';
import { access, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendResult } from '../../shared/http';
import { createResponseBodies } from '../../electron/core/responseBodies';
import { createSaveBodyApi } from '../../electron/core/saveBodyApi';
import { Secret } from '../../electron/core/secret';
import { sendJson, type JsonSend } from '../fixtures/sendJson';
import { itemsJson, startTestServer, type TestServer } from '../fixtures/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const request = (route: string, extra: Partial<JsonSend> = {}): JsonSend => ({
  url: new URL(route, server.url),
  method: 'GET',
  body: '',
  token: new Secret('kp-unit-token-body'),
  timeoutMs: 10_000,
  ...extra,
});

async function send(route: string, extra: Partial<JsonSend> = {}): Promise<SendResult> {
  const result = await sendJson(request(route, extra));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const exists = (file: string) => access(file).then(() => true, () => false);

describe('decoding compressed bodies', () => {
  it('decodes brotli and reports both sizes', async () => {
    const value = await send('/brotli');
    const json = JSON.stringify({ compressed: 'br', items: Array(200).fill('same') });
    expect(value.body).toBe(json);
    expect(value.contentEncoding).toBe('br');
    expect(value.sizeBytes).toBe(json.length);
    expect(value.wireBytes).toBe(brotliCompressSync(json).length);
    expect(value.wireBytes!).toBeLessThan(value.sizeBytes);
  });

  it('decodes deflate and gzip; a chunked compressed body has no known wire size', async () => {
    expect(JSON.parse((await send('/deflate')).body)).toEqual({ compressed: 'deflate' });
    const gzip = await send('/gzip');
    expect(JSON.parse(gzip.body)).toEqual({ compressed: true });
    expect(gzip.contentEncoding).toBe('gzip');
    expect(gzip.wireBytes).toBeNull();
  });

  it('counts wire bytes as the body size when nothing is compressed', async () => {
    const value = await send('/items?bytes=5000');
    expect(value.contentEncoding).toBe('');
    expect(value.wireBytes).toBe(value.sizeBytes);
  });
});

describe('what the page gets to show', () => {
  it('sends images as a data: URL', async () => {
    const value = await send('/image');
    expect(value.bodyKind).toBe('binary');
    expect(value.imageDataUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it('keeps a JSON body that does not parse as its raw text', async () => {
    const value = await send('/bad-json');
    expect(value.bodyKind).toBe('json');
    expect(value.body).toBe('{"unterminated": ');
  });

  it('shows XML as text', async () => {
    const value = await send('/xml');
    expect(value.bodyKind).toBe('text');
    expect(value.body).toContain('<to>Ada</to>');
  });
});

describe('the size limit', () => {
  it('streams a body over the limit to a temp file and tells the page, with only its start in the result', async () => {
    const expected = itemsJson(3_000_000);
    const value = await send('/items?bytes=3000000', { maxBodyBytes: 1_000_000 });
    expect(value.savedFile).toBeDefined();
    const { path: file, sizeBytes } = value.savedFile!;
    expect(sizeBytes).toBe(expected.length);
    expect(value.sizeBytes).toBe(expected.length);
    expect(path.basename(path.dirname(file))).toMatch(/^keypost-/);
    expect(path.dirname(path.dirname(file))).toBe(tmpdir());
    expect(await readFile(file, 'utf8')).toBe(expected);
    // The page gets a preview, not the 3 MB.
    expect(value.body.length).toBeLessThanOrEqual(4096);
    expect(expected.startsWith(value.body)).toBe(true);
    expect((await stat(file)).mode & 0o077).toBe(0);
  });

  it('keeps a body at the limit in memory', async () => {
    const value = await send('/items?bytes=50000', { maxBodyBytes: 1_000_000 });
    expect(value.savedFile).toBeUndefined();
    expect(JSON.parse(value.body).items.length).toBeGreaterThan(100);
  });

  it('removes the temp file when the download is cancelled', async () => {
    // os.tmpdir() follows TMPDIR, so this test watches a folder of its own.
    const previousTmp = process.env.TMPDIR;
    const ownTmp = await mkdtemp(path.join(tmpdir(), 'keypost-cancel-test-'));
    process.env.TMPDIR = ownTmp;
    try {
      const controller = new AbortController();
      let spooledWhileDownloading: string[] = [];
      const result = await sendJson(
        request('/slow?chunks=40&delay=50', {
          maxBodyBytes: 100_000,
          signal: controller.signal,
          onProgress: (received) => {
            if (received > 300_000 && !controller.signal.aborted) {
              spooledWhileDownloading = readdirSync(ownTmp);
              controller.abort();
            }
          },
        }),
      );
      expect(result.ok || result.error.code).toBe('CANCELLED');
      expect(spooledWhileDownloading).toHaveLength(1);
      expect(await readdir(ownTmp)).toEqual([]);
    } finally {
      if (previousTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmp;
    }
  });
});

describe('progress', () => {
  it('reports growing byte counts with the announced total, ending at the full size', async () => {
    const seen: Array<[number, number | null]> = [];
    const value = await send('/slow?chunks=10&delay=60', { onProgress: (received, total) => seen.push([received, total]) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every(([, total]) => total === 10 * 65_536)).toBe(true);
    const counts = seen.map(([received]) => received);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(value.sizeBytes);
  });
});

describe('reading a large body in parts', () => {
  it('sends a text body over 256 KB as bytes in parts that add up to the body', async () => {
    const bodies = createResponseBodies();
    const value = await send('/items?bytes=3000000', { requestId: 'big', onBody: (body, type) => bodies.keep('big', body, type) });
    expect(value).toMatchObject({ bodyKind: 'json', body: '', bodyInParts: true });
    expect(value.sizeBytes).toBe(itemsJson(3_000_000).length);

    const parts: Uint8Array[] = [];
    for (let offset = 0; offset < value.sizeBytes; ) {
      const part = bodies.readBytes('big', offset, 1_000_000)!;
      expect(part.bytes.length).toBeLessThanOrEqual(1_000_000);
      // Each part owns its memory: IPC's structured clone copies a view's whole buffer, which would be the whole body.
      expect(part.bytes.buffer.byteLength).toBe(part.bytes.length);
      expect(part.nextOffset).toBe(offset + part.bytes.length);
      parts.push(part.bytes);
      offset = part.nextOffset;
    }
    expect(parts).toHaveLength(3);
    expect(Buffer.concat(parts).toString()).toBe(itemsJson(3_000_000));
  });
});

describe('saving the body', () => {
  async function sendKept(route: string, extra: Partial<JsonSend> = {}) {
    const bodies = createResponseBodies(1);
    const dir = await mkdtemp(path.join(tmpdir(), 'keypost-save-test-'));
    const chosen: string[] = [];
    const api = createSaveBodyApi({
      bodies,
      chooseSavePath: async (name) => {
        chosen.push(name);
        return path.join(dir, name);
      },
    });
    const value = await send(route, { requestId: 'r1', onBody: (body, type) => bodies.keep('r1', body, type), ...extra });
    return { bodies, api, dir, chosen, value };
  }

  it('writes the exact bytes received to the path main chose', async () => {
    const { api, dir, chosen } = await sendKept('/binary');
    const saved = await api.saveBody('r1');
    expect(saved).toEqual({ ok: true, value: { path: path.join(dir, 'response.bin'), sizeBytes: 15 } });
    expect(chosen).toEqual(['response.bin']);
    expect([...(await readFile(path.join(dir, 'response.bin'))).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0xff]);
  });

  it('saves a body that went to a temp file, and drops the temp file when a newer body replaces it', async () => {
    const { api, bodies, dir, value } = await sendKept('/items?bytes=2000000', { maxBodyBytes: 500_000 });
    const saved = await api.saveBody('r1');
    expect(saved.ok && saved.value?.path).toBe(path.join(dir, 'response.json'));
    expect(await readFile(path.join(dir, 'response.json'), 'utf8')).toBe(itemsJson(2_000_000));
    const next = await send('/doc', { onBody: (body, type) => bodies.keep('r2', body, type) });
    expect(next.savedFile).toBeUndefined();
    await expect.poll(() => exists(value.savedFile!.path)).toBe(false);
    expect((await api.saveBody('r1')).ok).toBe(false);
  });

  it('answers null and writes nothing when the user cancels the dialog', async () => {
    const bodies = createResponseBodies();
    await send('/doc', { onBody: (body, type) => bodies.keep('r1', body, type) });
    const api = createSaveBodyApi({ bodies, chooseSavePath: async () => null });
    expect(await api.saveBody('r1')).toEqual({ ok: true, value: null });
  });
});
