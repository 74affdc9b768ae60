// The workspace as plain data and the plain functions that change it: the open tabs, each with its draft, the preset
// it came from, its response, error and in-flight request. No React, no IPC: unit tests call these directly;
// workspaceStore.ts holds the current value, and the actions (workspaceActions.ts, …) change it.
import type { KeypostError } from '../../shared/errors';
import type { ResponseHead, SendResult, ShownResponse } from '../../shared/http';
import type { Preset } from '../../shared/presets';
import { blankRequest, credentialOf, sameRequest, withCredential, type RequestDocument } from '../../shared/request';
import { withoutSecrets } from '../../shared/secrets';
import { MAX_OPEN_TABS, type SavedWorkspace } from '../../shared/workspace';

export interface Tab {
  id: string;
  /** The preset this tab edits, as last saved (what "unsaved changes" compares against); null for a new request. */
  preset: SavedCopy | null;
  /** Set when the preset's file changed outside Keypost while this tab had unsaved edits: a conflict to resolve. */
  changedOnDisk: boolean;
  draft: RequestDocument;
  /** The request id of the send in flight, if any (its Cancel and progress are keyed by it). */
  inFlight: string | null;
  /** The answer shown: complete, or its head while the body arrives (and after, when the send failed mid-body). */
  response: ShownResponse | null;
  error: KeypostError | null;
  /** Set when a later send failed: the response shown is the previous request's, and says so. */
  responseIsOld: boolean;
}

export interface Workspace {
  tabs: Tab[];
  activeId: string;
}

export const TAB_LIMIT_NOTICE = `You have ${MAX_OPEN_TABS} tabs open, the most Keypost keeps. Close one to open another.`;

let nextId = 0;
const tabId = () => `tab-${++nextId}`;

/** A preset as a tab keeps it: its request as saved, and when (the version a save's edits are based on). */
export interface SavedCopy {
  id: string;
  name: string;
  updatedAt: number;
  request: RequestDocument;
}
const savedCopy = ({ id, name, updatedAt, request }: Preset): SavedCopy => ({ id, name, updatedAt, request });

export function newTab(draft: RequestDocument, preset: Tab['preset'] = null): Tab {
  return { id: tabId(), preset, changedOnDisk: false, draft, inFlight: null, response: null, error: null, responseIsOld: false };
}

/** A workspace of one new request. */
export const initialWorkspace = (credential?: string): Workspace => {
  const tab = newTab(blankRequest(credential));
  return { tabs: [tab], activeId: tab.id };
};

export const activeTab = (workspace: Workspace): Tab => workspace.tabs.find((tab) => tab.id === workspace.activeId) ?? workspace.tabs[0]!;

/**
 * Unsaved: the draft differs from its preset, or (a new request) from a blank one with the same credential. Secret
 * values are never saved (secrets.ts), so they do not count: a tab holding one is not unsaved forever.
 */
export function isDirty(tab: Tab): boolean {
  // Asked for every tab on every render (the tab strip, the title), and a draft may hold megabytes of body: each
  // answer is kept for its tab object, which every change replaces.
  let dirty = dirtyByTab.get(tab);
  if (dirty === undefined) {
    dirty = !sameRequest(withoutSecrets(tab.draft), tab.preset ? tab.preset.request : blankRequest(credentialOf(tab.draft) ?? undefined));
    dirtyByTab.set(tab, dirty);
  }
  return dirty;
}
const dirtyByTab = new WeakMap<Tab, boolean>();

/** A new request no one has typed into, sent or linked to a preset: what is opened may use it instead of a new tab. */
const isUntouched = (tab: Tab): boolean => !tab.preset && !isDirty(tab) && !tab.response && !tab.inFlight;

const updateTab = (workspace: Workspace, id: string, change: (tab: Tab) => Tab): Workspace => ({
  ...workspace,
  tabs: workspace.tabs.map((tab) => (tab.id === id ? change(tab) : tab)),
});

/** Every tab opens through here: past the limit nothing changes (the file would refuse it; see refusedAtLimit). */
function withTab(workspace: Workspace, tab: Tab): Workspace {
  if (workspace.tabs.length >= MAX_OPEN_TABS) return workspace;
  return { ...workspace, tabs: [...workspace.tabs, tab], activeId: tab.id };
}

export const openNewTab = (workspace: Workspace, credential: string): Workspace => withTab(workspace, newTab(blankRequest(credential)));

