// Connection pools for outgoing requests: one that verifies TLS (the default), one that does not
// (only for presets that opted in, for local development with self-signed certificates).
import { Agent } from 'undici';

const CONNECT_TIMEOUT_MS = 10_000;
let verifying: Agent | undefined;
let trustingAnyCertificate: Agent | undefined;

export function agentFor(allowSelfSignedTls: boolean): Agent {
  if (allowSelfSignedTls) {
    trustingAnyCertificate ??= new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS, rejectUnauthorized: false } });
    return trustingAnyCertificate;
  }
  verifying ??= new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS } });
  return verifying;
}

/** Closes every pooled socket (app quit, end of a benchmark). */
export async function closeAgents(): Promise<void> {
  await Promise.all([verifying?.close(), trustingAnyCertificate?.close()]);
  verifying = trustingAnyCertificate = undefined;
}
