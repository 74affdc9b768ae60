// The one place that sets BrowserWindow options; security settings are checked by a unit test.
import type { BrowserWindowConstructorOptions } from 'electron';

/** The page's background (renderer/styles.css --bg), shown before its first paint and while it resizes. */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#1e1e1e' } as const;

/** dark: the colours the theme setting resolves to now (nativeTheme.shouldUseDarkColors). */
export function windowOptions(preloadPath: string, dark = true): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: 'Keypost',
    show: false,
    backgroundColor: dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click on a link opens nothing either (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
