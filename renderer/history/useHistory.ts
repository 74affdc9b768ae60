// The History panel's data and actions: the list for the filter typed (history/), listed again whenever a send
// starts or finishes (main records a send before answering it).
import { useEffect } from 'react';
import { clearHistory, deleteHistoryEntry, filterHistory, refreshHistory, reopenHistoryEntry } from './historyActions';
import { historyStore } from './historyState';
import { useStore } from '../state/useStore';
import { useWorkspace } from '../workspace/workspaceStore';

/** How many tabs are waiting for an answer: when it changes, a send has started or finished. */
const sendsInFlight = (workspace: { tabs: ReadonlyArray<{ inFlight: string | null }> }) => workspace.tabs.filter((tab) => tab.inFlight !== null).length;

export function useHistory() {
  const { filter, list } = useStore(historyStore, (state) => state);
  const inFlight = useWorkspace(sendsInFlight);
  useEffect(() => void refreshHistory(), [inFlight]);
  return {
    filter,
    setFilter: (text: string) => void filterHistory(text),
    list,
    reopen: reopenHistoryEntry,
    remove: deleteHistoryEntry,
    clear: clearHistory,
  };
}
