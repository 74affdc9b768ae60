// Startup: the open tabs come back as they were (or the last open preset), with the settings, the credentials, the
// environments and a notice for any file that did not read completely; from then on the open tabs are saved as they change.
import { DEFAULT_CREDENTIAL } from '../../shared/credentials';
import type { KeypostError } from '../../shared/errors';
import type { Preset } from '../../shared/presets';
import { api } from '../api';
import { followSelectedCredential, holdUnloadWhileTyped } from '../credentials/credentialActions';
import { credentialChosen, credentialsStore } from '../credentials/credentialsState';
import { followEnvironments, refreshEnvironments } from '../environments/environmentActions';
import { environmentsStore } from '../environments/environmentsState';
import { tabsRestored, libraryStore } from '../presets/library';
import { followCollections, refreshPresets } from '../presets/presetActions';
import { dismissNotice, inform, noticesStore, noticeShown, reportError } from '../notices/notices';
import { followTheme, settingsArrived } from '../settings/settingsActions';
import { fromSaved, initialWorkspace, openPreset, toSaved } from '../workspace/workspace';
import { workspaceStore } from '../workspace/workspaceStore';

/** Unwraps a result, reporting a failure. */
const check = <T,>(result: { ok: true; value: T } | { ok: false; error: KeypostError }): T | undefined => {
  if (result.ok) return result.value;
  reportError(result.error);
  return undefined;
};

/** Runs once when the page loads; answers the function that stops what it started (tests and hot reload). */
export function startApp(): () => void {
  const stops = [followTheme(), holdUnloadWhileTyped()];
  let stopped = false;
  // What the restore starts after its awaits: stopped at once if the app was stopped meanwhile (a remount).
  const keep = (stop: () => void) => (stopped ? stop() : void stops.push(stop));
  const stopAll = () => {
    stopped = true;
    stops.forEach((stop) => stop());
  };
  const bridge = api;
  if (!bridge) {
    libraryStore.update(tabsRestored);
    return stopAll;
  }
  // The sidebar's list and the environments come when they come: the tabs, and so the composer, do not wait for them.
  stops.push(followCollections(), followEnvironments());
  void refreshPresets();
  void refreshEnvironments().then(() => {
    const { damage, moved } = environmentsStore.get();
    if (damage) noticesStore.update((notices) => noticeShown(notices, { id: 'environments-damage', kind: 'damage', damage, file: 'environments', testId: 'environments-notice' }));
    if (moved) {
      const { count, folder, oldFile } = moved;
      inform(
        'environments-moved',
        `Your ${count} environment${count === 1 ? ' is' : 's are'} now files in ${folder}, one per environment, ready for git; secret values stay in your keychain. The old environments file is kept as ${oldFile}.`,
        'environments-moved-notice',
      );
    }
  });
  void (async () => {
    try {
      const [storeStatus, settings, saved] = await Promise.all([bridge.storeStatus(), bridge.getSettings(), bridge.getWorkspace()]);
      const status = check(storeStatus);
      if (status && (status.backupPath || status.problems.length > 0)) {
        noticesStore.update((notices) => noticeShown(notices, { id: 'store-damage', kind: 'damage', damage: status, file: 'presets', testId: 'store-notice' }));
      }
      if (status?.moved) {
        const { count, folder, oldFile } = status.moved;
        inform('moved', `${count === 1 ? 'Your preset is now a file' : `Your ${count} presets are now files`} in ${folder}, one per request, ready for git. The old presets file is kept as ${oldFile}.`, 'moved-notice');
      }
      const remembered = check(settings);
      settingsArrived(remembered ?? null);
      const credential = remembered?.selectedCredential ?? DEFAULT_CREDENTIAL;
      credentialsStore.update((state) => credentialChosen(state, credential));
      const tabs = check(saved);
      if (tabs?.damage) {
        const damage = tabs.damage;
        noticesStore.update((notices) => noticeShown(notices, { id: 'workspace-damage', kind: 'damage', damage, file: 'open tabs', testId: 'workspace-notice' }));
      }
      if (tabs && tabs.tabs.length > 0) {
        // All at once: the composer waits for them.
        const ids = [...new Set(tabs.tabs.flatMap((tab) => (tab.presetId ? [tab.presetId] : [])))];
        const found = await Promise.all(ids.map((id) => bridge.getPreset(id)));
        const presets = new Map(found.flatMap((preset): Array<[string, Preset]> => (preset.ok ? [[preset.value.id, preset.value]] : [])));
        workspaceStore.update(() => fromSaved(tabs, (id) => presets.get(id), credential));
      } else {
        const last = remembered?.lastPresetId ? await bridge.getPreset(remembered.lastPresetId) : null;
        workspaceStore.update(() => (last?.ok ? openPreset(initialWorkspace(credential), last.value) : initialWorkspace(credential)));
      }
      keep(saveTabsAsTheyChange());
    } finally {
      // The tabs are shown even if a call failed (its error is on show); saving waits for a complete restore.
      keep(followSelectedCredential());
      libraryStore.update(tabsRestored);
    }
  })();
  return stopAll;
}

/**
 * The open tabs saved as they change (drafts included, never a token: a draft names its credential): at once, one
 * write at a time, the latest state last, so closing the window loses nothing. A save that fails says so once per run
 * of failures (not on every keystroke), and the notice goes when a save works again.
 */
function saveTabsAsTheyChange(): () => void {
  let lastSaved: unknown[] = [];
  let writing = false;
  /** The notice shown for the saves failing now, if they are. */
  let failing: string | null = null;
  const save = async () => {
    if (writing) return;
    const workspace = workspaceStore.get();
    // Drafts are replaced, never changed, so comparing references skips the changes that do not touch the saved
    // tabs (a response arriving, a send starting).
    const parts = [workspace.activeId, ...workspace.tabs.flatMap((tab) => [tab.draft, tab.preset?.id])];
    if (parts.length === lastSaved.length && parts.every((part, index) => part === lastSaved[index])) return;
    writing = true;
    lastSaved = parts;
    const result = await api!.saveWorkspace(toSaved(workspace));
    writing = false;
    // The tabs' one notice: a limit notice shown meanwhile stays.
    if (!result.ok && failing === null) inform('tabs', (failing = tabsNotSaved(result.error)), 'tabs-notice');
    if (result.ok && failing !== null) {
      const shown = failing;
      failing = null;
      if (noticesStore.get().some((notice) => notice.kind === 'info' && notice.text === shown)) dismissNotice('tabs');
    }
    void save();
  };
  void save();
  return workspaceStore.subscribe(() => void save());
}

/** A failed save in words: a library's text (a schema's, say) means nothing to someone whose tabs are at stake. */
function tabsNotSaved(error: KeypostError): string {
  const why = error.code === 'STORE_WRITE_FAILED' && error.hint ? error.hint : 'Meanwhile, save the requests you need as presets.';
  return `Keypost could not save your open tabs, so your latest changes to them would not come back after a restart; it tries again with each change. ${why}`;
}
