// Preset and collection calls: thin adapters from the IPC contract to the collections (collections/).
import type { KeypostApi } from '../../../shared/api';
import { fail, ok, type Result } from '../../../shared/errors';
import type { PresetDraft } from '../../../shared/presets';
import { findSecrets } from './secretGuard';
import { checkResponseChecks } from '../../../shared/responseChecks';
import type { Collections } from './collections';
import type { SettingsStore } from '../settings/settingsStore';

type PresetCalls =
  | 'storeStatus'
  | 'listPresets'
  | 'getPreset'
  | 'createPreset'
  | 'updatePreset'
  | 'renamePreset'
  | 'duplicatePreset'
  | 'movePreset'
  | 'deletePreset'
  | 'restorePreset'
  | 'listCollections'
  | 'openCollection'
  | 'closeCollection'
  | 'createFolder'
  | 'moveFolder'
  | 'deleteFolder';

export interface PresetApiDeps {
  collections: Collections;
  settings: SettingsStore;
  /** Main's folder picker (null: cancelled). Without it, openCollection fails in words. */
  chooseFolder?: () => Promise<string | null>;
}

/** Refuses drafts whose file would hold a secret, naming each field and what it holds (never the value), or an
 *  assertion or capture that could never be checked (a JSONPath or pattern that does not read), naming it. */
export async function withoutSecretsInFiles(drafts: readonly PresetDraft[]): Promise<Result<void>> {
  for (const draft of drafts) {
    const checks = checkResponseChecks(draft.request);
    if (!checks.ok) return fail(checks.error.code, `“${draft.name}” was not saved: ${checks.error.message}`, { hint: checks.error.hint });
    const found = await findSecrets(draft.request);
    if (found.length === 0) continue;
    const what = found.map((finding) => `the ${finding.field} holds ${finding.kind}`).join('; ');
    return fail('SECRET_IN_REQUEST', `“${draft.name}” was not saved: ${what}. A saved request is a file a team shares, and a secret never goes into one.`, {
      hint: 'Move the value to the keychain (the header and query tables offer it), or keep it in a secret environment variable and write {{name}} instead.',
    });
  }
  return ok(undefined);
}

export function createPresetApi({ collections, settings, chooseFolder }: PresetApiDeps): Pick<KeypostApi, PresetCalls> {
  const { store } = collections;
  const forgetIfLast = (id: string) => {
    // The next start must not try to open it.
    if (settings.get().lastPresetId === id) settings.update({ lastPresetId: null });
  };
  return {
    // One startup notice for what the app keeps of the user's own: the presets and the settings file.
    storeStatus: async () => {
      const status = store.status();
      const settingsProblems = settings.problems();
      return ok(settingsProblems.length > 0 ? { ...status, problems: [...status.problems, ...settingsProblems] } : status);
    },
    listPresets: async () => ok(store.list()),
    getPreset: async (id) => store.get(id),
    createPreset: async (draft, place) => {
      const clean = await withoutSecretsInFiles([draft]);
      return clean.ok ? store.create(draft, place) : clean;
    },
    updatePreset: async (id, draft, basedOn) => {
      const clean = await withoutSecretsInFiles([draft]);
      return clean.ok ? store.update(id, draft, basedOn ?? undefined) : clean;
    },
    renamePreset: async (id, name) => store.rename(id, name),
    duplicatePreset: async (id) => store.duplicate(id),
    movePreset: async (id, place) => store.move(id, place),
    deletePreset: async (id) => {
      const removed = store.remove(id);
      if (removed.ok) forgetIfLast(id);
      return removed;
    },
    restorePreset: async (preset) => store.restore(preset),
    listCollections: async () => ok(store.collections()),
    openCollection: async () => {
      if (!chooseFolder) return fail('INTERNAL', 'Choosing a folder is not available here.');
      const root = await chooseFolder();
      return root === null ? ok(null) : collections.open(root);
    },
    closeCollection: async (id) => collections.close(id),
    createFolder: async (collection, folder) => store.createFolder(collection, folder),
    moveFolder: async (collection, folder, to) => store.moveFolder(collection, folder, to),
    deleteFolder: async (collection, folder) => {
      const deleted = store.deleteFolder(collection, folder);
      if (!deleted.ok) return deleted;
      for (const preset of deleted.value.removed) forgetIfLast(preset.id);
      return ok({ removed: deleted.value.removed.length, keptFiles: deleted.value.keptFiles });
    },
  };
}
