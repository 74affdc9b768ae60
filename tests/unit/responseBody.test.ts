// Receiving bodies against a real local server: decoding, wire vs decoded size, the size limit's temp file, progress, save.
import { readdirSync } from 'node:fs';
import { access, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResponseBodies, type ResponseBodies } from '../../electron/core/body/responseBodies';
import { removeSpooledBodies } from '../../electron/core/body/responseBody';
import { createSaveBodyApi } from '../../electron/core/body/saveBodyApi';
import { Secret } from '../../electron/core/credentials/secret';
import { sendJson, type JsonSend, type SentJson } from '../fixtures/sendJson';
import { itemsJson, startTestServer, type TestServer } from '../fixtures/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => {
  server.close();
  // As the app does on quit: the temp files of the bodies these tests sent over the limit.
  removeSpooledBodies();
});

const request = (route: string, extra: Partial<JsonSend> = {}): JsonSend => ({
  url: new URL(route, server.url),
  method: 'GET',
  body: '',
  token: new Secret('kp-unit-token-body'),
  timeoutMs: 10_000,
  ...extra,
});

async function send(route: string, extra: Partial<JsonSend> = {}): Promise<SentJson> {
  const result = await sendJson(request(route, extra));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Send options that keep the body in `bodies` under `requestId` from its first byte, as sendApi does. */
const keptIn = (bodies: ResponseBodies, requestId: string): Partial<JsonSend> => ({
  requestId,
  onHead: (head, body) => bodies.start(requestId, body, head.contentType),
  onBody: (body) => bodies.keep(requestId, body),
});

const exists = (file: string) => access(file).then(() => true, () => false);

describe('decoding compressed bodies', () => {
  it('decodes brotli and reports both sizes', async () => {
    const value = await send('/brotli');
    const json = JSON.stringify({ compressed: 'br', items: Array(200).fill('same') });
    expect(value.text).toBe(json);
    expect(value.contentEncoding).toBe('br');
    expect(value.sizeBytes).toBe(json.length);
    expect(value.wireBytes).toBe(brotliCompressSync(json).length);
    expect(value.wireBytes!).toBeLessThan(value.sizeBytes);
  });

  it('decodes deflate and gzip; a chunked compressed body has no known wire size', async () => {
    expect(JSON.parse((await send('/deflate')).text)).toEqual({ compressed: 'deflate' });
    const gzip = await send('/gzip');
    expect(JSON.parse(gzip.text)).toEqual({ compressed: true });
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
    expect(value.text).toBe('{"unterminated": ');
  });

  it('shows XML as text', async () => {
    const value = await send('/xml');
    expect(value.bodyKind).toBe('text');
    expect(value.text).toContain('<to>Ada</to>');
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
    expect(JSON.parse(value.text).items.length).toBeGreaterThan(100);
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
    const value = await send('/slow?chunks=10&delay=100', { onProgress: (received, total) => seen.push([received, total]) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every(([, total]) => total === 10 * 65_536)).toBe(true);
    const counts = seen.map(([received]) => received);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(value.sizeBytes);
  });
});

describe('progress during a stall', () => {
  it('reports all the bytes that arrived before a stall, during the stall', async () => {
    const seen: number[] = [];
    await send('/stall?bytes=600000&before=200000&stall=1000', { onProgress: (received) => seen.push(received) });
    expect(seen).toContain(200_000);
    expect(seen.at(-1)).toBe(Buffer.byteLength(itemsJson(600_000)));
  });
});

describe('reading a large body in parts', () => {
  it('sends a text body over 256 KB as bytes in parts that add up to the body', async () => {
    const bodies = createResponseBodies();
    const value = await send('/items?bytes=3000000', keptIn(bodies, 'big'));
    expect(value).toMatchObject({ bodyKind: 'json', body: '' });
    expect(value.sizeBytes).toBe(itemsJson(3_000_000).length);

    const parts: Uint8Array[] = [];
    for (let offset = 0; offset < value.sizeBytes; ) {
      const part = (await bodies.readBytes('big', offset, 1_000_000))!;
      expect(part.bytes.length).toBeLessThanOrEqual(1_000_000);
      // Each part owns its memory: IPC's structured clone copies a view's whole buffer, which would be the whole body.
      expect(part.bytes.buffer.byteLength).toBe(part.bytes.length);
      expect(part.nextOffset).toBe(offset + part.bytes.length);
      parts.push(part.bytes);
      offset = part.nextOffset;
    }
    expect(parts).toHaveLength(3);
    expect(Buffer.concat(parts).toString()).toBe(itemsJson(3_000_000));
    expect(await bodies.readBytes('big', value.sizeBytes, 1_000_000)).toMatchObject({ nextOffset: value.sizeBytes, end: 'complete' });
  });
});

describe('reading a body while it arrives', () => {
  /** Reads the body `requestId` from the start until its last part, as the page does. */
  async function readAll(bodies: ResponseBodies, requestId: string, onPart?: (offset: number) => void) {
    const parts: Uint8Array[] = [];
    for (let offset = 0; ; ) {
      const part = await bodies.readBytes(requestId, offset, 1_000_000);
      if (!part) throw new Error('not kept');
      parts.push(part.bytes);
      offset = part.nextOffset;
      onPart?.(offset);
      if (part.end) return { bytes: Buffer.concat(parts), end: part.end };
    }
  }

  it.each([['without', ''], ['with', '&length=1']])('gives the page the first bytes during a stall, %s a Content-Length, then the rest', async (_, length) => {
    const bodies = createResponseBodies();
    const heads: number[] = [];
    const sending = send(`/stall?bytes=600000&before=200000&stall=1500${length}`, { ...keptIn(bodies, 's1'), onHead: (head, body) => {
      heads.push(head.status);
      bodies.start('s1', body, head.contentType);
    } });
    await expect.poll(() => heads).toEqual([200]);
    let sent = false;
    void sending.then(() => (sent = true));
    /** Whether the send had finished when the page had read the bytes sent before the stall. */
    let sentWhenRead: boolean | null = null;
    const reading = readAll(bodies, 's1', (offset) => {
      if (sentWhenRead === null && offset >= 200_000) sentWhenRead = sent;
    });
    const value = await sending;
    const { bytes, end } = await reading;
    expect(end).toBe('complete');
    expect(bytes.toString()).toBe(itemsJson(600_000));
    expect(value.sizeBytes).toBe(bytes.length);
    // The first 200 KB were read while the server stalled, before the rest came.
    expect(sentWhenRead).toBe(false);
  });

  it('keeps what arrived of a body cut short by Cancel readable, and says it was cut', async () => {
    const bodies = createResponseBodies();
    const controller = new AbortController();
    let started = false;
    const sending = sendJson(
      request('/stall?bytes=600000&before=200000&stall=5000', {
        ...keptIn(bodies, 'c1'),
        signal: controller.signal,
        onHead: (head, body) => {
          started = true;
          bodies.start('c1', body, head.contentType);
        },
      }),
    );
    await expect.poll(() => started).toBe(true);
    // Cancel during the stall, once the page has read what came before it.
    const reading = readAll(bodies, 'c1', (offset) => offset >= 200_000 && controller.abort());
    const result = await sending;
    expect(result.ok || result.error.code).toBe('CANCELLED');
    const { bytes, end } = await reading;
    expect(end).toBe('cut');
    expect(bytes.toString()).toBe(itemsJson(600_000).slice(0, 200_000));
  });

  it('lets the page read the first `limit` bytes of a body that went to a temp file, and no more', async () => {
    const bodies = createResponseBodies();
    const value = await send('/stall?bytes=3000000&before=300000&stall=300', { ...keptIn(bodies, 'f1'), maxBodyBytes: 1_000_000 });
    expect(value.savedFile).toBeDefined();
    const { bytes, end } = await readAll(bodies, 'f1');
    expect(end).toBe('spooled');
    expect(bytes.toString()).toBe(itemsJson(3_000_000).slice(0, 1_000_000));
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
    const value = await send(route, { ...keptIn(bodies, 'r1'), ...extra });
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
    const next = await send('/doc', keptIn(bodies, 'r2'));
    expect(next.savedFile).toBeUndefined();
    await expect.poll(() => exists(value.savedFile!.path)).toBe(false);
    expect((await api.saveBody('r1')).ok).toBe(false);
  });

  it('answers null and writes nothing when the user cancels the dialog', async () => {
    const bodies = createResponseBodies();
    await send('/doc', keptIn(bodies, 'r1'));
    const api = createSaveBodyApi({ bodies, chooseSavePath: async () => null });
    expect(await api.saveBody('r1')).toEqual({ ok: true, value: null });
  });
});
