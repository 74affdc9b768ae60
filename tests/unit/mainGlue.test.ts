// The built main process (dist-electron/main.js), run as Node runs it with a recording stand-in for `electron`:
// what it registers, serves, opens and wires. Everything behind the stand-in is real (keychain, store, HTTP).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, eventChannels } from '../../shared/api';
import { type CollectionInfo, DEFAULT_PLACE } from '../../shared/collections';
import type { SendResult } from '../../shared/http';
import type { PresetSummary } from '../../shared/presets';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Result } from '../../shared/errors';
import { appMenuTemplate, menuItems, menuPlatform, type MenuItemTemplate } from '../../electron/core/shell/appMenu';
import { requestFileText } from '../../electron/core/collections/requestFile';
import { createVault } from '../../electron/core/credentials/vault';
import { WINDOW_BACKGROUND } from '../../electron/window';
import packageJson from '../../package.json' with { type: 'json' };
import { builtGlue } from '../fixtures/builtGlue';
import { createElectronStandIn, loadAsNode, installElectronStandIn, ipcEvent, type ElectronStandIn, type StandInWindow } from '../fixtures/electronStandIn';
import { startProxy } from '../fixtures/proxyServers';
import { makeTestPki } from '../fixtures/testCertificates';
import { startTestServer, type TestServer } from '../fixtures/testServer';
import { jsonDocument, sendCall } from '../fixtures/sendJson';

const built = path.resolve('dist-electron');
const FROM_APP = 'app://keypost/index.html';
const keychainService = `Keypost-unit-glue-${process.pid}`;
let electron: ElectronStandIn;
let userDataDir: string;
let server: TestServer;

beforeAll(async () => {
  // Missing, or older than the sources: stop with a sentence saying to build, rather than test an older main.
  builtGlue('main.js');
  builtGlue('preload.cjs');
  userDataDir = await mkdtemp(path.join(tmpdir(), 'keypost-glue-'));
  process.env.KEYPOST_USER_DATA_DIR = userDataDir;
  process.env.KEYPOST_KEYCHAIN_SERVICE = keychainService;
  electron = createElectronStandIn({ userData: await mkdtemp(path.join(tmpdir(), 'keypost-glue-default-')) });
  installElectronStandIn(electron);
  loadAsNode(path.join(built, 'main.js'));
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  const vault = createVault(keychainService);
  const accounts = await vault.list();
  if (accounts.ok) for (const account of accounts.value) await vault.delete(account);
});

/** The page calling window.keypost.<name>(...args), as it reaches ipcMain.handle. */
async function invoke<T>(name: keyof typeof channels, args: unknown[], senderUrl: string | null = FROM_APP): Promise<Result<T>> {
  const handler = electron.ipcMain.handlers.get(channels[name]);
  if (!handler) throw new Error(`no handler for ${name}`);
  return (await handler(ipcEvent(senderUrl), ...args)) as Result<T>;
}
const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const mainWindow = (): StandInWindow => electron.BrowserWindow.getAllWindows()[0]!;

describe('before the app is ready', () => {
  it('registers app:// as a standard, secure scheme and turns the sandbox on for every renderer', () => {
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(electron.app.sandboxEnabled).toBe(true);
  });

  it('uses the test data folder an unpackaged run is given', () => {
    expect(electron.app.setPathCalls).toEqual([['userData', userDataDir]]);
  });

  it('registers no IPC and opens no window until ready', () => {
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(electron.windows).toHaveLength(0);
  });
});

