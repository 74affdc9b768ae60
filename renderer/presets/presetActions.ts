// What the user does with saved requests: list, open, save (over the preset or as a new one), rename, duplicate, delete
// with undo, export and import; and what each does to the open tabs.
import { type CollectionChange, DEFAULT_PLACE, type PresetPlace } from '../../shared/collections';
import type { KeypostError } from '../../shared/errors';
import type { Preset, PresetDraft } from '../../shared/presets';
import type { ConflictChoice } from '../../shared/transfer';
import { api } from '../api';
import { refreshCredentials, storeTypedTokenFor } from '../credentials/credentialActions';
import { closeDialog, openDialog } from '../dialogs/dialog';
import { inform, noticesStore, noticeShown, reportError } from '../notices/notices';
import { remember } from '../settings/settingsActions';
import { openTabWith } from '../workspace/tabActions';
import { activeTab, openPreset, presetChanged, presetDeleted, presetReloaded, presetRestored, presetRewritten, presetSaved } from '../workspace/workspace';
import { workspaceStore } from '../workspace/workspaceStore';
import { collectionsListed, libraryStore, placeRevealed, presetsListed, selectedPlace } from './library';

/** The sidebar's tree (the open collections and their requests); the credentials' "used by" follows it. */
export async function refreshPresets(): Promise<void> {
  const [listed, collections] = await Promise.all([api!.listPresets(), api!.listCollections()]);
  if (!listed.ok) return reportError(listed.error);
  if (!collections.ok) return reportError(collections.error);
  libraryStore.update((library) => collectionsListed(presetsListed(library, listed.value), collections.value));
  await refreshCredentials();
}

/** Follows main's word that collection files changed; answers the function that stops following. */
export const followCollections = (): (() => void) => api?.on('collectionChanged', (change) => void collectionChanged(change)) ?? (() => {});

/** Files changed outside Keypost (main's watcher): the tree again, and each open tab of a changed request follows. */
export async function collectionChanged(change: CollectionChange): Promise<void> {
  const linked = new Set(workspaceStore.get().tabs.flatMap((tab) => (tab.preset ? [tab.preset.id] : [])));
  const changed = change.changed.filter((id) => linked.has(id));
  const found = await Promise.all(changed.map((id) => api!.getPreset(id)));
  workspaceStore.update((workspace) => {
    let next = found.reduce((current, preset) => (preset.ok ? presetChanged(current, preset.value) : current), workspace);
    for (const id of change.removed) if (linked.has(id) && !change.changed.includes(id)) next = presetDeleted(next, id);
    return next;
  });
  await refreshPresets();
}

export async function openSavedPreset(id: string): Promise<void> {
  const preset = await api!.getPreset(id);
  if (!preset.ok) {
    reportError(preset.error);
    return refreshPresets();
  }
  if (openTabWith((workspace) => openPreset(workspace, preset.value))) remember({ lastPresetId: id });
}

/** Ctrl+S: over the tab's preset, or (a new request) asks for a name. A file changed on disk meanwhile is not
 *  written over unasked: the user chooses between their version and the one on disk. */
export async function saveActiveTab(): Promise<void> {
  const tab = activeTab(workspaceStore.get());
  if (!tab.preset) return openDialog({ kind: 'savePreset', tabId: tab.id, initialName: '', place: selectedPlace(libraryStore.get()) });
  await saveOver(tab.id, tab.preset.updatedAt);
}

/** "Save mine over it": the tab's version replaces the one on disk. */
export const overwriteOnDisk = (tabId: string) => {
  closeDialog();
  return saveOver(tabId, null);
};

async function saveOver(tabId: string, basedOn: number | null): Promise<void> {
  const tab = workspaceStore.get().tabs.find((candidate) => candidate.id === tabId);
  if (!tab?.preset) return;
  const saved = await api!.updatePreset(tab.preset.id, { name: tab.preset.name, request: tab.draft }, basedOn);
  if (!saved.ok) {
    if (saved.error.code === 'CHANGED_ON_DISK') return openDialog({ kind: 'changedOnDisk', tabId });
    // Its file went away meanwhile (deleted or moved outside): the edits are saved as a new request, under its name.
    if (saved.error.code === 'NOT_FOUND') return openDialog({ kind: 'savePreset', tabId, initialName: tab.preset.name, place: selectedPlace(libraryStore.get()) });
    return reportError(saved.error);
  }
  workspaceStore.update((workspace) => presetSaved(workspace, tabId, saved.value));
  await Promise.all([refreshPresets(), storeTypedTokenFor(tabId)]);
}

/** "Reload from disk": the tab's edits give way to the file's version. */
export async function reloadFromDisk(tabId: string): Promise<void> {
  closeDialog();
  const tab = workspaceStore.get().tabs.find((candidate) => candidate.id === tabId);
  if (!tab?.preset) return;
  const preset = await api!.getPreset(tab.preset.id);
  if (!preset.ok) return reportError(preset.error);
  workspaceStore.update((workspace) => presetReloaded(workspace, tabId, preset.value));
}

