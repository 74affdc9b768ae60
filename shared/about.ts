// What About Keypost shows (main computes it: electron/core/shell/about.ts), and the plain text its Copy button copies.

export interface AboutInfo {
  name: string;
  version: string;
  /** null where the main-process code runs without Electron (the E2E harness runs it in plain Node). */
  electron: string | null;
  chrome: string | null;
  node: string;
  v8: string;
  license: string;
}

export const NOT_IN_ELECTRON = 'not running in Electron';

/** The rows About shows, in order: what each is called and its value. */
export const aboutRows = (about: AboutInfo): Array<{ id: 'version' | 'electron' | 'chrome' | 'node' | 'v8' | 'license'; label: string; value: string }> => [
  { id: 'version', label: about.name, value: about.version },
  { id: 'electron', label: 'Electron', value: about.electron ?? NOT_IN_ELECTRON },
  { id: 'chrome', label: 'Chromium', value: about.chrome ?? NOT_IN_ELECTRON },
  { id: 'node', label: 'Node.js', value: about.node },
  { id: 'v8', label: 'V8', value: about.v8 },
  { id: 'license', label: 'Licence', value: about.license },
];

/** One line per row, for a bug report. */
export const aboutText = (about: AboutInfo): string => aboutRows(about).map((row) => `${row.label}: ${row.value}`).join('\n');
