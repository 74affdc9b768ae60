// Token calls: save, check, reveal (on explicit request only) and delete keychain entries.
import type { KeypostApi } from '../../shared/api';
import { fail, ok } from '../../shared/errors';
import { checkToken } from '../../shared/requestChecks';
import { Secret } from './secret';
import type { Vault } from './vault';

export function createTokenApi({ vault }: { vault: Vault }): Pick<KeypostApi, 'setToken' | 'tokenStatus' | 'revealToken' | 'deleteToken'> {
  return {
    async setToken(credential, token) {
      const checked = checkToken(token);
      if (!checked.ok) return checked;
      return vault.set(credential, new Secret(token));
    },

    async tokenStatus(credential) {
      const stored = await vault.get(credential);
      return stored.ok ? ok({ stored: stored.value !== null }) : stored;
    },

    async revealToken(credential) {
      const stored = await vault.get(credential);
      if (!stored.ok) return stored;
      return stored.value ? ok(stored.value.reveal()) : fail('NO_TOKEN', `No token is stored for "${credential}".`);
    },

    deleteToken: (credential) => vault.delete(credential),
  };
}
