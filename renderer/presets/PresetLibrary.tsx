// The sidebar's saved requests, wired to the library store and the preset actions. Its props change only when the
// tree (list, collections, open folders, selection), the open preset or its unsaved state does, so typing in a draft
// never draws the tree again.
import { PresetSidebar } from './PresetSidebar';
import { useStore } from '../state/useStore';
import { openBlankTab } from '../workspace/tabActions';
import { activeTab, isDirty } from '../workspace/workspace';
import { useWorkspace } from '../workspace/workspaceStore';
import { libraryStore } from './library';
import { chooseImportFile, deletePreset, duplicatePreset, exportPresets, openSavedPreset, renamePreset } from './presetActions';

const open = (id: string) => void openSavedPreset(id);
const duplicate = (id: string) => void duplicatePreset(id);
const remove = (id: string) => void deletePreset(id);
const exportChosen = (ids: string[]) => void exportPresets(ids);
const chooseImport = () => void chooseImportFile();

export function PresetLibrary() {
  const list = useStore(libraryStore, (library) => library.list);
  const collections = useStore(libraryStore, (library) => library.collections);
  const expanded = useStore(libraryStore, (library) => library.expanded);
  const selected = useStore(libraryStore, (library) => library.selected);
  const currentId = useWorkspace((workspace) => activeTab(workspace).preset?.id ?? null);
  const dirty = useWorkspace((workspace) => isDirty(activeTab(workspace)));
  return (
    <PresetSidebar
      presets={list}
      collections={collections}
      expanded={expanded}
      selected={selected}
      currentId={currentId}
      dirty={dirty}
      onOpen={open}
      onNew={openBlankTab}
      onRename={renamePreset}
      onDuplicate={duplicate}
      onDelete={remove}
      onExport={exportChosen}
      onImport={chooseImport}
    />
  );
}
