// Preset and settings calls: thin adapters from the IPC contract to the preset store.
import type { KeypostApi } from '../../shared/api';
import { ok } from '../../shared/errors';
import type { RendererSettings, Settings } from '../../shared/settings';
import type { PresetStore } from './presetStore';

type PresetCalls =
  | 'storeStatus'
  | 'listPresets'
  | 'getPreset'
  | 'createPreset'
  | 'updatePreset'
  | 'renamePreset'
  | 'duplicatePreset'
  | 'deletePreset'
  | 'restorePreset'
  | 'getSettings'
  | 'updateSettings';

export function createPresetApi({ store }: { store: PresetStore }): Pick<KeypostApi, PresetCalls> {
  return {
    storeStatus: async () => ok(store.status()),
    listPresets: async () => ok(store.list()),
    getPreset: async (id) => store.get(id),
    createPreset: async (draft) => store.create(draft),
    updatePreset: async (id, draft) => store.update(id, draft),
    renamePreset: async (id, name) => store.rename(id, name),
    duplicatePreset: async (id) => store.duplicate(id),
    deletePreset: async (id) => store.remove(id),
    restorePreset: async (preset) => store.restore(preset),
    getSettings: async () => ok(forRenderer(store.settings())),
    updateSettings: async (patch) => {
      const saved = store.updateSettings(patch);
      return saved.ok ? ok(forRenderer(saved.value)) : saved;
    },
  };
}

/** The settings the page sees: everything but what belongs to main (window bounds). */
const forRenderer = ({ windowBounds: _mainOnly, ...settings }: Settings): RendererSettings => settings;
