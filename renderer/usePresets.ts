// The open request as a document: its draft, credential, the preset it came from, unsaved state, and the library.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_BODY_LIMIT_MB, DEFAULT_CREDENTIAL } from '../shared/api';
import type { KeypostError, Result } from '../shared/errors';
import type { Preset, PresetSummary, StoreStatus } from '../shared/presets';
import { api } from './api';
import type { Draft } from './useSend';

export const EXAMPLE_BODY = '{\n  "hello": "world"\n}\n';
const BLANK: Draft = { url: '', method: 'POST', body: EXAMPLE_BODY };

export function usePresets(onError: (error: KeypostError) => void) {
  const [draft, setDraft] = useState<Draft>(BLANK);
  const [credential, setCredential] = useState(DEFAULT_CREDENTIAL);
  const [current, setCurrent] = useState<Preset | null>(null);
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
    setDraft(
      preset
        ? { url: preset.url, method: preset.method, body: preset.body, allowPlainHttp: preset.allowPlainHttp, allowSelfSignedTls: preset.allowSelfSignedTls }
        : BLANK,
    );
    setCredential(nextCredential);
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
      if (last?.ok) show(last.value, last.value.credential);
      else setCredential(saved.selectedCredential ?? DEFAULT_CREDENTIAL);
    })();
  }, [check, refresh, show]);

  const dirty = useMemo(() => {
    if (!current) return draft.url !== BLANK.url || draft.body !== BLANK.body || draft.method !== BLANK.method;
    return (
      draft.url !== current.url ||
      draft.method !== current.method ||
      draft.body !== current.body ||
      credential !== current.credential ||
      !draft.allowPlainHttp !== !current.allowPlainHttp ||
      !draft.allowSelfSignedTls !== !current.allowSelfSignedTls
    );
  }, [draft, credential, current]);

  const remember = useCallback((patch: { lastPresetId?: string | null; selectedCredential?: string }) => {
    void api?.updateSettings(patch);
  }, []);

  const selectCredential = useCallback(
    (name: string) => {
      setCredential(name);
      remember({ selectedCredential: name });
    },
    [remember],
  );

  const open = useCallback(
    async (id: string) => {
      const preset = check(await api!.getPreset(id));
      if (!preset) return void refresh();
      show(preset, preset.credential);
      remember({ lastPresetId: id, selectedCredential: preset.credential });
    },
    [check, refresh, remember, show],
  );

  const startNew = useCallback(() => {
    show(null, credential);
    remember({ lastPresetId: null });
  }, [credential, remember, show]);

  /** Saves over the open preset; answers false when there is none (the caller asks for a name). */
  const saveCurrent = useCallback(async (): Promise<boolean> => {
    if (!current) return false;
    const saved = check(await api!.updatePreset(current.id, { ...draft, name: current.name, credential }));
    if (saved) {
      setCurrent(saved);
      await refresh();
    }
    return true;
  }, [check, credential, current, draft, refresh]);

  /** Saves the draft as a new preset; answers the error to show in the name dialog, or null. */
  const saveAs = useCallback(
    async (name: string): Promise<KeypostError | null> => {
      const created = await api!.createPreset({ ...draft, name, credential });
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
      setCurrent((open) => (open?.credential === from ? { ...open, credential: to } : open));
      setCredential((selected) => (selected === from ? to : selected));
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
