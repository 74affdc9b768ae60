// Preset calls: thin adapters from the IPC contract to the preset store.
import type { KeypostApi } from '../../../shared/api';
import { ok } from '../../../shared/errors';
import type { PresetStore } from './presetStore';
import type { SettingsStore } from '../settings/settingsStore';

type PresetCalls =
  | 'storeStatus'
  | 'listPresets'
  | 'getPreset'
  | 'createPreset'
  | 'updatePreset'
  | 'renamePreset'
  | 'duplicatePreset'
  | 'deletePreset'
  | 'restorePreset';

export function createPresetApi({ store, settings }: { store: PresetStore; settings: SettingsStore }): Pick<KeypostApi, PresetCalls> {
  return {
    // One startup notice for what the app keeps of the user's own: the presets file and the settings file.
    storeStatus: async () => {
      const status = store.status();
      const settingsProblems = settings.problems();
      return ok(settingsProblems.length > 0 ? { ...status, problems: [...status.problems, ...settingsProblems] } : status);
    },
    listPresets: async () => ok(store.list()),
    getPreset: async (id) => store.get(id),
    createPreset: async (draft) => store.create(draft),
    updatePreset: async (id, draft) => store.update(id, draft),
    renamePreset: async (id, name) => store.rename(id, name),
    duplicatePreset: async (id) => store.duplicate(id),
    deletePreset: async (id) => {
      const removed = store.remove(id);
      // The next start must not try to open it.
      if (removed.ok && settings.get().lastPresetId === id) settings.update({ lastPresetId: null });
      return removed;
    },
    restorePreset: async (preset) => store.restore(preset),
  };
}
