// HTTP/2's own failures in words: a server that speaks only HTTP/2 while HTTP/1.1 only is set, a stream the server
// reset (RST_STREAM), a connection it closed (GOAWAY). null: not one of these.
import { fail } from '../../../shared/errors';
import { HTTP2_STREAM_CUT } from './http2Resets';
import { http1OnlyInUse } from './httpVersion';

type Cause = { code?: unknown; message?: unknown };

const HTTP1_HINT = 'If it keeps happening, the server (or a device on the way) may mishandle HTTP/2: tick "Use HTTP/1.1 only" in Settings (keypost run --http1.1).';

export function http2Error(chain: Cause[], where: string) {
  const codes = chain.map((cause) => cause.code);
  const said = (pattern: RegExp) => chain.some((cause) => typeof cause.message === 'string' && pattern.test(cause.message));
  if (codes.includes('ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL')) {
    return http1OnlyInUse()
      ? fail('NETWORK_ERROR', `${where} speaks only HTTP/2, and Keypost is set to use HTTP/1.1 only.`, {
          hint: 'Untick "Use HTTP/1.1 only" in Settings (or leave out --http1.1 in keypost run).',
        })
      : fail('NETWORK_ERROR', `${where} speaks neither HTTP/1.1 nor HTTP/2, the versions Keypost speaks.`, { hint: 'Check the address and port: it may be another kind of server.' });
  }
  // HTTP2_STREAM_CUT: reset with NO_ERROR or CANCEL before the body's end, which Node alone would take for the end.
  if (codes.includes('ERR_HTTP2_STREAM_ERROR') || codes.includes(HTTP2_STREAM_CUT)) {
    // The stream's error code is read from node:http2's message only to say whether the server refused the request
    // before handling it (REFUSED_STREAM) or dropped it under way; nothing else of the message is shown.
    const refused = said(/REFUSED_STREAM/);
    return fail('CONNECTION_RESET', refused ? `${where} refused this request on its HTTP/2 connection before handling it.` : `${where} cancelled this request on its HTTP/2 connection before answering it completely.`, {
      hint: refused ? 'The server may be busy; try again.' : `Try again. ${HTTP1_HINT}`,
    });
  }
  if (codes.includes('ERR_HTTP2_SESSION_ERROR') || codes.includes('ERR_HTTP2_GOAWAY_SESSION') || said(/GOAWAY/)) {
    return fail('CONNECTION_RESET', `${where} closed its HTTP/2 connection (GOAWAY) before answering this request.`, {
      hint: `The server may be restarting or shedding load; try again. ${HTTP1_HINT}`,
    });
  }
  return null;
}
