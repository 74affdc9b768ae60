// Environments: add, rename and delete them, and edit their variables. A secret variable's value is masked, goes
// to the keychain when saved, and is never shown again (only whether one is stored).
import { useState } from 'react';
import { environmentSchema, variableNameSchema, type Environment, type EnvironmentVariable } from '../../shared/environments';
import { deleteEnvironment, saveEnvironment, setEnvironmentSecret } from './environmentActions';
import { environmentsStore } from './environmentsState';
import { useStore } from '../state/useStore';
import { FieldError, ModalFooter, TextInput } from '../ui';
import { Modal } from '../ui/Modal';

interface Props {
  onClose(): void;
}

const emptyVariable = (): EnvironmentVariable => ({ name: '', value: '', secret: false, enabled: true });

export function EnvironmentsDialog({ onClose }: Props) {
  const state = useStore(environmentsStore, (environments) => environments);
  const [selectedId, setSelectedId] = useState<string | null>(state.activeId ?? state.environments[0]?.id ?? null);
  const stored = state.environments.find((environment) => environment.id === selectedId);
  const [draft, setDraft] = useState<Environment | null>(stored ? withEmptyRow(stored) : null);
  /** Secret values typed since the last save, by row index: they go to the keychain on Save, nowhere else. */
  const [secretInputs, setSecretInputs] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const storedSecrets = new Set(state.storedSecrets[selectedId ?? ''] ?? []);

  const select = (environment: Environment | null) => {
    setSelectedId(environment?.id ?? null);
    setDraft(environment ? withEmptyRow(environment) : null);
    setSecretInputs({});
    setError(null);
  };
  const add = () => select({ id: crypto.randomUUID(), name: `Environment ${state.environments.length + 1}`, variables: [] });
  const editRow = (index: number, patch: Partial<EnvironmentVariable>) => {
    if (!draft) return;
    const variables = draft.variables.map((variable, at) => (at === index ? { ...variable, ...patch } : variable));
    // The last row is always the empty one to type into.
    const last = variables.at(-1);
    setDraft({ ...draft, variables: last && (last.name || last.value) ? [...variables, emptyVariable()] : variables });
  };

  const save = async () => {
    if (!draft) return;
    const variables = draft.variables.filter((variable) => variable.name !== '' || variable.value !== '');
    const badName = variables.find((variable) => !variableNameSchema.safeParse(variable.name).success);
    if (badName) return setError(`“${badName.name}” cannot be a variable name: ${variableNameSchema.safeParse(badName.name).error?.issues[0]?.message}`);
    const names = variables.map((variable) => variable.name);
    const twice = names.find((name, index) => names.indexOf(name) !== index);
    if (twice) return setError(`The variable “${twice}” is defined twice.`);
    const checked = environmentSchema.safeParse({ ...draft, variables });
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'Check the environment.');
    // The environment first (its secret values need it to exist), then each typed secret value to the keychain; the
    // file never has them (main blanks them whatever is sent).
    if (!(await saveEnvironment(checked.data))) return;
    for (const [index, value] of Object.entries(secretInputs)) {
      const variable = draft.variables[Number(index)];
      if (variable?.secret && variable.name && value !== '' && !(await setEnvironmentSecret(draft.id, variable.name, value))) return;
    }
    setSecretInputs({});
    setError(null);
  };

  return (
    <Modal testId="env-dialog" title="Environments" onCancel={onClose}>
      <p className="modal-hint">
        Use a variable as <code>{'{{name}}'}</code> in the URL, query, headers, body or credential fields. A secret variable’s value is kept in your OS keychain.
      </p>
      <div className="env-layout">
        <ul className="env-list">
          {state.environments.map((environment) => (
            <li key={environment.id}>
              <button type="button" data-testid="env-item" aria-pressed={environment.id === selectedId} onClick={() => select(environment)}>
                {environment.name}
              </button>
            </li>
          ))}
          <li>
            <button type="button" data-testid="env-new" onClick={add}>
              + New environment
            </button>
          </li>
        </ul>
        {draft && (
          <form
            className="env-editor"
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <input aria-label="Environment name" data-testid="env-name" value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
            <table className="env-variables">
              <thead>
                <tr>
                  <th>On</th>
                  <th>Variable</th>
                  <th>Value</th>
                  <th>Secret</th>
                </tr>
              </thead>
              <tbody>
                {draft.variables.map((variable, index) => (
                  <tr key={index} data-testid="env-var-row">
                    <td>
                      <input type="checkbox" aria-label="Enabled" checked={variable.enabled} onChange={(event) => editRow(index, { enabled: event.target.checked })} />
                    </td>
                    <td>
                      <TextInput aria-label="Variable name" data-testid="env-var-name" value={variable.name} onChange={(text) => editRow(index, { name: text })} />
                    </td>
                    <td>
                      {variable.secret ? (
                        <TextInput
                          type="password"
                          aria-label="Secret value"
                          data-testid="env-var-value"
                          placeholder={storedSecrets.has(variable.name) ? 'stored in keychain — type to replace' : 'secret value'}
                          value={secretInputs[index] ?? ''}
                          onChange={(text) => {
                            setSecretInputs((current) => ({ ...current, [index]: text }));
                            editRow(index, {});
                          }}
                        />
                      ) : (
                        <TextInput aria-label="Value" data-testid="env-var-value" value={variable.value} onChange={(text) => editRow(index, { value: text })} />
                      )}
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label="Secret"
                        data-testid="env-var-secret"
                        checked={variable.secret}
                        onChange={(event) => {
                          // Made secret: what was typed as a plain value becomes the secret value to store.
                          if (event.target.checked && variable.value) setSecretInputs((current) => ({ ...current, [index]: variable.value }));
                          editRow(index, { secret: event.target.checked, value: '' });
                        }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ModalFooter action={{ label: 'Save', testId: 'env-save', submit: true }}>
              <button
                type="button"
                className="danger"
                data-testid="env-delete"
                onClick={() => void deleteEnvironment(draft.id).then((removed) => removed && select(null))}
                disabled={!state.environments.some((environment) => environment.id === draft.id)}
              >
                Delete environment
              </button>
            </ModalFooter>
          </form>
        )}
      </div>
      {error && <FieldError testId="env-error">{error}</FieldError>}
      <ModalFooter leave={{ label: 'Done', testId: 'env-close', onClick: onClose }} />
    </Modal>
  );
}

const withEmptyRow = (environment: Environment): Environment => ({ ...environment, variables: [...environment.variables, emptyVariable()] });
