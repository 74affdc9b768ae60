// Connection pools through proxies, one per proxy, TLS policy and client certificate presented, so connections to a proxy are reused; a direct
// request takes the pools of send/httpAgents.ts.
import { createHash } from 'node:crypto';
import { ProxyAgent, type Dispatcher } from 'undici';
import type { Secret } from '../credentials/secret';
import { agentFor } from '../send/httpAgents';
import { http1OnlyInUse } from '../send/httpVersion';
import { trustOptions, type TrustOptions } from '../send/trust';
import type { ClientTls } from './clientCertificateFiles';
import { isSocks } from './proxyRoutes';
import { socksAgent } from './socksAgent';

const CONNECT_TIMEOUT_MS = 10_000;

/** Each pool with the trusted set it was made with (send/trust.ts): a CA file chosen since makes a new one. */
const pools = new Map<string, { pool: Dispatcher; trust: TrustOptions }>();

/** `trusted`: the set the request's collection trusts (send/trust.ts collectionTrust); every request's when absent. */
export function dispatcherFor(proxy: URL | null, allowSelfSignedTls: boolean, authorization?: Secret, client?: ClientTls, trusted?: TrustOptions): Dispatcher {
  if (!proxy) return agentFor(allowSelfSignedTls, client, trusted);
  // A changed password is a new pool; the key holds a digest of it, never the password.
  const credential = authorization ? createHash('sha256').update(authorization.reveal()).digest('hex') : '';
  const http1Only = http1OnlyInUse();
  const trust = trusted ?? trustOptions();
  const key = `${proxy.href} ${allowSelfSignedTls} ${credential} ${client?.key ?? ''} ${http1Only} ${trust.collectionCa?.file ?? ''}`;
  // The target's certificate, and an https:// proxy's own, are checked against the same set as a direct send's.
  const known = pools.get(key);
  if (known?.trust === trust) return known.pool;
  void known?.pool.close();
  const verify = { secureContext: trust.secureContext };
  // The target's handshake presents the client certificate; the proxy's own never does.
  const requestTls = allowSelfSignedTls ? { rejectUnauthorized: false, ...client?.connectOptions() } : client ? { secureContext: client.secureContext(trust.ca) } : verify;
  const pool = isSocks(proxy)
    ? socksAgent({ proxy, authorization, connectTimeout: CONNECT_TIMEOUT_MS, requestTls, allowH2: !http1Only })
    : new ProxyAgent({
        uri: proxy.href,
        // Plain http is tunnelled too (CONNECT), so the proxy relays the request rather than reading and rewriting it.
        proxyTunnel: true,
        connectTimeout: CONNECT_TIMEOUT_MS,
        // HTTP/2 to the server through the tunnel when it offers it, unless "Use HTTP/1.1 only" is set.
        allowH2: !http1Only,
        ...(authorization ? { token: authorization.reveal() } : {}),
        proxyTls: verify,
        requestTls,
      });
  pools.set(key, { pool, trust });
  return pool;
}

/** Closes every proxy pool (app quit, end of a run). */
export async function closeProxyAgents(): Promise<void> {
  const closing = [...pools.values()].map(({ pool }) => pool.close());
  pools.clear();
  await Promise.all(closing);
}
