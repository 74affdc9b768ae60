// The workspace's plain functions, in Node: tabs, unsaved edits, closing with edits, the tab limit, sends landing in
// their own tab, and what survives a restart (never a response, never a token).
import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../shared/http';
import type { Preset } from '../../shared/presets';
import { blankRequest, withCredential } from '../../shared/request';
import { MAX_OPEN_TABS, savedWorkspaceSchema } from '../../shared/workspace';
import {
  activate,
  activeTab,
  closeTab,
  credentialRenamed,
  cycle,
  editDraft,
  fromSaved,
  initialWorkspace,
  isDirty,
  openDraft,
  openImported,
  openNewTab,
  openPreset,
  presetDeleted,
  presetSaved,
  closingLosesEdits,
  sendFinished,
  sendRefused,
  sendStarted,
  refusedAtLimit,
  TAB_LIMIT_NOTICE,
  toSaved,
  type Workspace,
} from '../../renderer/workspace/workspace';
import { createStore } from '../../renderer/state/store';

const preset = (id: string, url = `https://api.example.com/${id}`): Preset => ({
  id,
  name: `Preset ${id}`,
  updatedAt: 1,
  collection: 'default',
  folder: '',
  request: { ...blankRequest('staging'), url },
});
const result = (requestId: string, status = 200): SendResult => ({
  attempt: 1,
  expectedBytes: 2,
  status,
  statusText: 'OK',
  httpVersion: '1.1',
  url: 'https://api.example.com/',
  headers: [],
  elapsedMs: 1,
  ttfbMs: 1,
  sizeBytes: 2,
  wireBytes: 2,
  contentEncoding: '',
  contentType: 'application/json',
  bodyKind: 'json',
  body: '{}',
  requestId,
  redirects: [],
});
const typeUrl = (workspace: Workspace, url: string) => editDraft(workspace, workspace.activeId, (draft) => ({ ...draft, url }));

describe('tabs', () => {
  it('starts with one new, unsaved-free request, and opens, switches and cycles tabs', () => {
    let workspace = initialWorkspace('staging');
    expect(workspace.tabs).toHaveLength(1);
    expect(isDirty(activeTab(workspace))).toBe(false);
    const first = workspace.activeId;
    workspace = openNewTab(workspace, 'staging');
    workspace = openNewTab(workspace, 'staging');
    expect(workspace.tabs).toHaveLength(3);
    expect(cycle(workspace, 1).activeId).toBe(first);
    expect(cycle(cycle(workspace, 1), -1).activeId).toBe(workspace.activeId);
  });

  it('marks a tab unsaved when its draft differs from its preset, and clean again when saved or edited back', () => {
    let workspace = openPreset(initialWorkspace(), preset('a'));
    expect(isDirty(activeTab(workspace))).toBe(false);
    workspace = typeUrl(workspace, 'https://api.example.com/changed');
    expect(isDirty(activeTab(workspace))).toBe(true);
    workspace = typeUrl(workspace, 'https://api.example.com/a');
    expect(isDirty(activeTab(workspace))).toBe(false);
    workspace = typeUrl(workspace, 'https://api.example.com/v2');
    workspace = presetSaved(workspace, workspace.activeId, { ...preset('a'), request: activeTab(workspace).draft });
    expect(isDirty(activeTab(workspace))).toBe(false);
  });

  it('asks before closing a tab with unsaved edits, closes a clean one at once, and never leaves no tab', () => {
    let workspace = typeUrl(initialWorkspace('staging'), 'https://typed.example.com');
    const edited = workspace.activeId;
    expect(closingLosesEdits(workspace, edited)).toBe(true);

    workspace = closeTab(workspace, edited, 'staging');
    expect(workspace.tabs).toHaveLength(1);
    expect(workspace.tabs[0]!.id).not.toBe(edited);
    expect(isDirty(workspace.tabs[0]!)).toBe(false);

    workspace = openNewTab(workspace, 'staging');
    const clean = workspace.activeId;
    expect(closingLosesEdits(workspace, clean)).toBe(false);
    expect(closingLosesEdits(workspace, 'no-such-tab')).toBe(false);
    workspace = closeTab(workspace, clean, 'staging');
    expect(workspace.tabs.some((tab) => tab.id === clean)).toBe(false);
  });

  it('opens a preset in the tab already showing it, in an untouched new tab, or else in a new tab: nothing typed is replaced', () => {
    let workspace = openPreset(initialWorkspace(), preset('a'));
    expect(workspace.tabs).toHaveLength(1);
    workspace = typeUrl(workspace, 'https://api.example.com/a-edited');
    workspace = openPreset(workspace, preset('b'));
    expect(workspace.tabs).toHaveLength(2);
    expect(activeTab(workspace).preset?.id).toBe('b');
    workspace = openPreset(workspace, preset('a'));
    expect(workspace.tabs).toHaveLength(2);
    expect(activeTab(workspace).draft.url).toBe('https://api.example.com/a-edited');
  });

  it('keeps the draft of a deleted preset as a new, unsaved request', () => {
    let workspace = openPreset(initialWorkspace(), preset('a'));
    workspace = presetDeleted(workspace, 'a');
    expect(activeTab(workspace).preset).toBeNull();
    expect(activeTab(workspace).draft.url).toBe('https://api.example.com/a');
    expect(isDirty(activeTab(workspace))).toBe(true);
  });

  it('points every tab that used a renamed credential at its new name, saved copies included', () => {
    let workspace = openPreset(initialWorkspace(), preset('a'));
    workspace = openNewTab(workspace, 'prod');
    workspace = credentialRenamed(workspace, 'staging', 'stage-eu');
    expect(workspace.tabs.map((tab) => tab.draft.auth)).toEqual([
      { kind: 'bearer', credential: 'stage-eu' },
      { kind: 'bearer', credential: 'prod' },
    ]);
    expect(isDirty(workspace.tabs[0]!)).toBe(false);
  });
});

