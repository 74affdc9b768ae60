// Composition root: app lifecycle, the app:// protocol, the window, and IPC wired to the core. Glue only.
import { app, BrowserWindow, dialog, ipcMain, Menu, type MenuItemConstructorOptions, nativeTheme, protocol, screen, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { channels, type Emit, eventChannels, type KeypostEvents } from '../shared/api';
import { isCommandId } from '../shared/shortcuts';
import { appMenuTemplate, menuPlatform, withClick, type MenuItemTemplate } from './core/shell/appMenu';
import { createCore, type Core } from './core/createCore';
import type { TransferFiles } from './core/collections/presetTransfer';
import { loadRendererFile } from './core/shell/rendererFiles';
import { KEYCHAIN_SERVICE } from './core/credentials/vault';
import { originDialog, type OriginAnswer, type OriginQuestion } from './core/credentials/originGate';
import { restoredBounds } from './core/shell/windowBounds';
import { testOverrides } from './core/shell/testOverrides';
import { hardenWebContents, limitPermissions } from './hardening';
import { windowOptions } from './window';
import type { CertificateFileRole } from '../shared/clientCertificates';

const APP_HOST = 'keypost';
const APP_ORIGIN = `app://${APP_HOST}`;
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '../dist/renderer');

// Test runs (tests/e2e/harness.ts, E2E_TARGET=electron) isolate their data and keychain entries; never when packaged.
const overrides = testOverrides(process.env, app.isPackaged);
if (overrides.userDataDir) app.setPath('userData', overrides.userDataDir);

// A standard, secure scheme gives the page a real origin: 'self' in the CSP and the IPC sender check mean it.
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
app.enableSandbox();

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

/** Built once the app is ready (userData is known then). */
let core: Core | undefined;

app.whenReady().then(() => {
  protocol.handle('app', async (request) => {
    const { host, pathname } = new URL(request.url);
    const file = host === APP_HOST ? await loadRendererFile(rendererRoot, pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { status: file.status, headers: file.headers });
  });
  limitPermissions(session.defaultSession, APP_ORIGIN);

  const emit: Emit = (event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannels[event], payload);
  };
  core = createCore({
    dataDir: app.getPath('userData'),
    openStoreFile: (options) => new ElectronStore<Record<string, unknown>>(options),
    keychainService: overrides.keychainService ?? KEYCHAIN_SERVICE,
    trustedOrigin: APP_ORIGIN,
    host: {
      emit,
      transferFiles: nativeFileDialogs,
      chooseSavePath: chooseBodySavePath,
      chooseUploadFile: () => openDialog({ properties: ['openFile'] }),
      chooseFolder: () => openDialog({ properties: ['openDirectory', 'createDirectory'] }),
      chooseCaFile: () => openDialog({ properties: ['openFile'], filters: caFiles }),
      openPath: (file) => shell.openPath(file),
      openExternal: (url) => shell.openExternal(url),
      confirmCredentialOrigin: askCredentialOrigin,
      resolveProxy: (url) => session.defaultSession.resolveProxy(url),
      chooseCertificateFile: (role) => openDialog({ properties: ['openFile'], filters: certificateFiles[role] }),
    },
  });
  const { dispatch, settings } = core;
  // Native menus, dialogs and the window's background follow the theme setting, as the page does.
  nativeTheme.themeSource = settings.get().theme;
  settings.onChange((current, changed) => {
    if (changed.includes('theme')) nativeTheme.themeSource = current.theme;
  });
  for (const channel of Object.values(channels)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(channel, args, event.senderFrame?.url));
  }

  const menu = appMenuTemplate({ platform: menuPlatform(process.platform), development: !app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(withClick(menu, onMenuClick) as MenuItemConstructorOptions[]));

  openWindow(settings);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(settings);
  });
});

// Over-limit response bodies live in temp files only while the app runs.
app.on('will-quit', () => void core?.close());

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// The page sees a key before the menu: Electron offers it to the menu's accelerators only when the page did not
// preventDefault it (WebContents::HandleKeyboardEvent), so a key the page handles never runs its command twice.
function onMenuClick(item: MenuItemTemplate): void {
  if (item.url !== undefined) return void core?.openMenuPage(item.url);
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!window || !isCommandId(item.command)) return;
  const payload: KeypostEvents['menuCommand'] = { command: item.command };
  window.webContents.send(eventChannels.menuCommand, payload);
}

