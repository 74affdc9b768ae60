// The token field's state: what the user typed, whether the keychain holds one, and reveal on demand.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_CREDENTIAL, type TokenStatus } from '../shared/credentials';
import type { KeypostError, Result } from '../shared/errors';
import { tokenFacts, type TokenFacts } from '../shared/tokenFacts';
import { api } from './api';

export interface TokenState {
  /** The keychain entry this field reads and writes (the selected credential). */
  credential: string;
  /** What the field shows: typed text, or the revealed stored token. */
  value: string;
  /** The user typed something not yet saved to the keychain. */
  dirty: boolean;
  stored: boolean;
  /** What the token that would be sent says about itself: the typed one, else the stored one; null if none. */
  facts: TokenFacts | null;
  /** Set for an OAuth 2.0 credential: Keypost gets its tokens, so nothing is typed. */
  oauth: TokenStatus['oauth'] | null;
  revealed: boolean;
  setValue(value: string): void;
  toggleReveal(): Promise<void>;
  /** Saves a typed token to the keychain; ok(false) when there is none to send at all. */
  commit(): Promise<Result<boolean>>;
  /** Re-reads whether the keychain holds a token (after the credential manager changed it). */
  refresh(): Promise<void>;
}

export function useToken(onError: (error: KeypostError) => void, credential = DEFAULT_CREDENTIAL): TokenState {
  const [value, setRawValue] = useState('');
  const [dirty, setDirty] = useState(false);
  const [stored, setStored] = useState(false);
  const [storedFacts, setStoredFacts] = useState<TokenFacts | null>(null);
  const [oauth, setOAuth] = useState<TokenStatus['oauth'] | null>(null);
  const [revealed, setRevealed] = useState(false);

  // Answers for a credential that is no longer selected arrive late and must not count.
  const selected = useRef(credential);
  selected.current = credential;
  const refresh = useCallback(async () => {
    const status = await api?.tokenStatus(credential);
    if (!status || selected.current !== credential) return;
    if (!status.ok) return onError(status.error);
    setStored(status.value.stored);
    setStoredFacts(status.value.facts ?? null);
    setOAuth(status.value.oauth ?? null);
  }, [credential, onError]);

  // Another credential selected: whatever was typed or revealed belonged to the previous one.
  useEffect(() => {
    setRawValue('');
    setDirty(false);
    setRevealed(false);
    setOAuth(null);
    void refresh();
  }, [refresh]);

  // Closing the window would drop a typed token that is not in the keychain yet: the page holds the unload back,
  // and main asks the user (main.ts, will-prevent-unload; in a browser, its own leave-page prompt).
  useEffect(() => {
    if (!dirty) return;
    const holdBack = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', holdBack);
    return () => window.removeEventListener('beforeunload', holdBack);
  }, [dirty]);

  const setValue = useCallback((next: string) => {
    setRawValue(next);
    setDirty(next !== '');
  }, []);

  const toggleReveal = useCallback(async () => {
    if (revealed) {
      setRevealed(false);
      // Hiding takes a stored secret out of the page again; typed text stays.
      if (!dirty) setRawValue('');
      return;
    }
    if (!dirty && stored && api) {
      const token = await api.revealToken(credential);
      if (!token.ok) return onError(token.error);
      setRawValue(token.value);
    }
    setRevealed(true);
  }, [revealed, dirty, stored, credential, onError]);

  const commit = useCallback(async (): Promise<Result<boolean>> => {
    if (!api) return { ok: true, value: false };
    // Main gets an OAuth 2.0 credential's token when it sends (or says why it cannot).
    if (oauth) return { ok: true, value: true };
    if (!dirty) {
      if (stored) return { ok: true, value: true };
      // The status may not be in yet (the credential just changed, e.g. a preset opened): ask now.
      const status = await api.tokenStatus(credential);
      return status.ok ? { ok: true, value: status.value.stored } : status;
    }
    const saved = await api.setToken(credential, value);
    if (!saved.ok) return saved;
    setStored(true);
    setStoredFacts(tokenFacts(value));
    setDirty(false);
    if (!revealed) setRawValue('');
    return { ok: true, value: true };
  }, [oauth, dirty, stored, value, revealed, credential]);

  // Decoded here for a typed token (it is in the page anyway); a stored one's facts come from main.
  const facts = useMemo(() => (dirty ? tokenFacts(value) : stored ? storedFacts : null), [dirty, value, stored, storedFacts]);

  return { credential, value, dirty, stored, facts, oauth, revealed, setValue, toggleReveal, commit, refresh };
}
