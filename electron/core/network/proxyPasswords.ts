// A manual proxy's password: in the keychain under a service of its own (never among the credentials, never in the
// settings file), one entry per proxy (host:port). The vault given is a cached one (credentials/cachedVault.ts), so the
// keychain is read once while the app runs, not on every send.
import { fail, ok, type Result } from '../../../shared/errors';
import type { KeypostApi } from '../../../shared/api';
import type { ProxySetting } from '../../../shared/proxy';
import { Secret } from '../credentials/secret';
import type { Vault } from '../credentials/vault';

export const proxiesService = (credentialsService: string) => `${credentialsService} proxies`;

export interface ProxyPasswords {
  /** The Basic Proxy-Authorization for a proxy whose address names a user, when its password is stored. */
  authorizationFor(proxy: URL): Promise<Secret | null>;
}

export function createProxyPasswords(vault: Vault, setting: () => ProxySetting): ProxyPasswords & Pick<KeypostApi, 'setProxyPassword'> {
  return {
    async authorizationFor(proxy) {
      if (!proxy.username) return null;
      const stored = await vault.get(proxy.host);
      // An unreadable keychain sends no password: the proxy's 407 then says what is missing.
      const password = stored.ok ? stored.value : null;
      if (!password) return null;
      const pair = `${decodeURIComponent(proxy.username)}:${password.reveal()}`;
      return new Secret(`Basic ${Buffer.from(pair).toString('base64')}`);
    },
    async setProxyPassword(password) {
      const { mode, url } = setting();
      const proxy = mode === 'manual' ? new URL(url) : null;
      if (!proxy?.username) {
        return fail('INVALID_ARGUMENT', 'A proxy password goes with a manual proxy whose address names the user, as http://user@host:port.', {
          hint: 'Choose Manual under Proxy and put the user name in the address first.',
        });
      }
      const saved: Result<unknown> = password === null ? await vault.delete(proxy.host) : await vault.set(proxy.host, new Secret(password));
      return saved.ok ? ok(undefined) : saved;
    },
  };
}