function openWindow(settings: Core['settings']): void {
  const options = windowOptions(path.join(here, 'preload.cjs'), nativeTheme.shouldUseDarkColors);
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const min = { width: options.minWidth ?? 720, height: options.minHeight ?? 480 };
  const saved = restoredBounds(settings.get().windowBounds, workAreas, min);
  const window = new BrowserWindow(saved ? { ...options, x: saved.x, y: saved.y, width: saved.width, height: saved.height } : options);
  window.once('ready-to-show', () => {
    // maximize() also shows a hidden window (Windows, Linux), so it waits for the first paint like show().
    if (saved?.maximized) window.maximize();
    window.show();
  });
  // Normal (unmaximized) bounds, so a maximized window comes back maximized over the size it had before.
  const saveBounds = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    settings.update({ windowBounds: { ...window.getNormalBounds(), maximized: window.isMaximized() } });
  };
  let pending: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(pending);
    pending = setTimeout(saveBounds, 500);
  };
  // The page holds back unloading while a typed token is not in the keychain yet (holdUnloadWhileTyped, in
  // renderer/credentials/credentialActions.ts): ask before losing it.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Close without storing', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'A token you typed is not stored in your keychain yet.',
      detail: 'If you close now, it is lost. To keep it, choose Cancel, then press Send or save the preset: either stores it.',
    });
    if (choice === 0) event.preventDefault();
  });
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', () => {
    clearTimeout(pending);
    saveBounds();
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}

// Dialogs belong to the focused window when there is one, so they open on top of it.
async function saveDialog(options: Electron.SaveDialogOptions): Promise<string | null> {
  const owner = BrowserWindow.getFocusedWindow();
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function openDialog(options: Electron.OpenDialogOptions): Promise<string | null> {
  const owner = BrowserWindow.getFocusedWindow();
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

// Main's own question before a credential goes to an origin it is not bound to: a native dialog the page can neither
// answer nor skip (electron/core/credentials/originGate.ts words it and reads the button).
async function askCredentialOrigin(question: OriginQuestion): Promise<OriginAnswer> {
  const { options, answerOf } = originDialog(question);
  const owner = BrowserWindow.getFocusedWindow();
  const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  return answerOf(response);
}

const presetFiles = [{ name: 'Keypost presets', extensions: ['json'] }];
const foreignFiles = [{ name: 'OpenAPI or Postman', extensions: ['json', 'yaml', 'yml'] }];
// Company CA files come with many endings; the core reads whichever is chosen and refuses one that is not PEM.
const caFiles = [
  { name: 'CA certificates (PEM)', extensions: ['pem', 'crt', 'cer'] },
  { name: 'All files', extensions: ['*'] },
];
// A client certificate's files, one filter per role; the core checks what is chosen (network/clientCertificateFiles.ts).
const certificateFiles: Record<CertificateFileRole, Array<{ name: string; extensions: string[] }>> = {
  certificate: [{ name: 'Client certificate (PEM)', extensions: ['pem', 'crt', 'cer'] }, { name: 'All files', extensions: ['*'] }],
  key: [{ name: 'Private key (PEM)', extensions: ['pem', 'key'] }, { name: 'All files', extensions: ['*'] }],
  pkcs12: [{ name: 'Client certificate (PKCS#12)', extensions: ['p12', 'pfx'] }, { name: 'All files', extensions: ['*'] }],
};

const chooseBodySavePath = (suggestedName: string) => saveDialog({ defaultPath: suggestedName });

const nativeFileDialogs: TransferFiles = {
  chooseExportPath: (suggestedName) => saveDialog({ defaultPath: suggestedName, filters: presetFiles }),
  chooseImportPath: () => openDialog({ properties: ['openFile'], filters: presetFiles }),
  chooseForeignFile: () => openDialog({ properties: ['openFile'], filters: foreignFiles }),
};
