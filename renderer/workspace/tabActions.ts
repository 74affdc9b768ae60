// What the user does with tabs: open one (within the limit, or told why not), close one (asked first when it has
// edits), switch, and edit its draft.
import type { RequestDocument } from '../../shared/request';
import { credentialsStore } from '../credentials/credentialsState';
import { closeDialog, dialogStore, openDialog } from '../dialogs/dialog';
import { inform } from '../notices/notices';
import { activate, closeTab, closingLosesEdits, cycle, editDraft, openNewTab, refusedAtLimit, TAB_LIMIT_NOTICE, type Workspace } from './workspace';
import { workspaceStore } from './workspaceStore';

/** Applies a change that opens a tab; at the limit nothing changes and the user is told. Answers whether it opened. */
export function openTabWith(open: (workspace: Workspace) => Workspace): boolean {
  const before = workspaceStore.get();
  const after = open(before);
  if (refusedAtLimit(before, after)) {
    inform('tabs', TAB_LIMIT_NOTICE, 'tabs-notice');
    return false;
  }
  workspaceStore.update(() => after);
  return true;
}

export const openBlankTab = () => openTabWith((workspace) => openNewTab(workspace, credentialsStore.get().lastChosen));

/** Closes the tab, or asks first when closing it would lose edits. */
export function requestCloseTab(tabId: string): void {
  if (closingLosesEdits(workspaceStore.get(), tabId)) openDialog({ kind: 'closeTab', tabId });
  else discardTab(tabId);
}

export function discardTab(tabId: string): void {
  workspaceStore.update((workspace) => closeTab(workspace, tabId, credentialsStore.get().lastChosen));
  const dialog = dialogStore.get();
  if (dialog?.kind === 'closeTab' && dialog.tabId === tabId) closeDialog();
}

export const closeActiveTab = () => requestCloseTab(workspaceStore.get().activeId);
export const activateTab = (tabId: string) => workspaceStore.update((workspace) => activate(workspace, tabId));
export const cycleTabs = (step: 1 | -1) => workspaceStore.update((workspace) => cycle(workspace, step));
export const editTabDraft = (tabId: string, change: (draft: RequestDocument) => RequestDocument) =>
  workspaceStore.update((workspace) => editDraft(workspace, tabId, change));
