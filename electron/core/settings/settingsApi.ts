// Settings calls: the page reads and changes the settings it owns (window bounds belong to main).
import type { KeypostApi } from '../../../shared/api';
import { ok } from '../../../shared/errors';
import type { RendererSettings, Settings } from '../../../shared/settings';
import type { SettingsStore } from './settingsStore';

export function createSettingsApi({ settings }: { settings: SettingsStore }): Pick<KeypostApi, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: async () => ok(forRenderer(settings.get())),
    updateSettings: async (patch) => {
      const saved = settings.update(patch);
      return saved.ok ? ok(forRenderer(saved.value)) : saved;
    },
  };
}

const forRenderer = ({ windowBounds: _mainOnly, ...settings }: Settings): RendererSettings => settings;
