// Tokens in the OS keychain (keytar): macOS Keychain, Windows Credential Vault, Secret Service on Linux.
import keytar from 'keytar';
import { fail, ok, type Result } from '../../shared/errors';
import { Secret } from './secret';

export const KEYCHAIN_SERVICE = 'Keypost';

export interface Vault {
  get(credential: string): Promise<Result<Secret | null>>;
  set(credential: string, token: Secret): Promise<Result<void>>;
  delete(credential: string): Promise<Result<boolean>>;
  list(): Promise<Result<string[]>>;
}

/** `service` is only changed by tests, so parallel runs never touch each other's entries. */
export function createVault(service: string = KEYCHAIN_SERVICE): Vault {
  return {
    get: (credential) =>
      guard(async () => {
        const value = await keytar.getPassword(service, credential);
        return value === null ? null : new Secret(value);
      }),
    set: (credential, token) => guard(() => keytar.setPassword(service, credential, token.reveal())),
    delete: (credential) => guard(() => keytar.deletePassword(service, credential)),
    list: () => guard(async () => (await keytar.findCredentials(service)).map((c) => c.account).sort()),
  };
}

async function guard<T>(operation: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await operation());
  } catch (error) {
    // keytar's messages describe the keychain (e.g. "Cannot autolaunch D-Bus"), never the secret.
    const detail = error instanceof Error ? error.message : String(error);
    return fail('KEYCHAIN_UNAVAILABLE', 'The OS keychain is unavailable or locked, so the token could not be read or saved.', {
      hint: `Unlock your keychain (on Linux: a Secret Service such as GNOME Keyring must be running) and try again. Detail: ${detail}`,
    });
  }
}
