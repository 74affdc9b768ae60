// Connection pools through proxies, one per proxy and TLS policy, so connections to a proxy are reused; a direct
// request takes the pools of send/httpAgents.ts.
import { ProxyAgent, type Dispatcher } from 'undici';
import { agentFor } from '../send/httpAgents';

const pools = new Map<string, ProxyAgent>();

export function dispatcherFor(proxy: URL | null, allowSelfSignedTls: boolean): Dispatcher {
  if (!proxy) return agentFor(allowSelfSignedTls);
  const key = `${proxy.href} ${allowSelfSignedTls}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new ProxyAgent({
      uri: proxy.href,
      // Plain http is tunnelled too (CONNECT), so the proxy relays the request rather than reading and rewriting it.
      proxyTunnel: true,
      connectTimeout: 10_000,
      ...(allowSelfSignedTls ? { requestTls: { rejectUnauthorized: false } } : {}),
    });
    pools.set(key, pool);
  }
  return pool;
}

/** Closes every proxy pool (app quit, end of a run). */
export async function closeProxyAgents(): Promise<void> {
  const closing = [...pools.values()].map((pool) => pool.close());
  pools.clear();
  await Promise.all(closing);
}