describe('the tab limit', () => {
  /** As many tabs as Keypost keeps, the last with a URL typed into it (so it is not an untouched new request). */
  const full = (): Workspace => {
    let workspace = initialWorkspace('staging');
    while (workspace.tabs.length < MAX_OPEN_TABS) workspace = openNewTab(workspace, 'staging');
    return typeUrl(workspace, 'https://typed.example.com/last');
  };

  it('opens tabs up to the limit, and a file holding that many is one the file accepts', () => {
    const workspace = full();
    expect(workspace.tabs).toHaveLength(MAX_OPEN_TABS);
    expect(savedWorkspaceSchema.safeParse(toSaved(workspace)).success).toBe(true);
    const oneMore = toSaved(workspace);
    expect(savedWorkspaceSchema.safeParse({ ...oneMore, tabs: [...oneMore.tabs, oneMore.tabs[0]] }).success).toBe(false);
  });

  it('refuses a new tab, a preset, a history entry and a cURL import past the limit, changing nothing', () => {
    const workspace = full();
    const refusals = [
      openNewTab(workspace, 'staging'),
      openPreset(workspace, preset('a')),
      openDraft(workspace, preset('b').request),
      openImported(workspace, preset('c').request),
    ];
    for (const refused of refusals) {
      expect(refused).toBe(workspace);
      expect(refusedAtLimit(workspace, refused)).toBe(true);
    }
    expect(refusedAtLimit(initialWorkspace(), initialWorkspace())).toBe(false);
    expect(TAB_LIMIT_NOTICE).toBe(`You have ${MAX_OPEN_TABS} tabs open, the most Keypost keeps. Close one to open another.`);
  });

  it('still shows a preset already open, or fills an untouched new tab, at the limit', () => {
    const atLimit = full();
    let workspace = openPreset(atLimit, preset('a'));
    expect(refusedAtLimit(atLimit, workspace)).toBe(true);
    workspace = closeTab(workspace, workspace.tabs[0]!.id, 'staging');
    workspace = openPreset(workspace, preset('a'));
    expect(workspace.tabs).toHaveLength(MAX_OPEN_TABS);
    const shown = workspace.activeId;
    const before = cycle(workspace, 1);
    workspace = openPreset(before, preset('a'));
    expect(workspace.activeId).toBe(shown);
    expect(refusedAtLimit(before, workspace)).toBe(false);

    // The first tab is an untouched new request: a cURL import goes into it, no tab needed.
    workspace = openImported(activate(workspace, workspace.tabs[0]!.id), preset('c').request);
    expect([workspace.tabs.length, activeTab(workspace).draft.url]).toEqual([MAX_OPEN_TABS, 'https://api.example.com/c']);
  });

  it('opens a tab again once one is closed', () => {
    let workspace = openNewTab(full(), 'staging');
    workspace = closeTab(workspace, workspace.activeId, 'staging');
    workspace = openDraft(workspace, preset('b').request);
    expect([workspace.tabs.length, activeTab(workspace).draft.url]).toEqual([MAX_OPEN_TABS, 'https://api.example.com/b']);
  });
});

