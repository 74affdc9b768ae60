// OAuth 2.0 credentials over the keychain: hands out a valid access token, refreshing it before expiry and once
// after a 401, one refresh at a time per credential; signs in; reports the state the UI shows.
import { fail, ok, type KeypostError, type Result } from '../../../../shared/errors';
import type { OAuthConfig, OAuthTokenState } from '../../../../shared/oauth';
import type { Secret } from '../secret';
import type { Vault } from '../vault';
import { signInWithBrowser, type BrowserSignInOptions } from './loopbackRedirect';
import type { RouteFor } from '../../network/proxyRoutes';
import { requestClientCredentials, requestRefresh, type IssuedTokens, type TokenRequestOptions } from './tokenEndpoint';
import { parseTokenSet, serializeTokenSet, type TokenSet } from './tokenSet';

/** A kept token is refreshed when it has less than this left, so it does not expire on the way to the server. */
export const REFRESH_MARGIN_MS = 60_000;

export interface OAuthCredentials {
  /** Stores the client secret (clientAuth basic or post) in the credential's keychain entry. */
  setClientSecret(name: string, secret: Secret): Promise<Result<void>>;
  /** Stores a refresh token the user obtained elsewhere (flow refreshToken); the kept access token is dropped. */
  setRefreshToken(name: string, refreshToken: Secret): Promise<Result<void>>;
  /** A token valid for at least REFRESH_MARGIN_MS more, refreshed when needed. */
  accessToken(name: string, config: OAuthConfig, options?: TokenRequestOptions): Promise<Result<Secret>>;
  /** After a 401 with `rejectedToken`: one refresh, unless another send already replaced that token. */
  afterUnauthorized(name: string, config: OAuthConfig, rejectedToken: Secret, options?: TokenRequestOptions): Promise<Result<Secret>>;
  /** authorizationCode: the browser flow; clientCredentials: a token request; refreshToken: a refresh. */
  signIn(name: string, config: OAuthConfig, options: BrowserSignInOptions): Promise<Result<OAuthTokenState>>;
  state(name: string, config: OAuthConfig): Promise<Result<OAuthTokenState>>;
  /** Deletes the credential's keychain entry: tokens and client secret. */
  forget(name: string): Promise<Result<void>>;
}

export interface OAuthCredentialsDeps {
  vault: Vault;
  /** The proxy for token requests (network/proxyRoutes.ts); direct when absent. */
  routeFor?: RouteFor;
  /** Milliseconds since the epoch; tests move it instead of sleeping. */
  now?: () => number;
}

