// Network faults against local servers: each ends in a clear, typed error or an explicit opt-in.
import { createServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/core/credentials/secret';
import { sendJson, type JsonSend } from '../fixtures/sendJson';
import { listenOnBlockedPort, startRawServer, startSelfSignedTlsServer, type RunningServer } from '../fixtures/faultyServers';

const TOKEN = 'kp-faults-token-91ab';
let raw: RunningServer;
let tls: RunningServer;

beforeAll(async () => {
  raw = await startRawServer();
  tls = await startSelfSignedTlsServer();
});
afterAll(async () => {
  await raw.close();
  await tls.close();
});

const request = (url: string, extra: Partial<JsonSend> = {}): JsonSend => ({
  url: new URL(url),
  method: 'POST',
  body: '{}',
  token: new Secret(TOKEN),
  timeoutMs: 5_000,
  ...extra,
});

describe('network faults', () => {
  it('reports invalid chunked encoding as a malformed response', async () => {
    const result = await sendJson(request(`${raw.url}/bad-chunk`));
    expect(result.ok || result.error).toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringContaining('malformed') });
  });

  it('reports a body shorter than its Content-Length as a dropped connection', async () => {
    const result = await sendJson(request(`${raw.url}/short`));
    expect(result.ok || result.error.code).toBe('CONNECTION_RESET');
  });

  it('waits for a slow drip of bytes within the timeout', async () => {
    const result = await sendJson(request(`${raw.url}/drip`));
    expect(result.ok && JSON.parse(result.value.text)).toEqual({ slow: true });
  });

  it('times out a drip that outlasts the timeout, even though bytes keep coming', async () => {
    const result = await sendJson(request(`${raw.url}/drip`, { timeoutMs: 200 }));
    expect(result.ok || result.error.code).toBe('TIMEOUT');
  });

  it('refuses a self-signed certificate with a clear TLS error, and sends no token', async () => {
    const before = tls.authorizations.length;
    const result = await sendJson(request(`${tls.url}/`));
    expect(result.ok || result.error).toMatchObject({ code: 'TLS_ERROR', message: expect.stringContaining('certificate') });
    expect(tls.authorizations.length).toBe(before);
  });

  it('accepts the self-signed certificate only when the preset allows it', async () => {
    const result = await sendJson(request(`${tls.url}/`, { allowSelfSignedTls: true }));
    expect(result.ok && JSON.parse(result.value.text)).toEqual({ secure: true });
    expect(tls.authorizations.at(-1)).toBe(`Bearer ${TOKEN}`);
    // The opt-in does not leak into the next request without it.
    const strict = await sendJson(request(`${tls.url}/`));
    expect(strict.ok || strict.error.code).toBe('TLS_ERROR');
  });
});

describe('every port and every coding the user can meet', () => {
  it('reaches a server on a port fetch blocks (6000, 6666, 10080, …), as curl does', async () => {
    const server = createServer((req, res) => res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization })));
    const port = await listenOnBlockedPort(server);
    try {
      const result = await sendJson(request(`http://127.0.0.1:${port}/`));
      expect(result.ok && JSON.parse(result.value.text)).toEqual({ method: 'POST', auth: `Bearer ${TOKEN}` });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('decodes a gzip body and still shows its encoding and size on the wire', async () => {
    const text = JSON.stringify({ packed: 'x'.repeat(1000) });
    const packed = gzipSync(text);
    const server = createServer((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': packed.length }).end(packed));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const result = await sendJson(request(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
      if (!result.ok) throw new Error(result.error.message);
      expect(JSON.parse(result.value.text)).toEqual({ packed: 'x'.repeat(1000) });
      expect(result.value).toMatchObject({ contentEncoding: 'gzip', wireBytes: packed.length, sizeBytes: Buffer.byteLength(text) });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('says in words when a body marked gzip does not decompress', async () => {
    const result = await sendJson(request(`${raw.url}/bad-gzip`));
    expect(result.ok || result.error).toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringContaining('does not decompress') });
  });

  it('says what happened for a refused connection and an unknown host, never a library’s text', async () => {
    // A port that was just free: nothing listens there.
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const refused = await sendJson(request(`http://127.0.0.1:${port}/`));
    expect(refused.ok || refused.error).toMatchObject({ code: 'CONNECTION_REFUSED', message: expect.stringContaining('refused') });
    // .invalid never resolves (RFC 6761).
    const unknown = await sendJson(request('http://no-such-host.invalid/'));
    expect(unknown.ok || unknown.error).toMatchObject({ code: 'DNS_FAILURE', message: expect.stringContaining('could not be found') });
    for (const result of [refused, unknown]) expect(result.ok || result.error.message).not.toMatch(/fetch failed|ECONN|ENOTFOUND/);
  });
});
