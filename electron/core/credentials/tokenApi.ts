// Token calls: save, check, reveal (on explicit request only) and delete keychain entries. An OAuth 2.0 credential's
// entry holds its token set (oauth/tokenSet.ts): it is never overwritten by a typed token nor shown whole. A deleted
// credential's origins go with it: a token stored later under that name is a new credential, bound by its own first send.
import type { KeypostApi } from '../../../shared/api';
import { fail, ok, type Result } from '../../../shared/errors';
import { checkToken } from '../../../shared/requestChecks';
import { tokenFacts } from '../../../shared/tokenFacts';
import { Secret } from './secret';
import type { OAuthDeps } from './oauthApi';
import type { Vault } from './vault';
import type { CredentialOrigins } from './credentialOriginsFile';

export function createTokenApi({ vault, oauth, oauthConfigs, origins }: { vault: Vault; origins: CredentialOrigins } & OAuthDeps): Pick<KeypostApi, 'setToken' | 'tokenStatus' | 'revealToken' | 'deleteToken'> {
  return {
    async setToken(credential, token) {
      if (oauthConfigs.get(credential)) {
        return fail('INVALID_ARGUMENT', `“${credential}” is an OAuth 2.0 credential: Keypost gets its tokens itself.`, {
          hint: 'Choose another credential to send a token you paste, or get a new token with Sign in / Get token.',
        });
      }
      const checked = checkToken(token);
      if (!checked.ok) return checked;
      return vault.set(credential, new Secret(token));
    },

    async tokenStatus(credential) {
      const config = oauthConfigs.get(credential);
      if (config) {
        const state = await oauth.state(credential, config);
        return state.ok ? ok({ stored: state.value.status !== 'missing', oauth: { flow: config.flow, state: state.value } }) : state;
      }
      const stored = await vault.get(credential);
      if (!stored.ok) return stored;
      return ok(stored.value ? { stored: true, facts: tokenFacts(stored.value.reveal()) } : { stored: false });
    },

    async revealToken(credential) {
      // The current access token, never the entry (it holds the client secret and refresh token too).
      const config = oauthConfigs.get(credential);
      if (config) {
        const token = await oauth.accessToken(credential, config);
        return token.ok ? ok(token.value.reveal()) : token;
      }
      const stored = await vault.get(credential);
      if (!stored.ok) return stored;
      return stored.value ? ok(stored.value.reveal()) : fail('NO_TOKEN', `No token is stored for "${credential}".`);
    },

    async deleteToken(credential) {
      let deleted: Result<boolean>;
      if (oauthConfigs.get(credential)) {
        const forgotten = await oauth.forget(credential);
        if (!forgotten.ok) return forgotten;
        const removed = oauthConfigs.remove(credential);
        deleted = removed.ok ? ok(true) : removed;
      } else {
        deleted = await vault.delete(credential);
      }
      if (!deleted.ok) return deleted;
      const unbound = origins.forget(credential);
      return unbound.ok ? deleted : unbound;
    },
  };
}
