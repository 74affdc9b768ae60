// What the page does with credentials: list them, choose one, and the token field of the selected one (type, reveal,
// store on Send or Save); the credential manager's calls; a secret typed into a table moved into the keychain.
import { fail, ok, type Result } from '../../shared/errors';
import type { OAuthConfig } from '../../shared/oauth';
import { credentialOf, withCredential } from '../../shared/request';
import { checkUrl } from '../../shared/requestChecks';
import { credentialNameFor, movedToKeychain, type SecretRow } from '../../shared/secrets';
import { joinUrl } from '../../shared/urlQuery';
import type { KeypostApi } from '../../shared/api';
import { api } from '../api';
import { reportError } from '../notices/notices';
import { remember } from '../settings/settingsActions';
import { activeTab, editDraft } from '../workspace/workspace';
import { workspaceStore } from '../workspace/workspaceStore';
import { collectionOfTab } from '../cookies/tabCollection';
import { libraryStore } from '../presets/library';
import {
  credentialChosen,
  credentialsListed,
  credentialsStore,
  tokenHidden,
  tokenRevealed,
  tokenStatusArrived,
  tokenStored,
  tokenTargeted,
  tokenTyped,
} from './credentialsState';

/** The credential the token field is for: the active tab's, or (no auth) the one last chosen. */
export const selectedCredential = () => credentialOf(activeTab(workspaceStore.get()).draft) ?? credentialsStore.get().lastChosen;

export async function refreshCredentials(): Promise<void> {
  const listed = await api!.listCredentials();
  if (listed.ok) credentialsStore.update((state) => credentialsListed(state, listed.value));
  else reportError(listed.error);
}

/** Re-reads whether the keychain holds a token for the field's credential. */
export async function refreshTokenStatus(): Promise<void> {
  const { credential } = credentialsStore.get().token;
  const status = await api!.tokenStatus(credential);
  if (status.ok) credentialsStore.update((state) => tokenStatusArrived(state, credential, status.value));
  else reportError(status.error);
}

/** The token field follows the active tab's credential (a tab switched, a preset opened, a credential chosen). */
export function followSelectedCredential(): () => void {
  const follow = () => {
    const credential = selectedCredential();
    if (credentialsStore.get().token.credential === credential) return;
    credentialsStore.update((state) => tokenTargeted(state, credential));
    void refreshTokenStatus();
  };
  const stops = [workspaceStore.subscribe(follow), credentialsStore.subscribe(follow)];
  credentialsStore.update((state) => tokenTargeted(state, selectedCredential()));
  void refreshTokenStatus();
  return () => stops.forEach((stop) => stop());
}

/** Closing the window would drop a typed token not in the keychain yet: the page holds the unload back and main asks
 *  (main.ts, will-prevent-unload; in a browser, its own leave-page prompt). */
export function holdUnloadWhileTyped(): () => void {
  const holdBack = (event: BeforeUnloadEvent) => {
    if (credentialsStore.get().token.dirty) event.preventDefault();
  };
  window.addEventListener('beforeunload', holdBack);
  return () => window.removeEventListener('beforeunload', holdBack);
}

export function chooseCredential(tabId: string, name: string): void {
  workspaceStore.update((workspace) => editDraft(workspace, tabId, (draft) => withCredential(draft, name)));
  rememberCredential(name);
}

/** New tabs start with it, now and after a restart. */
export function rememberCredential(name: string): void {
  credentialsStore.update((state) => credentialChosen(state, name));
  remember({ selectedCredential: name });
}

export const typeToken = (value: string) => credentialsStore.update((state) => tokenTyped(state, value));

export async function toggleTokenReveal(): Promise<void> {
  const { token } = credentialsStore.get();
  if (token.revealed) return credentialsStore.update(tokenHidden);
  if (token.dirty || !token.stored) return credentialsStore.update((state) => tokenRevealed(state, null));
  const stored = await api!.revealToken(token.credential);
  if (!stored.ok) return reportError(stored.error);
  credentialsStore.update((state) => (state.token.credential === token.credential ? tokenRevealed(state, stored.value) : state));
}

/** Stores a typed token in the keychain; ok(false) when there is no token to send at all. */
export async function commitToken(): Promise<Result<boolean>> {
  const { token } = credentialsStore.get();
  // Main gets an OAuth 2.0 credential's token when it sends (or says why it cannot).
  if (token.oauth) return ok(true);
  if (!token.dirty) {
    if (token.stored) return ok(true);
    // The status may not be in yet (the credential just changed, e.g. a preset opened): ask now.
    const status = await api!.tokenStatus(token.credential);
    return status.ok ? ok(status.value.stored) : status;
  }
  const saved = await api!.setToken(token.credential, token.value);
  if (!saved.ok) return saved;
  credentialsStore.update((state) => tokenStored(state, token.credential));
  void refreshCredentials();
  return ok(true);
}

/** A token typed for the tab's credential is stored with the preset, as Send stores it: saving never drops it. */
export async function storeTypedTokenFor(tabId: string): Promise<void> {
  const tab = workspaceStore.get().tabs.find((candidate) => candidate.id === tabId);
  const { token } = credentialsStore.get();
  if (!tab || !token.dirty || credentialOf(tab.draft) !== token.credential) return;
  const stored = await commitToken();
  if (!stored.ok) reportError(stored.error);
}

/** A secret typed into the header or query table moves into the keychain as a credential of its own. */
export async function moveSecretToKeychain(tabId: string, row: SecretRow): Promise<void> {
  const draft = workspaceStore.get().tabs.find((tab) => tab.id === tabId)?.draft;
  if (!draft) return;
  const host = checkUrl(joinUrl(draft.url, draft.query));
  const name = credentialNameFor(host.ok ? host.value.hostname : '', row.name, credentialsStore.get().list.map((known) => known.name));
  const moved = movedToKeychain(draft, row, name);
  const stored = await api!.setToken(name, moved.token);
  if (!stored.ok) return reportError(stored.error);
  workspaceStore.update((workspace) => editDraft(workspace, tabId, () => moved.request));
  rememberCredential(name);
  await refreshCredentials();
}

// The credential manager's calls: each answers its Result, for the dialog to show a failure beside its fields.
export const storeToken = (name: string, token: string) => api!.setToken(name, token);
export const renameCredential = (from: string, to: string) => api!.renameCredential(from, to);
export const deleteToken = (name: string) => api!.deleteToken(name);
export const revealToken = (name: string) => api!.revealToken(name);
export const signInOAuth = (name: string) => api!.signInOAuth(name);
/** Main asks the user in its own dialog before it adds the origin; the answer is main's, never the page's. */
export const allowCredentialOrigin = (name: string, origin: string) => api!.allowCredentialOrigin(name, origin);
export const removeCredentialOrigin = (name: string, origin: string) => api!.removeCredentialOrigin(name, origin);
export const saveOAuthCredential = (name: string, config: OAuthConfig, secrets: Parameters<KeypostApi['saveOAuthCredential']>[2]) =>
  api!.saveOAuthCredential(name, config, secrets);
/** The Check action sends the active tab's collection's cookies, as its Send would. */
export const checkCredential = (call: Parameters<KeypostApi['checkCredential']>[0]) =>
  api
    ? api.checkCredential({ ...call, collectionId: collectionOfTab(activeTab(workspaceStore.get()), libraryStore.get()) })
    : Promise.resolve(fail('INTERNAL', 'Keypost’s bridge to the main process is missing; restart the app.'));
