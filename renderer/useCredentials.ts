// The credential list (keychain entries plus names presets refer to), refreshed after every change.
import { useCallback, useEffect, useState } from 'react';
import type { KeypostError } from '../shared/errors';
import type { CredentialInfo } from '../shared/credentials';
import { api } from './api';

export function useCredentials(onError: (error: KeypostError) => void) {
  const [credentials, setCredentials] = useState<CredentialInfo[]>([]);
  const refresh = useCallback(async () => {
    const listed = await api?.listCredentials();
    if (!listed) return;
    if (listed.ok) setCredentials(listed.value);
    else onError(listed.error);
  }, [onError]);
  useEffect(() => void refresh(), [refresh]);
  return { credentials, refresh };
}
