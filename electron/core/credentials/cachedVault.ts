// The keychain read once per credential while the app runs, not once per send: an OS keychain call costs
// milliseconds and, on Linux, a D-Bus round trip. Writes go through, and the cache follows them at once.
import { ok } from '../../../shared/errors';
import type { Secret } from './secret';
import type { Vault } from './vault';

export function cachedVault(vault: Vault): Vault {
  const known = new Map<string, Secret | null>();
  // Bumped by every write: a read that started before a write must not cache what it read.
  const writes = new Map<string, number>();
  const wrote = (credential: string) => {
    writes.set(credential, (writes.get(credential) ?? 0) + 1);
    known.delete(credential);
  };
  return {
    async get(credential) {
      if (known.has(credential)) return ok(known.get(credential)!);
      const before = writes.get(credential) ?? 0;
      const read = await vault.get(credential);
      // Errors (a locked keychain) are not remembered: the next call asks again.
      if (read.ok && (writes.get(credential) ?? 0) === before) known.set(credential, read.value);
      return read;
    },
    async set(credential, token) {
      wrote(credential);
      const written = await vault.set(credential, token);
      if (written.ok) known.set(credential, token);
      return written;
    },
    async delete(credential) {
      wrote(credential);
      return vault.delete(credential);
    },
    list: () => vault.list(),
  };
}
