// The settings as the page shows and uses them: the defaults until main's saved values arrive, then those, with each
// change the page saves applied at once. Pure functions, tested in Node.
import { emptySettings, type RendererSettings } from '../../shared/settings';
import { createStore } from '../state/store';

export interface SettingsState {
  settings: RendererSettings;
  /** False until the saved values have arrived (the dialog waits for them, so no edit is overwritten by them). */
  loaded: boolean;
}

const { windowBounds: _mainOnly, ...DEFAULTS } = emptySettings();

export const initialSettings: SettingsState = { settings: DEFAULTS, loaded: false };

/** The saved values, or the defaults when they could not be read. */
export const settingsLoaded = (_state: SettingsState, saved: RendererSettings | null): SettingsState => ({ settings: { ...DEFAULTS, ...saved }, loaded: true });

export const settingsChanged = (state: SettingsState, patch: Partial<RendererSettings>): SettingsState => ({ ...state, settings: { ...state.settings, ...patch } });

export const settingsStore = createStore(initialSettings);
