// Where `keypost run` finds the desktop app's data folder (its OAuth settings and bound origins), on each platform.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDataFolder } from '../../cli/appData';

describe('the app data folder keypost run reads', () => {
  it('is Electron\'s userData for Keypost on each platform', () => {
    expect(appDataFolder({}, 'linux', '/home/ada')).toBe(path.join('/home/ada', '.config', 'Keypost'));
    expect(appDataFolder({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ada')).toBe(path.join('/cfg', 'Keypost'));
    expect(appDataFolder({}, 'darwin', '/Users/ada')).toBe(path.join('/Users/ada', 'Library', 'Application Support', 'Keypost'));
    expect(appDataFolder({ APPDATA: '/c/Users/ada/AppData/Roaming' }, 'win32', '/c/Users/ada')).toBe(path.join('/c/Users/ada/AppData/Roaming', 'Keypost'));
  });

  it('is KEYPOST_USER_DATA_DIR when set', () => {
    expect(appDataFolder({ KEYPOST_USER_DATA_DIR: '/tmp/copy' }, 'linux', '/home/ada')).toBe('/tmp/copy');
  });
});
