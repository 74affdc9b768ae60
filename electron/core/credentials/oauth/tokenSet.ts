// One OAuth credential's secrets as one keychain entry: a small JSON document, read and written only here.
import { z } from 'zod';
import { fail, ok, type Result } from '../../../../shared/errors';
import { Secret } from '../secret';

/** What the keychain entry of an OAuth credential holds. Every field is optional: a client secret can come first. */
export interface TokenSet {
  accessToken?: Secret;
  refreshToken?: Secret;
  /** Milliseconds since the epoch; absent when the server gave no expires_in. */
  expiresAt?: number;
  clientSecret?: Secret;
}

const storedSchema = z
  .object({
    accessToken: z.string().min(1).optional(),
    refreshToken: z.string().min(1).optional(),
    expiresAt: z.number().int().nonnegative().optional(),
    clientSecret: z.string().min(1).optional(),
  })
  .strict();

/** The entry as the keychain stores it: the JSON is itself a Secret, so it never prints either. */
export function serializeTokenSet(set: TokenSet): Secret {
  return new Secret(
    JSON.stringify({
      accessToken: set.accessToken?.reveal(),
      refreshToken: set.refreshToken?.reveal(),
      expiresAt: set.expiresAt,
      clientSecret: set.clientSecret?.reveal(),
    }),
  );
}

export function parseTokenSet(credential: string, entry: Secret): Result<TokenSet> {
  let json: unknown;
  try {
    json = JSON.parse(entry.reveal());
  } catch {
    json = undefined;
  }
  const parsed = storedSchema.safeParse(json);
  // The zod issues are left out on purpose: they could quote part of the entry.
  if (!parsed.success) {
    return fail('OAUTH_ENTRY_DAMAGED', `The keychain entry of the credential "${credential}" is not an OAuth token set Keypost can read.`, {
      hint: 'Sign in again (or enter the client secret again) to replace it.',
    });
  }
  const { accessToken, refreshToken, expiresAt, clientSecret } = parsed.data;
  return ok({
    ...(accessToken ? { accessToken: new Secret(accessToken) } : {}),
    ...(refreshToken ? { refreshToken: new Secret(refreshToken) } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    ...(clientSecret ? { clientSecret: new Secret(clientSecret) } : {}),
  });
}
