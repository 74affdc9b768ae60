// Environments: add, rename and delete them, and edit their variables. Each is a file in a collection (picked when
// more than one is open); a secret variable's value is masked, goes to the keychain when saved, and is never shown
// again (only whether one is stored: a teammate who pulled the file sees which values to fill in). A plain value that
// is a secret is refused, with the offer to mark it secret. Files that could not be read are listed.
import { useState } from 'react';
import { DEFAULT_COLLECTION } from '../../shared/collections';
import { environmentSchema, type Environment, type EnvironmentVariable } from '../../shared/environments';
import { variableNameSchema } from '../../shared/variableName';
import { deleteEnvironment, saveEnvironment, setEnvironmentSecret } from './environmentActions';
import { environmentsByCollection, environmentsStore } from './environmentsState';
import './environments.css';
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
  /** The plain variables main refused to write because their value is a secret: the dialog offers to mark them secret. */
  const [refused, setRefused] = useState<string[]>([]);
  const storedSecrets = new Set(state.storedSecrets[selectedId ?? ''] ?? []);
  const severalCollections = state.collections.length > 1;
  const collectionName = (id: string | undefined) => state.collections.find((collection) => collection.id === id)?.name ?? id ?? '';

  const select = (environment: Environment | null) => {
    setSelectedId(environment?.id ?? null);
    setDraft(environment ? withEmptyRow(environment) : null);
    setSecretInputs({});
    setError(null);
    setRefused([]);
  };
  const add = () =>
    select({ id: crypto.randomUUID(), name: `Environment ${state.environments.length + 1}`, variables: [], collection: state.collections[0]?.id ?? DEFAULT_COLLECTION });
  const editRow = (index: number, patch: Partial<EnvironmentVariable>) => {
    if (!draft) return;
    const variables = draft.variables.map((variable, at) => (at === index ? { ...variable, ...patch } : variable));
    // The last row is always the empty one to type into.
    const last = variables.at(-1);
    setDraft({ ...draft, variables: last && (last.name || last.value) ? [...variables, emptyVariable()] : variables });
  };

  /** `current` and `typed`: the draft and secret values to save (marking secret saves what it just changed). */
  const save = async (current: Environment | null = draft, typed: Record<number, string> = secretInputs) => {
    if (!current) return;
    setRefused([]);
    const variables = current.variables.filter((variable) => variable.name !== '' || variable.value !== '');
    const badName = variables.find((variable) => !variableNameSchema.safeParse(variable.name).success);
    if (badName) return setError(`“${badName.name}” cannot be a variable name: ${variableNameSchema.safeParse(badName.name).error?.issues[0]?.message}`);
    const names = variables.map((variable) => variable.name);
    const twice = names.find((name, index) => names.indexOf(name) !== index);
    if (twice) return setError(`The variable “${twice}” is defined twice.`);
    const checked = environmentSchema.safeParse({ ...current, variables });
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'Check the environment.');
    // The environment first (its secret values need it to exist), then each typed secret value to the keychain; the
    // file never has them (main leaves them out whatever is sent).
    const failed = await saveEnvironment(checked.data);
    if (failed) {
      setError(failed.variables ? `${failed.message} ${failed.hint ?? ''}`.trim() : null);
      setRefused(failed.variables ?? []);
      return;
    }
    for (const [index, value] of Object.entries(typed)) {
      const variable = current.variables[Number(index)];
      if (variable?.secret && variable.name && value !== '' && !(await setEnvironmentSecret(current.id, variable.name, value))) return;
    }
    setSecretInputs({});
    setError(null);
  };

  /** The refused variables become secret ones, their typed values the secret values to store; then saved again. */
  const markSecret = () => {
    if (!draft) return;
    const typed = { ...secretInputs };
    const variables = draft.variables.map((variable, index) => {
      if (variable.secret || !refused.includes(variable.name)) return variable;
      typed[index] = variable.value;
      return { ...variable, secret: true, value: '' };
    });
    const marked = { ...draft, variables };
    setDraft(marked);
    setSecretInputs(typed);
    void save(marked, typed);
  };

  const item = (environment: Environment) => (
    <li key={environment.id}>
      <button type="button" data-testid="env-item" aria-pressed={environment.id === selectedId} onClick={() => select(environment)}>
        {environment.name}
      </button>
    </li>
  );

  return (
    <Modal testId="env-dialog" title="Environments" onCancel={onClose}>
      <p className="modal-hint">
        Use a variable as <code>{'{{name}}'}</code> in the URL, query, headers, body or credential fields. Each environment is a file in its collection (
        <code>environments/</code>, ready for git); a secret variable’s value is kept in your OS keychain, never in the file.
      </p>
      <div className="env-layout">
        <ul className="env-list">
          {severalCollections
            ? environmentsByCollection(state).map((group) => [
                <li key={`collection-${group.id}`} className="env-group" data-testid="env-group">
                  {group.name}
                </li>,
                ...group.environments.map(item),
              ])
            : state.environments.map(item)}
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
            {severalCollections && (
              <label className="env-collection">
                In the collection{' '}
                <select aria-label="Collection" data-testid="env-collection" value={draft.collection ?? DEFAULT_COLLECTION} onChange={(event) => setDraft({ ...draft, collection: event.target.value })}>
                  {state.collections.map((collection) => (
                    <option key={collection.id} value={collection.id}>
                      {collection.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
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
      {refused.length > 0 && (
        <button type="button" data-testid="env-mark-secret" onClick={markSecret}>
          Mark {refused.map((name) => `“${name}”`).join(', ')} secret and save
        </button>
      )}
      {state.flagged.length > 0 && (
        <div className="env-unread" data-testid="env-flagged">
          <p className="modal-hint">These files hold what looks like a secret in a plain variable (as they arrived: Keypost left them as they are). Mark each secret to keep its value in your keychain instead:</p>
          <ul>
            {state.flagged.map((flag) => (
              <li key={`${flag.collection}/${flag.file}/${flag.field}`} data-testid="env-flagged-file">
                <code>
                  {collectionName(flag.collection)}/{flag.file}
                </code>{' '}
                — the {flag.field} holds {flag.kind}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.unread.length > 0 && (
        <div className="env-unread" data-testid="env-unread">
          <p className="modal-hint">These environment files could not be read; Keypost lists them and leaves them as they are:</p>
          <ul>
            {state.unread.map((unread) => (
              <li key={`${unread.collection}/${unread.file}`} data-testid="env-unread-file">
                <code>
                  {collectionName(unread.collection)}/{unread.file}
                </code>{' '}
                — {unread.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ModalFooter leave={{ label: 'Done', testId: 'env-close', onClick: onClose }} />
    </Modal>
  );
}

const withEmptyRow = (environment: Environment): Environment => ({ ...environment, variables: [...environment.variables, emptyVariable()] });
