// The colour theme: applies the theme setting to the page (html[data-theme], read by styles.css) and to Monaco,
// whose own themes ('vs', 'vs-dark') cannot read CSS; while the setting is 'system' Monaco follows the OS's changes.
import type { ThemeSetting } from '../../shared/settings';
import { monaco } from '../request/editor/monaco';

export type Palette = 'light' | 'dark';
type EditorTheme = 'vs' | 'vs-dark';

const OS_PREFERS_LIGHT = '(prefers-color-scheme: light)';

// Until the saved setting arrives, follow the OS, as the CSS does with no data-theme.
let setting: ThemeSetting = 'system';
let osQuery: MediaQueryList | null = null;

/** The palette a setting shows, given whether the OS is in light mode. */
export const paletteFor = (theme: ThemeSetting, osPrefersLight: boolean): Palette =>
  theme === 'system' ? (osPrefersLight ? 'light' : 'dark') : theme;

/** Monaco's built-in theme for a palette. */
export const editorThemeFor = (palette: Palette): EditorTheme => (palette === 'light' ? 'vs' : 'vs-dark');

/** The Monaco theme for the setting in force: MonacoView creates its editor with it. */
export function editorTheme(): EditorTheme {
  return editorThemeFor(paletteFor(setting, watchOs().matches));
}

/** Applies a theme setting to the page and to Monaco (its theme is global: every editor, now and later). */
export function applyTheme(theme: ThemeSetting): void {
  setting = theme;
  document.documentElement.dataset.theme = theme;
  monaco.editor.setTheme(editorTheme());
}

/** The OS's light/dark query, watched from its first use: the page's CSS follows the OS itself, Monaco only through this. */
function watchOs(): MediaQueryList {
  if (!osQuery) {
    osQuery = matchMedia(OS_PREFERS_LIGHT);
    osQuery.addEventListener('change', () => {
      if (setting === 'system') monaco.editor.setTheme(editorTheme());
    });
  }
  return osQuery;
}
