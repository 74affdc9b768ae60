// A PAC answer's fallbacks ("PROXY a:1; PROXY b:2; DIRECT"), tried as Chromium tries them: the next choice only when
// this proxy could not be reached at all, so nothing of the request was sent and nothing is sent twice.

import type { ProxyRoute } from './proxyRoutes';

/** Runs the exchange through the route's proxy, then through each fallback while the proxy before could not be reached.
 *  The last failure is thrown as it was, for proxyErrors.ts to word. */
export async function throughFirstReachable<T>(route: ProxyRoute, exchange: (choice: ProxyRoute) => Promise<T>): Promise<T> {
  for (let choice = route; ; choice = choice.fallback!) {
    try {
      return await exchange(choice);
    } catch (error) {
      if (!choice.fallback || !choice.proxy || !unreachable(error)) throw error;
    }
  }
}

/** Refused, not found, or no answer in time: before the proxy accepted anything. A 407, a refused tunnel, a SOCKS
 *  refusal or a failure once connected are the proxy's answer, and stop here. */
function unreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return UNREACHABLE.has(code);
  }
  return false;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
