// The environments as the page knows them (never a secret's value: only which secrets are stored), the active one,
// and the calls that change them.
import { useCallback, useEffect, useState } from 'react';
import type { Environment, EnvironmentsState } from '../shared/environments';
import type { KeypostError, Result } from '../shared/errors';
import { api } from './api';

const NONE: EnvironmentsState = { environments: [], activeId: null, storedSecrets: {} };

export function useEnvironments(onError: (error: KeypostError) => void) {
  const [state, setState] = useState<EnvironmentsState>(NONE);

  const refresh = useCallback(async () => {
    const listed = await api?.listEnvironments();
    if (!listed) return;
    if (listed.ok) setState(listed.value);
    else onError(listed.error);
  }, [onError]);
  useEffect(() => void refresh(), [refresh]);

  /** Runs a call, reports its failure, and re-reads the state either way; answers whether it worked. */
  const change = useCallback(
    async (run: () => Promise<Result<unknown>>): Promise<boolean> => {
      const result = await run();
      if (!result.ok) onError(result.error);
      await refresh();
      return result.ok;
    },
    [onError, refresh],
  );

  return {
    state,
    refresh,
    // At once in the page, so a Send pressed right after the switch already uses it (main gets the switch first: IPC
    // calls arrive in order).
    setActive: (id: string | null) => {
      setState((current) => ({ ...current, activeId: id }));
      return change(() => api!.setActiveEnvironment(id));
    },
    save: (environment: Environment) => change(() => api!.saveEnvironment(environment)),
    remove: (id: string) => change(() => api!.deleteEnvironment(id)),
    setSecret: (environmentId: string, name: string, value: string | null) => change(() => api!.setEnvironmentSecret(environmentId, name, value)),
  };
}

export type EnvironmentsControl = ReturnType<typeof useEnvironments>;
