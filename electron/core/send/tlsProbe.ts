// A second, non-verifying TLS handshake with a server that refused a connection, to read what the error does not
// carry: its certificate, and whether it demands a client certificate. It sends no request, and goes the way the send
// went: through the same proxy (an HTTP CONNECT tunnel) when there was one, direct otherwise.
import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import tls from 'node:tls';
import type { ProxyRoute } from '../network/proxyRoutes';
import { trustOptions } from './trust';

const PROBE_TIMEOUT_MS = 3_000;
/** A TLS 1.3 server's alert follows the handshake within a round trip; a server that sends none is not waited on longer. */
const ALERT_WAIT_MS = 1_000;

export interface ProbeResult {
  certificate: tls.PeerCertificate | null;
  /** The TLS error the server's alert caused (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED, ...), if any. */
  alert: string | null;
}

const NOTHING: ProbeResult = { certificate: null, alert: null };

/** `waitForAlert`: after the handshake, wait (briefly) for an alert a TLS 1.3 server sends only once it has the
 *  client's (empty) certificate; without it, close at once. */
export async function probeTls(url: URL, route: Partial<ProxyRoute> | undefined, waitForAlert = false): Promise<ProbeResult> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const socket = route?.proxy ? await tunnel(route.proxy, route.authorization?.reveal(), host, port) : undefined;
  if (route?.proxy && !socket) return NOTHING;
  return new Promise((resolve) => {
    const connection = tls.connect({ ...(socket ? { socket } : { host, port }), servername: isIP(host) ? undefined : host, rejectUnauthorized: false, timeout: PROBE_TIMEOUT_MS });
    let certificate: tls.PeerCertificate | null = null;
    const done = (alert: string | null) => {
      connection.destroy();
      socket?.destroy();
      resolve({ certificate, alert });
    };
    connection.once('secureConnect', () => {
      const peer = connection.getPeerCertificate();
      certificate = peer && peer.subject ? peer : null;
      if (!waitForAlert) done(null);
      else connection.setTimeout(ALERT_WAIT_MS);
    });
    connection.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? null));
    connection.once('close', () => done(null));
    connection.once('timeout', () => done(null));
  });
}

/** A CONNECT tunnel to host:port through the proxy (its password as the send used it), or undefined when refused. */
function tunnel(proxy: URL, authorization: string | undefined, host: string, port: number): Promise<Socket | undefined> {
  const target = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const secure = proxy.protocol === 'https:';
  return new Promise((resolve) => {
    const request = (secure ? https : http).request({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxy.port || (secure ? 443 : 80)),
      method: 'CONNECT',
      path: target,
      headers: { host: target, ...(authorization ? { 'proxy-authorization': authorization } : {}) },
      timeout: PROBE_TIMEOUT_MS,
      agent: false,
      ...(secure ? { secureContext: trustOptions().secureContext } : {}),
    });
    request.once('connect', (response, socket) => {
      if (response.statusCode === 200) return resolve(socket);
      socket.destroy();
      resolve(undefined);
    });
    request.once('error', () => resolve(undefined));
    request.once('timeout', () => {
      request.destroy();
      resolve(undefined);
    });
    request.end();
  });
}
