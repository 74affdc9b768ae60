// The IPC contract: one interface and one channel map (argument schemas: schemas.ts). The preload bridge, the
// main-process handlers and the E2E harness are all typed from here. It imports the models (request, http,
// credentials, presets, settings, transfer, workspace); none of them imports it. No runtime imports: the sandboxed preload bundles this file.
import type { AboutInfo } from './about';
import type { CheckCall, CredentialCheck } from './credentialCheck';
import type { CollectionChange, CollectionInfo, PresetPlace } from './collections';
import type { CredentialInfo, TokenStatus } from './credentials';
import type { Environment, EnvironmentsState } from './environments';
import type { OAuthConfig, OAuthSecrets, OAuthTokenState } from './oauth';
import type { Result } from './errors';
import type { BodyPart, ResponseHead, SavedBody, SendResult } from './http';
import type { HistoryEntry, HistoryList } from './history';
import type { Preset, PresetDraft, PresetSummary } from './presets';
import type { RequestDocument } from './request';
import type { RendererSettings } from './settings';
import type { StoreStatus } from './storeFile';
import type { ConflictChoice, ExportOutcome, ImportOutcome, ImportPreview } from './transfer';
import type { ForeignImportOutcome, ForeignPreview } from './foreignImport';
import type { CommandId } from './shortcuts';
import type { CookieEdit, CookieList, CookieRef } from './cookies';
import type { LoadedWorkspace, SavedWorkspace } from './workspace';
import type { CertificateFileRole, ClientCertificate, ClientCertificateDraft, SavedClientCertificates } from './clientCertificates';
import type { CollectionCaFile } from './collectionSettings';

/** One send: the request, and how main should treat it. */
export interface SendCall {
  /** Chosen by the renderer so it can cancel this request later. */
  requestId: string;
  request: RequestDocument;
  timeoutMs: number;
  /** Bodies larger than this (default 100 MB) go to a temp file instead of memory and the page. */
  maxBodyBytes?: number;
  /** Same-origin redirects to follow (the "redirects followed" setting, default 5); 0 shows the redirect response itself. */
  maxRedirects?: number;
  /** The collection the tab's request is saved in: its cookie jar is used. A new, unsaved request uses the default collection's. */
  collectionId?: string;
}

export interface KeypostApi {
  send(call: SendCall): Promise<Result<SendResult>>;
  cancel(requestId: string): Promise<Result<boolean>>;
  /** The Check action: the credential sent to a URL, and what came of it (credentialCheck.ts). */
  checkCredential(call: CheckCall): Promise<Result<CredentialCheck>>;
  setToken(credential: string, token: string): Promise<Result<void>>;
  tokenStatus(credential: string): Promise<Result<TokenStatus>>;
  revealToken(credential: string): Promise<Result<string>>;
  deleteToken(credential: string): Promise<Result<boolean>>;
  /** Saves the last response body of this request where the user picks (main asks); null when cancelled. */
  saveBody(requestId: string): Promise<Result<SavedBody | null>>;
  /** A part of the body from byte `offset`, at most maxBytes. While the body arrives, it answers once there is at
   *  least one byte past `offset` (or the body has ended): the page reads it as it comes. */
  readBody(requestId: string, offset: number, maxBytes: number): Promise<Result<BodyPart>>;
  /** Opens a body that went to a temp file (over the size limit) in the OS's app for its type; fails for a body in memory. */
  openBody(requestId: string): Promise<Result<boolean>>;
  /** Main's open dialog for a file to send in a multipart body: its path (the page never reads it), null when cancelled. */
  chooseUploadFile(): Promise<Result<string | null>>;