/** Ctrl+Shift+S: always asks for a name (and where: the sidebar's selected folder unless another is picked). */
export function saveActiveTabAs(): void {
  const tab = activeTab(workspaceStore.get());
  openDialog({ kind: 'savePreset', tabId: tab.id, initialName: tab.preset ? `${tab.preset.name} copy` : '', place: selectedPlace(libraryStore.get()) });
}

/** Saves the tab's draft as a new preset in `place`; answers the error to show in the name dialog, or null (it closes,
 *  and the sidebar shows the new request where it went). */
export async function saveTabAs(tabId: string, name: string, place: PresetPlace = DEFAULT_PLACE): Promise<KeypostError | null> {
  const tab = workspaceStore.get().tabs.find((candidate) => candidate.id === tabId);
  if (!tab) return null;
  const created = await api!.createPreset({ name, request: tab.draft }, place);
  if (!created.ok) return created.error;
  workspaceStore.update((workspace) => presetSaved(workspace, tabId, created.value));
  closeDialog();
  remember({ lastPresetId: created.value.id });
  await Promise.all([refreshPresets(), storeTypedTokenFor(tabId)]);
  libraryStore.update((library) => placeRevealed(library, place, created.value.id));
  return null;
}

/** Answers the error to show beside the name, or null. */
export async function renamePreset(id: string, name: string): Promise<KeypostError | null> {
  const renamed = await api!.renamePreset(id, name);
  if (!renamed.ok) return renamed.error;
  // Its file was written anew: the tabs' saved copy takes the new name and time, so their next save is no conflict.
  workspaceStore.update((workspace) => presetRewritten(workspace, renamed.value));
  await refreshPresets();
  return null;
}

export async function duplicatePreset(id: string): Promise<void> {
  const copied = await api!.duplicatePreset(id);
  if (!copied.ok) reportError(copied.error);
  await refreshPresets();
}

/** Deleted at once, with an Undo: its tabs keep their drafts, unsaved. */
export async function deletePreset(id: string): Promise<void> {
  const deleted = await api!.deletePreset(id);
  if (!deleted.ok) reportError(deleted.error);
  else {
    workspaceStore.update((workspace) => presetDeleted(workspace, id));
    noticesStore.update((notices) => noticeShown(notices, { id: 'undo', kind: 'undo', preset: deleted.value }));
  }
  await refreshPresets();
}

export async function undoDelete(preset: Preset): Promise<void> {
  const restored = await api!.restorePreset(preset);
  if (!restored.ok) reportError(restored.error);
  else workspaceStore.update((workspace) => presetRestored(workspace, { ...preset, id: restored.value.id, name: restored.value.name }));
  await refreshPresets();
}

/** The sidebar's Export (the ticked or shown presets), or the File menu's (all of them). */
export async function exportPresets(ids: string[] = libraryStore.get().list.map((preset) => preset.id)): Promise<void> {
  if (ids.length === 0) return inform('info', 'There are no presets to export yet.');
  const exported = await api!.exportPresets(ids);
  if (!exported.ok) return reportError(exported.error);
  if (exported.value) inform('info', `Exported ${exported.value.count} preset${exported.value.count === 1 ? '' : 's'} to ${exported.value.path} (without tokens).`);
}

/** Import…: the file chosen in main's dialog, previewed with its name conflicts before anything changes. */
export async function chooseImportFile(): Promise<void> {
  const preview = await api!.readImportFile();
  if (!preview.ok) return reportError(preview.error);
  if (preview.value) openDialog({ kind: 'import', preview: preview.value });
}

export async function importPresets(drafts: PresetDraft[], choice: ConflictChoice): Promise<void> {
  closeDialog();
  const done = await api!.importPresets(drafts, choice);
  if (!done.ok) return reportError(done.error);
  const { added, replaced, renamed } = done.value;
  const count = added + replaced + renamed;
  inform('info', `Imported ${count} preset${count === 1 ? '' : 's'}: ${added} added, ${renamed} renamed, ${replaced} replaced.`);
  await Promise.all([refreshPresets(), reloadOpenPresets()]);
}

/** After presets changed behind the tabs' back (an import that replaced some): each linked tab gets the saved copy. */
async function reloadOpenPresets(): Promise<void> {
  const ids = [...new Set(workspaceStore.get().tabs.flatMap((tab) => (tab.preset ? [tab.preset.id] : [])))];
  const found = await Promise.all(ids.map((id) => api!.getPreset(id)));
  workspaceStore.update((workspace) =>
    found.reduce((current, preset, at) => (preset.ok ? presetChanged(current, preset.value) : presetDeleted(current, ids[at]!)), workspace),
  );
}
