// The one composition of the core: the app's files, the keychain, the API and its IPC dispatch, built from a data
// folder, a store backend and the host's services. main.ts, the E2E harness and the integration tests all call it,
// so what the tests run is what ships.
import type { Emit, KeypostApi } from '../../shared/api';
import { fail, ok } from '../../shared/errors';
import { aboutKeypost, isAllowedExternalUrl } from './shell/about';
import { cachedVault } from './credentials/cachedVault';
import { createCredentialApi } from './credentials/credentialApi';
import { createEnvironmentApi } from './environments/environmentApi';
import { createEnvironments, ENVIRONMENTS_NAME, environmentsService } from './environments/environments';
import { createDispatch, type Dispatch } from './handlers';
import { createHistoryApi, recordingSends } from './history/historyApi';
import { createHistoryFile } from './history/historyFile';
import { closeAgents } from './send/httpAgents';
import { closeProxyAgents } from './network/proxyAgents';
import { createProxyPasswords, proxiesService } from './network/proxyPasswords';
import { createProxyRouter, type ResolveProxy } from './network/proxyRoutes';
import { clientCertificatesService, createClientCertificates, withClientCertificates } from './network/clientCertificates';
import type { CertificateFileRole } from '../../shared/clientCertificates';
import { createOAuthCredentials } from './credentials/oauth/oauthCredentials';
import { createOAuthApi } from './credentials/oauthApi';
import { createOAuthConfigs, OAUTH_CONFIG_NAME } from './credentials/oauthConfigFile';
import { createCollections, OPEN_COLLECTIONS_NAME } from './collections/collections';
import { createCredentialOrigins, CREDENTIAL_ORIGINS_NAME } from './credentials/credentialOriginsFile';
import { createOriginGate, type ConfirmCredentialOrigin } from './credentials/originGate';
import { createPresetApi } from './collections/presetApi';
import { legacySettings, STORE_NAME } from './collections/presetStoreFile';
import { storeOptions, type StoreBackend } from './storeFiles';
import { createTransferApi, type TransferFiles } from './collections/presetTransfer';
import { createImportApi } from './imports/importApi';
import { createResponseBodies } from './body/responseBodies';
import { removeSpooledBodies } from './body/responseBody';
import { createSaveBodyApi, type ChooseSavePath, type OpenFile } from './body/saveBodyApi';
import { createSendApi } from './send/sendApi';
import { createCapturedVariables } from './checks/capturedVariables';
import { createSettingsApi } from './settings/settingsApi';
import { createSettingsStore, SETTINGS_NAME, type SettingsStore } from './settings/settingsStore';
import { createTokenApi } from './credentials/tokenApi';
import { createVault, type Vault } from './credentials/vault';
import { createWorkspaceFile, WORKSPACE_NAME } from './workspace/workspaceFile';
import { createCookieJars } from './cookies/cookieJars';
import { cookiesService } from './cookies/cookieKey';
import { createCookieApi } from './cookies/cookieApi';
import { collectionTrustFor, createCollectionSettingsApi } from './collections/collectionSettingsApi';

/** What only the host can do: electron's dialogs, shell and windows in the app; stand-ins that a test controls. */
export interface HostServices {
  /** Pushes an event to the page (a response's head, body progress, a menu command). */
  emit: Emit;
  /** Where exports go and imports come from (null: the user cancelled). */
  transferFiles: TransferFiles;
  /** Where "Save…" writes a body. Without it, saveBody fails in words. */
  chooseSavePath?: ChooseSavePath;
  /** Picks a file to upload. Without it, chooseUploadFile fails in words. */
  chooseUploadFile?: () => Promise<string | null>;
  /** Opens a file in the OS's app for its type. Without it, openBody fails in words. */
  openPath?: OpenFile;
  /** Opens an address in the system browser; the core decides which addresses may go there. */
  openExternal?: (url: string) => Promise<void>;
  /** Picks a CA file (PEM) for Settings (null: cancelled). Without it, chooseCaFile fails in words. */
  chooseCaFile?: () => Promise<string | null>;
  /** Picks a folder to open as a collection (null: cancelled). Without it, openCollection fails in words. */
  chooseFolder?: () => Promise<string | null>;
  /** Asks the user, in the host's own dialog, whether a credential may go to an origin it is not bound to. Without it,
   *  such a send is refused in words (credentials/originGate.ts). */
  confirmCredentialOrigin?: ConfirmCredentialOrigin;
  /** The OS's proxy for a URL as Chromium resolves it (PAC syntax). Without it, the System proxy setting reads the
   *  environment's variables instead (network/proxyRoutes.ts). */
  resolveProxy?: ResolveProxy;
  /** Picks a client certificate's file (PEM certificate, PEM key or PKCS#12) for Settings (null: cancelled). Without
   *  it, chooseCertificateFile fails in words. */
  chooseCertificateFile?: (role: CertificateFileRole) => Promise<string | null>;
}

