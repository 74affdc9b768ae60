// Which HTTP version a request may use (the "Use HTTP/1.1 only" setting, keypost run --http1.1) and which one a
// response came over.
import { sensitiveHeaders } from 'node:http2';
import type { HttpVersion } from '../../../shared/http';

/** Read by every pool (httpAgents.ts, network/proxyAgents.ts) when it is made: a change makes new pools. Module state,
 *  as the trusted certificates are (trust.ts), since the token requests and Check take the same pools as a send. */
let onlyHttp1 = false;

export function useHttp1Only(on: boolean): void {
  onlyHttp1 = on;
}
export const http1OnlyInUse = (): boolean => onlyHttp1;

/**
 * The version a response came over, learnt per request from the response itself. undici hands an HTTP/2 response's
 * headers over as node:http2 made them, an object carrying node:http2's public `sensitiveHeaders` marker; it parses
 * HTTP/1.1 headers itself, and they carry none. Chosen over undici's diagnostics channels (undici:client:sendHeaders
 * names the socket and so its ALPN protocol), which are process-wide and cannot be tied to a request a pool queued
 * for later; the unit tests against a real node:http2 server fail if undici ever stops passing the object through.
 */
export function httpVersionOf(headers: object): HttpVersion {
  return sensitiveHeaders in headers ? '2' : '1.1';
}
