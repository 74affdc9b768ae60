// Connection pools for outgoing requests: one that verifies TLS (the default), one that does not
// (only for presets that opted in, for local development with self-signed certificates); each again per client
// certificate presented (network/clientCertificateFiles.ts), so connections with and without one are never shared.
import { Agent } from 'undici';
import type { ClientTls } from '../network/clientCertificateFiles';
import { trustOptions, type TrustOptions } from './trust';

const CONNECT_TIMEOUT_MS = 10_000;
const verifying = new Map<string, { agent: Agent; trust: TrustOptions }>();
const trustingAnyCertificate = new Map<string, Agent>();

export function agentFor(allowSelfSignedTls: boolean, client?: ClientTls): Agent {
  const key = client?.key ?? '';
  if (allowSelfSignedTls) {
    let agent = trustingAnyCertificate.get(key);
    if (!agent) trustingAnyCertificate.set(key, (agent = new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS, rejectUnauthorized: false, ...client?.connectOptions() } })));
    return agent;
  }
  // The trusted certificates (trust.ts) change when a CA file is chosen: a new pool then, the old one closing once idle.
  const trust = trustOptions();
  const known = verifying.get(key);
  if (known?.trust === trust) return known.agent;
  void known?.agent.close();
  const secureContext = client ? client.secureContext(trust.ca) : trust.secureContext;
  const agent = new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS, secureContext } });
  verifying.set(key, { agent, trust });
  return agent;
}

/** Closes every pooled socket (app quit, end of a benchmark). */
export async function closeAgents(): Promise<void> {
  const closing = [...verifying.values()].map(({ agent }) => agent.close()).concat([...trustingAnyCertificate.values()].map((agent) => agent.close()));
  verifying.clear();
  trustingAnyCertificate.clear();
  await Promise.all(closing);
}
