// Network faults against local servers: each ends in a clear, typed error or an explicit opt-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/core/secret';
import { sendJson, type JsonSend } from '../fixtures/sendJson';
import { startRawServer, startSelfSignedTlsServer, type RunningServer } from '../fixtures/faultyServers';

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
    expect(result.ok && JSON.parse(result.value.body)).toEqual({ slow: true });
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
    expect(result.ok && JSON.parse(result.value.body)).toEqual({ secure: true });
    expect(tls.authorizations.at(-1)).toBe(`Bearer ${TOKEN}`);
    // The opt-in does not leak into the next request without it.
    const strict = await sendJson(request(`${tls.url}/`));
    expect(strict.ok || strict.error.code).toBe('TLS_ERROR');
  });
});
