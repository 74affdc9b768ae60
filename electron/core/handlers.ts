// The main-process side of the IPC contract: each call's sender checked and arguments validated, then run against the
// API (createCore.ts builds both), answered with a Result.
import { type ApiName, channels, type KeypostApi } from '../../shared/api';
import { argSchemas } from '../../shared/schemas';
import { fail, type Result } from '../../shared/errors';
export type Dispatch = (channel: string, args: unknown[], senderUrl: string | undefined) => Promise<Result<unknown>>;

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
export function createDispatch(api: KeypostApi, trustedOrigin: string): Dispatch {
  return async (channel, args, senderUrl) => {
    if (!isTrustedSender(senderUrl, trustedOrigin)) {
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
