// What the user does with the sidebar's tree: open and close its nodes, select a row, create, rename, move and delete
// folders, move requests, and open or close collection folders; and what each does to the open tabs.
import { folderName, folderNameSchema, joinFolder, parentFolder, type PresetPlace } from '../../shared/collections';
import type { KeypostError } from '../../shared/errors';
import { api } from '../api';
import { closeDialog, openDialog } from '../dialogs/dialog';
import { inform, reportError } from '../notices/notices';
import { presetDeleted, presetRewritten } from '../workspace/workspace';
import { workspaceStore } from '../workspace/workspaceStore';
import { folderMoved, libraryStore, nodeToggled, placeRevealed, rowSelected, selectedPlace } from './library';
import { refreshPresets } from './presetActions';
import { folderKey, type Movable, movedFolderPath, requestKey } from './presetTree';

export const toggleNode = (key: string, open: boolean) => libraryStore.update((library) => nodeToggled(library, key, open));

export const selectRow = (key: string | null) => libraryStore.update((library) => rowSelected(library, key));

/** Opens the folders a request is in and selects it (the filter was cleared on it: it shows where it lives). */
export const revealRequest = (key: string) =>
  libraryStore.update((library) => {
    const preset = library.list.find((each) => requestKey(each.id) === key);
    return preset ? placeRevealed(library, { collection: preset.collection, folder: preset.folder }, preset.id) : library;
  });

/** The requests saved in a folder and below it. */
const idsInFolder = (collection: string, folder: string) =>
  libraryStore
    .get()
    .list.filter((preset) => preset.collection === collection && (preset.folder === folder || preset.folder.startsWith(`${folder}/`)))
    .map((preset) => preset.id);

/** A folder's name as main would take it, or the reason it cannot be one, in words. */
function checkedName(name: string): { name: string } | { error: KeypostError } {
  const checked = folderNameSchema.safeParse(name);
  return checked.success ? { name: checked.data } : { error: { code: 'INVALID_ARGUMENT', message: checked.error.issues[0]?.message ?? 'That name cannot be a folder’s.' } };
}

/** "New folder": in the selected folder (or the selected request's, or the collection's top level). */
export const askNewFolder = (place: PresetPlace = selectedPlace(libraryStore.get())) => openDialog({ kind: 'newFolder', place });

/** Answers the error to show in the dialog, or null: it closes, and the new folder is shown selected. */
export async function createFolder(place: PresetPlace, name: string): Promise<KeypostError | null> {
  const checked = checkedName(name);
  if ('error' in checked) return checked.error;
  const folder = joinFolder(place.folder, checked.name);
  const created = await api!.createFolder(place.collection, folder);
  if (!created.ok) return created.error;
  // Listed and selected before the dialog closes: a Save right after goes into it.
  await refreshPresets();
  libraryStore.update((library) => placeRevealed(library, { collection: place.collection, folder }));
  closeDialog();
  return null;
}

/** F2 on a folder: a new name in the same parent. Answers the error to show beside the field, or null. */
export async function renameFolder(collection: string, folder: string, name: string): Promise<KeypostError | null> {
  const checked = checkedName(name);
  if ('error' in checked) return checked.error;
  const to = joinFolder(parentFolder(folder), checked.name);
  if (to === folder) return null;
  return moveFolderTo(collection, folder, to);
}

async function moveFolderTo(collection: string, folder: string, to: string): Promise<KeypostError | null> {
  const moved = await api!.moveFolder(collection, folder, to);
  if (!moved.ok) {
    await refreshPresets();
    return moved.error;
  }
  // The files were renamed with their folder, unchanged: the tabs that edit them keep their saved copies as they are.
  libraryStore.update((library) => placeRevealed(folderMoved(library, collection, folder, moved.value), { collection, folder: moved.value }));
  await refreshPresets();
  return null;
}

/** Moves a request or a folder (dropped there, or picked in "Move to…"); a refusal is reported in words. */
export async function moveItem(item: Movable, place: PresetPlace): Promise<void> {
  closeDialog();
  if (item.kind === 'folder') {
    if (place.collection !== item.collection) return reportError({ code: 'INVALID_ARGUMENT', message: 'A folder can only be moved within its collection.', hint: 'Move its requests instead.' });
    const error = await moveFolderTo(item.collection, item.folder, movedFolderPath(item.folder, place.folder));
    if (error) reportError(error);
    return;
  }
  const moved = await api!.movePreset(item.id, place);
  if (!moved.ok) {
    reportError(moved.error);
    return refreshPresets();
  }
  // Its file was written anew: the tabs' saved copy takes the file's new time, so their next save is no conflict.
  workspaceStore.update((workspace) => presetRewritten(workspace, moved.value));
  await refreshPresets();
  libraryStore.update((library) => placeRevealed(library, place, item.id));
}

export const askMoveTo = (item: Movable) => openDialog({ kind: 'moveTo', item });

/** Delete on a folder: asks first, saying how many requests go with it. */
export const askDeleteFolder = (collection: string, folder: string) =>
  openDialog({ kind: 'deleteFolder', collection, folder, requests: idsInFolder(collection, folder).length });

export async function deleteFolder(collection: string, folder: string): Promise<void> {
  closeDialog();
  const inside = idsInFolder(collection, folder);
  const deleted = await api!.deleteFolder(collection, folder);
  await refreshPresets();
  if (!deleted.ok) return reportError(deleted.error);
  // Tabs of the deleted requests keep their drafts, unsaved.
  const left = new Set(libraryStore.get().list.map((preset) => preset.id));
  workspaceStore.update((workspace) => inside.filter((id) => !left.has(id)).reduce(presetDeleted, workspace));
  libraryStore.update((library) => rowSelected(library, folderKey(collection, parentFolder(folder))));
  const { removed, keptFiles } = deleted.value;
  const requests = `${removed} request${removed === 1 ? '' : 's'}`;
  inform(
    'info',
    keptFiles > 0
      ? `Deleted the ${requests} in “${folderName(folder)}”. The folder stays on disk: it holds ${keptFiles} other file${keptFiles === 1 ? '' : 's'}, which Keypost never deletes.`
      : `Deleted the folder “${folderName(folder)}” and the ${requests} in it.`,
    'folder-deleted',
  );
}

/** "Open collection folder…": main asks for a folder (a git checkout, say); it shows in the tree, and after a restart. */
export async function openCollectionFolder(): Promise<void> {
  const opened = await api!.openCollection();
  if (!opened.ok) return reportError(opened.error);
  if (!opened.value) return;
  const { id } = opened.value;
  await refreshPresets();
  libraryStore.update((library) => placeRevealed(library, { collection: id, folder: '' }));
}

/** Closes a collection the user opened: its files stay; tabs of its requests keep their drafts, unsaved. */
export async function closeCollection(id: string): Promise<void> {
  const inside = libraryStore.get().list.filter((preset) => preset.collection === id).map((preset) => preset.id);
  const closed = await api!.closeCollection(id);
  if (!closed.ok) return reportError(closed.error);
  workspaceStore.update((workspace) => inside.reduce(presetDeleted, workspace));
  await refreshPresets();
}

export const showCollectionProblems = (collection: string) => openDialog({ kind: 'collectionProblems', collection });
