// HTTP/2 against a real node:http2 server on 127.0.0.1: a send uses it when the server offers it and says so, "Use
// HTTP/1.1 only" (the setting, as the core applies it) keeps every request on HTTP/1.1, token requests too, and
// HTTP/2's failures in words, a body the server cuts short among them.
import diagnostics from 'node:diagnostics_channel';
import { connect } from 'node:http2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requestClientCredentials } from '../../electron/core/credentials/oauth/tokenEndpoint';
import { Secret } from '../../electron/core/credentials/secret';
import { closeAgents } from '../../electron/core/send/httpAgents';
import { watchHttp2Resets } from '../../electron/core/send/http2Resets';
import { useCaFile } from '../../electron/core/send/trust';
import { useHttp1Only } from '../../electron/core/send/httpVersion';
import type { Result } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import type { ArrivingBody } from '../../electron/core/body/arrivingBody';
import { BIG_BODY_BYTES, PART_BYTES, startHttp2Server, UNSIZED_PARTS, type Http2Server } from '../fixtures/http2Server';
import { testCore } from '../fixtures/presetStore';
import { sendCall, sendJson } from '../fixtures/sendJson';
import { makeTestPki } from '../fixtures/testCertificates';

let server: Http2Server;
beforeAll(async () => {
  server = await startHttp2Server();
});
afterEach(() => useHttp1Only(false));
afterAll(async () => {
  await closeAgents();
  await server.close();
});

const send = (path: string, more: Parameters<typeof sendJson>[0] extends infer T ? Partial<T> : never = {}) =>
  sendJson({ url: `${server.url}${path}`, method: 'GET', body: '', allowSelfSignedTls: true, ...more });

describe('a server that offers HTTP/2', () => {
  it('is answered over HTTP/2, and the response says so', async () => {
    const before = server.versions.length;
    const sent = await send('/items');
    expect(sent.ok && sent.value.httpVersion).toBe('2');
    expect(server.versions.slice(before)).toEqual(['2.0']);
  });

  it('sends a body of several MB and follows a redirect over HTTP/2', async () => {
    const big = await send('/big', { maxBodyBytes: 64 * 1024 * 1024 });
    expect(big.ok && big.value.sizeBytes).toBe(BIG_BODY_BYTES);
    expect(big.ok && big.value.httpVersion).toBe('2');

    const before = server.versions.length;
    const redirected = await send('/redirect');
    expect(redirected.ok && redirected.value.status).toBe(200);
    expect(redirected.ok && redirected.value.redirects.map(({ status }) => status)).toEqual([302]);
    expect(server.versions.slice(before)).toEqual(['2.0', '2.0']);
  });

  it('is spoken to in HTTP/1.1 under "Use HTTP/1.1 only", set in Settings', async () => {
    const core = testCore({ keychainService: `Keypost-unit-http2-${process.pid}` });
    const sendThroughCore = () =>
      core.call<SendResult>('send', sendCall({ requestId: `h2-${Math.random()}`, url: `${server.url}/items`, credential: null, request: { options: { allowSelfSignedTls: true } } }));
    const viaDefault = await sendThroughCore();
    expect(viaDefault.ok && viaDefault.value.httpVersion).toBe('2');

    expect((await core.call('updateSettings', { http1Only: true })).ok).toBe(true);
    const before = server.versions.length;
    const forced: Result<SendResult> = await sendThroughCore();
    expect(forced.ok && forced.value.httpVersion).toBe('1.1');
    expect(server.versions.slice(before)).toEqual(['1.1']);
  });
});

describe('token requests', () => {
  it('go over HTTP/2 through the verifying pool, and over HTTP/1.1 under "Use HTTP/1.1 only"', async () => {
    const pki = makeTestPki();
    const tokens = await startHttp2Server({ pair: await pki.good });
    const client = { config: { flow: 'clientCredentials', tokenUrl: `${tokens.url}/token`, clientId: 'machine', clientAuth: 'basic' }, clientSecret: new Secret('s3cret') } as const;
    try {
      expect(useCaFile(pki.caFile).ok).toBe(true);
      const overH2 = await requestClientCredentials(client, {});
      expect(overH2.ok && overH2.value.accessToken.reveal()).toBe('at-over-2.0');
      useHttp1Only(true);
      const overH1 = await requestClientCredentials(client, {});
      expect(overH1.ok && overH1.value.accessToken.reveal()).toBe('at-over-1.1');
      expect(tokens.versions).toEqual(['2.0', '1.1']);
    } finally {
      useCaFile(null);
      await tokens.close();
    }
  });
});