export function createOAuthCredentials({ vault, routeFor, now = Date.now }: OAuthCredentialsDeps): OAuthCredentials {
  /** The keychain read once per credential while the app runs; null = no entry. Writes update it at once. */
  const entries = new Map<string, TokenSet | null>();
  const reads = new Map<string, Promise<Result<TokenSet | null>>>();
  /** Bumped by every write, so a keychain read that started before a write does not overwrite it in the cache. */
  const versions = new Map<string, number>();
  const writes = new Map<string, Promise<unknown>>();
  const refreshes = new Map<string, Promise<Result<Secret>>>();
  const lastErrors = new Map<string, KeypostError>();

  function load(name: string): Promise<Result<TokenSet | null>> {
    if (entries.has(name)) return Promise.resolve(ok(entries.get(name) ?? null));
    let read = reads.get(name);
    if (!read) {
      const version = versions.get(name) ?? 0;
      read = (async (): Promise<Result<TokenSet | null>> => {
        const entry = await vault.get(name);
        if (!entry.ok) return entry;
        if ((versions.get(name) ?? 0) !== version) return ok(entries.get(name) ?? null);
        const set = entry.value ? parseTokenSet(name, entry.value) : ok(null);
        if (set.ok) entries.set(name, set.value);
        return set;
      })().finally(() => reads.delete(name));
      reads.set(name, read);
    }
    return read;
  }

  /** Read, change, write, one write at a time per credential, so a refresh and a new client secret both survive. */
  function update(name: string, change: (current: TokenSet) => TokenSet): Promise<Result<TokenSet>> {
    const run = (writes.get(name) ?? Promise.resolve()).then(async (): Promise<Result<TokenSet>> => {
      const loaded = await load(name);
      // A damaged entry is replaced by the write that fixes it (a new sign-in or client secret).
      if (!loaded.ok && loaded.error.code !== 'OAUTH_ENTRY_DAMAGED') return loaded;
      const next = change((loaded.ok && loaded.value) || {});
      const written = await vault.set(name, serializeTokenSet(next));
      if (!written.ok) return written;
      remember(name, next);
      return ok(next);
    });
    writes.set(name, run);
    void run.finally(() => writes.get(name) === run && writes.delete(name));
    return run;
  }

  function remember(name: string, set: TokenSet | null): void {
    entries.set(name, set);
    versions.set(name, (versions.get(name) ?? 0) + 1);
  }

  /** Keeps freshly issued tokens. A sign-in replaces the refresh token; a refresh keeps it unless the server rotated it. */
  function keep(name: string, issued: IssuedTokens, issuedAt: number, replacesGrant: boolean) {
    return update(name, (current) => ({
      ...(current.clientSecret ? { clientSecret: current.clientSecret } : {}),
      accessToken: issued.accessToken,
      ...(issued.expiresIn !== null ? { expiresAt: issuedAt + issued.expiresIn * 1000 } : {}),
      ...(issued.refreshToken ? { refreshToken: issued.refreshToken } : !replacesGrant && current.refreshToken ? { refreshToken: current.refreshToken } : {}),
    }));
  }

  async function refresh(name: string, config: OAuthConfig, timeoutMs: number | undefined): Promise<Result<Secret>> {
    const loaded = await load(name);
    if (!loaded.ok) return loaded;
    const set = loaded.value ?? {};
    const client = { config, clientSecret: set.clientSecret ?? null };
    const startedAt = now();
    let issued: Result<IssuedTokens>;
    if (set.refreshToken) {
      issued = await requestRefresh(client, set.refreshToken, { timeoutMs, routeFor });
      // A client credentials client can always start over; its refresh token is only a shortcut.
      if (!issued.ok && issued.error.code === 'OAUTH_INVALID_GRANT' && config.flow === 'clientCredentials') {
        issued = await requestClientCredentials({ ...client, config }, { timeoutMs, routeFor });
      }
    } else if (config.flow === 'clientCredentials') {
      issued = await requestClientCredentials({ ...client, config }, { timeoutMs, routeFor });
    } else {
      issued = signInRequired(name, config, set.accessToken !== undefined);
    }
    if (!issued.ok) {
      lastErrors.set(name, issued.error);
      return issued;
    }
    const kept = await keep(name, issued.value, startedAt, false);
    if (!kept.ok) {
      lastErrors.set(name, kept.error);
      return kept;
    }
    lastErrors.delete(name);
    return ok(issued.value.accessToken);
  }

  /** Every caller for the same credential shares one refresh; each can still stop waiting with its own signal. */
  function sharedRefresh(name: string, config: OAuthConfig, options: TokenRequestOptions): Promise<Result<Secret>> {
    let pending = refreshes.get(name);
    if (!pending) {
      pending = refresh(name, config, options.timeoutMs).finally(() => refreshes.delete(name));
      refreshes.set(name, pending);
    }
    return untilAborted(pending, options.signal);
  }

  const isFresh = (set: TokenSet) => set.expiresAt === undefined || set.expiresAt - now() >= REFRESH_MARGIN_MS;
  const isExpired = (set: TokenSet) => set.expiresAt !== undefined && set.expiresAt <= now();

  const api: OAuthCredentials = {
    async setClientSecret(name, secret) {
      const saved = await update(name, (current) => ({ ...current, clientSecret: secret }));
      if (saved.ok) lastErrors.delete(name);
      return saved.ok ? ok(undefined) : saved;
    },

    async setRefreshToken(name, refreshToken) {
      const saved = await update(name, (current) => ({ ...(current.clientSecret ? { clientSecret: current.clientSecret } : {}), refreshToken }));
      if (saved.ok) lastErrors.delete(name);
      return saved.ok ? ok(undefined) : saved;
    },

    async accessToken(name, config, options = {}) {
      const loaded = await load(name);
      if (!loaded.ok) return loaded;
      const set = loaded.value;
      if (set?.accessToken && isFresh(set)) return ok(set.accessToken);
      const refreshed = await sharedRefresh(name, config, options);
      // A refresh made early (inside the margin) that fails leaves a token that still works for a few seconds.
      if (!refreshed.ok && refreshed.error.code !== 'CANCELLED' && set?.accessToken && set.expiresAt !== undefined && !isExpired(set)) {
        return ok(set.accessToken);
      }
      return refreshed;
    },

    async afterUnauthorized(name, config, rejectedToken, options = {}) {
      const pending = refreshes.get(name);
      if (pending) return untilAborted(pending, options.signal);
      const loaded = await load(name);
      if (!loaded.ok) return loaded;
      const kept = loaded.value?.accessToken;
      // Another send has refreshed since this one read the token: use the new one rather than refresh again.
      if (kept && kept.reveal() !== rejectedToken.reveal()) return api.accessToken(name, config, options);
      return sharedRefresh(name, config, options);
    },

    async signIn(name, config, options) {
      let result: Result<unknown>;
      if (config.flow === 'refreshToken') {
        result = await sharedRefresh(name, config, { signal: options.signal });
      } else {
        const loaded = await load(name);
        if (!loaded.ok && loaded.error.code !== 'OAUTH_ENTRY_DAMAGED') return loaded;
        const client = { config, clientSecret: (loaded.ok && loaded.value?.clientSecret) || null };
        const startedAt = now();
        const issued =
          config.flow === 'authorizationCode'
            ? await signInWithBrowser({ ...client, config }, { ...options, routeFor })
            : await requestClientCredentials({ ...client, config }, { signal: options.signal, routeFor });
        result = issued.ok ? await keep(name, issued.value, startedAt, true) : issued;
      }
      // A sign-in that fails leaves the credential as it was; the caller shows the error.
      if (!result.ok) return result;
      lastErrors.delete(name);
      return api.state(name, config);
    },

    async state(name, _config) {
      const loaded = await load(name);
      if (!loaded.ok) return loaded;
      const set = loaded.value ?? {};
      const known = { expiresAt: set.expiresAt ?? null, hasRefreshToken: set.refreshToken !== undefined };
      if (refreshes.has(name)) return ok({ status: 'refreshing', ...known });
      const error = lastErrors.get(name);
      if (error) return ok({ status: 'failed', ...known, error: error.message });
      if (!set.accessToken) return ok({ status: 'missing', ...known });
      return ok({ status: isExpired(set) ? 'expired' : 'valid', ...known });
    },

    async forget(name) {
      const deleted = await vault.delete(name);
      if (!deleted.ok) return deleted;
      remember(name, null);
      lastErrors.delete(name);
      return ok(undefined);
    },
  };
  return api;
}

function signInRequired(name: string, config: OAuthConfig, hadToken: boolean): Result<never> {
  if (config.flow === 'refreshToken') {
    return fail('OAUTH_SIGN_IN_REQUIRED', `The credential "${name}" has no refresh token, so Keypost cannot get an access token.`, {
      hint: 'Enter a refresh token for this credential.',
    });
  }
  return hadToken
    ? fail('OAUTH_SIGN_IN_REQUIRED', `The access token of "${name}" has expired or was refused, and there is no refresh token to renew it.`, {
        hint: 'Sign in again.',
      })
    : fail('OAUTH_SIGN_IN_REQUIRED', `The credential "${name}" is not signed in yet.`, { hint: 'Sign in.' });
}

function untilAborted<T>(pending: Promise<Result<T>>, signal: AbortSignal | undefined): Promise<Result<T>> {
  if (!signal) return pending;
  if (signal.aborted) return Promise.resolve(fail('CANCELLED', 'Getting a token was cancelled.'));
  return new Promise((resolve) => {
    const onAbort = () => resolve(fail('CANCELLED', 'Getting a token was cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    void pending.then((result) => {
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    });
  });
}
