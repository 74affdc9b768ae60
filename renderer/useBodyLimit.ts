// The "keep response bodies up to N MB in memory" setting: the saved value comes with the startup settings
// (usePresets reads them once); every valid change is saved.
import { useCallback, useRef, useState } from 'react';
import { DEFAULT_BODY_LIMIT_MB } from '../shared/http';
import type { KeypostError } from '../shared/errors';
import { api } from './api';

export interface BodyLimit {
  mb: number;
  /** False until the saved value has arrived, so an early edit is not overwritten by it. */
  loaded: boolean;
  set(mb: number): void;
}

/** saved: the stored value, null while the settings are still loading. */
export function useBodyLimit(saved: number | null, onError: (error: KeypostError) => void): BodyLimit {
  const [chosen, setChosen] = useState<number | null>(null);
  const errors = useRef(onError);
  errors.current = onError;

  const set = useCallback((next: number) => {
    setChosen(next);
    void api?.updateSettings({ bodyLimitMb: next }).then((result) => {
      if (!result.ok) errors.current(result.error);
    });
  }, []);

  return { mb: chosen ?? saved ?? DEFAULT_BODY_LIMIT_MB, loaded: saved !== null, set };
}
