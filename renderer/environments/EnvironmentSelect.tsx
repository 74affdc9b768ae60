// The active environment, switched from the toolbar, and the way into managing environments.
import type { EnvironmentsState } from '../../shared/environments';

interface Props {
  state: EnvironmentsState;
  onChange(id: string | null): void;
  onManage(): void;
}

/** The select's value for "no environment" (ids are never empty). */
const NONE = '';

export function EnvironmentSelect({ state, onChange, onManage }: Props) {
  return (
    <span className="environment-select">
      <select aria-label="Environment" data-testid="env-select" value={state.activeId ?? NONE} onChange={(event) => onChange(event.target.value || null)}>
        <option value={NONE}>No environment</option>
        {state.environments.map((environment) => (
          <option key={environment.id} value={environment.id}>
            {environment.name}
          </option>
        ))}
      </select>
      <button type="button" data-testid="env-manage" onClick={onManage}>
        Environments…
      </button>
    </span>
  );
}
