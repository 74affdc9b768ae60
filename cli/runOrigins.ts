// Where a run may send each credential (the app's rule, electron/core/credentials/originGate.ts): the origins the app
// bound it to on this machine (its data folder), and those the run names with --allow-origin. A credential bound
// nowhere is bound by its first send, unless the run names origins: then it goes there only. Nothing is written.
import { createCredentialOrigins, CREDENTIAL_ORIGINS_NAME, type CredentialOrigins } from '../electron/core/credentials/credentialOriginsFile';
import { allowedFor, createOriginGate, type OriginGate } from '../electron/core/credentials/originGate';
import { credentialOriginSchema } from '../shared/credentials';
import { fail } from '../shared/errors';
import { appStoreCopy } from './appData';

/** An origin as --allow-origin takes it (scheme://host:port, as the credential manager does), or why not. */
export function parseOrigin(text: string): { origin: string } | { problem: string } {
  const parsed = credentialOriginSchema.safeParse(text);
  return parsed.success ? { origin: parsed.data } : { problem: parsed.error.issues[0]?.message ?? 'That is not an origin.' };
}

export function runOriginGate(dataDir: string | null, allowed: readonly string[]): OriginGate {
  const bound = createCredentialOrigins(appStoreCopy(dataDir, CREDENTIAL_ORIGINS_NAME));
  const origins: CredentialOrigins = {
    ...bound,
    get(name) {
      const app = bound.get(name);
      return allowed.length === 0 ? app : [...new Set([...(app ?? []), ...allowed])];
    },
  };
  // No host to ask: an origin not allowed is refused, and the refusal says how the run can allow it.
  const gate = createOriginGate(origins, undefined);
  return {
    ...gate,
    async approve(credential, origin) {
      const approved = await gate.approve(credential, origin);
      if (approved.ok || approved.error.code !== 'ORIGIN_NOT_ALLOWED') return approved;
      return fail('ORIGIN_NOT_ALLOWED', `Not sent: the credential “${credential}” ${allowedFor(origins.get(credential) ?? [])}, and this run does not name ${origin}.`, {
        hint: `Add --allow-origin ${origin} to send it there.`,
      });
    },
  };
}