export const activate = (workspace: Workspace, id: string): Workspace =>
  workspace.tabs.some((tab) => tab.id === id) ? { ...workspace, activeId: id } : workspace;

/** Ctrl+Tab / Ctrl+Shift+Tab: the next or previous tab, wrapping around. */
export function cycle(workspace: Workspace, step: 1 | -1): Workspace {
  const at = workspace.tabs.findIndex((tab) => tab.id === workspace.activeId);
  const next = workspace.tabs[(at + step + workspace.tabs.length) % workspace.tabs.length]!;
  return { ...workspace, activeId: next.id };
}

/** An opening refused by the tab limit: the functions that open a tab answer the same workspace only then. */
export const refusedAtLimit = (before: Workspace, after: Workspace): boolean => after === before && before.tabs.length >= MAX_OPEN_TABS;

/** Closing this tab loses edits, so the user is asked first. */
export const closingLosesEdits = (workspace: Workspace, id: string): boolean => {
  const tab = workspace.tabs.find((candidate) => candidate.id === id);
  return tab !== undefined && isDirty(tab);
};

/** The last tab closed leaves a new request. */
export function closeTab(workspace: Workspace, id: string, credential: string): Workspace {
  const at = workspace.tabs.findIndex((tab) => tab.id === id);
  if (at === -1) return workspace;
  const tabs = workspace.tabs.filter((tab) => tab.id !== id);
  if (tabs.length === 0) return initialWorkspace(credential);
  const activeId = workspace.activeId === id ? tabs[Math.min(at, tabs.length - 1)]!.id : workspace.activeId;
  return { ...workspace, tabs, activeId };
}

export const editDraft = (workspace: Workspace, id: string, change: (draft: RequestDocument) => RequestDocument): Workspace =>
  updateTab(workspace, id, (tab) => ({ ...tab, draft: change(tab.draft) }));

/**
 * Opens a preset: the tab that already shows it, or the active tab when that is an untouched new request, or a
 * new tab. Nothing typed is ever replaced, so opening never needs to ask.
 */
export function openPreset(workspace: Workspace, preset: Preset): Workspace {
  const showing = workspace.tabs.find((tab) => tab.preset?.id === preset.id);
  if (showing) return { ...workspace, activeId: showing.id };
  const active = activeTab(workspace);
  const saved = savedCopy(preset);
  if (isUntouched(active)) {
    return updateTab(workspace, active.id, (tab) => ({ ...tab, preset: saved, draft: preset.request, error: null }));
  }
  return withTab(workspace, newTab(preset.request, saved));
}

/** Opens a request (a history entry's) in a new tab of its own, unlinked to any preset; the active tab is left as it is. */
export const openDraft = (workspace: Workspace, request: RequestDocument): Workspace => withTab(workspace, newTab(request));

/** A request imported from cURL: into the active tab when it is an untouched new request (as openPreset decides), else a new tab. */
export function openImported(workspace: Workspace, request: RequestDocument): Workspace {
  const active = activeTab(workspace);
  if (isUntouched(active)) {
    return updateTab(workspace, active.id, (tab) => ({ ...tab, draft: request, error: null }));
  }
  return withTab(workspace, newTab(request));
}

/** After a save: the tab now edits this preset, as saved. */
export const presetSaved = (workspace: Workspace, id: string, preset: Preset): Workspace =>
  updateTab(workspace, id, (tab) => ({ ...tab, preset: savedCopy(preset), changedOnDisk: false }));

/**
 * The preset changed (its file edited outside Keypost, or replaced by an import): a tab without unsaved edits shows
 * the new version; a tab with edits keeps them and its base, marked changed on disk, so a save cannot write over
 * the other version unasked.
 */
export const presetChanged = (workspace: Workspace, preset: Preset): Workspace => ({
  ...workspace,
  tabs: workspace.tabs.map((tab) => {
    if (tab.preset?.id !== preset.id) return tab;
    if (!isDirty(tab)) return { ...tab, draft: preset.request, preset: savedCopy(preset), changedOnDisk: false };
    return sameRequest(tab.preset.request, preset.request) && tab.preset.name === preset.name ? { ...tab, preset: savedCopy(preset) } : { ...tab, changedOnDisk: true };
  }),
});

/** "Reload from disk": the tab drops its edits for the version on disk. */
export const presetReloaded = (workspace: Workspace, tabId: string, preset: Preset): Workspace =>
  updateTab(workspace, tabId, (tab) => ({ ...tab, draft: preset.request, preset: savedCopy(preset), changedOnDisk: false }));

