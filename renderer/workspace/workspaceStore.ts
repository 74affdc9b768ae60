// The workspace store: the open tabs outside React, changed with the plain functions of workspace.ts.
import { createStore } from '../state/store';
import { useStore } from '../state/useStore';
import { initialWorkspace, type Workspace } from './workspace';

export const workspaceStore = createStore<Workspace>(initialWorkspace());

export const useWorkspace = <S,>(selector: (workspace: Workspace) => S): S => useStore(workspaceStore, selector);
