// The open request: its draft (a request document), the preset it came from, unsaved state, and the library.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_CREDENTIAL } from '../shared/credentials';
import type { KeypostError, Result } from '../shared/errors';
import { DEFAULT_BODY_LIMIT_MB } from '../shared/http';
import type { Preset, PresetSummary } from '../shared/presets';
import { blankRequest, credentialOf, sameRequest, withCredential, type RequestDocument } from '../shared/request';
import type { StoreStatus } from '../shared/storeFile';
import { api } from './api';

export function usePresets(onError: (error: KeypostError) => void) {
  const [draft, setDraft] = useState<RequestDocument>(() => blankRequest());
  const [current, setCurrent] = useState<Preset | null>(null);
  /** The credential the token field works with: the draft's, or the last one chosen when the draft sends none. */
  const [lastCredential, setLastCredential] = useState(DEFAULT_CREDENTIAL);
  const credential = credentialOf(draft) ?? lastCredential;
  const [list, setList] = useState<PresetSummary[]>([]);
  const [status, setStatus] = useState<StoreStatus | null>(null);
  /** The saved body size limit, read with the other settings at startup (null until then; the default if unreadable). */
  const [savedBodyLimitMb, setSavedBodyLimitMb] = useState<number | null>(null);
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

  const show = useCallback((preset: Preset | null, nextCredential: string) => {
    setCurrent(preset);
    setDraft(preset ? preset.request : blankRequest(nextCredential));
    setLastCredential(credentialOf(preset?.request ?? blankRequest(nextCredential)) ?? nextCredential);
  }, []);

  // Startup: a notice if the store was repaired, the list, and the last open preset with its credential.
  useEffect(() => {
    if (!api) return;
    void (async () => {
      const [storeStatus, settings] = await Promise.all([api.storeStatus(), api.getSettings(), refresh()]);
      const notice = check(storeStatus);
      if (notice && (notice.backupPath || notice.problems.length > 0)) setStatus(notice);
      const saved = check(settings);
      setSavedBodyLimitMb(saved?.bodyLimitMb ?? DEFAULT_BODY_LIMIT_MB);
      if (!saved) return;
      const last = saved.lastPresetId ? await api.getPreset(saved.lastPresetId) : null;
      if (last?.ok) show(last.value, credentialOf(last.value.request) ?? DEFAULT_CREDENTIAL);
      else show(null, saved.selectedCredential ?? DEFAULT_CREDENTIAL);
    })();
  }, [check, refresh, show]);

  // Unsaved: the draft differs from the preset, or (no preset) from a new request with the same credential.
  const dirty = useMemo(() => !sameRequest(draft, current ? current.request : blankRequest(credential)), [draft, credential, current]);

  const remember = useCallback((patch: { lastPresetId?: string | null; selectedCredential?: string }) => {
    void api?.updateSettings(patch);
  }, []);

  const selectCredential = useCallback(
    (name: string) => {
      setDraft((request) => withCredential(request, name));
      setLastCredential(name);
      remember({ selectedCredential: name });
    },
    [remember],
  );

  const open = useCallback(
    async (id: string) => {
      const preset = check(await api!.getPreset(id));
      if (!preset) return void refresh();
      show(preset, credential);
      const opened = credentialOf(preset.request);
      remember(opened ? { lastPresetId: id, selectedCredential: opened } : { lastPresetId: id });
    },
    [check, credential, refresh, remember, show],
  );

  const startNew = useCallback(() => {
    show(null, credential);
    remember({ lastPresetId: null });
  }, [credential, remember, show]);

  /** Saves over the open preset; answers false when there is none (the caller asks for a name). */
  const saveCurrent = useCallback(async (): Promise<boolean> => {
    if (!current) return false;
    const saved = check(await api!.updatePreset(current.id, { name: current.name, request: draft }));
    if (saved) {
      setCurrent(saved);
      await refresh();
    }
    return true;
  }, [check, current, draft, refresh]);

  /** Saves the draft as a new preset; answers the error to show in the name dialog, or null. */
  const saveAs = useCallback(
    async (name: string): Promise<KeypostError | null> => {
      const created = await api!.createPreset({ name, request: draft });
      if (!created.ok) return created.error;
      setCurrent(created.value);
      remember({ lastPresetId: created.value.id, selectedCredential: credential });
      await refresh();
      return null;
    },
    [credential, draft, refresh, remember],
  );

  const rename = useCallback(
    async (id: string, name: string): Promise<KeypostError | null> => {
      const renamed = await api!.renamePreset(id, name);
      if (!renamed.ok) return renamed.error;
      setCurrent((open) => (open?.id === id ? { ...open, name: renamed.value.name } : open));
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

  /** Deletes and answers the preset (for undo). The open preset's text stays in the editor, unsaved. */
  const remove = useCallback(
    async (id: string): Promise<Preset | undefined> => {
      const deleted = check(await api!.deletePreset(id));
      if (deleted) setCurrent((open) => (open?.id === id ? null : open));
      await refresh();
      return deleted;
    },
    [check, refresh],
  );

  const restore = useCallback(
    async (preset: Preset, reopen: boolean) => {
      const restored = check(await api!.restorePreset(preset));
      if (restored && reopen) {
        setCurrent({ ...preset, ...restored });
        remember({ lastPresetId: restored.id });
      }
      await refresh();
    },
    [check, refresh, remember],
  );

  /** After a credential rename in the keychain: the store moved presets over; mirror that here. */
  const credentialRenamed = useCallback(
    async (from: string, to: string) => {
      const follow = (request: RequestDocument) => (credentialOf(request) === from ? withCredential(request, to) : request);
      setCurrent((open) => (open ? { ...open, request: follow(open.request) } : open));
      setDraft(follow);
      setLastCredential((selected) => (selected === from ? to : selected));
      await refresh();
    },
    [refresh],
  );

  return {
    draft,
    setDraft,
    credential,
    selectCredential,
    current,
    dirty,
    list,
    status,
    savedBodyLimitMb,
    dismissStatus: () => setStatus(null),
    refresh,
    open,
    startNew,
    saveCurrent,
    saveAs,
    rename,
    duplicate,
    remove,
    restore,
    credentialRenamed,
  };
}
