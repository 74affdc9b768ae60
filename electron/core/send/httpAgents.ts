// Connection pools for outgoing requests: one that verifies TLS (the default), one that does not
// (only for presets that opted in, for local development with self-signed certificates).
import { Agent } from 'undici';
import { trustOptions, type TrustOptions } from './trust';

const CONNECT_TIMEOUT_MS = 10_000;
let verifying: { agent: Agent; trust: TrustOptions } | undefined;
let trustingAnyCertificate: Agent | undefined;

export function agentFor(allowSelfSignedTls: boolean): Agent {
  if (allowSelfSignedTls) {
    trustingAnyCertificate ??= new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS, rejectUnauthorized: false } });
    return trustingAnyCertificate;
  }
  // The trusted certificates (trust.ts) change when a CA file is chosen: a new pool then, the old one closing once idle.
  const trust = trustOptions();
  if (verifying?.trust !== trust) {
    void verifying?.agent.close();
    verifying = { agent: new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS, secureContext: trust.secureContext } }), trust };
  }
  return verifying.agent;
}

/** Closes every pooled socket (app quit, end of a benchmark). */
export async function closeAgents(): Promise<void> {
  await Promise.all([verifying?.agent.close(), trustingAnyCertificate?.close()]);
  verifying = trustingAnyCertificate = undefined;
}
