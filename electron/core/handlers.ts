// The main-process side of the IPC contract: each call validated, run against the core, answered with a Result.
import { channels, type ApiName, type KeypostApi } from '../../shared/api';
import { argSchemas } from '../../shared/schemas';
import { fail, ok, type Result } from '../../shared/errors';
import { checkJsonBody, checkToken, checkUrl } from '../../shared/requestChecks';
import { Secret } from './secret';
import { sendRequest } from './send';
import type { Vault } from './vault';

export interface CoreDeps {
  vault: Vault;
  /** Origin the renderer is served from (app://keypost in Electron, http://127.0.0.1:port in tests). */
  trustedOrigin: string;
}

export type Dispatch = (channel: string, args: unknown[], senderUrl: string | undefined) => Promise<Result<unknown>>;

/** The API implemented on trusted, already-validated arguments. */
export function createApi({ vault }: Pick<CoreDeps, 'vault'>): KeypostApi {
  const inFlight = new Map<string, AbortController>();

  return {
    async send(request) {
      const url = checkUrl(request.url);
      if (!url.ok) return url;
      const body = checkJsonBody(request.body);
      if (!body.ok) return body;
      const stored = await vault.get(request.credential);
      if (!stored.ok) return stored;
      if (!stored.value) {
        return fail('NO_TOKEN', 'No token is stored yet.', { hint: 'Type your bearer token in the token field, then send.' });
      }
      const token = checkToken(stored.value.reveal());
      if (!token.ok) return token;

      const controller = new AbortController();
      inFlight.get(request.requestId)?.abort();
      inFlight.set(request.requestId, controller);
      try {
        return await sendRequest({
          url: url.value,
          method: request.method,
          body: request.body,
          token: stored.value,
          timeoutMs: request.timeoutMs,
          signal: controller.signal,
        });
      } finally {
        if (inFlight.get(request.requestId) === controller) inFlight.delete(request.requestId);
      }
    },

    async cancel(requestId) {
      const controller = inFlight.get(requestId);
      controller?.abort();
      return ok(controller !== undefined);
    },

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

const apiNameByChannel = new Map<string, ApiName>(
  Object.entries(channels).map(([name, channel]) => [channel, name as ApiName]),
);

/** True when the call comes from our own renderer page, not from a navigated-to or embedded origin. */
export function isTrustedSender(senderUrl: string | undefined, trustedOrigin: string): boolean {
  if (!senderUrl) return false;
  try {
    // Not URL.origin: WHATWG gives "null" as the origin of non-special schemes such as app://.
    const { protocol, host } = new URL(senderUrl);
    return `${protocol}//${host}` === trustedOrigin;
  } catch {
    return false;
  }
}

/** One entry point for every IPC call: sender check, channel lookup, argument validation, never a throw. */
export function createDispatch(deps: CoreDeps, api: KeypostApi = createApi(deps)): Dispatch {
  return async (channel, args, senderUrl) => {
    if (!isTrustedSender(senderUrl, deps.trustedOrigin)) {
      return fail('FORBIDDEN_SENDER', 'This call did not come from the Keypost window and was refused.');
    }
    const name = apiNameByChannel.get(channel);
    if (!name) return fail('UNKNOWN_CHANNEL', `Unknown call "${String(channel).slice(0, 80)}".`);
    const parsed = argSchemas[name].safeParse(args);
    if (!parsed.success) {
      // Paths and messages only: zod's messages never echo the value, which might be a token.
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`);
      return fail('INVALID_ARGUMENT', `Invalid arguments for ${name}: ${problems.slice(0, 3).join('; ')}`);
    }
    try {
      const method = api[name] as (...a: unknown[]) => Promise<Result<unknown>>;
      return await method(...(parsed.data as unknown[]));
    } catch {
      return fail('INTERNAL', `Keypost hit an unexpected error while running ${name}.`, { hint: 'Try again; nothing was lost.' });
    }
  };
}
