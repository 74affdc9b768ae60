// Credential calls beyond single tokens: the list (keychain accounts plus names presets refer to) and rename.
import type { KeypostApi } from '../../shared/api';
import { fail, ok } from '../../shared/errors';
import type { CredentialInfo } from '../../shared/credentials';
import type { PresetStore } from './presetStore';
import type { Vault } from './vault';

export function createCredentialApi({ vault, store }: { vault: Vault; store: PresetStore }): Pick<
  KeypostApi,
  'listCredentials' | 'renameCredential'
> {
  return {
    async listCredentials() {
      const stored = await vault.list();
      if (!stored.ok) return stored;
      const usage = store.credentialUsage();
      const names = [...new Set([...stored.value, ...usage.keys()])].sort((a, b) => a.localeCompare(b));
      const held = new Set(stored.value);
      return ok(names.map((name): CredentialInfo => ({ name, stored: held.has(name), usedBy: usage.get(name) ?? [] })));
    },

    // Keychains have no rename: copy the token to the new account, then remove the old one, then move references.
    async renameCredential(from, to) {
      if (from === to) return ok({ updatedPresets: 0 });
      const existing = await vault.get(to);
      if (!existing.ok) return existing;
      if (existing.value) return fail('DUPLICATE_NAME', `A credential named "${to}" already exists.`, { hint: 'Choose another name, or delete that one first.' });
      const token = await vault.get(from);
      if (!token.ok) return token;
      if (token.value) {
        const saved = await vault.set(to, token.value);
        if (!saved.ok) return saved;
        const removed = await vault.delete(from);
        if (!removed.ok) return removed;
      }
      const moved = store.retargetCredential(from, to);
      return moved.ok ? ok({ updatedPresets: moved.value }) : moved;
    },
  };
}
