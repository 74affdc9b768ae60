// Credential calls beyond single tokens: the list (keychain accounts, names presets refer to, OAuth 2.0 credentials
// with their state, the origins each may go to), rename (the keychain entry, the OAuth settings, the origins and the
// presets that use it move together), and the origins edited in the credential manager.
import type { KeypostApi } from '../../../shared/api';
import { fail, ok, type Result } from '../../../shared/errors';
import type { CredentialInfo } from '../../../shared/credentials';
import type { OAuthDeps } from './oauthApi';
import type { CollectionStore } from '../collections/collectionStore';
import type { CredentialOrigins } from './credentialOriginsFile';
import type { OriginGate } from './originGate';
import type { SettingsStore } from '../settings/settingsStore';
import type { Vault } from './vault';

interface CredentialDeps extends OAuthDeps {
  vault: Vault;
  store: CollectionStore;
  settings: SettingsStore;
  origins: CredentialOrigins;
  originGate: OriginGate;
}

export function createCredentialApi({ vault, store, settings, oauth, oauthConfigs, origins, originGate }: CredentialDeps): Pick<
  KeypostApi,
  'listCredentials' | 'renameCredential' | 'allowCredentialOrigin' | 'removeCredentialOrigin'
> {
  /** A credential the keychain or the OAuth settings hold: only those have origins to edit. */
  async function existing(name: string): Promise<Result<void>> {
    if (oauthConfigs.get(name)) return ok(undefined);
    const stored = await vault.get(name);
    if (!stored.ok) return stored;
    return stored.value ? ok(undefined) : fail('NOT_FOUND', `There is no credential “${name}” to allow origins for.`, { hint: 'Store its token first.' });
  }

  return {
    async listCredentials() {
      const stored = await vault.list();
      if (!stored.ok) return stored;
      const usage = store.credentialUsage();
      const names = [...new Set([...stored.value, ...usage.keys(), ...oauthConfigs.names()])].sort((a, b) => a.localeCompare(b));
      const held = new Set(stored.value);
      const infos: CredentialInfo[] = [];
      for (const name of names) {
        const info: CredentialInfo = { name, stored: held.has(name), usedBy: usage.get(name) ?? [], origins: origins.get(name) };
        const config = oauthConfigs.get(name);
        const state = config ? await oauth.state(name, config) : null;
        infos.push(config && state?.ok ? { ...info, oauth: { config, state: state.value } } : info);
      }
      return ok(infos);
    },

    // Keychains have no rename: copy the token to the new account, then remove the old one, then move references.
    async renameCredential(from, to) {
      if (from === to) return ok({ updatedPresets: 0 });
      const existing = await vault.get(to);
      if (!existing.ok) return existing;
      if (existing.value || oauthConfigs.get(to)) return fail('DUPLICATE_NAME', `A credential named "${to}" already exists.`, { hint: 'Choose another name, or delete that one first.' });
      const token = await vault.get(from);
      if (!token.ok) return token;
      if (token.value) {
        const saved = await vault.set(to, token.value);
        if (!saved.ok) return saved;
        const removed = await vault.delete(from);
        if (!removed.ok) return removed;
      }
      if (oauthConfigs.get(from)) {
        const renamed = oauthConfigs.rename(from, to);
        if (!renamed.ok) return renamed;
        // The entry moved above; OAuthCredentials must not keep serving the old name's tokens from memory.
        await oauth.forget(from);
      }
      // Where it may be sent is part of the credential: the new name is bound as the old one was.
      const carried = origins.rename(from, to);
      if (!carried.ok) return carried;
      const moved = store.retargetCredential(from, to);
      if (!moved.ok) return moved;
      // New tabs start with the renamed credential, as they did with the old name.
      if (settings.get().selectedCredential === from) settings.update({ selectedCredential: to });
      return ok({ updatedPresets: moved.value });
    },

    async allowCredentialOrigin(credential, origin) {
      const known = await existing(credential);
      if (!known.ok) return known;
      return originGate.allowFromPage(credential, origin);
    },

    // Narrowing needs no question; an emptied list asks on every send (it does not become "never sent" again).
    async removeCredentialOrigin(credential, origin) {
      return origins.remove(credential, origin);
    },
  };
}