describe('HTTP/2 failures, in words', () => {
  it('a server that speaks only HTTP/2 while HTTP/1.1 only is set', async () => {
    const only2 = await startHttp2Server({ allowHTTP1: false });
    try {
      useHttp1Only(true);
      const sent = await sendJson({ url: `${only2.url}/items`, method: 'GET', body: '', allowSelfSignedTls: true });
      expect(!sent.ok && sent.error.message).toBe(`${new URL(only2.url).host} speaks only HTTP/2, and Keypost is set to use HTTP/1.1 only.`);
      expect(only2.versions).toEqual([]);
    } finally {
      await only2.close();
    }
  });

  it('a stream the server resets, and a connection it closes with GOAWAY', async () => {
    const host = new URL(server.url).host;
    const reset = await send('/reset');
    expect(!reset.ok && reset.error.message).toBe(`${host} cancelled this request on its HTTP/2 connection before answering it completely.`);
    const goaway = await send('/goaway');
    expect(!goaway.ok && goaway.error.message).toBe(`${host} closed its HTTP/2 connection (GOAWAY) before answering this request.`);
  });
});

describe('a body without Content-Length the server cuts short over HTTP/2', () => {
  /** The send, and the body as the page holds it (how it ended, how many bytes arrived). */
  const sendHeld = async (path: string) => {
    let arriving: ArrivingBody | undefined;
    const sent = await send(path, { onHead: (_head, body) => (arriving = body) });
    return { sent, end: arriving?.end, bytes: arriving?.size };
  };

  it('is incomplete, in words, when the server resets the stream (NO_ERROR, as Node’s response.destroy(), or CANCEL)', async () => {
    const host = new URL(server.url).host;
    for (const path of ['/cut', '/cut?cancel']) {
      const { sent, end, bytes } = await sendHeld(path);
      expect(!sent.ok && sent.error.message).toBe(`${host} cancelled this request on its HTTP/2 connection before answering it completely.`);
      // The page keeps what came and says the body is incomplete ("only the first 2.9 KB arrived").
      expect([end, bytes]).toEqual(['cut', PART_BYTES]);
    }
  });

  it('is complete when the server ends it, sent in parts', async () => {
    const { sent, end, bytes } = await sendHeld('/unsized');
    expect(sent.ok && [sent.value.httpVersion, sent.value.text.length]).toEqual(['2', UNSIZED_PARTS * PART_BYTES]);
    expect([end, bytes]).toEqual(['complete', UNSIZED_PARTS * PART_BYTES]);
  });

  it('is complete when the server ends it and only then resets the stream, to stop an upload it will not read', async () => {
    let arriving: ArrivingBody | undefined;
    // Far more than the server's flow-control window lets through unread: the upload is still going when it answers.
    const sent = await send('/too-large', { method: 'POST', body: JSON.stringify({ blob: 'b'.repeat(1024 * 1024) }), onHead: (_head, body) => (arriving = body) });
    expect(sent.ok && [sent.value.status, sent.value.text.length]).toEqual([413, PART_BYTES]);
    expect([arriving?.end, arriving?.size]).toEqual(['complete', PART_BYTES]);
  });

  it('is whole when its end came before the reset, even when the reset is handled before the end is read (node:http2 itself)', async () => {
    watchHttp2Resets();
    const session = connect(server.url, { rejectUnauthorized: false });
    try {
      const stream = session.request({ ':method': 'POST', ':path': '/too-large' });
      // Its upload left open, so the server's end does not close the stream: its reset does.
      stream.write('{');
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
      const ending = new Promise<string>((resolve) => {
        stream.on('end', () => resolve('end'));
        stream.on('error', (error: NodeJS.ErrnoException) => resolve(`error ${error.code}`));
      });
      // Held unread until Node says the stream is closed: the reset handled while the body's end waits to be read.
      stream.pause();
      await new Promise<void>((resolve) =>
        diagnostics.subscribe('http2.client.stream.close', function seen(message) {
          if ((message as { stream: unknown }).stream !== stream) return;
          diagnostics.unsubscribe('http2.client.stream.close', seen);
          resolve();
        }),
      );
      stream.resume();
      expect([await ending, bytes]).toEqual(['end', PART_BYTES]);
    } finally {
      session.destroy();
    }
  });

  it('is incomplete when the server drops the whole connection', async () => {
    const { sent, end } = await sendHeld('/drop');
    expect(!sent.ok && sent.error.message).toBe(`The connection to ${new URL(server.url).host} closed before the whole response arrived.`);
    expect(end).toBe('cut');
  });

  it('is said so by the core’s send, and a whole one still arrives', async () => {
    const core = testCore({ keychainService: `Keypost-unit-http2-cut-${process.pid}` });
    const sendThroughCore = (path: string) =>
      core.call<SendResult>('send', sendCall({ requestId: `h2-cut-${Math.random()}`, url: `${server.url}${path}`, method: 'GET', body: '', credential: null, request: { options: { allowSelfSignedTls: true } } }));
    const cut = await sendThroughCore('/cut');
    expect(!cut.ok && cut.error).toMatchObject({ code: 'CONNECTION_RESET', message: `${new URL(server.url).host} cancelled this request on its HTTP/2 connection before answering it completely.` });
    const whole = await sendThroughCore('/unsized');
    expect(whole.ok && [whole.value.status, whole.value.sizeBytes]).toEqual([200, UNSIZED_PARTS * PART_BYTES]);
  });
});
