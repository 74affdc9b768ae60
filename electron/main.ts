// Composition root: app lifecycle, the app:// protocol, the window, and IPC wired to the core. Glue only.
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { channels } from '../shared/api';
import { createDispatch } from './core/handlers';
import { loadRendererFile } from './core/rendererFiles';
import { createVault } from './core/vault';
import { windowOptions } from './window';

const APP_HOST = 'keypost';
const APP_ORIGIN = `app://${APP_HOST}`;
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '../dist/renderer');

// A standard, secure scheme gives the page a real origin: 'self' in the CSP and the IPC sender check mean it.
// Test runs (tests/e2e/harness.ts, E2E_TARGET=electron) isolate their data and keychain entries.
if (process.env.KEYPOST_USER_DATA_DIR) app.setPath('userData', process.env.KEYPOST_USER_DATA_DIR);
const keychainService = process.env.KEYPOST_KEYCHAIN_SERVICE || undefined;

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.whenReady().then(() => {
  protocol.handle('app', async (request) => {
    const { host, pathname } = new URL(request.url);
    const file = host === APP_HOST ? await loadRendererFile(rendererRoot, pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { status: file.status, headers: file.headers });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const dispatch = createDispatch({ vault: createVault(keychainService), trustedOrigin: APP_ORIGIN });
  for (const channel of Object.values(channels)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(channel, args, event.senderFrame?.url));
  }

  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

function openWindow(): void {
  const window = new BrowserWindow(windowOptions(path.join(here, 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}
