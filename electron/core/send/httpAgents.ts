// Connection pools for outgoing requests: one that verifies TLS (the default), one that does not
// (only for presets that opted in, for local development with self-signed certificates).
import { Agent } from 'undici';
import { http1OnlyInUse } from './httpVersion';
import { trustOptions, type TrustOptions } from './trust';

const CONNECT_TIMEOUT_MS = 10_000;
let verifying: { agent: Agent; trust: TrustOptions; http1Only: boolean } | undefined;
let trustingAnyCertificate: { agent: Agent; http1Only: boolean } | undefined;

export function agentFor(allowSelfSignedTls: boolean): Agent {
  // HTTP/2 is offered over TLS (ALPN) unless "Use HTTP/1.1 only" is set (httpVersion.ts); a change makes a new pool.
  const http1Only = http1OnlyInUse();
  const allowH2 = !http1Only;
  if (allowSelfSignedTls) {
    if (trustingAnyCertificate?.http1Only !== http1Only) {
      void trustingAnyCertificate?.agent.close();
      trustingAnyCertificate = { agent: new Agent({ allowH2, connect: { timeout: CONNECT_TIMEOUT_MS, rejectUnauthorized: false } }), http1Only };
    }
    return trustingAnyCertificate.agent;
  }
  // The trusted certificates (trust.ts) change when a CA file is chosen: a new pool then, the old one closing once idle.
  const trust = trustOptions();
  if (verifying?.trust !== trust || verifying.http1Only !== http1Only) {
    void verifying?.agent.close();
    verifying = { agent: new Agent({ allowH2, connect: { timeout: CONNECT_TIMEOUT_MS, secureContext: trust.secureContext } }), trust, http1Only };
  }
  return verifying.agent;
}

/** Closes every pooled socket (app quit, end of a benchmark). */
export async function closeAgents(): Promise<void> {
  await Promise.all([verifying?.agent.close(), trustingAnyCertificate?.agent.close()]);
  verifying = trustingAnyCertificate = undefined;
}