describe('sending', () => {
  it('lands each answer in the tab that sent it, whichever tab is active', () => {
    let workspace = initialWorkspace();
    const first = workspace.activeId;
    workspace = sendStarted(workspace, first, 'req-1');
    workspace = openNewTab(workspace, 'default');
    const second = workspace.activeId;
    workspace = sendStarted(workspace, second, 'req-2');
    workspace = sendFinished(workspace, 'req-2', { ok: true, value: result('req-2', 201) });
    workspace = sendFinished(workspace, 'req-1', { ok: true, value: result('req-1', 200) });
    const byId = new Map(workspace.tabs.map((tab) => [tab.id, tab]));
    expect(byId.get(first)).toMatchObject({ inFlight: null, response: { requestId: 'req-1', status: 200 } });
    expect(byId.get(second)).toMatchObject({ inFlight: null, response: { requestId: 'req-2', status: 201 } });
  });

  it('marks the previous response as old when a later send fails or is refused, and current again after a success', () => {
    let workspace = initialWorkspace();
    const id = workspace.activeId;
    workspace = sendFinished(sendStarted(workspace, id, 'r1'), 'r1', { ok: true, value: result('r1') });
    workspace = sendStarted(workspace, id, 'r2');
    workspace = sendFinished(workspace, 'r2', { ok: false, error: { code: 'CONNECTION_REFUSED', message: 'Refused.' } });
    expect(activeTab(workspace)).toMatchObject({ responseIsOld: true, error: { code: 'CONNECTION_REFUSED' }, response: { requestId: 'r1' } });
    workspace = sendFinished(sendStarted(workspace, id, 'r3'), 'r3', { ok: true, value: result('r3') });
    expect(activeTab(workspace)).toMatchObject({ responseIsOld: false, error: null, response: { requestId: 'r3' } });
    workspace = sendRefused(workspace, id, { code: 'INVALID_URL', message: 'Bad URL.' });
    expect(activeTab(workspace).responseIsOld).toBe(true);
  });

  it('ignores an answer for a request no tab is waiting for (its tab was closed)', () => {
    let workspace = sendStarted(initialWorkspace(), initialWorkspace().activeId, 'gone');
    const before = workspace;
    workspace = sendFinished(workspace, 'other', { ok: true, value: result('other') });
    expect(workspace).toBe(before);
  });
});

describe('restarts', () => {
  it('keeps each tab’s draft and preset link, and the active tab, but no response and nothing in flight', () => {
    let workspace = openPreset(initialWorkspace(), preset('a'));
    workspace = typeUrl(workspace, 'https://api.example.com/a-unsaved');
    workspace = sendFinished(sendStarted(workspace, workspace.activeId, 'r'), 'r', { ok: true, value: result('r') });
    workspace = openNewTab(workspace, 'prod');
    workspace = editDraft(workspace, workspace.activeId, (draft) => withCredential({ ...draft, url: 'https://new.example.com' }, 'prod'));
    workspace = cycle(workspace, 1);
    const saved = toSaved(workspace);
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
    expect(saved).toEqual({
      active: 0,
      tabs: [
        { presetId: 'a', draft: { ...preset('a').request, url: 'https://api.example.com/a-unsaved' } },
        { presetId: null, draft: { ...blankRequest('prod'), url: 'https://new.example.com' } },
      ],
    });

    const restored = fromSaved(saved, (id) => (id === 'a' ? preset('a') : undefined), 'staging');
    expect(restored.tabs.map((tab) => [tab.preset?.id ?? null, isDirty(tab), tab.response])).toEqual([
      ['a', true, null],
      [null, true, null],
    ]);
    expect(activeTab(restored).preset?.id).toBe('a');
  });

  it('brings back a tab whose preset was deleted meanwhile as a new request with its draft', () => {
    const saved = { active: 0, tabs: [{ presetId: 'deleted', draft: preset('x').request }] };
    const restored = fromSaved(saved, () => undefined, 'staging');
    expect(activeTab(restored)).toMatchObject({ preset: null, draft: preset('x').request });
  });
});

describe('the store', () => {
  it('tells subscribers about each change, and nothing when a change returns the same state', () => {
    const store = createStore(initialWorkspace());
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.update((workspace) => openNewTab(workspace, 'default'));
    store.update((workspace) => workspace);
    expect(calls).toBe(1);
    unsubscribe();
    store.update((workspace) => openNewTab(workspace, 'default'));
    expect(calls).toBe(1);
    expect(store.get().tabs).toHaveLength(3);
  });
});
