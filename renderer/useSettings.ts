// The settings as the page uses them: the saved values (they come with the startup settings usePresets reads) and
// a save for each valid change, shown at once.
import { useCallback, useState } from 'react';
import type { KeypostError } from '../shared/errors';
import { emptySettings, type RendererSettings } from '../shared/settings';
import { api } from './api';

const { windowBounds: _mainOnly, ...DEFAULTS } = emptySettings();

export interface SettingsState {
  settings: RendererSettings;
  /** False until the saved values have arrived, so an early edit is not overwritten by them. */
  loaded: boolean;
  save(patch: Partial<RendererSettings>): Promise<KeypostError | null>;
}

/** saved: the stored settings, null while they are still loading. */
export function useSettings(saved: RendererSettings | null): SettingsState {
  const [changed, setChanged] = useState<Partial<RendererSettings>>({});
  const save = useCallback(async (patch: Partial<RendererSettings>) => {
    setChanged((current) => ({ ...current, ...patch }));
    const result = await api!.updateSettings(patch);
    return result.ok ? null : result.error;
  }, []);
  return { settings: { ...DEFAULTS, ...saved, ...changed }, loaded: saved !== null, save };
}