  // Presets, each a file in a collection (presetApi.ts): the store status is a startup notice, e.g. where a damaged
  // file was backed up or where presets moved.
  storeStatus(): Promise<Result<StoreStatus>>;
  listPresets(): Promise<Result<PresetSummary[]>>;
  getPreset(id: string): Promise<Result<Preset>>;
  createPreset(draft: PresetDraft, place: PresetPlace): Promise<Result<Preset>>;
  /** `basedOn`: the updatedAt of the version the tab's edits started from; a newer file on disk is a conflict (CHANGED_ON_DISK). */
  updatePreset(id: string, draft: PresetDraft, basedOn: number | null): Promise<Result<Preset>>;
  renamePreset(id: string, name: string): Promise<Result<PresetSummary>>;
  duplicatePreset(id: string): Promise<Result<PresetSummary>>;
  movePreset(id: string, place: PresetPlace): Promise<Result<PresetSummary>>;
  /** Answers the deleted preset, so the page can offer undo with restorePreset. */
  deletePreset(id: string): Promise<Result<Preset>>;
  restorePreset(preset: Preset): Promise<Result<PresetSummary>>;
  // Collections and their folders (presetApi.ts): folders on disk, several collections open, each watched.
  listCollections(): Promise<Result<CollectionInfo[]>>;
  /** Main asks for a folder (a git checkout, say) and opens it; null when the user cancelled. */
  openCollection(): Promise<Result<CollectionInfo | null>>;
  closeCollection(id: string): Promise<Result<void>>;
  createFolder(collection: string, folder: string): Promise<Result<void>>;
  /** Renames or moves a folder with what is in it; answers its new path. */
  moveFolder(collection: string, folder: string, to: string): Promise<Result<string>>;
  /** Deletes the folder's requests, then the folder unless something else is in it (never deleted). */
  deleteFolder(collection: string, folder: string): Promise<Result<{ removed: number; keptFiles: number }>>;
  getSettings(): Promise<Result<RendererSettings>>;
  updateSettings(patch: Partial<RendererSettings>): Promise<Result<RendererSettings>>;
  /** Main's file dialog for a CA file (PEM), read before it is saved: the settings with it, or null when cancelled. */
  chooseCaFile(): Promise<Result<RendererSettings | null>>;
  /** The manual proxy's password, kept in the keychain for the proxy (its user name is in the address); null forgets it. */
  setProxyPassword(password: string | null): Promise<Result<void>>;

  // Credentials (credentialApi.ts); add, replace and delete are setToken / deleteToken.
  listCredentials(): Promise<Result<CredentialInfo[]>>;
  renameCredential(from: string, to: string): Promise<Result<{ updatedPresets: number }>>;
  /** Adds an origin the credential may be sent to; main asks the user in its own dialog first. Answers the origins now. */
  allowCredentialOrigin(credential: string, origin: string): Promise<Result<string[]>>;
  /** Removes one; sending there again asks. Answers the origins now. */
  removeCredentialOrigin(credential: string, origin: string): Promise<Result<string[]>>;
  /** Makes `name` an OAuth 2.0 credential, or changes it (oauthApi.ts): settings to a file, the secrets given to the keychain. */
  saveOAuthCredential(name: string, config: OAuthConfig, secrets: OAuthSecrets): Promise<Result<void>>;
  /** Gets a token now: the browser sign-in (authorization code), a token request (client credentials) or a refresh. */
  signInOAuth(name: string): Promise<Result<OAuthTokenState>>;

  // Environments (environmentApi.ts): {{variables}} for requests; a secret variable's value goes to the keychain only.
  listEnvironments(): Promise<Result<EnvironmentsState>>;
  saveEnvironment(environment: Environment): Promise<Result<void>>;
  deleteEnvironment(id: string): Promise<Result<void>>;
  setActiveEnvironment(id: string | null): Promise<Result<void>>;
  /** Stores a secret variable's value in the keychain; null deletes it. */
  setEnvironmentSecret(environmentId: string, name: string, value: string | null): Promise<Result<void>>;

  // Export / import (presetTransfer.ts): main asks for the file; null when the user cancelled.
  exportPresets(ids: string[]): Promise<Result<ExportOutcome | null>>;
  readImportFile(): Promise<Result<ImportPreview | null>>;
  importPresets(presets: PresetDraft[], onConflict: ConflictChoice): Promise<Result<ImportOutcome>>;

  // Import of another tool's file, OpenAPI or Postman (electron/core/imports/): converted in main and kept there
  // (its secrets never come to the page) until the user imports it into a collection or drops it.
  /** Main's dialog picks the file; null when cancelled. */
  readForeignFile(): Promise<Result<ForeignPreview | null>>;
  /** Main fetches the document at an http(s) address the user typed. */
  readForeignUrl(url: string): Promise<Result<ForeignPreview>>;
  /** Writes the previewed import into the collection, in a new folder named after its title (importProgress events as it goes). */
  importForeign(id: string, collection: string): Promise<Result<ForeignImportOutcome>>;
  dropForeignImport(id: string): Promise<Result<void>>;
  /** The JSON schema of a saved request's body (an imported OpenAPI operation's), for the editor; null when it has none. */
  bodySchema(presetId: string): Promise<Result<Record<string, unknown> | null>>;

