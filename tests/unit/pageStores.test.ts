// The page's stores, by their pure functions: what each change does to the state a user sees (no React, no IPC).
import { describe, expect, it } from 'vitest';
import type { CredentialInfo } from '../../shared/credentials';
import type { HistoryList } from '../../shared/history';
import {
  credentialChosen,
  credentialsListed,
  initialCredentials,
  tokenFactsOf,
  tokenHidden,
  tokenRevealed,
  tokenStatusArrived,
  tokenStored,
  tokenTargeted,
  tokenTyped,
} from '../../renderer/credentials/credentialsState';
import { environmentActivated, environmentsByCollection, NO_ENVIRONMENTS } from '../../renderer/environments/environmentsState';
import { historyAsked, historyFiltered, historyListed, initialHistory } from '../../renderer/history/historyState';
import { noticeDismissed, noticeShown, type Notice } from '../../renderer/notices/notices';
import { initialLibrary, presetsListed, tabsRestored } from '../../renderer/presets/library';
import { initialSettings, settingsChanged, settingsLoaded } from '../../renderer/settings/settingsState';

/** A JWT whose payload says it expired at 1,000 s after the epoch (unsigned: the page only reads what it says). */
const EXPIRED_JWT = `eyJhbGciOiJub25lIn0.${btoa(JSON.stringify({ exp: 1000, iss: 'issuer.example' })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.`;

describe('notices', () => {
  const error = (message: string): Notice => ({ id: 'error', kind: 'error', error: { code: 'INTERNAL', message } });

  it('shows the newest failure in place of the last one, and other notices beside it in order', () => {
    let notices = noticeShown([], error('First.'));
    notices = noticeShown(notices, { id: 'info', kind: 'info', text: 'Exported 2 presets.' });
    notices = noticeShown(notices, error('Second.'));
    expect(notices.map((notice) => notice.id)).toEqual(['error', 'info']);
    expect(notices[0]).toMatchObject({ error: { message: 'Second.' } });
  });

  it('dismisses one by its id, and answers the same list when there is nothing to dismiss', () => {
    const notices = noticeShown(noticeShown([], error('Failed.')), { id: 'tabs', kind: 'info', text: 'Too many tabs.' });
    expect(noticeDismissed(notices, 'error').map((notice) => notice.id)).toEqual(['tabs']);
    expect(noticeDismissed(notices, 'curl')).toBe(notices);
  });
});

describe('credentials and the token field', () => {
  const list: CredentialInfo[] = [{ name: 'staging', stored: true, usedBy: ['Orders'], origins: null }];

  it('lists credentials and remembers the one last chosen, changing nothing when it is the same', () => {
    const listed = credentialsListed(initialCredentials, list);
    expect(listed.list).toBe(list);
    const chosen = credentialChosen(listed, 'staging');
    expect(chosen.lastChosen).toBe('staging');
    expect(credentialChosen(chosen, 'staging')).toBe(chosen);
  });

  it('forgets what was typed or revealed when another credential comes into the field', () => {
    let state = tokenTyped(tokenTargeted(initialCredentials, 'staging'), 'typed-secret');
    expect(state.token).toMatchObject({ credential: 'staging', value: 'typed-secret', dirty: true });
    state = tokenTargeted(state, 'prod');
    expect(state.token).toMatchObject({ credential: 'prod', value: '', dirty: false, stored: false, revealed: false });
    expect(tokenTargeted(state, 'prod')).toBe(state);
  });

  it('takes main’s word on the keychain only for the credential still in the field', () => {
    const state = tokenTargeted(initialCredentials, 'prod');
    expect(tokenStatusArrived(state, 'staging', { stored: true })).toBe(state);
    expect(tokenStatusArrived(state, 'prod', { stored: true }).token.stored).toBe(true);
  });

  it('reveals a stored token on request, and hiding takes it out of the page again but keeps typed text', () => {
    const stored = tokenStatusArrived(tokenTargeted(initialCredentials, 'prod'), 'prod', { stored: true });
    const shown = tokenRevealed(stored, 'from-the-keychain');
    expect(shown.token).toMatchObject({ revealed: true, value: 'from-the-keychain' });
    expect(tokenHidden(shown).token).toMatchObject({ revealed: false, value: '' });
    const typed = tokenHidden(tokenRevealed(tokenTyped(stored, 'typed'), null));
    expect(typed.token).toMatchObject({ revealed: false, value: 'typed', dirty: true });
  });

  it('once a typed token is stored, the field empties and its facts come from what was stored', () => {
    const typed = tokenTyped(tokenTargeted(initialCredentials, 'prod'), EXPIRED_JWT);
    expect(tokenFactsOf(typed.token)).toMatchObject({ expiresAt: 1_000_000 });
    const stored = tokenStored(typed, 'prod');
    expect(stored.token).toMatchObject({ value: '', dirty: false, stored: true });
    expect(tokenFactsOf(stored.token)).toMatchObject({ expiresAt: 1_000_000, issuer: 'issuer.example' });
    expect(tokenStored(typed, 'staging')).toBe(typed);
  });
});

