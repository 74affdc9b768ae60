// Tokens in the OS keychain (keytar): macOS Keychain, Windows Credential Vault, Secret Service on Linux.
import keytar from 'keytar';
import { fail, ok, type Result } from '../../../shared/errors';
import { Secret } from './secret';

export const KEYCHAIN_SERVICE = 'Keypost';
/** Account used only to tell "no token" from "locked keychain"; never listed. */
const LOCK_PROBE = '__keypost_lock_probe__';

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
        if (value !== null) return new Secret(value);
        // A locked Secret Service collection hides its items instead of failing; a probe write tells.
        if (process.platform === 'linux') await probeWritable(service);
        return null;
      }),
    set: (credential, token) => guard(() => keytar.setPassword(service, credential, token.reveal())),
    delete: (credential) => guard(() => keytar.deletePassword(service, credential)),
    list: () =>
      guard(async () =>
        (await keytar.findCredentials(service))
          .map((c) => c.account)
          .filter((account) => account !== LOCK_PROBE)
          .sort(),
      ),
  };
}

/** Throws (keytar's "locked collection" error) when the keychain cannot be written. */
async function probeWritable(service: string): Promise<void> {
  await keytar.setPassword(service, LOCK_PROBE, 'probe');
  await keytar.deletePassword(service, LOCK_PROBE);
}

// keytar runs every call on its own worker thread. On Linux, findCredentials reads each item's secret and
// crashes the whole process (strdup of NULL) when an item has none loaded — which happens when it overlaps
// a setPassword/deletePassword such as the lock probe (atom/node-keytar#477; seen as a SIGSEGV in E2E).
// So the process makes one keychain call sequence at a time.
let keychainQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(operation: () => Promise<T>): Promise<T> {
  const run = keychainQueue.then(operation, operation);
  keychainQueue = run.catch(() => undefined);
  return run;
}

async function guard<T>(operation: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await oneAtATime(operation));
  } catch (error) {
    // keytar's messages describe the keychain (e.g. "Cannot autolaunch D-Bus"), never the secret.
    const detail = error instanceof Error ? error.message : String(error);
    return fail('KEYCHAIN_UNAVAILABLE', 'The OS keychain is unavailable or locked, so the token could not be read or saved.', {
      hint: `Unlock your keychain (on Linux: a Secret Service such as GNOME Keyring must be running) and try again. Detail: ${detail}`,
    });
  }
}
