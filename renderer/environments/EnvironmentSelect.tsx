// The active environment, switched from the toolbar, and the way into managing environments. With more than one
// collection open, the environments are grouped under their collection's name.
import type { Environment, EnvironmentsState } from '../../shared/environments';
import { environmentsByCollection } from './environmentsState';

interface Props {
  state: EnvironmentsState;
  onChange(id: string | null): void;
  onManage(): void;
}

/** The select's value for "no environment" (ids are never empty). */
const NONE = '';

const options = (environments: readonly Environment[]) =>
  environments.map((environment) => (
    <option key={environment.id} value={environment.id}>
      {environment.name}
    </option>
  ));

export function EnvironmentSelect({ state, onChange, onManage }: Props) {
  const grouped = state.collections.length > 1;
  return (
    <span className="environment-select">
      <select aria-label="Environment" data-testid="env-select" value={state.activeId ?? NONE} onChange={(event) => onChange(event.target.value || null)}>
        <option value={NONE}>No environment</option>
        {grouped
          ? environmentsByCollection(state).map((group) => (
              <optgroup key={group.id} label={group.name}>
                {options(group.environments)}
              </optgroup>
            ))
          : options(state.environments)}
      </select>
      <button type="button" data-testid="env-manage" onClick={onManage}>
        Environments…
      </button>
    </span>
  );
}
