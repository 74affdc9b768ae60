// The environments as the page knows them: names, plain values, which variables are secret and whether each secret is
// stored (never its value), the collection each one's file is in, and the active one. Pure functions, tested in Node.
import type { EnvironmentsState } from '../../shared/environments';
import { createStore } from '../state/store';

export const NO_ENVIRONMENTS: EnvironmentsState = { environments: [], collections: [], activeId: null, storedSecrets: {}, unread: [], flagged: [] };

export const environmentsListed = (_state: EnvironmentsState, listed: EnvironmentsState): EnvironmentsState => listed;

/** At once in the page, so a Send pressed right after the switch already uses it (main gets the switch first). */
export const environmentActivated = (state: EnvironmentsState, id: string | null): EnvironmentsState => ({ ...state, activeId: id });

export const environmentsStore = createStore<EnvironmentsState>(NO_ENVIRONMENTS);

/** The environments grouped by their collection, in the collections' order; only collections that have some. The
 *  select and the dialog label them by collection once more than one collection is open. */
export function environmentsByCollection(state: EnvironmentsState): Array<{ id: string; name: string; environments: EnvironmentsState['environments'] }> {
  return state.collections
    .map((collection) => ({ ...collection, environments: state.environments.filter((environment) => environment.collection === collection.id) }))
    .filter((group) => group.environments.length > 0);
}
