// What the History panel does: list the recorded sends for the filter typed, reopen one in a new tab, delete, clear.
import { api } from '../api';
import { reportError } from '../notices/notices';
import { openTabWith } from '../workspace/tabActions';
import { openDraft } from '../workspace/workspace';
import { historyAsked, historyFiltered, historyListed, historyStore } from './historyState';

export async function refreshHistory(): Promise<void> {
  historyStore.update(historyAsked);
  const { asked: call, filter } = historyStore.get();
  const listed = await api!.listHistory(filter);
  if (listed.ok) historyStore.update((state) => historyListed(state, call, listed.value));
  else reportError(listed.error);
}

export function filterHistory(filter: string): Promise<void> {
  historyStore.update((state) => historyFiltered(state, filter));
  return refreshHistory();
}

export async function reopenHistoryEntry(id: string): Promise<void> {
  const entry = await api!.getHistoryEntry(id);
  if (!entry.ok) return reportError(entry.error);
  openTabWith((workspace) => openDraft(workspace, entry.value.request));
}

export async function deleteHistoryEntry(id: string): Promise<void> {
  const removed = await api!.deleteHistoryEntry(id);
  if (!removed.ok) reportError(removed.error);
  await refreshHistory();
}

export async function clearHistory(): Promise<void> {
  const cleared = await api!.clearHistory();
  if (!cleared.ok) reportError(cleared.error);
  await refreshHistory();
}
