// Which credentials are OAuth 2.0 ones and how to get their tokens (token URL, client ID, scope, …), in a file of
// their own (keypost-oauth.json beside the presets). Nothing secret: the client secret and the tokens are in the
// keychain (oauth/tokenSet.ts). An entry that does not validate is left out; the others load.
import { fail, ok, type Result } from '../../../shared/errors';
import { oauthConfigSchema, type OAuthConfig } from '../../../shared/oauth';
import type { StoreBackend } from '../storeFiles';

export const OAUTH_CONFIG_NAME = 'keypost-oauth';

export interface OAuthConfigs {
  get(name: string): OAuthConfig | undefined;
  names(): string[];
  set(name: string, config: OAuthConfig): Result<void>;
  remove(name: string): Result<void>;
  rename(from: string, to: string): Result<void>;
  /** Whether `url` opens the authorization page of a credential set up here (the only pages main opens for sign-in). */
  isSignInUrl(url: string): boolean;
}

export function createOAuthConfigs(backend: StoreBackend): OAuthConfigs {
  const configs = new Map<string, OAuthConfig>();
  const raw = backend.store.credentials;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [name, value] of Object.entries(raw)) {
      const parsed = oauthConfigSchema.safeParse(value);
      if (parsed.success) configs.set(name, parsed.data);
    }
  }
  const write = (): Result<void> => {
    try {
      // The same atomic write as the presets (conf/electron-store: temporary file, fsync, rename).
      backend.store = { credentials: Object.fromEntries(configs) };
      return ok(undefined);
    } catch (error) {
      return fail('STORE_WRITE_FAILED', 'Keypost could not save the OAuth 2.0 settings of your credentials.', {
        hint: `Check that the disk is not full and ${backend.path} is writable. Detail: ${(error as Error).message}`,
      });
    }
  };
  return {
    get: (name) => configs.get(name),
    names: () => [...configs.keys()],
    set(name, config) {
      configs.set(name, config);
      return write();
    },
    remove(name) {
      if (!configs.delete(name)) return ok(undefined);
      return write();
    },
    isSignInUrl(url) {
      const page = URL.parse(url);
      return [...configs.values()].some((config) => {
        const authorization = config.flow === 'authorizationCode' ? URL.parse(config.authorizationUrl) : null;
        return page !== null && authorization !== null && page.origin === authorization.origin && page.pathname === authorization.pathname;
      });
    },
    rename(from, to) {
      const config = configs.get(from);
      if (!config) return ok(undefined);
      configs.delete(from);
      configs.set(to, config);
      return write();
    },
  };
}
