// The one workspace store: holds the current Workspace outside React, changes it with the plain functions of
// workspace.ts, and lets components read it through selectors (useSyncExternalStore).
import { useSyncExternalStore } from 'react';
import { initialWorkspace, type Workspace } from './workspace';

export interface Store<T> {
  get(): T;
  update(change: (value: T) => T): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    update(change) {
      const next = change(value);
      if (next === value) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export const workspaceStore = createStore<Workspace>(initialWorkspace());

/** Reads part of the workspace; the component renders again only when that part changes (selectors return stored objects). */
export function useWorkspace<S>(selector: (workspace: Workspace) => S): S {
  return useSyncExternalStore(workspaceStore.subscribe, () => selector(workspaceStore.get()));
}
