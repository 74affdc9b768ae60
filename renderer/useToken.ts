// The token field's state: what the user typed, whether the keychain holds one, and reveal on demand.
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_CREDENTIAL } from '../shared/api';
import type { KeypostError, Result } from '../shared/errors';
import { api } from './api';

export interface TokenState {
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
}

export function useToken(onError: (error: KeypostError) => void, credential = DEFAULT_CREDENTIAL): TokenState {
  const [value, setRawValue] = useState('');
  const [dirty, setDirty] = useState(false);
  const [stored, setStored] = useState(false);
  const [revealed, setRevealed] = useState(false);

  useEffect(() => {
    void api?.tokenStatus(credential).then((status) => {
      if (status.ok) setStored(status.value.stored);
      else onError(status.error);
    });
  }, [credential, onError]);

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
    if (!dirty) return { ok: true, value: stored };
    if (!api) return { ok: true, value: false };
    const saved = await api.setToken(credential, value);
    if (!saved.ok) return saved;
    setStored(true);
    setDirty(false);
    if (!revealed) setRawValue('');
    return { ok: true, value: true };
  }, [dirty, stored, value, revealed, credential]);

  return { value, dirty, stored, revealed, setValue, toggleReveal, commit };
}
