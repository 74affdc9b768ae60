// What the user does with presets (open, new, save, delete with undo, import, export, manage credentials),
// with the dialogs each one needs: confirm before discarding edits, ask for a name, confirm an import.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { KeypostError } from '../shared/errors';
import type { Preset, PresetDraft } from '../shared/presets';
import type { ConflictChoice, ImportPreview } from '../shared/transfer';
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

interface Deps {
  presets: ReturnType<typeof usePresets>;
  credentials: ReturnType<typeof useCredentials>;
  token: TokenState;
  onError(error: KeypostError): void;
}

export function usePresetCommands({ presets, credentials, token, onError }: Deps) {
  const [pendingDiscard, setPendingDiscard] = useState<(() => void) | null>(null);
  const [naming, setNaming] = useState<{ initial: string } | null>(null);
  const [undo, setUndo] = useState<{ preset: Preset; wasOpen: boolean } | null>(null);
  const [importing, setImporting] = useState<ImportPreview | null>(null);
  const [managing, setManaging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  /** Runs `action` now, or after the user agrees to drop unsaved edits. */
  const unlessDirty = useCallback(
    (action: () => void) => (presets.dirty ? setPendingDiscard(() => action) : action()),
    [presets.dirty],
  );
  const { open: openPreset, startNew: newDraft, current, saveCurrent } = presets;
  const open = useCallback(
    (id: string) => {
      if (id === current?.id) return;
      unlessDirty(() => void openPreset(id));
    },
    [current?.id, openPreset, unlessDirty],
  );
  const startNew = useCallback(() => unlessDirty(newDraft), [newDraft, unlessDirty]);

  const save = useCallback(async () => {
    if (!(await saveCurrent())) setNaming({ initial: '' });
  }, [saveCurrent]);
  const saveAs = useCallback(() => setNaming({ initial: current ? `${current.name} copy` : '' }), [current]);

  // Ctrl/Cmd+S saves, Ctrl/Cmd+Shift+S saves under a new name — anywhere in the window.
  const keys = useRef({ save, saveAs });
  keys.current = { save, saveAs };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      if (event.shiftKey) keys.current.saveAs();
      else void keys.current.save();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const { remove: removePreset, restore } = presets;
  const remove = useCallback(
    async (id: string) => {
      const wasOpen = current?.id === id;
      const deleted = await removePreset(id);
      if (deleted) setUndo({ preset: deleted, wasOpen });
    },
    [current?.id, removePreset],
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
  const importPresets = useCallback(async () => {
    const preview = await api!.readImportFile();
    if (!preview.ok) return onError(preview.error);
    if (preview.value) setImporting(preview.value);
  }, [onError]);
  const confirmImport = async (drafts: PresetDraft[], choice: ConflictChoice) => {
    setImporting(null);
    const done = await api!.importPresets(drafts, choice);
    if (!done.ok) return onError(done.error);
    const { added, replaced, renamed } = done.value;
    setNotice(`Imported ${added + replaced + renamed} preset${added + replaced + renamed === 1 ? '' : 's'}: ${added} added, ${renamed} renamed, ${replaced} replaced.`);
    await Promise.all([presets.refresh(), credentials.refresh()]);
  };

  const credentialChanged = async (change: CredentialChange) => {
    if (change.kind === 'renamed') await presets.credentialRenamed(change.from, change.to);
    await Promise.all([credentials.refresh(), token.refresh()]);
  };

  const overlays: ReactNode = (
    <>
      {pendingDiscard && (
        <ConfirmDialog
          testId="discard-dialog"
          title="Discard unsaved changes?"
          confirmLabel="Discard changes"
          onCancel={() => setPendingDiscard(null)}
          onConfirm={() => {
            const action = pendingDiscard;
            setPendingDiscard(null);
            action();
          }}
        >
          {current ? `“${current.name}” has changes that are not saved.` : 'This request has not been saved as a preset.'} They will be lost.
        </ConfirmDialog>
      )}
      {naming && (
        <SavePresetDialog
          initialName={naming.initial}
          onCancel={() => setNaming(null)}
          onSave={async (name) => {
            const error = await presets.saveAs(name);
            if (!error) setNaming(null);
            return error ? error.message : null;
          }}
        />
      )}
      {importing && (
        <ImportDialog preview={importing} credentials={credentials.credentials} onCancel={() => setImporting(null)} onImport={(d, c) => void confirmImport(d, c)} />
      )}
      {managing && <CredentialManager credentials={credentials.credentials} onChanged={credentialChanged} onClose={() => setManaging(false)} />}
      {undo && (
        <UndoToast
          message={`Deleted “${undo.preset.name}”.`}
          onExpire={expireUndo}
          onUndo={() => {
            setUndo(null);
            void restore(undo.preset, undo.wasOpen);
          }}
        />
      )}
    </>
  );

  const infoNotice = notice ? <InfoNotice text={notice} onDismiss={() => setNotice(null)} /> : null;

  return { open, startNew, save, saveAs, remove, exportPresets, importPresets, manageCredentials: () => setManaging(true), overlays, infoNotice };
}