export interface CoreInputs {
  /** The folder of the app's files: Electron's userData in the app, a temp folder in tests. */
  dataDir: string;
  /** Opens one of those files: electron-store in the app, conf (the same class underneath) in Node. */
  openStoreFile: (options: ReturnType<typeof storeOptions>) => StoreBackend;
  /** The keychain service of the credentials ("Keypost"); secret variables use one beside it. A test's own in tests. */
  keychainService: string;
  /** The origin the page is served from: the only sender whose calls are answered. */
  trustedOrigin: string;
  host: HostServices;
  /** Opens the keychain under a service name; the real OS keychain unless a test counts its reads. */
  openVault?: (service: string) => Vault;
}

export interface Core {
  /** Every IPC call: sender check, argument validation, the API, a Result. */
  dispatch: Dispatch;
  settings: SettingsStore;
  /** Opens a menu item's page (the issue page) in the system browser, and no other address. */
  openMenuPage(url: string): Promise<void>;
  /** Resolves once every write the core has begun is on disk (history is appended after each send's answer). */
  flushed(): Promise<void>;
  /** Resolves once every open collection's folder is watched (tests change files only after). */
  watching(): Promise<void>;
  /** On quit: over-limit bodies' temp files removed (synchronously), pending writes finished, pooled connections and watchers closed. */
  close(): Promise<void>;
}

