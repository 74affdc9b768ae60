// Connection pools for outgoing requests: one that verifies TLS (the default), one that does not
// (only for presets that opted in, for local development with self-signed certificates); each again per client
// certificate presented (network/clientCertificateFiles.ts), so connections with and without one are never shared.
import { Agent } from 'undici';
import type { ClientTls } from '../network/clientCertificateFiles';
import { http1OnlyInUse } from './httpVersion';
import { trustOptions, type TrustOptions } from './trust';

const CONNECT_TIMEOUT_MS = 10_000;
/** By client certificate (its key, '' for none) and collection CA file; each with what it was made with, so a change makes a new pool. */
const verifying = new Map<string, { agent: Agent; trust: TrustOptions; http1Only: boolean }>();
const trustingAnyCertificate = new Map<string, { agent: Agent; http1Only: boolean }>();

/** `trust`: the set the request's collection trusts (trust.ts collectionTrust); every request's when absent. */
export function agentFor(allowSelfSignedTls: boolean, client?: ClientTls, trusted?: TrustOptions): Agent {
  const key = client?.key ?? '';
  // HTTP/2 is offered over TLS (ALPN) unless "Use HTTP/1.1 only" is set (httpVersion.ts); a change makes a new pool.
  const http1Only = http1OnlyInUse();
  const allowH2 = !http1Only;
  if (allowSelfSignedTls) {
    const known = trustingAnyCertificate.get(key);
    if (known?.http1Only === http1Only) return known.agent;
    void known?.agent.close();
    const agent = new Agent({ allowH2, connect: { timeout: CONNECT_TIMEOUT_MS, rejectUnauthorized: false, ...client?.connectOptions() } });
    trustingAnyCertificate.set(key, { agent, http1Only });
    return agent;
  }
  // The trusted certificates (trust.ts) change when a CA file is chosen: a new pool then, the old one closing once idle.
  const trust = trusted ?? trustOptions();
  // A collection's CA file has pools of its own, so requests of other collections never trust it.
  const verifyingKey = `${key} ${trust.collectionCa?.file ?? ''}`;
  const known = verifying.get(verifyingKey);
  if (known?.trust === trust && known.http1Only === http1Only) return known.agent;
  void known?.agent.close();
  const secureContext = client ? client.secureContext(trust.ca) : trust.secureContext;
  const agent = new Agent({ allowH2, connect: { timeout: CONNECT_TIMEOUT_MS, secureContext } });
  verifying.set(verifyingKey, { agent, trust, http1Only });
  return agent;
}

/** Closes every pooled socket (app quit, end of a benchmark). */
export async function closeAgents(): Promise<void> {
  const closing = [...verifying.values(), ...trustingAnyCertificate.values()].map(({ agent }) => agent.close());
  verifying.clear();
  trustingAnyCertificate.clear();
  await Promise.all(closing);
}
