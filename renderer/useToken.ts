// The token field's state: what the user typed, whether the keychain holds one, and reveal on demand.
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_CREDENTIAL } from '../shared/credentials';
import type { KeypostError, Result } from '../shared/errors';
import { api } from './api';

export interface TokenState {
  /** The keychain entry this field reads and writes (the selected credential). */
  credential: string;
  /** What the field shows: typed text, or the revealed stored token. */
  value: string;
  /** The user typed something not yet saved to the keychain. */
  dirty: boolean;
  stored: boolean;
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
  const [revealed, setRevealed] = useState(false);

  // Answers for a credential that is no longer selected arrive late and must not count.
  const selected = useRef(credential);
  selected.current = credential;
  const refresh = useCallback(async () => {
    const status = await api?.tokenStatus(credential);
    if (!status || selected.current !== credential) return;
    if (status.ok) setStored(status.value.stored);
    else onError(status.error);
  }, [credential, onError]);

  // Another credential selected: whatever was typed or revealed belonged to the previous one.
  useEffect(() => {
    setRawValue('');
    setDirty(false);
    setRevealed(false);
    void refresh();
  }, [refresh]);

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
    if (!dirty) {
      if (stored) return { ok: true, value: true };
      // The status may not be in yet (the credential just changed, e.g. a preset opened): ask now.
      const status = await api.tokenStatus(credential);
      return status.ok ? { ok: true, value: status.value.stored } : status;
    }
    const saved = await api.setToken(credential, value);
    if (!saved.ok) return saved;
    setStored(true);
    setDirty(false);
    if (!revealed) setRawValue('');
    return { ok: true, value: true };
  }, [dirty, stored, value, revealed, credential]);

  return { credential, value, dirty, stored, revealed, setValue, toggleReveal, commit, refresh };
}
