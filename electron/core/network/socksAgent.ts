// A pool through a SOCKS5 proxy: undici's Socks5ProxyAgent opens each tunnel (the proxy is asked to connect to the
// target's host name and port, with a user name and password when there are), and TLS to an https target then runs
// end to end through it with undici's own connector, as through an HTTP proxy's tunnel: checked against the trusted
// set, HTTP/2 offered unless HTTP/1.1 only is set, and no IP address sent as the server name.
import type { Socket } from 'node:net';
import { Agent, buildConnector, Socks5ProxyAgent } from 'undici';
import type { Secret } from '../credentials/secret';

export interface SocksAgentInputs {
  proxy: URL;
  /** The Basic credential of the route (proxyPasswords.ts), read back into the user name and password SOCKS sends. */
  authorization?: Secret;
  connectTimeout: number;
  requestTls: Record<string, unknown>;
  allowH2: boolean;
}

/** Set on the error when a SOCKS proxy closes the connection before the tunnel is up (proxyErrors.ts words it). */
export const SOCKS_CLOSED = 'KP_SOCKS_CLOSED';

/** Socks5ProxyAgent's tunnel-opening step. Public on the class but not in undici's types; the tests through a real
 *  SOCKS5 server fail if it changes. Its own dispatch would do the TLS itself, sending an IP address as the server name
 *  (Node warns) and never offering HTTP/2. */
type Tunnels = { createSocks5Connection(host: string, port: number): Promise<Socket> };

export function socksAgent({ proxy, authorization, connectTimeout, requestTls, allowH2 }: SocksAgentInputs): Agent {
  const credential = authorization ? basicPair(authorization) : fromAddress(proxy);
  const toProxy = buildConnector({ timeout: connectTimeout });
  const handshaking = new WeakSet<Socket>();
  // Socks5ProxyAgent knows socks5: and socks:; socks5h: (names resolved by the proxy) is what it does anyway.
  const tunnels = quietly(
    () =>
      new Socks5ProxyAgent(`socks5://${proxy.host}`, {
        ...(credential ?? {}),
        connectTimeout,
        connect: (options, callback) =>
          toProxy(options, (error, socket) => {
            if (socket) watchEarlyClose(socket as Socket, handshaking);
            (callback as (error: Error | null, socket: Socket | null) => void)(error, socket as Socket | null);
          }),
      }),
  ) as unknown as Tunnels;
  const overTls = buildConnector({ ...requestTls, timeout: connectTimeout, allowH2 });
  return new Agent({
    allowH2,
    connect: (options, callback) => {
      const host = options.hostname.replace(/^\[|\]$/g, '');
      const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
      tunnels.createSocks5Connection(host, port).then(
        (socket) => {
          handshaking.delete(socket);
          if (options.protocol !== 'https:') return callback(null, socket);
          overTls({ ...options, httpSocket: socket }, callback);
        },
        // The proxy resetting the connection mid-handshake is its closing it too, not the server's doing.
        (error: Error & { code?: string }) => callback(error.code === 'ECONNRESET' || error.code === 'EPIPE' ? closedError(error) : error, null),
      );
    },
  });
}

/** undici's SOCKS client waits for the proxy's answers without watching for the connection closing, so a proxy that
 *  hangs up mid-handshake would surface only as a timeout: until the tunnel is up, a close is an error in its own right. */
function watchEarlyClose(socket: Socket, handshaking: WeakSet<Socket>): void {
  handshaking.add(socket);
  socket.once('end', () => {
    if (handshaking.has(socket)) socket.destroy(closedError());
  });
}

const closedError = (cause?: Error) => Object.assign(new Error('The SOCKS proxy closed the connection during its handshake.', { cause }), { code: SOCKS_CLOSED });

/** "Basic base64(user:password)" back into its two parts (a password may hold ":"; a user name may not). */
function basicPair(authorization: Secret): { username: string; password: string } {
  const pair = Buffer.from(authorization.reveal().replace(/^Basic /, ''), 'base64').toString('utf8');
  const colon = pair.indexOf(':');
  return { username: pair.slice(0, colon), password: pair.slice(colon + 1) };
}

/** A user name and password in the address (an environment variable's; a manual address never holds a password). */
function fromAddress(proxy: URL): { username: string; password: string } | null {
  if (!proxy.username || !proxy.password) return null;
  return { username: decodeURIComponent(proxy.username), password: decodeURIComponent(proxy.password) };
}

/** undici warns once per process that its SOCKS5 support is experimental; keypost run would print that amid its lines. */
function quietly<T>(make: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return make();
  } finally {
    process.emitWarning = emitWarning;
  }
}