describe('when ready', () => {
  beforeAll(() => electron.ready());

  it('handles every channel of the API with ipcMain.handle, and no other', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.values(channels).sort());
    // electron-store's own synchronous listener (it answers with the user-data path and app version) is the only other.
    expect([...electron.ipcMain.listeners.keys()]).toEqual(['electron-store-get-data']);
  });

  it('routes a call with the sender frame URL: the app page is answered, any other sender or none is refused', async () => {
    expect(value(await invoke('listPresets', []))).toEqual([]);
    for (const sender of ['https://evil.example/index.html', 'app://other/index.html', null]) {
      const refused = await invoke('listPresets', [], sender);
      expect(refused.ok || refused.error.code).toBe('FORBIDDEN_SENDER');
    }
  });

  it('validates arguments before they reach the core', async () => {
    const result = await invoke('renamePreset', [42, { name: 'x' }]);
    expect(result.ok || result.error.code).toBe('INVALID_ARGUMENT');
  });

  it('serves the renderer over app://keypost with the CSP header, and 404 for any other host or a bad path', async () => {
    const handle = electron.protocol.handlers.get('app')!;
    const page = await handle(new Request('app://keypost/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<div id="root">');
    for (const url of ['app://evil/index.html', 'app://keypost/missing.js', 'app://keypost/%E0%A4%A', 'app://keypost/..%2f..%2fpackage.json']) {
      expect((await handle(new Request(url))).status).toBe(404);
    }
  });

  it('opens one window with the hardened options and the built preload, hidden until its first paint', () => {
    const window = mainWindow();
    expect(electron.windows).toHaveLength(1);
    // Stated here, not taken from windowOptions(): a changed option must fail this test, not move it along.
    expect(window.options).toMatchObject({ show: false, minWidth: 720, minHeight: 480, title: 'Keypost' });
    expect(window.options.webPreferences).toEqual({
      preload: path.join(built, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window.loadedUrl).toBe(FROM_APP);
    expect(window.visible).toBe(false);
    window.paint();
    expect(window.visible).toBe(true);
  });

  it('makes native menus and dialogs follow the theme setting: the OS at first, then each theme the page saves', async () => {
    expect(electron.nativeTheme.themeSource).toBe('system');
    // The OS is dark here: so is the window's background before the page paints.
    expect(mainWindow().options.backgroundColor).toBe(WINDOW_BACKGROUND.dark);
    for (const theme of ['light', 'dark', 'system'] as const) {
      expect(value(await invoke<{ theme: string }>('updateSettings', [{ theme }])).theme).toBe(theme);
      expect(electron.nativeTheme.themeSource).toBe(theme);
    }
  });

  it('refuses navigation, frames, redirects, webviews and new windows in every web contents', () => {
    const contents = mainWindow().webContents;
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, 'https://evil.example/');
      expect(prevented, event).toBe(true);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  // What the page's navigator.clipboard.readText(), Notification.permission and geolocation ask Electron: the check
  // handler answers the synchronous questions, the request handler the prompts (tests/e2e/security.spec.ts tries them
  // from the page under real Electron; in the Chromium harness the browser's permissions are Playwright's, not these).
  const REFUSED_PERMISSIONS = ['clipboard-read', 'notifications', 'geolocation', 'media', 'openExternal', 'fullscreen', 'midi', 'pointerLock'];

  it('grants only plain-text clipboard writes, and only to the app page', () => {
    const { checkHandler } = electron.session.defaultSession;
    expect(checkHandler?.({}, 'clipboard-sanitized-write', 'app://keypost')).toBe(true);
    for (const permission of REFUSED_PERMISSIONS) expect(checkHandler?.({}, permission, 'app://keypost'), permission).toBe(false);
    expect(checkHandler?.({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });

  it('answers a permission request the same way: only the app page’s clipboard write is granted, everything else refused', () => {
    const { requestHandler } = electron.session.defaultSession;
    const answer = (permission: string, requestingUrl: string) => {
      const answers: boolean[] = [];
      requestHandler!({}, permission, (granted) => answers.push(granted), { requestingUrl });
      return answers;
    };
    expect(answer('clipboard-sanitized-write', FROM_APP)).toEqual([true]);
    for (const permission of REFUSED_PERMISSIONS) {
      expect(answer(permission, FROM_APP), permission).toEqual([false]);
    }
    expect(answer('clipboard-sanitized-write', 'https://evil.example/page')).toEqual([false]);
    expect(answer('clipboard-sanitized-write', 'app://other/index.html')).toEqual([false]);
  });
});

describe('the application menu', () => {
  const setMenu = () => electron.Menu.applicationMenu!.template as MenuItemTemplate[];
  const item = (match: (candidate: MenuItemTemplate) => boolean) => [...menuItems(setMenu())].find(match)!;
  const menuEvents = () => mainWindow().webContents.sent.filter(([channel]) => channel === eventChannels.menuCommand);

  it('is set once ready, from the template for this platform (developer tools included: the run is unpackaged)', () => {
    // Click handlers are functions: compare the data.
    const data = (template: unknown) => JSON.parse(JSON.stringify(template));
    expect(data(setMenu())).toEqual(data(appMenuTemplate({ platform: menuPlatform(process.platform), development: true })));
    expect([...menuItems(setMenu())].some((candidate) => candidate.role === 'toggleDevTools')).toBe(true);
  });

  it('sends a clicked command to the focused window as a menuCommand event, and ignores a command it does not know', () => {
    mainWindow().focus();
    const newTab = item((candidate) => candidate.command === 'newTab');
    newTab.click!(newTab);
    expect(menuEvents().at(-1)).toEqual([eventChannels.menuCommand, { command: 'newTab' }]);
    const before = menuEvents().length;
    newTab.click!({ ...newTab, command: 'rm -rf' as 'newTab' });
    expect(menuEvents()).toHaveLength(before);
  });

  it('sends a command to the first window when no Keypost window has the focus', () => {
    mainWindow().blur();
    const closeTab = item((candidate) => candidate.command === 'closeTab');
    closeTab.click!(closeTab);
    expect(menuEvents().at(-1)).toEqual([eventChannels.menuCommand, { command: 'closeTab' }]);
  });

  it('offers no Report a problem while package.json names no repository, and opens no address a click carries', async () => {
    // With a repository named, the item and its one page: mainGlue.reportProblem.test.ts (a build with one named).
    expect((packageJson as { repository?: unknown }).repository, 'package.json names a repository now: see mainGlue.reportProblem.test.ts').toBeUndefined();
    expect([...menuItems(setMenu())].filter((candidate) => candidate.url !== undefined)).toEqual([]);
    // Any item's click is main's one handler: hand it addresses, the likeliest issue pages among them.
    const newTab = item((candidate) => candidate.command === 'newTab');
    for (const url of ['https://evil.example/', 'https://github.com/keypost/keypost/issues', 'file:///etc/passwd', '', 'null']) {
      newTab.click!({ ...newTab, url });
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(electron.shell.openedExternal).toEqual([]);
    expect(menuEvents().some(([, payload]) => JSON.stringify(payload).includes('evil'))).toBe(false);
  });
});

describe('native dialogs and the shell', () => {
  beforeAll(async () => {
    mainWindow().focus();
    value(await invoke('setToken', ['default', 'glue-token']));
  });

  it('exports through a save dialog on the focused window, filtered to JSON, and writes where the user chose', async () => {
    value(await invoke('createPreset', [{ name: 'glue', request: jsonDocument({ url: `${server.url}/echo`, body: '{}' }) }, DEFAULT_PLACE]));
    const [preset] = value(await invoke<Array<{ id: string }>>('listPresets', []));
    const target = path.join(userDataDir, 'chosen-export.json');
    electron.dialog.saveAnswer = { canceled: false, filePath: target };
    expect(value(await invoke('exportPresets', [[preset!.id]]))).toEqual({ path: target, count: 1 });
    expect(electron.dialog.calls.at(-1)).toEqual({
      kind: 'save',
      owner: mainWindow(),
      options: { defaultPath: 'keypost-presets.json', filters: [{ name: 'Keypost presets', extensions: ['json'] }] },
    });
    expect(JSON.parse(await readFile(target, 'utf8'))).toMatchObject({ format: 'keypost-presets', presets: [{ name: 'glue' }] });

    electron.dialog.saveAnswer = { canceled: true, filePath: '' };
    expect(value(await invoke('exportPresets', [[preset!.id]]))).toBeNull();
  });

  it('imports through an open dialog for one JSON file, and a cancelled dialog imports nothing', async () => {
    const source = path.join(userDataDir, 'chosen-import.json');
    const draft = { name: 'imported', request: jsonDocument({ url: 'https://api.example/x', method: 'GET', body: '' }) };
    await writeFile(source, JSON.stringify({ format: 'keypost-presets', version: 2, exportedAt: new Date().toISOString(), presets: [draft] }));
    electron.dialog.openAnswer = { canceled: false, filePaths: [source] };
    expect(value(await invoke('readImportFile', []))).toMatchObject({ fileName: 'chosen-import.json', presets: [draft] });
    expect(electron.dialog.calls.at(-1)).toMatchObject({
      kind: 'open',
      options: { properties: ['openFile'], filters: [{ name: 'Keypost presets', extensions: ['json'] }] },
    });
    electron.dialog.openAnswer = { canceled: true, filePaths: [] };
    expect(value(await invoke('readImportFile', []))).toBeNull();
  });

  it('imports an API through an open dialog for JSON or YAML, and a cancelled dialog imports nothing', async () => {
    const source = path.join(userDataDir, 'tiny-api.yaml');
    await writeFile(source, 'openapi: 3.1.0\ninfo:\n  title: Tiny\n  version: "1"\npaths:\n  /ping:\n    get:\n      summary: Ping\n      responses:\n        "200":\n          description: ok\n');
    electron.dialog.openAnswer = { canceled: false, filePaths: [source] };
    expect(value(await invoke('readForeignFile', []))).toMatchObject({ kind: 'openapi', title: 'Tiny', source: 'tiny-api.yaml', requestCount: 1 });
    expect(electron.dialog.calls.at(-1)).toMatchObject({
      kind: 'open',
      options: { properties: ['openFile'], filters: [{ name: 'OpenAPI or Postman', extensions: ['json', 'yaml', 'yml'] }] },
    });
    electron.dialog.openAnswer = { canceled: true, filePaths: [] };
    expect(value(await invoke('readForeignFile', []))).toBeNull();
  });

  it('chooses a CA file through an open dialog for PEM certificates, and a cancelled dialog changes nothing', async () => {
    const { caFile } = makeTestPki();
    electron.dialog.openAnswer = { canceled: false, filePaths: [caFile] };
    expect(value(await invoke('chooseCaFile', []))).toMatchObject({ caFile });
    expect(electron.dialog.calls.at(-1)).toMatchObject({
      kind: 'open',
      options: { properties: ['openFile'], filters: [{ name: 'CA certificates (PEM)', extensions: ['pem', 'crt', 'cer'] }, { name: 'All files', extensions: ['*'] }] },
    });
    electron.dialog.openAnswer = { canceled: true, filePaths: [] };
    expect(value(await invoke('chooseCaFile', []))).toBeNull();
    value(await invoke('updateSettings', [{ caFile: null }]));
  });

  it('chooses a client certificate file through an open dialog filtered for its kind, checked there, and a cancelled dialog answers null', async () => {
    const pki = makeTestPki();
    electron.dialog.openAnswer = { canceled: false, filePaths: [pki.caFile] };
    expect(value(await invoke('chooseCertificateFile', ['certificate']))).toBe(pki.caFile);
    expect(electron.dialog.calls.at(-1)).toMatchObject({
      kind: 'open',
      options: { properties: ['openFile'], filters: [{ name: 'Client certificate (PEM)', extensions: ['pem', 'crt', 'cer'] }, { name: 'All files', extensions: ['*'] }] },
    });
    // A PEM file offered as PKCS#12 is refused in words.
    const refused = await invoke('chooseCertificateFile', ['pkcs12']);
    expect(refused).toMatchObject({ ok: false, error: { message: `${pki.caFile} is a PEM file, not PKCS#12.` } });
    expect(electron.dialog.calls.at(-1)).toMatchObject({ options: { filters: [{ name: 'Client certificate (PKCS#12)', extensions: ['p12', 'pfx'] }, { name: 'All files', extensions: ['*'] }] } });
    electron.dialog.openAnswer = { canceled: true, filePaths: [] };
    expect(value(await invoke('chooseCertificateFile', ['key']))).toBeNull();
    expect(electron.dialog.calls.at(-1)).toMatchObject({ options: { filters: [{ name: 'Private key (PEM)', extensions: ['pem', 'key'] }, { name: 'All files', extensions: ['*'] }] } });
  });

  it('picks a file to upload through an open dialog without a filter, and answers only its path', async () => {
    electron.dialog.openAnswer = { canceled: false, filePaths: [path.join(userDataDir, 'upload.bin')] };
    expect(value(await invoke('chooseUploadFile', []))).toBe(path.join(userDataDir, 'upload.bin'));
    expect(electron.dialog.calls.at(-1)).toEqual({ kind: 'open', owner: mainWindow(), options: { properties: ['openFile'] } });
    electron.dialog.openAnswer = { canceled: true, filePaths: [] };
    expect(value(await invoke('chooseUploadFile', []))).toBeNull();
    // Not cancelled, yet no file chosen: nothing to upload either.
    electron.dialog.openAnswer = { canceled: false, filePaths: [] };
    expect(value(await invoke('chooseUploadFile', []))).toBeNull();
    electron.dialog.openAnswer = { canceled: true, filePaths: [] };
  });

  it('opens a collection folder picked in a folder dialog (which may make a new folder), and a cancelled dialog opens none', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'keypost-glue-collection-'));
    const request = jsonDocument({ url: 'https://api.example/ping', method: 'GET', body: '' });
    await writeFile(path.join(folder, 'Ping.request.yaml'), requestFileText({ id: null, name: 'Ping', request }));
    electron.dialog.openAnswer = { canceled: false, filePaths: [folder] };
    const opened = value(await invoke<CollectionInfo | null>('openCollection', []))!;
    expect(opened).toMatchObject({ name: path.basename(folder), path: folder, state: 'ok' });
    expect(electron.dialog.calls.at(-1)).toEqual({ kind: 'open', owner: mainWindow(), options: { properties: ['openDirectory', 'createDirectory'] } });
    const listed = value(await invoke<PresetSummary[]>('listPresets', []));
    expect(listed.filter((preset) => preset.collection === opened.id).map((preset) => preset.name)).toEqual(['Ping']);
    // Closed again: its watcher stops, and the next start does not open it.
    value(await invoke('closeCollection', [opened.id]));
    electron.dialog.openAnswer = { canceled: true, filePaths: [] };
    expect(value(await invoke('openCollection', []))).toBeNull();
    expect(value(await invoke<CollectionInfo[]>('listCollections', [])).map((collection) => collection.path)).not.toContain(folder);
  });

  it('saves a response body where the save dialog points, suggesting a name', async () => {
    const sent = value(await invoke<SendResult>('send', [sendCall({ requestId: 'glue-1', url: `${server.url}/echo`, body: '{"a":1}' })]));
    expect(sent.status).toBe(200);
    const target = path.join(userDataDir, 'chosen-body.json');
    electron.dialog.saveAnswer = { canceled: false, filePath: target };
    expect(value(await invoke('saveBody', ['glue-1']))).toMatchObject({ path: target });
    expect(electron.dialog.calls.at(-1)?.options.defaultPath).toMatch(/\.json$/);
    expect(JSON.parse(await readFile(target, 'utf8'))).toMatchObject({ method: 'POST' });
  });

  it('opens each dialog without an owner window when no Keypost window has the focus, and still uses the answer', async () => {
    mainWindow().blur();
    try {
      const [preset] = value(await invoke<Array<{ id: string }>>('listPresets', []));
      const exportTarget = path.join(userDataDir, 'unowned-export.json');
      electron.dialog.saveAnswer = { canceled: false, filePath: exportTarget };
      expect(value(await invoke('exportPresets', [[preset!.id]]))).toEqual({ path: exportTarget, count: 1 });
      expect(electron.dialog.calls.at(-1)).toMatchObject({ kind: 'save', owner: null, options: { defaultPath: 'keypost-presets.json' } });

      const bodyTarget = path.join(userDataDir, 'unowned-body.json');
      electron.dialog.saveAnswer = { canceled: false, filePath: bodyTarget };
      expect(value(await invoke('saveBody', ['glue-1']))).toMatchObject({ path: bodyTarget });
      expect(electron.dialog.calls.at(-1)).toMatchObject({ kind: 'save', owner: null });

      electron.dialog.openAnswer = { canceled: false, filePaths: [exportTarget] };
      expect(value(await invoke('readImportFile', []))).toMatchObject({ fileName: 'unowned-export.json', presets: [{ name: 'glue' }] });
      expect(electron.dialog.calls.at(-1)).toMatchObject({ kind: 'open', owner: null, options: { properties: ['openFile'] } });

      electron.dialog.openAnswer = { canceled: false, filePaths: [path.join(userDataDir, 'upload.bin')] };
      expect(value(await invoke('chooseUploadFile', []))).toBe(path.join(userDataDir, 'upload.bin'));
      expect(electron.dialog.calls.at(-1)).toEqual({ kind: 'open', owner: null, options: { properties: ['openFile'] } });
    } finally {
      electron.dialog.saveAnswer = { canceled: true, filePath: '' };
      electron.dialog.openAnswer = { canceled: true, filePaths: [] };
      mainWindow().focus();
    }
  });

  it('asks in a native dialog on the focused window before a credential goes to another origin, and sends only on the user’s word', async () => {
    const other = await startTestServer();
    const origin = new URL(other.url).origin;
    const sendTo = (requestId: string) => invoke<SendResult>('send', [sendCall({ requestId, url: `${other.url}/echo` })]);
    try {
      value(await invoke<SendResult>('send', [sendCall({ requestId: 'glue-bound', url: `${server.url}/echo` })]));
      // Escape (the dialog's cancelId): nothing reaches the other server.
      electron.dialog.messageBoxAnswer = null;
      expect(await sendTo('glue-origin-1')).toMatchObject({
        ok: false,
        error: { code: 'ORIGIN_NOT_ALLOWED', message: expect.stringContaining(`you cancelled sending it to ${origin}`) },
      });
      expect(other.received).toHaveLength(0);
      expect(electron.dialog.calls.at(-1)).toMatchObject({
        kind: 'messageBox',
        owner: mainWindow(),
        options: { type: 'warning', message: `Send the credential “default” to ${origin}?`, buttons: ['Send once', 'Allow always', 'Cancel'], defaultId: 2, cancelId: 2 },
      });
      // Send once: it goes, and the next send asks again.
      electron.dialog.messageBoxAnswer = 0;
      expect(value(await sendTo('glue-origin-2')).status).toBe(200);
      expect(other.received.at(-1)?.headers.authorization).toBe('Bearer glue-token');
      // Allow always, with no Keypost window focused: a dialog without an owner, and the origin is added.
      mainWindow().blur();
      electron.dialog.messageBoxAnswer = 1;
      expect(value(await sendTo('glue-origin-3')).status).toBe(200);
      expect(electron.dialog.calls.at(-1)).toMatchObject({ kind: 'messageBox', owner: null });
      const asked = electron.dialog.calls.length;
      expect(value(await sendTo('glue-origin-4')).status).toBe(200);
      expect(electron.dialog.calls).toHaveLength(asked);
      const listed = value(await invoke<Array<{ name: string; origins: string[] | null }>>('listCredentials', []));
      expect(listed.find((credential) => credential.name === 'default')?.origins).toEqual([new URL(server.url).origin, origin]);
    } finally {
      electron.dialog.messageBoxAnswer = null;
      mainWindow().focus();
      await other.close();
    }
  });

  it('asks Chromium which proxy carries each send (the System setting) and sends through the one it names', async () => {
    const proxy = await startProxy();
    const { defaultSession } = electron.session;
    try {
      defaultSession.proxyAnswer = `PROXY ${new URL(proxy.url).host}; DIRECT`;
      const sent = value(await invoke<SendResult>('send', [sendCall({ requestId: 'glue-proxy-1', url: `${server.url}/echo` })]));
      expect(defaultSession.resolveProxyCalls.at(-1)).toBe(`${server.url}/echo`);
      expect(sent.proxy).toBe(new URL(proxy.url).host);
      expect(proxy.connects.map(({ target }) => target)).toEqual([new URL(server.url).host]);
      defaultSession.proxyAnswer = 'DIRECT';
      expect(value(await invoke<SendResult>('send', [sendCall({ requestId: 'glue-proxy-2', url: `${server.url}/echo` })])).proxy).toBeUndefined();
      expect(proxy.connects).toHaveLength(1);
    } finally {
      defaultSession.proxyAnswer = 'DIRECT';
      await proxy.close();
    }
  });

  it('hands an over-limit body to shell.openPath, and tells the window how the download went', async () => {
    const request = sendCall({ requestId: 'glue-big', url: `${server.url}/big?bytes=${3 * 1024 * 1024}`, method: 'GET', body: '', timeoutMs: 10_000, maxBodyBytes: 1024 * 1024 });
    const sent = value(await invoke<SendResult>('send', [request]));
    expect(sent.savedFile?.path).toBeTruthy();
    expect(value(await invoke('openBody', ['glue-big']))).toBe(true);
    expect(electron.shell.opened).toEqual([sent.savedFile!.path]);
    const progress = mainWindow().webContents.sent.filter(([channel]) => channel === eventChannels.sendProgress);
    expect(progress.at(-1)?.[1]).toMatchObject({ requestId: 'glue-big', receivedBytes: sent.savedFile!.sizeBytes });
  });
});

describe('window bounds and lifecycle', () => {
  it('asks before a close would lose a typed token the page holds back, and closes only on the user’s word', () => {
    const window = mainWindow();
    const tryClose = (answer: number) => {
      electron.dialog.messageAnswer = answer;
      let closes = false;
      window.webContents.emit('will-prevent-unload', { preventDefault: () => void (closes = true) });
      return { closes, asked: electron.dialog.calls.at(-1)! };
    };
    const cancelled = tryClose(1);
    expect(cancelled.closes).toBe(false);
    expect(cancelled.asked).toMatchObject({ kind: 'message', owner: window, options: { message: expect.stringContaining('token'), cancelId: 1 } });
    expect(tryClose(0).closes).toBe(true);
  });

  it('saves the bounds on close, quits when the last window closes (not on macOS), and reopens maximized over them', async () => {
    const window = mainWindow();
    window.setBounds({ x: 40, y: 30, width: 1000, height: 700 });
    window.maximize();
    window.close();
    expect(electron.app.quitCalls).toBe(process.platform === 'darwin' ? 0 : 1);
    const saved = JSON.parse(await readFile(path.join(userDataDir, 'keypost-settings.json'), 'utf8'));
    expect(saved.windowBounds).toEqual({ x: 40, y: 30, width: 1000, height: 700, maximized: true });

    // The OS has turned light meanwhile, and the theme follows it: the new window starts light.
    electron.nativeTheme.osDark = false;
    electron.app.emit('activate');
    electron.nativeTheme.osDark = true;
    const reopened = mainWindow();
    expect(reopened).not.toBe(window);
    expect(reopened.options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700, backgroundColor: WINDOW_BACKGROUND.light });
    // maximize() shows a hidden window on Windows and Linux: it must wait for the first paint, like show().
    expect(reopened.visible).toBe(false);
    reopened.paint();
    expect(reopened).toMatchObject({ maximized: true, visible: true, shownBeforeReady: false });
  });

  it('saves the bounds half a second after a resize, and keeps the last ones while the window is minimized', async () => {
    const savedBounds = async () => JSON.parse(await readFile(path.join(userDataDir, 'keypost-settings.json'), 'utf8')).windowBounds;
    const window = mainWindow();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      window.setBounds({ x: 60, y: 50, width: 900, height: 650 });
      vi.advanceTimersByTime(499);
      expect(await savedBounds()).toEqual({ x: 40, y: 30, width: 1000, height: 700, maximized: true });
      vi.advanceTimersByTime(1);
      expect(await savedBounds()).toEqual({ x: 60, y: 50, width: 900, height: 650, maximized: true });

      // A minimized window's bounds are not the ones to come back to: neither a resize nor the close saves them.
      window.minimize();
      window.setBounds({ x: 0, y: 0, width: 160, height: 28 });
      vi.advanceTimersByTime(500);
      window.close();
      expect(await savedBounds()).toEqual({ x: 60, y: 50, width: 900, height: 650, maximized: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('removes over-limit body files when the app quits', async () => {
    const sent = value(await invoke<SendResult>('send', [sendCall({ requestId: 'glue-quit', url: `${server.url}/big?bytes=${2 * 1024 * 1024}`, method: 'GET', body: '', timeoutMs: 10_000, maxBodyBytes: 1024 * 1024 })]));
    expect(existsSync(sent.savedFile!.path)).toBe(true);
    electron.app.emit('will-quit');
    expect(existsSync(sent.savedFile!.path)).toBe(false);
  });
});
