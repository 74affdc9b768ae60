// Where each credential may be sent: its origins (scheme://host:port) in a file of their own
// (keypost-credential-origins.json beside the presets). Nothing secret, so not in the keychain. A credential without
// an entry has never been sent (its first send binds it); an empty list means every send asks (originGate.ts).
// An entry that does not validate is left out; the others load.
import { z } from 'zod';
import { credentialNameSchema, credentialOriginSchema } from '../../../shared/credentials';
import { fail, ok, type Result } from '../../../shared/errors';
import type { StoreBackend } from '../storeFiles';

export const CREDENTIAL_ORIGINS_NAME = 'keypost-credential-origins';

const originsSchema = z.array(credentialOriginSchema).max(1_000);

export interface CredentialOrigins {
  /** The origins `name` may be sent to; null when it has never been sent (no entry). */
  get(name: string): string[] | null;
  /** Adds `origin` (creating the entry): the origins now. */
  allow(name: string, origin: string): Result<string[]>;
  /** Removes `origin`, keeping the entry even when it empties (so the next send asks rather than binds). */
  remove(name: string, origin: string): Result<string[]>;
  /** Drops the entry: the credential's token is gone, and a new one under that name starts unbound. */
  forget(name: string): Result<void>;
  /** The new name gets the old one's entry, or none when it had none (an entry left there is stale). */
  rename(from: string, to: string): Result<void>;
}

export function createCredentialOrigins(backend: StoreBackend): CredentialOrigins {
  let entries = new Map<string, string[]>();
  const raw = backend.store.credentials;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [name, value] of Object.entries(raw)) {
      const origins = originsSchema.safeParse(value);
      if (credentialNameSchema.safeParse(name).success && origins.success) entries.set(name, [...new Set(origins.data)]);
    }
  }
  /** Written before it counts: a change the disk refused is not made. */
  const commit = (next: Map<string, string[]>): Result<void> => {
    try {
      // The same atomic write as the presets (conf/electron-store: temporary file, fsync, rename).
      backend.store = { credentials: Object.fromEntries(next) };
      entries = next;
      return ok(undefined);
    } catch (error) {
      return fail('STORE_WRITE_FAILED', 'Keypost could not save where your credentials may be sent; nothing was changed or sent.', {
        hint: `Check that the disk is not full and ${backend.path} is writable. Detail: ${(error as Error).message}`,
      });
    }
  };
  const changed = (name: string, origins: string[] | null): Result<string[]> => {
    const next = new Map(entries);
    if (origins === null) next.delete(name);
    else next.set(name, origins);
    const written = commit(next);
    return written.ok ? ok(origins ?? []) : written;
  };
  return {
    get: (name) => (entries.has(name) ? [...entries.get(name)!] : null),
    allow(name, origin) {
      const current = entries.get(name) ?? [];
      return current.includes(origin) ? ok([...current]) : changed(name, [...current, origin]);
    },
    remove(name, origin) {
      const current = entries.get(name);
      if (!current?.includes(origin)) return ok(current ? [...current] : []);
      return changed(name, current.filter((each) => each !== origin));
    },
    forget(name) {
      if (!entries.has(name)) return ok(undefined);
      const forgotten = changed(name, null);
      return forgotten.ok ? ok(undefined) : forgotten;
    },
    rename(from, to) {
      if (!entries.has(from) && !entries.has(to)) return ok(undefined);
      const moved = entries.get(from);
      const next = new Map(entries);
      next.delete(from);
      if (moved) next.set(to, moved);
      else next.delete(to);
      return commit(next);
    },
  };
}
