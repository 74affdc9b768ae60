// Setting up an OAuth 2.0 credential and getting its tokens on request. Its settings go to keypost-oauth.json,
// every secret to the keychain; the send path gets its access token from the same OAuthCredentials (sendApi.ts).
import type { KeypostApi } from '../../../shared/api';
import { fail, type Result } from '../../../shared/errors';
import type { OAuthCredentials } from './oauth/oauthCredentials';
import type { OAuthConfigs } from './oauthConfigFile';
import { Secret } from './secret';

export interface OAuthDeps {
  oauth: OAuthCredentials;
  oauthConfigs: OAuthConfigs;
  /** Opens the sign-in page in the system browser (shell.openExternal in the app; the test drives it in E2E). */
  openBrowser?: (url: string) => Promise<void>;
}

export function createOAuthApi({ oauth, oauthConfigs, openBrowser }: OAuthDeps): Pick<KeypostApi, 'saveOAuthCredential' | 'signInOAuth'> {
  return {
    async saveOAuthCredential(name, config, { clientSecret, refreshToken }) {
      // Token requests are not gated by the access token's origins: they go only to the token URL saved here, in main,
      // and carry the client secret and refresh token, which belong to that authorization server. So a credential
      // moved to another token origin keeps none of them (it signs in there again): a page that rewrote the settings
      // cannot have them sent elsewhere.
      const before = oauthConfigs.get(name);
      if (before && new URL(before.tokenUrl).origin !== new URL(config.tokenUrl).origin) {
        const forgotten = await oauth.forget(name);
        if (!forgotten.ok) return forgotten;
      }
      // The secrets first: a keychain that refuses them leaves the credential as it was.
      if (clientSecret) {
        const kept = await oauth.setClientSecret(name, new Secret(clientSecret));
        if (!kept.ok) return kept;
      }
      if (refreshToken) {
        const kept = await oauth.setRefreshToken(name, new Secret(refreshToken));
        if (!kept.ok) return kept;
      }
      return oauthConfigs.set(name, config);
    },

    async signInOAuth(name) {
      const config = oauthConfigs.get(name);
      if (!config) return notOAuth(name);
      if (config.flow === 'authorizationCode' && !openBrowser) return fail('INTERNAL', 'Signing in through the browser is not available here.');
      return oauth.signIn(name, config, { openBrowser: openBrowser ?? (async () => {}) });
    },
  };
}

export const notOAuth = (name: string): Result<never> =>
  fail('NOT_FOUND', `“${name}” is not an OAuth 2.0 credential.`, { hint: 'Set it up under Credentials → Manage… → OAuth 2.0.' });