  // Open tabs (workspaceFile.ts): read once at start, saved as the user edits them.
  getWorkspace(): Promise<Result<LoadedWorkspace>>;
  saveWorkspace(workspace: SavedWorkspace): Promise<Result<void>>;

  // Request history (historyApi.ts, historyFile.ts): every answered send, recorded by main; the page lists and reopens.
  /** Newest first, those whose method, URL or status contains `filter` (any case); with a notice when the file had a problem. */
  listHistory(filter: string): Promise<Result<HistoryList>>;
  getHistoryEntry(id: string): Promise<Result<HistoryEntry>>;
  /** False when there was no such entry. */
  deleteHistoryEntry(id: string): Promise<Result<boolean>>;
  clearHistory(): Promise<Result<void>>;
  // Client certificates (network/clientCertificates.ts): files only through main's dialog, the passphrase to the keychain.
  /** Main's file dialog for a client certificate's file, checked for its role: its path, or null when cancelled. */
  chooseCertificateFile(role: CertificateFileRole): Promise<Result<string | null>>;
  /** Checks the files (and passphrase) and saves the entry; the passphrase goes to the keychain once (undefined keeps the stored one). */
  saveClientCertificate(draft: ClientCertificateDraft, passphrase?: string | null): Promise<Result<SavedClientCertificates>>;
  removeClientCertificate(id: string): Promise<Result<ClientCertificate[]>>;

  /** About Keypost (core/shell/about.ts): the versions of Keypost and of the runtime it runs on, and the licence. */
  getAbout(): Promise<Result<AboutInfo>>;

  // Cookies (electron/core/cookies/): one jar per collection, kept by main; the page sees a value only when it asks for it.
  /** The collection's cookies without their values, and where the jar is kept. */
  listCookies(collectionId: string): Promise<Result<CookieList>>;
  revealCookie(collectionId: string, cookie: CookieRef): Promise<Result<string>>;
  editCookie(collectionId: string, cookie: CookieRef, edit: CookieEdit): Promise<Result<void>>;
  /** False when it was no longer there. */
  deleteCookie(collectionId: string, cookie: CookieRef): Promise<Result<boolean>>;
  clearCookies(collectionId: string): Promise<Result<void>>;

  // Collection settings (electron/core/collections/collectionSettingsApi.ts): the collection's keypost.collection.yaml.
  /** The collection's CA file as written (relative to its folder), and why it cannot serve, if so. */
  getCollectionCaFile(collectionId: string): Promise<Result<CollectionCaFile>>;
  /** Main's file dialog; a file outside the collection folder is refused. Null: cancelled. */
  chooseCollectionCaFile(collectionId: string): Promise<Result<CollectionCaFile | null>>;
  removeCollectionCaFile(collectionId: string): Promise<Result<CollectionCaFile>>;
}

export type ApiName = keyof KeypostApi;

/** Events main pushes to the renderer (no reply). */
export interface KeypostEvents {
  sendProgress: { requestId: string; receivedBytes: number; totalBytes: number | null };
  /** A response's status and headers arrived; its body follows (readBody reads it as it arrives). */
  responseStarted: ResponseHead;
  /** A command chosen in the application menu (shared/shortcuts.ts), for the page to run as if its key were pressed. */
  menuCommand: { command: CommandId };
  /** Files in an open collection changed outside Keypost (a git pull, an editor). */
  collectionChanged: CollectionChange;
  /** The environments may have changed: files in a collection's environments/ folder changed outside Keypost, or a
   *  collection was opened or closed. The page lists them again. */
  environmentsChanged: Record<string, never>;
  /** How far an import of another tool's file (importForeign) has got: requests written of all. */
  importProgress: { id: string; done: number; total: number };
}
export type EventName = keyof KeypostEvents;
export type Emit = <E extends EventName>(event: E, payload: KeypostEvents[E]) => void;