export function createCore({ dataDir, openStoreFile, keychainService, trustedOrigin, host, openVault = createVault }: CoreInputs): Core {
  const open = (name: string) => openStoreFile(storeOptions(dataDir, name));
  const presetsFile = open(STORE_NAME);
  // Before the presets store loads: a migration there rewrites its file without the settings older builds kept in it.
  const settings = createSettingsStore(open(SETTINGS_NAME), () => legacySettings(presetsFile));
  // After the settings: the presets of older builds move into the default collection, and their file goes aside.
  const collections = createCollections({ dataDir, presetsFile, openList: open(OPEN_COLLECTIONS_NAME), emit: host.emit });
  const store = collections.store;
  const oauthConfigs = createOAuthConfigs(open(OAUTH_CONFIG_NAME));
  const origins = createCredentialOrigins(open(CREDENTIAL_ORIGINS_NAME));
  const vault = cachedVault(openVault(keychainService));
  // Environments are files in the open collections (the default one's environments/ folder gets those of older
  // builds once); secret variables' values under a keychain service of their own, so they never show among the credentials.
  // What responses' captures keep lives in memory for this session only; {{name}} resolves with it first.
  const captured = createCapturedVariables();
  const environments = createEnvironments({
    captured,
    backend: open(ENVIRONMENTS_NAME),
    keychain: openVault(environmentsService(keychainService)),
    collections: () => store.collections().map(({ id, name, path }) => ({ id, name, path })),
  });
  const workspace = createWorkspaceFile(open(WORKSPACE_NAME));
  const history = createHistoryFile(dataDir);
  const bodies = createResponseBodies();
  // Every request (sends, checks, token requests) asks this which proxy carries it, under the current setting.
  const proxySetting = () => settings.get().proxy;
  const proxyPasswords = createProxyPasswords(cachedVault(openVault(proxiesService(keychainService))), proxySetting);
  const clientCertificates = createClientCertificates({
    vault: cachedVault(openVault(clientCertificatesService(keychainService))),
    entries: () => settings.get().clientCertificates,
    save: (clientCertificates) => settings.update({ clientCertificates }),
    chooseFile: host.chooseCertificateFile,
  });
  // ... and which client certificate it presents, if its host has one.
  const routeFor = withClientCertificates(
    createProxyRouter({ setting: proxySetting, env: process.env, resolveProxy: host.resolveProxy, authorizationFor: proxyPasswords.authorizationFor }),
    clientCertificates.certificateFor,
  );
  // One cookie jar per collection, sealed on disk with a key in the keychain's "… cookies" service, or in memory only.
  const cookieJars = createCookieJars({ dataDir, vault: openVault(cookiesService(keychainService)), storage: () => settings.get().cookieStorage });
  settings.onChange((_settings, changed) => {
    if (changed.includes('cookieStorage')) void cookieJars.storageChanged();
  });
  // The system browser gets two kinds of page only, each through its own door: the issue page from the menu, and the
  // sign-in page of an OAuth 2.0 credential set up here when its sign-in runs.
  const browserFor = (allowed: (url: string) => boolean) => async (url: string) => {
    if (host.openExternal && allowed(url)) await host.openExternal(url);
  };
  // One OAuthCredentials for the whole app: the send path and the credential calls share its tokens and refreshes.
  const deps = {
    ...host,
    vault,
    settings,
    store,
    collections,
    oauthConfigs,
    origins,
    originGate: createOriginGate(origins, host.confirmCredentialOrigin),
    environments,
    captured,
    history,
    bodies,
    files: host.transferFiles,
    openFile: host.openPath,
    routeFor,
    cookieJars,
    oauth: createOAuthCredentials({ vault, routeFor }),
    openBrowser: host.openExternal ? browserFor(oauthConfigs.isSignInUrl) : undefined,
    // A request of a collection also trusts the CA file its keypost.collection.yaml names.
    trustFor: collectionTrustFor(store),
  };
  const api: KeypostApi = {
    ...recordingSends(createSendApi(deps), deps),
    ...createHistoryApi(deps),
    ...createSaveBodyApi(deps),
    ...createTokenApi(deps),
    ...createPresetApi(deps),
    ...createSettingsApi(deps),
    ...createCredentialApi(deps),
    ...createOAuthApi(deps),
    ...createEnvironmentApi(deps),
    ...createTransferApi(deps),
    ...createImportApi(deps),
    chooseUploadFile: async () => (host.chooseUploadFile ? ok(await host.chooseUploadFile()) : fail('INTERNAL', 'Choosing files is not available here.')),
    getWorkspace: async () => ok(workspace.load()),
    saveWorkspace: async (saved) => workspace.save(saved),
    getAbout: async () => ok(aboutKeypost()),
    setProxyPassword: proxyPasswords.setProxyPassword,
    chooseCertificateFile: clientCertificates.chooseCertificateFile,
    saveClientCertificate: clientCertificates.saveClientCertificate,
    removeClientCertificate: clientCertificates.removeClientCertificate,
    ...createCookieApi(deps),
    ...createCollectionSettingsApi({ store, chooseCaFile: host.chooseCaFile, changed: () => host.emit('collectionChanged', { changed: [], removed: [] }) }),
  };
  return {
    dispatch: createDispatch(api, trustedOrigin),
    settings,
    openMenuPage: browserFor(isAllowedExternalUrl),
    flushed: async () => {
      await Promise.all([history.flushed(), cookieJars.flushed()]);
    },
    watching: () => collections.watching(),
    close: async () => {
      // At once, before the first await: a quitting process may not get back to this function.
      removeSpooledBodies();
      await Promise.all([history.flushed(), cookieJars.flushed(), closeAgents(), closeProxyAgents(), collections.stop()]);
    },
  };
}
