// The key the cookie jars are sealed with (cookieJarFile.ts): 32 random bytes made once and kept in the OS keychain,
// under a service of its own ("Keypost cookies"), never among the credentials. No keychain, no key: the jars then
// stay in memory (cookieJars.ts), never written in plain text.
import { randomBytes } from 'node:crypto';
import { ok, type Result } from '../../../shared/errors';
import { Secret } from '../credentials/secret';
import type { Vault } from '../credentials/vault';

export const cookiesService = (credentialsService: string) => `${credentialsService} cookies`;
/** The one entry of that service. */
export const COOKIE_KEY_ACCOUNT = 'jar-key';

/** The jars' key, made and stored the first time; a failure when the keychain cannot be read or written. */
export async function cookieKey(vault: Vault): Promise<Result<Secret>> {
  const stored = await vault.get(COOKIE_KEY_ACCOUNT);
  if (!stored.ok) return stored;
  if (stored.value && Buffer.from(stored.value.reveal(), 'base64').length === 32) return ok(stored.value);
  const made = new Secret(randomBytes(32).toString('base64'));
  const saved = await vault.set(COOKIE_KEY_ACCOUNT, made);
  return saved.ok ? ok(made) : saved;
}
