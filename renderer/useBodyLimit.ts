// The "keep response bodies up to N MB in memory" setting: read from the store at startup, saved on every valid change.
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_BODY_LIMIT_MB } from '../shared/api';
import type { KeypostError } from '../shared/errors';
import { api } from './api';

export interface BodyLimit {
  mb: number;
  /** False until the saved value has arrived, so an early edit is not overwritten by it. */
  loaded: boolean;
  set(mb: number): void;
}

export function useBodyLimit(onError: (error: KeypostError) => void): BodyLimit {
  const [mb, setMb] = useState(DEFAULT_BODY_LIMIT_MB);
  const [loaded, setLoaded] = useState(false);
  const errors = useRef(onError);
  errors.current = onError;

  useEffect(() => {
    if (!api) return;
    void api.getSettings().then((settings) => {
      // A failed read keeps the default; usePresets already reports getSettings failures.
      if (settings.ok) setMb(settings.value.bodyLimitMb);
      setLoaded(true);
    });
  }, []);

  const set = useCallback((next: number) => {
    setMb(next);
    void api?.updateSettings({ bodyLimitMb: next }).then((saved) => {
      if (!saved.ok) errors.current(saved.error);
    });
  }, []);

  return { mb, loaded, set };
}
