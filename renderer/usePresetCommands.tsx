// What the user does with tabs and presets (new tab, close, open, save, delete with undo, import, export, manage
// credentials), and the dialog each one needs, from the workspace's one open dialog.
import { useCallback, useState, type ReactNode } from 'react';
import type { KeypostError } from '../shared/errors';
import type { Preset, PresetDraft } from '../shared/presets';
import { credentialOf } from '../shared/request';
import type { ConflictChoice } from '../shared/transfer';
import { api } from './api';
import { ConfirmDialog } from './components/ConfirmDialog';
import { CredentialManager, type CredentialChange } from './components/CredentialManager';
import { ImportDialog } from './components/ImportDialog';
import { InfoNotice } from './components/InfoNotice';
import { SavePresetDialog } from './components/SavePresetDialog';
import { UndoToast } from './components/UndoToast';
import type { useCredentials } from './useCredentials';
import type { usePresets } from './usePresets';
import type { TokenState } from './useToken';
import { activeTab, closeDialog, closeTab, credentialRenamed, openDialog, openNewTab, requestClose } from './workspace/workspace';
import { useWorkspace, workspaceStore } from './workspace/workspaceStore';

interface Deps {
  presets: ReturnType<typeof usePresets>;
  credentials: ReturnType<typeof useCredentials>;
  token: TokenState;
  onError(error: KeypostError): void;
}

export function usePresetCommands({ presets, credentials, token, onError }: Deps) {
  const dialog = useWorkspace((workspace) => workspace.dialog);
  const tabs = useWorkspace((workspace) => workspace.tabs);
  const [undo, setUndo] = useState<{ preset: Preset } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { lastCredential, saveTab } = presets;

  const startNew = useCallback(() => workspaceStore.update((workspace) => openNewTab(workspace, lastCredential)), [lastCredential]);
  const close = useCallback((tabId: string) => workspaceStore.update((workspace) => requestClose(workspace, tabId, lastCredential)), [lastCredential]);

  // A token typed for the tab's credential is stored with the preset, as Send stores it: saving never drops it.
  const storeTypedToken = useCallback(
    async (tabId: string) => {
      const tab = workspaceStore.get().tabs.find((candidate) => candidate.id === tabId);
      if (!tab || !token.dirty || credentialOf(tab.draft) !== token.credential) return;
      const stored = await token.commit();
      if (!stored.ok) onError(stored.error);
    },
    [token, onError],
  );

  const save = useCallback(async () => {
    const tab = activeTab(workspaceStore.get());
    if (await saveTab(tab.id)) await storeTypedToken(tab.id);
    else workspaceStore.update((workspace) => openDialog(workspace, { kind: 'savePreset', tabId: tab.id, initialName: '' }));
  }, [saveTab, storeTypedToken]);
  const saveAs = useCallback(() => {
    const tab = activeTab(workspaceStore.get());
    workspaceStore.update((workspace) => openDialog(workspace, { kind: 'savePreset', tabId: tab.id, initialName: tab.preset ? `${tab.preset.name} copy` : '' }));
  }, []);

  const { remove: removePreset, restore } = presets;
  const remove = useCallback(
    async (id: string) => {
      const deleted = await removePreset(id);
      if (deleted) setUndo({ preset: deleted });
    },
    [removePreset],
  );
  const expireUndo = useCallback(() => setUndo(null), []);

  const exportPresets = useCallback(
    async (ids: string[]) => {
      const exported = await api!.exportPresets(ids);
      if (!exported.ok) return onError(exported.error);
      if (exported.value) setNotice(`Exported ${exported.value.count} preset${exported.value.count === 1 ? '' : 's'} to ${exported.value.path} (without tokens).`);
    },
    [onError],
  );
  // Export… in the File menu: every preset (the sidebar's Export takes the ticked or shown ones).
  const presetIds = presets.list.map((preset) => preset.id);
  const exportAll = () => (presetIds.length > 0 ? void exportPresets(presetIds) : setNotice('There are no presets to export yet.'));
  const importPresets = useCallback(async () => {
    const preview = await api!.readImportFile();
    if (!preview.ok) return onError(preview.error);
    const file = preview.value;
    if (file) workspaceStore.update((workspace) => openDialog(workspace, { kind: 'import', preview: file }));
  }, [onError]);
  const dismiss = () => workspaceStore.update(closeDialog);
  const confirmImport = async (drafts: PresetDraft[], choice: ConflictChoice) => {
    dismiss();
    const done = await api!.importPresets(drafts, choice);
    if (!done.ok) return onError(done.error);
    const { added, replaced, renamed } = done.value;
    setNotice(`Imported ${added + replaced + renamed} preset${added + replaced + renamed === 1 ? '' : 's'}: ${added} added, ${renamed} renamed, ${replaced} replaced.`);
    await Promise.all([presets.refresh(), presets.reloadOpenPresets(), credentials.refresh()]);
  };

  const credentialChanged = async (change: CredentialChange) => {
    if (change.kind === 'renamed') {
      workspaceStore.update((workspace) => credentialRenamed(workspace, change.from, change.to));
      if (lastCredential === change.from) presets.rememberCredential(change.to);
      await presets.refresh();
    }
    await Promise.all([credentials.refresh(), token.refresh()]);
  };

  const closing = dialog?.kind === 'closeTab' ? tabs.find((tab) => tab.id === dialog.tabId) : undefined;
  const overlays: ReactNode = (
    <>
      {dialog?.kind === 'closeTab' && (
        <ConfirmDialog
          testId="discard-dialog"
          title="Close without saving?"
          confirmLabel="Discard changes"
          onCancel={dismiss}
          onConfirm={() => workspaceStore.update((workspace) => closeTab(workspace, dialog.tabId, lastCredential))}
        >
          {closing?.preset ? `“${closing.preset.name}” has changes that are not saved.` : 'This request has not been saved as a preset.'} They will be lost.
        </ConfirmDialog>
      )}
      {dialog?.kind === 'savePreset' && (
        <SavePresetDialog
          initialName={dialog.initialName}
          onCancel={dismiss}
          onSave={async (name) => {
            const error = await presets.saveTabAs(dialog.tabId, name);
            if (!error) {
              dismiss();
              await storeTypedToken(dialog.tabId);
            }
            return error ? error.message : null;
          }}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog preview={dialog.preview} credentials={credentials.credentials} onCancel={dismiss} onImport={(d, c) => void confirmImport(d, c)} />
      )}
      {dialog?.kind === 'credentials' && <CredentialManager credentials={credentials.credentials} onChanged={credentialChanged} onClose={dismiss} />}
      {undo && (
        <UndoToast
          message={`Deleted “${undo.preset.name}”.`}
          onExpire={expireUndo}
          onUndo={() => {
            setUndo(null);
            void restore(undo.preset);
          }}
        />
      )}
    </>
  );

  const infoNotice = notice ? <InfoNotice text={notice} onDismiss={() => setNotice(null)} /> : null;

  return {
    open: presets.open,
    startNew,
    close,
    save,
    saveAs,
    remove,
    exportPresets,
    exportAll,
    importPresets,
    manageCredentials: () => workspaceStore.update((workspace) => openDialog(workspace, { kind: 'credentials' })),
    overlays,
    infoNotice,
  };
}