/** The preset's file was written anew with the same request (renamed, moved): its tabs' saved copy takes the name and
 *  the file's new time, which their next save is based on. */
export const presetRewritten = (workspace: Workspace, { id, name, updatedAt }: { id: string; name: string; updatedAt: number }): Workspace => ({
  ...workspace,
  tabs: workspace.tabs.map((tab) => (tab.preset?.id === id ? { ...tab, preset: { ...tab.preset, name, updatedAt } } : tab)),
});

/** A deleted preset's tabs keep their drafts, as new (unsaved) requests; undo links them again. */
export const presetDeleted = (workspace: Workspace, presetId: string): Workspace => ({
  ...workspace,
  tabs: workspace.tabs.map((tab) => (tab.preset?.id === presetId ? { ...tab, preset: null, changedOnDisk: false } : tab)),
});

export const presetRestored = (workspace: Workspace, preset: Preset): Workspace => ({
  ...workspace,
  tabs: workspace.tabs.map((tab) =>
    !tab.preset && sameRequest(withoutSecrets(tab.draft), preset.request) ? { ...tab, preset: savedCopy(preset) } : tab,
  ),
});

/** The keychain entry was renamed: every draft and saved preset that used it follows. */
export function credentialRenamed(workspace: Workspace, from: string, to: string): Workspace {
  const follow = (request: RequestDocument) => (credentialOf(request) === from ? withCredential(request, to) : request);
  return {
    ...workspace,
    tabs: workspace.tabs.map((tab) => ({ ...tab, draft: follow(tab.draft), preset: tab.preset && { ...tab.preset, request: follow(tab.preset.request) } })),
  };
}

export const sendStarted = (workspace: Workspace, id: string, requestId: string): Workspace =>
  updateTab(workspace, id, (tab) => ({ ...tab, inFlight: requestId, error: null }));

/** A response's head arrived while its send is in flight: the tab shows it (and its body as it comes) at once. */
export function responseStarted(workspace: Workspace, head: ResponseHead): Workspace {
  const tab = workspace.tabs.find((candidate) => candidate.inFlight === head.requestId);
  if (!tab) return workspace;
  return updateTab(workspace, tab.id, (current) => ({ ...current, response: head, responseIsOld: false }));
}

/** A send's answer lands in the tab that sent it, by its request id, whichever tab is active by then. A send that
 *  failed after its response began (cancelled, timed out, dropped) keeps what arrived of it on show. */
export function sendFinished(workspace: Workspace, requestId: string, answer: { ok: true; value: SendResult } | { ok: false; error: KeypostError }): Workspace {
  const tab = workspace.tabs.find((candidate) => candidate.inFlight === requestId);
  if (!tab) return workspace;
  return updateTab(workspace, tab.id, (current) => {
    if (answer.ok) return { ...current, inFlight: null, response: answer.value, error: null, responseIsOld: false };
    const begun = current.response?.requestId === requestId;
    return { ...current, inFlight: null, error: answer.error, responseIsOld: current.response !== null && !begun };
  });
}

/** An error found before sending (bad input, no token): shown in the tab; an earlier response is now old. */
export const sendRefused = (workspace: Workspace, id: string, error: KeypostError): Workspace =>
  updateTab(workspace, id, (tab) => ({ ...tab, error, responseIsOld: tab.response !== null }));

export const dismissError = (workspace: Workspace, id: string): Workspace => updateTab(workspace, id, (tab) => ({ ...tab, error: null }));

/** What survives a restart: each tab's draft and preset link, never a response or anything in flight. */
export const toSaved = (workspace: Workspace): SavedWorkspace => ({
  tabs: workspace.tabs.map((tab) => ({ presetId: tab.preset?.id ?? null, draft: tab.draft })),
  active: Math.max(0, workspace.tabs.findIndex((tab) => tab.id === workspace.activeId)),
});

/** The tabs of a saved workspace, each linked to its preset again when that preset still exists. */
export function fromSaved(saved: SavedWorkspace, presetById: (id: string) => Preset | undefined, credential: string): Workspace {
  if (saved.tabs.length === 0) return initialWorkspace(credential);
  const tabs = saved.tabs.map(({ presetId, draft }) => {
    const preset = presetId ? presetById(presetId) : undefined;
    return newTab(draft, preset ? savedCopy(preset) : null);
  });
  return { tabs, activeId: tabs[Math.min(saved.active, tabs.length - 1)]!.id };
}
