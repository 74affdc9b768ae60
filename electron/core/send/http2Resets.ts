// An HTTP/2 response the server reset (RST_STREAM) before its end, made a failure rather than a complete body.
// Why here and process-wide: Node ends the body of a stream reset with NO_ERROR or CANCEL as if it had arrived whole
// (lib/internal/http2/core.js: onStreamClose pushes the end, and _destroy makes no error for CANCEL; nodejs/node#35209
// and #56627, both open), and undici's client-h2.js completes the request on that 'end', checking only a
// Content-Length. Its handler API never sees the stream, so no per-request handler can tell; only Node's
// 'http2.client.stream.close' channel does, at the moment the stream closes, while the body's end has or has not been
// received (RFC 9113 §8.1: a response is complete only with END_STREAM). A stream closed with another code is already
// an error; one Keypost closed itself (undici, on Cancel or a timeout) has its request failed already, and is left alone.
import diagnostics from 'node:diagnostics_channel';
import type { ClientHttp2Stream } from 'node:http2';
import { constants } from 'node:http2';

/** The code the failure carries (http2Errors.ts says it in words). */
export const HTTP2_STREAM_CUT = 'KP_HTTP2_STREAM_CUT';

const SILENT_CODES = new Map([
  [constants.NGHTTP2_NO_ERROR, 'NO_ERROR'],
  [constants.NGHTTP2_CANCEL, 'CANCEL'],
]);

function onStreamClose(message: unknown): void {
  const stream = (message as { stream?: ClientHttp2Stream }).stream;
  if (!stream) return;
  const code = SILENT_CODES.get(stream.rstCode ?? -1);
  // _readableState.ended: the end of the body (END_STREAM) was pushed; 'end' itself comes later either way.
  const bodyEnded = (stream as unknown as { _readableState?: { ended?: boolean } })._readableState?.ended !== false;
  // remoteClose: the server closed it, not Keypost. Without an 'error' listener an error would crash the process.
  if (code === undefined || bodyEnded || stream.state.remoteClose !== 1 || stream.listenerCount('error') === 0) return;
  stream.destroy(Object.assign(new Error(`HTTP/2 stream reset by the server (${code}) before the end of the response.`), { code: HTTP2_STREAM_CUT }));
}

let watching = false;

/** Idempotent; from the first exchange on. An older Node without the channel (Node 24 has it) keeps its own behaviour. */
export function watchHttp2Resets(): void {
  if (watching) return;
  watching = true;
  diagnostics.subscribe('http2.client.stream.close', onStreamClose);
}
