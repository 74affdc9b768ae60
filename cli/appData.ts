// The app's data folder as the runner reads it (read-only): where the desktop app keeps the OAuth 2.0 settings
// (keypost-oauth.json) and where each credential may be sent (keypost-credential-origins.json). A run gets a copy in
// memory: what it binds or refreshes is forgotten when it ends, and the app's files are never written.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { StoreBackend } from '../electron/core/storeFiles';

/** Electron's userData for the app named Keypost (electron/main.ts), or KEYPOST_USER_DATA_DIR when set (the folder the
 *  app's test runs use, and a way to point the runner at a copied data folder). */
export function appDataFolder(variables: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (variables.KEYPOST_USER_DATA_DIR) return variables.KEYPOST_USER_DATA_DIR;
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Keypost');
  if (platform === 'win32') return path.join(variables.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Keypost');
  return path.join(variables.XDG_CONFIG_HOME || path.join(home, '.config'), 'Keypost');
}

/** The store file `<name>.json` of the data folder, copied into memory; empty when there is none (a CI machine) or it
 *  does not read as JSON (the app itself salvages such a file on its next start). */
export function appStoreCopy(dataDir: string | null, name: string): StoreBackend {
  const file = dataDir === null ? null : path.join(dataDir, `${name}.json`);
  let store: Record<string, unknown> = {};
  if (file !== null) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) store = parsed as Record<string, unknown>;
    } catch {
      // No file, or not JSON: the run starts with nothing from the app.
    }
  }
  return { path: `(memory: keypost run writes no files; read from ${file ?? 'nothing'})`, store };
}
