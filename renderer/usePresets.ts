// The preset library (the sidebar's list, the startup notice, the saved settings) and what each preset call does
// to the open tabs. Startup brings back the open tabs, or else the last open preset.
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_CREDENTIAL } from '../shared/credentials';
import type { KeypostError, Result } from '../shared/errors';
import type { Preset, PresetSummary } from '../shared/presets';
import { emptySettings, type RendererSettings } from '../shared/settings';
import type { StoreDamage, StoreStatus } from '../shared/storeFile';
import { api } from './api';
import {
  dismissNotice,
  fromSaved,
  initialWorkspace,
  openPreset,
  presetChanged,
  presetDeleted,
  presetRenamed,
  presetRestored,
  presetSaved,
  showNotice,
  toSaved,
} from './workspace/workspace';
import { workspaceStore } from './workspace/workspaceStore';

export function usePresets(onError: (error: KeypostError) => void) {
  const [list, setList] = useState<PresetSummary[]>([]);
  const [status, setStatus] = useState<StoreStatus | null>(null);
  /** The open tabs file did not read completely at start: what was lost, and where its original bytes are kept. */
  const [workspaceDamage, setWorkspaceDamage] = useState<StoreDamage | null>(null);
  /** The saved settings, read at startup (null until then; the defaults if unreadable). */
  const [savedSettings, setSavedSettings] = useState<RendererSettings | null>(null);
  /** The credential a new tab starts with: the one last chosen. */
  const [lastCredential, setLastCredential] = useState(DEFAULT_CREDENTIAL);
  /** False until the open tabs are back: until then there is nothing to type into, so nothing typed is replaced. */
  const [restored, setRestored] = useState(!api);
  const errors = useRef(onError);
  errors.current = onError;

  /** Unwraps a result, reporting a failure to the error banner. */
  const check = useCallback(<T,>(result: Result<T>): T | undefined => {
    if (result.ok) return result.value;
    errors.current(result.error);
    return undefined;
  }, []);

  const refresh = useCallback(async () => {
    const listed = await api?.listPresets();
    if (listed) {
      const value = check(listed);
      if (value) setList(value);
    }
  }, [check]);

  // Startup: a notice if the store was repaired, the list, then the open tabs as they were (or the last preset).
  useEffect(() => {
    if (!api) return;
    let canSave = false;
    // Once restored, the open tabs are saved as they change (drafts included, never a token: a draft names its
    // credential): at once, one write at a time, the latest state last, so closing the window loses nothing.
    let lastSaved: unknown[] = [];
    let writing = false;
    /** The notice shown for the failing saves, once per run of failures: not again on every keystroke. */
    let failure: string | null = null;
    const save = async () => {
      if (!canSave || writing) return;
      const workspace = workspaceStore.get();
      // What a saved workspace is made of; drafts are replaced, never changed, so comparing references is enough
      // to skip the changes that do not touch it (a response arriving, a dialog opening).
      const parts = [workspace.activeId, ...workspace.tabs.flatMap((tab) => [tab.draft, tab.preset?.id])];
      if (parts.length === lastSaved.length && parts.every((part, index) => part === lastSaved[index])) return;
      writing = true;
      lastSaved = parts;
      const result = await api!.saveWorkspace(toSaved(workspace));
      writing = false;
      if (!result.ok && failure === null) {
        // In the workspace's own notice, not the error banner, which a tab's own error hides and any other replaces.
        const shown = tabsNotSaved(result.error);
        failure = shown;
        workspaceStore.update((current) => showNotice(current, shown));
      } else if (result.ok && failure !== null) {
        const shown = failure;
        failure = null;
        workspaceStore.update((current) => (current.notice === shown ? dismissNotice(current) : current));
      }
      void save();
    };
    void (async () => {
      // The sidebar's list comes when it comes: the tabs, and so the composer, do not wait for it.
      void refresh();
      try {
        const [storeStatus, settings, saved] = await Promise.all([api.storeStatus(), api.getSettings(), api.getWorkspace()]);
        const notice = check(storeStatus);
        if (notice && (notice.backupPath || notice.problems.length > 0)) setStatus(notice);
        const remembered = check(settings);
        setSavedSettings(remembered ?? rendererDefaults());
        const credential = remembered?.selectedCredential ?? DEFAULT_CREDENTIAL;
        setLastCredential(credential);
        const tabs = check(saved);
        if (tabs?.damage) setWorkspaceDamage(tabs.damage);
        if (tabs && tabs.tabs.length > 0) {
          // All at once: the composer waits for them.
          const ids = [...new Set(tabs.tabs.flatMap((tab) => (tab.presetId ? [tab.presetId] : [])))];
          const found = await Promise.all(ids.map((id) => api!.getPreset(id)));
          const presets = new Map(found.flatMap((preset): Array<[string, Preset]> => (preset.ok ? [[preset.value.id, preset.value]] : [])));
          workspaceStore.update(() => fromSaved(tabs, (id) => presets.get(id), credential));
        } else {
          const last = remembered?.lastPresetId ? await api.getPreset(remembered.lastPresetId) : null;
          workspaceStore.update(() => (last?.ok ? openPreset(initialWorkspace(credential), last.value) : initialWorkspace(credential)));
        }
        canSave = true;
        void save();
      } finally {
        // The tabs are shown even if a call failed (its error is on the banner); saving waits for a complete restore.
        setRestored(true);
      }
    })();

    const unsubscribe = workspaceStore.subscribe(() => void save());
    return unsubscribe;
  }, [check, refresh]);

  const remember = useCallback((patch: { lastPresetId?: string | null; selectedCredential?: string }) => {
    void api?.updateSettings(patch);
  }, []);

  const rememberCredential = useCallback(
    (name: string) => {
      setLastCredential(name);
      remember({ selectedCredential: name });
    },
    [remember],
  );

  const open = useCallback(
    async (id: string) => {
      const preset = check(await api!.getPreset(id));
      if (!preset) return void refresh();
      workspaceStore.update((workspace) => openPreset(workspace, preset));
      remember({ lastPresetId: id });
    },
    [check, refresh, remember],
  );

  /** Saves the tab's draft over its preset; answers false when it has none (the caller asks for a name). */
  const saveTab = useCallback(
    async (tabId: string): Promise<boolean> => {
      const tab = workspaceStore.get().tabs.find((candidate) => candidate.id === tabId);
      if (!tab?.preset) return false;
      const saved = check(await api!.updatePreset(tab.preset.id, { name: tab.preset.name, request: tab.draft }));
      if (saved) {
        workspaceStore.update((workspace) => presetSaved(workspace, tabId, saved));
        await refresh();
      }
      return true;
    },
    [check, refresh],
  );

  /** Saves the tab's draft as a new preset; answers the error to show in the name dialog, or null. */
  const saveTabAs = useCallback(
    async (tabId: string, name: string): Promise<KeypostError | null> => {
      const tab = workspaceStore.get().tabs.find((candidate) => candidate.id === tabId);
      if (!tab) return null;
      const created = await api!.createPreset({ name, request: tab.draft });
      if (!created.ok) return created.error;
      workspaceStore.update((workspace) => presetSaved(workspace, tabId, created.value));
      remember({ lastPresetId: created.value.id });
      await refresh();
      return null;
    },
    [refresh, remember],
  );

  /** After presets changed behind the tabs' back (an import that replaced some): each linked tab gets the saved copy. */
  const reloadOpenPresets = useCallback(async () => {
    const ids = new Set(workspaceStore.get().tabs.flatMap((tab) => (tab.preset ? [tab.preset.id] : [])));
    for (const id of ids) {
      const preset = await api!.getPreset(id);
      if (preset.ok) workspaceStore.update((workspace) => presetChanged(workspace, preset.value));
      else workspaceStore.update((workspace) => presetDeleted(workspace, id));
    }
  }, []);

  const rename = useCallback(
    async (id: string, name: string): Promise<KeypostError | null> => {
      const renamed = await api!.renamePreset(id, name);
      if (!renamed.ok) return renamed.error;
      workspaceStore.update((workspace) => presetRenamed(workspace, id, renamed.value.name));
      await refresh();
      return null;
    },
    [refresh],
  );

  const duplicate = useCallback(
    async (id: string) => {
      check(await api!.duplicatePreset(id));
      await refresh();
    },
    [check, refresh],
  );

  /** Deletes and answers the preset (for undo). Its tabs keep their drafts, unsaved. */
  const remove = useCallback(
    async (id: string): Promise<Preset | undefined> => {
      const deleted = check(await api!.deletePreset(id));
      if (deleted) workspaceStore.update((workspace) => presetDeleted(workspace, id));
      await refresh();
      return deleted;
    },
    [check, refresh],
  );

  const restore = useCallback(
    async (preset: Preset) => {
      const restored = check(await api!.restorePreset(preset));
      if (restored) workspaceStore.update((workspace) => presetRestored(workspace, { ...preset, id: restored.id, name: restored.name }));
      await refresh();
    },
    [check, refresh],
  );

  return {
    list,
    status,
    savedSettings,
    lastCredential,
    restored,
    rememberCredential,
    dismissStatus: () => setStatus(null),
    workspaceDamage,
    dismissWorkspaceDamage: () => setWorkspaceDamage(null),
    refresh,
    reloadOpenPresets,
    open,
    saveTab,
    saveTabAs,
    rename,
    duplicate,
    remove,
    restore,
  };
}

/** A failed save in words: the library's text (a schema's, say) means nothing to someone whose tabs are at stake. */
function tabsNotSaved(error: KeypostError): string {
  const why = error.code === 'STORE_WRITE_FAILED' && error.hint ? error.hint : 'Meanwhile, save the requests you need as presets.';
  return `Keypost could not save your open tabs, so your latest changes to them would not come back after a restart; it tries again with each change. ${why}`;
}

const rendererDefaults = (): RendererSettings => {
  const { windowBounds: _mainOnly, ...settings } = emptySettings();
  return settings;
};
