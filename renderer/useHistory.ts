// The History panel's data: main's list of recorded sends for the filter typed, listed again whenever a send
// finishes (main records it before answering), and the actions on it: reopen into a new tab, delete, clear.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeypostError } from '../shared/errors';
import type { HistoryList } from '../shared/history';
import { api } from './api';
import { openDraft } from './workspace/workspace';
import { useWorkspace, workspaceStore } from './workspace/workspaceStore';

const EMPTY: HistoryList = { entries: [], total: 0, notice: null };

/** How many tabs are waiting for an answer: when it changes, a send has started or finished. */
const sendsInFlight = (workspace: { tabs: ReadonlyArray<{ inFlight: string | null }> }) => workspace.tabs.filter((tab) => tab.inFlight !== null).length;

export function useHistory(onError: (error: KeypostError) => void) {
  const [filter, setFilter] = useState('');
  const [list, setList] = useState<HistoryList>(EMPTY);
  const inFlight = useWorkspace(sendsInFlight);
  // Answers can arrive out of order (a slow list, then a fast one): only the latest call's answer is shown.
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const call = ++latest.current;
    const listed = await api!.listHistory(filter);
    if (call !== latest.current) return;
    if (listed.ok) setList(listed.value);
    else onError(listed.error);
  }, [filter, onError]);

  useEffect(() => void refresh(), [refresh, inFlight]);

  const reopen = useCallback(
    async (id: string) => {
      const entry = await api!.getHistoryEntry(id);
      if (!entry.ok) return onError(entry.error);
      workspaceStore.update((workspace) => openDraft(workspace, entry.value.request));
    },
    [onError],
  );

  const remove = useCallback(
    async (id: string) => {
      const removed = await api!.deleteHistoryEntry(id);
      if (!removed.ok) onError(removed.error);
      await refresh();
    },
    [onError, refresh],
  );

  const clear = useCallback(async () => {
    const cleared = await api!.clearHistory();
    if (!cleared.ok) onError(cleared.error);
    await refresh();
  }, [onError, refresh]);

  return { filter, setFilter, list, reopen, remove, clear };
}
