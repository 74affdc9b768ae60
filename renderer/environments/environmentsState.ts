// The environments as the page knows them: names, plain values, which variables are secret and whether each secret is
// stored (never its value), and the active one. Pure functions, tested in Node.
import type { EnvironmentsState } from '../../shared/environments';
import { createStore } from '../state/store';

export const NO_ENVIRONMENTS: EnvironmentsState = { environments: [], activeId: null, storedSecrets: {} };

export const environmentsListed = (_state: EnvironmentsState, listed: EnvironmentsState): EnvironmentsState => listed;

/** At once in the page, so a Send pressed right after the switch already uses it (main gets the switch first). */
export const environmentActivated = (state: EnvironmentsState, id: string | null): EnvironmentsState => ({ ...state, activeId: id });

export const environmentsStore = createStore<EnvironmentsState>(NO_ENVIRONMENTS);