describe('the other stores', () => {
  it('settings: the defaults until the saved ones arrive, then each change at once', () => {
    expect(initialSettings).toMatchObject({ loaded: false, settings: { timeoutSeconds: 30, theme: 'system' } });
    const loaded = settingsLoaded(initialSettings, { ...initialSettings.settings, timeoutSeconds: 90 });
    expect(loaded).toMatchObject({ loaded: true, settings: { timeoutSeconds: 90 } });
    expect(settingsLoaded(initialSettings, null)).toEqual({ loaded: true, settings: initialSettings.settings });
    expect(settingsChanged(loaded, { theme: 'dark' }).settings).toMatchObject({ timeoutSeconds: 90, theme: 'dark' });
  });

  it('saved requests: the list, and the tabs back once', () => {
    const listed = presetsListed(initialLibrary, [{ id: 'p1', name: 'Orders', method: 'GET', url: 'https://api.example.com', credential: null, updatedAt: 1, collection: 'default', folder: '' }]);
    expect(listed.list.map((preset) => preset.name)).toEqual(['Orders']);
    const restored = tabsRestored(listed);
    expect(restored.restored).toBe(true);
    expect(tabsRestored(restored)).toBe(restored);
  });

  it('environments: the one chosen is active at once', () => {
    expect(environmentActivated(NO_ENVIRONMENTS, 'staging').activeId).toBe('staging');
  });

  it('environments: grouped by their collection, in the collections’ order, leaving out collections without any', () => {
    const environment = (id: string, collection: string) => ({ id, name: id, variables: [], collection });
    const state = {
      ...NO_ENVIRONMENTS,
      collections: [{ id: 'default', name: 'My requests' }, { id: 'c-empty', name: 'docs' }, { id: 'c-team', name: 'team-api' }],
      environments: [environment('staging', 'default'), environment('qa', 'c-team'), environment('prod', 'default')],
    };
    expect(environmentsByCollection(state).map((group) => [group.name, group.environments.map((each) => each.id)])).toEqual([
      ['My requests', ['staging', 'prod']],
      ['team-api', ['qa']],
    ]);
  });

  it('history: an answer counts only when no later list was asked for meanwhile', () => {
    const slow: HistoryList = { entries: [], total: 1, notice: null };
    const fast: HistoryList = { entries: [], total: 2, notice: null };
    let state = historyAsked(historyFiltered(initialHistory, 'orders'));
    const first = state.asked;
    state = historyAsked(historyFiltered(state, 'orders/1'));
    state = historyListed(state, state.asked, fast);
    expect(historyListed(state, first, slow)).toBe(state);
    expect(state).toMatchObject({ filter: 'orders/1', list: { total: 2 } });
  });
});
