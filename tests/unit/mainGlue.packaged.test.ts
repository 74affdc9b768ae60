// A packaged app ignores the test-only environment variables: no variable can point a user's Keypost at
// another data folder or keychain service. (Its own file: main.js loads once per process, see electronStandIn.ts.)
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { channels } from '../../shared/api';
import type { TokenStatus } from '../../shared/credentials';
import type { Result } from '../../shared/errors';
import { Secret } from '../../electron/core/credentials/secret';
import { createVault } from '../../electron/core/credentials/vault';
import { builtGlue } from '../fixtures/builtGlue';
import { createElectronStandIn, installElectronStandIn, ipcEvent, loadAsNode, type ElectronStandIn } from '../fixtures/electronStandIn';

const testService = `Keypost-unit-glue-packaged-${process.pid}`;
let electron: ElectronStandIn;
let testDataDir: string;
let realDataDir: string;

beforeAll(async () => {
  testDataDir = await mkdtemp(path.join(tmpdir(), 'keypost-glue-test-data-'));
  realDataDir = await mkdtemp(path.join(tmpdir(), 'keypost-glue-user-data-'));
  process.env.KEYPOST_USER_DATA_DIR = testDataDir;
  process.env.KEYPOST_KEYCHAIN_SERVICE = testService;
  // A token only the test service holds: a packaged app must not see it.
  expect((await createVault(testService).set('default', new Secret('only-in-the-test-service'))).ok).toBe(true);
  electron = createElectronStandIn({ userData: realDataDir, isPackaged: true });
  installElectronStandIn(electron);
  loadAsNode(builtGlue('main.js'));
  await electron.ready();
});

afterAll(() => createVault(testService).delete('default'));

it('keeps the user-data folder Electron chose, whatever KEYPOST_USER_DATA_DIR says', () => {
  expect(electron.app.setPathCalls).toEqual([]);
  electron.windows[0]!.close(); // saves the window's bounds: the settings file is written
  expect(existsSync(path.join(realDataDir, 'keypost-settings.json'))).toBe(true);
  expect(existsSync(path.join(testDataDir, 'keypost-settings.json'))).toBe(false);
});

it('offers no developer tools in its menu', () => {
  const roles = JSON.stringify(electron.Menu.applicationMenu?.template).match(/"role":"\w+"/g) ?? [];
  expect(roles.length).toBeGreaterThan(0);
  expect(roles).not.toContain('"role":"toggleDevTools"');
});

it('reads tokens from the Keypost keychain service, whatever KEYPOST_KEYCHAIN_SERVICE says', async () => {
  const tokenStatus = electron.ipcMain.handlers.get(channels.tokenStatus)!;
  const status = (await tokenStatus(ipcEvent('app://keypost/index.html'), 'default')) as Result<TokenStatus>;
  expect(status).toEqual({ ok: true, value: { stored: false } });
});
