// What the page does with its settings: load them at startup, save a change (shown at once, written by main).
import type { KeypostError } from '../../shared/errors';
import type { RendererSettings, ThemeSetting } from '../../shared/settings';
import { api } from '../api';
import { applyTheme } from './theme';
import { settingsChanged, settingsLoaded, settingsStore } from './settingsState';

/** The page and Monaco follow the theme setting from the first paint on. */
export function followTheme(): () => void {
  let applied: ThemeSetting | null = null;
  const apply = () => {
    const { theme } = settingsStore.get().settings;
    if (theme !== applied) applyTheme((applied = theme));
  };
  apply();
  return settingsStore.subscribe(apply);
}

export function settingsArrived(saved: RendererSettings | null): void {
  settingsStore.update((state) => settingsLoaded(state, saved));
}

/** Saves a change; answers the error to show beside the field, or null. */
export async function saveSettings(patch: Partial<RendererSettings>): Promise<KeypostError | null> {
  settingsStore.update((state) => settingsChanged(state, patch));
  const result = await api!.updateSettings(patch);
  return result.ok ? null : result.error;
}

/** Settings' CA file: main's dialog, the file read there; answers why a chosen file was refused, or null. */
export async function chooseCaFile(): Promise<KeypostError | null> {
  const result = await api!.chooseCaFile();
  if (!result.ok) return result.error;
  if (result.value) settingsArrived(result.value);
  return null;
}

/** Remembered for the next start, quietly: a failure here costs nothing the user typed. */
export function remember(patch: { lastPresetId?: string | null; selectedCredential?: string }): void {
  void api?.updateSettings(patch);
}

/** Keeps the manual proxy's password in the keychain (null forgets it); answers the error to show, or null. */
export async function saveProxyPassword(password: string | null): Promise<KeypostError | null> {
  const result = await api!.setProxyPassword(password);
  return result.ok ? null : result.error;
}
