// A manual proxy's password: in the keychain under a service of its own (never among the credentials, never in the
// settings file), one entry per proxy (host:port), read once while the app runs.
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
  const cache = new Map<string, Secret | null>();
  return {
    async authorizationFor(proxy) {
      if (!proxy.username) return null;
      if (!cache.has(proxy.host)) {
        const stored = await vault.get(proxy.host);
        // An unreadable keychain sends no password: the proxy's 407 then says what is missing.
        cache.set(proxy.host, stored.ok ? stored.value : null);
      }
      const password = cache.get(proxy.host);
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
      if (!saved.ok) return saved;
      cache.set(proxy.host, password === null ? null : new Secret(password));
      return ok(undefined);
    },
  };
}