export const eventChannels = {
  sendProgress: 'keypost:event:send-progress',
  responseStarted: 'keypost:event:response-started',
  menuCommand: 'keypost:event:menu-command',
  collectionChanged: 'keypost:event:collection-changed',
  environmentsChanged: 'keypost:event:environments-changed',
  importProgress: 'keypost:event:import-progress',
} as const satisfies Record<EventName, string>;

/** What window.keypost offers: the calls, plus a subscription to main's events. */
export interface KeypostBridge extends KeypostApi {
  on<E extends EventName>(event: E, listener: (payload: KeypostEvents[E]) => void): () => void;
}

export const channels = {
  send: 'keypost:send',
  cancel: 'keypost:cancel',
  checkCredential: 'keypost:check-credential',
  setToken: 'keypost:set-token',
  tokenStatus: 'keypost:token-status',
  revealToken: 'keypost:reveal-token',
  deleteToken: 'keypost:delete-token',
  saveBody: 'keypost:save-body',
  readBody: 'keypost:read-body',
  openBody: 'keypost:open-body',
  chooseUploadFile: 'keypost:choose-upload-file',
  storeStatus: 'keypost:store-status',
  listPresets: 'keypost:list-presets',
  getPreset: 'keypost:get-preset',
  createPreset: 'keypost:create-preset',
  updatePreset: 'keypost:update-preset',
  renamePreset: 'keypost:rename-preset',
  duplicatePreset: 'keypost:duplicate-preset',
  deletePreset: 'keypost:delete-preset',
  restorePreset: 'keypost:restore-preset',
  movePreset: 'keypost:move-preset',
  listCollections: 'keypost:list-collections',
  openCollection: 'keypost:open-collection',
  closeCollection: 'keypost:close-collection',
  createFolder: 'keypost:create-folder',
  moveFolder: 'keypost:move-folder',
  deleteFolder: 'keypost:delete-folder',
  getSettings: 'keypost:get-settings',
  updateSettings: 'keypost:update-settings',
  chooseCaFile: 'keypost:choose-ca-file',
  setProxyPassword: 'keypost:set-proxy-password',
  listCredentials: 'keypost:list-credentials',
  renameCredential: 'keypost:rename-credential',
  allowCredentialOrigin: 'keypost:allow-credential-origin',
  removeCredentialOrigin: 'keypost:remove-credential-origin',
  saveOAuthCredential: 'keypost:save-oauth-credential',
  signInOAuth: 'keypost:sign-in-oauth',
  listEnvironments: 'keypost:list-environments',
  saveEnvironment: 'keypost:save-environment',
  deleteEnvironment: 'keypost:delete-environment',
  setActiveEnvironment: 'keypost:set-active-environment',
  setEnvironmentSecret: 'keypost:set-environment-secret',
  exportPresets: 'keypost:export-presets',
  readImportFile: 'keypost:read-import-file',
  importPresets: 'keypost:import-presets',
  readForeignFile: 'keypost:read-foreign-file',
  readForeignUrl: 'keypost:read-foreign-url',
  importForeign: 'keypost:import-foreign',
  dropForeignImport: 'keypost:drop-foreign-import',
  bodySchema: 'keypost:body-schema',
  getWorkspace: 'keypost:get-workspace',
  saveWorkspace: 'keypost:save-workspace',
  getAbout: 'keypost:get-about',
  listHistory: 'keypost:list-history',
  getHistoryEntry: 'keypost:get-history-entry',
  deleteHistoryEntry: 'keypost:delete-history-entry',
  clearHistory: 'keypost:clear-history',
  chooseCertificateFile: 'keypost:choose-certificate-file',
  saveClientCertificate: 'keypost:save-client-certificate',
  removeClientCertificate: 'keypost:remove-client-certificate',
  listCookies: 'keypost:list-cookies',
  revealCookie: 'keypost:reveal-cookie',
  editCookie: 'keypost:edit-cookie',
  deleteCookie: 'keypost:delete-cookie',
  clearCookies: 'keypost:clear-cookies',
  getCollectionCaFile: 'keypost:get-collection-ca-file',
  chooseCollectionCaFile: 'keypost:choose-collection-ca-file',
  removeCollectionCaFile: 'keypost:remove-collection-ca-file',
} as const satisfies Record<ApiName, string>;
