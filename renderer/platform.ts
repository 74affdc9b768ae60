// The OS the page runs on, named as shared/shortcuts.ts names platforms (for keys and how they read).
import type { Platform } from '../shared/shortcuts';

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

export const platform: Platform = isMac ? 'darwin' : /Win/.test(navigator.platform) ? 'win32' : 'linux';
