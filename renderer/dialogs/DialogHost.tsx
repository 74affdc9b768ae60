// Renders the one open dialog (dialog.ts), wired to its store and actions: the only place a dialog is drawn.
import { activeEnvironment, resolveVariables } from '../../shared/environments';
import { snippetValues } from '../../shared/codeExport/codeExport';
import { AboutDialog } from '../shell/AboutDialog';
import { CodeDialog } from '../curl/CodeDialog';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { CredentialManager } from '../credentials/CredentialManager';
import { CurlImportDialog } from '../curl/CurlImportDialog';
import { EnvironmentsDialog } from '../environments/EnvironmentsDialog';
import { CollectionProblemsDialog } from '../presets/CollectionProblemsDialog';
import { ImportDialog } from '../presets/ImportDialog';
import { ForeignImportDialog } from '../presets/ForeignImportDialog';
import { MoveToDialog } from '../presets/MoveToDialog';
import { NewFolderDialog } from '../presets/NewFolderDialog';
import { SavePresetDialog } from '../presets/SavePresetDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { ShortcutsDialog } from '../shell/ShortcutsDialog';
import { CookiesDialog } from '../cookies/CookiesDialog';
import { CollectionSettingsDialog } from '../collectionSettings/CollectionSettingsDialog';
import { credentialChanged } from '../credentials/credentialChangeActions';
import { credentialsStore } from '../credentials/credentialsState';
import { importCurlCommand } from '../curl/curlActions';
import { environmentsStore } from '../environments/environmentsState';
import { platform } from '../platform';
import { createFolder, deleteFolder, moveItem } from '../presets/folderActions';
import { libraryStore, selectedPlace } from '../presets/library';
import { placeLabel } from '../presets/presetTree';
import { importPresets, overwriteOnDisk, reloadFromDisk, saveTabAs } from '../presets/presetActions';
import { chooseCaFile, saveSettings } from '../settings/settingsActions';
import { settingsStore } from '../settings/settingsState';
import { useStore } from '../state/useStore';
import { discardTab } from '../workspace/tabActions';
import { activeTab } from '../workspace/workspace';
import { useWorkspace } from '../workspace/workspaceStore';
import { folderName } from '../../shared/collections';
import { closeDialog, dialogStore } from './dialog';

export function DialogHost() {
  const dialog = useStore(dialogStore, (open) => open);
  const tabs = useWorkspace((workspace) => workspace.tabs);
  const active = useWorkspace(activeTab);
  const credentials = useStore(credentialsStore, (state) => state.list);
  const settings = useStore(settingsStore, (state) => state);
  const environments = useStore(environmentsStore, (state) => state);
  const collections = useStore(libraryStore, (library) => library.collections);
  const selectedCollection = useStore(libraryStore, (library) => selectedPlace(library).collection);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'closeTab': {
      const closing = tabs.find((tab) => tab.id === dialog.tabId);
      return (
        <ConfirmDialog testId="discard-dialog" title="Close without saving?" confirmLabel="Discard changes" onCancel={closeDialog} onConfirm={() => discardTab(dialog.tabId)}>
          {closing?.preset ? `“${closing.preset.name}” has changes that are not saved.` : 'This request has not been saved as a preset.'} They will be lost.
        </ConfirmDialog>
      );
    }
    case 'changedOnDisk': {
      const name = tabs.find((tab) => tab.id === dialog.tabId)?.preset?.name ?? 'This request';
      return (
        <ConfirmDialog testId="changed-on-disk-dialog" title="Changed outside Keypost" confirmLabel="Save mine over it" onCancel={closeDialog} onConfirm={() => void overwriteOnDisk(dialog.tabId)}>
          “{name}” was changed outside Keypost (a git pull or an editor) since you opened it, so your save did not write over it.{' '}
          <button type="button" data-testid="reload-from-disk" onClick={() => void reloadFromDisk(dialog.tabId)}>
            Reload from disk
          </button>{' '}
          to see that version (your edits go), or save yours over it.
        </ConfirmDialog>
      );
    }
    case 'savePreset':
      return (
        <SavePresetDialog
          initialName={dialog.initialName}
          initialPlace={dialog.place}
          collections={collections}
          onCancel={closeDialog}
          onSave={async (name, place) => (await saveTabAs(dialog.tabId, name, place))?.message ?? null}
        />
      );
    case 'newFolder':
      return (
        <NewFolderDialog
          where={placeLabel(collections, dialog.place)}
          onCancel={closeDialog}
          onCreate={async (name) => {
            const error = await createFolder(dialog.place, name);
            return error && [error.message, error.hint].filter(Boolean).join(' ');
          }}
        />
      );
    case 'moveTo':
      return <MoveToDialog item={dialog.item} collections={collections} onCancel={closeDialog} onMove={(place) => void moveItem(dialog.item, place)} />;
    case 'deleteFolder':
      return (
        <ConfirmDialog testId="delete-folder-dialog" title="Delete folder?" confirmLabel="Delete folder" onCancel={closeDialog} onConfirm={() => void deleteFolder(dialog.collection, dialog.folder)}>
          “{folderName(dialog.folder)}” and the {dialog.requests} request{dialog.requests === 1 ? '' : 's'} saved in it will be deleted from disk. Other files in it (not
          requests) stay. Open tabs keep their drafts, unsaved.
        </ConfirmDialog>
      );
    case 'collectionProblems': {
      const collection = collections.find((each) => each.id === dialog.collection);
      return collection ? <CollectionProblemsDialog collection={collection} onClose={closeDialog} /> : null;
    }
    case 'import':
      return <ImportDialog preview={dialog.preview} credentials={credentials} onCancel={closeDialog} onImport={(drafts, choice) => void importPresets(drafts, choice)} />;
    case 'foreignImport':
      return <ForeignImportDialog collections={collections} initialCollection={selectedCollection} onClose={closeDialog} />;
    case 'credentials':
      return <CredentialManager credentials={credentials} onChanged={credentialChanged} onClose={closeDialog} />;
    case 'settings':
      return settings.loaded ? <SettingsDialog settings={settings.settings} onChange={saveSettings} onChooseCaFile={chooseCaFile} onClose={closeDialog} /> : null;
    case 'environments':
      return <EnvironmentsDialog onClose={closeDialog} />;
    case 'about':
      return <AboutDialog onClose={closeDialog} />;
    case 'shortcuts':
      return <ShortcutsDialog platform={platform} onClose={closeDialog} />;
    case 'curlImport':
      return (
        <CurlImportDialog
          onCancel={closeDialog}
          onImport={async (command) => {
            const problem = await importCurlCommand(command);
            return problem && typeof problem !== 'string' ? [problem.message, problem.hint].filter(Boolean).join(' ') : problem;
          }}
        />
      );
    case 'code':
      // Plain variables resolved; a secret one is read by the snippet from its environment variable: the page never has its value.
      return <CodeDialog request={resolveVariables(active.draft, snippetValues(activeEnvironment(environments))).request} onClose={closeDialog} />;
    case 'cookies': {
      const name = collections.find((each) => each.id === dialog.collection)?.name ?? 'this collection';
      return <CookiesDialog collection={dialog.collection} collectionName={name} onClose={closeDialog} />;
    }
    case 'collectionSettings': {
      const name = collections.find((each) => each.id === dialog.collection)?.name ?? 'this collection';
      return <CollectionSettingsDialog collection={dialog.collection} collectionName={name} onClose={closeDialog} />;
    }
  }
}
