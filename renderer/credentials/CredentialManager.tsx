// Add, replace, rename, reveal and delete the named tokens in the OS keychain, edit where each may be sent, and add OAuth 2.0 credentials (whose
// tokens Keypost gets itself). Token text lives only in this dialog's state while typed or revealed, and goes when it closes.
import { useState } from 'react';
import type { KeypostError } from '../../shared/errors';
import { type CredentialInfo, credentialNameSchema } from '../../shared/credentials';
import { OAUTH_FLOW_LABELS } from '../../shared/oauth';
import type { CredentialChange } from './credentialChangeActions';
import { deleteToken, renameCredential, revealToken, signInOAuth, storeToken } from './credentialActions';
import { FieldError, ModalFooter, TextInput } from '../ui';
import { Modal } from '../ui/Modal';
import { CredentialOrigins } from './CredentialOrigins';
import { OAuthCredentialForm } from './OAuthCredentialForm';
import { describeOAuthState } from './OAuthTokenLine';


interface Props {
  credentials: CredentialInfo[];
  onChanged(change: CredentialChange): Promise<void>;
  onClose(): void;
}

type Editing = { name: string; mode: 'rename' | 'replace' | 'delete' } | null;

const firstIssue = (input: string) => {
  const checked = credentialNameSchema.safeParse(input);
  return checked.success ? null : (checked.error.issues[0]?.message ?? 'That name cannot be used.');
};

export function CredentialManager({ credentials, onChanged, onClose }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [field, setField] = useState('');
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const [newName, setNewName] = useState('');
  const [newToken, setNewToken] = useState('');

  const report = (failure: KeypostError) => setError(failure.hint ? `${failure.message} ${failure.hint}` : failure.message);
  const startEdit = (name: string, mode: 'rename' | 'replace' | 'delete') => {
    setError(null);
    setField(mode === 'rename' ? name : '');
    setEditing({ name, mode });
  };

  const add = async () => {
    const name = newName.trim();
    const problem = firstIssue(name) ?? (credentials.some((c) => c.name === name && c.stored) ? `A credential named “${name}” already exists; use Replace to change its token.` : null) ?? (newToken ? null : 'Paste the token to store.');
    if (problem) return setError(problem);
    const saved = await storeToken(name, newToken);
    if (!saved.ok) return report(saved.error);
    setNewName('');
    setNewToken('');
    setError(null);
    await onChanged({ kind: 'saved', name });
  };

  const apply = async () => {
    if (!editing) return;
    const { name, mode } = editing;
    if (mode === 'rename') {
      const to = field.trim();
      const problem = firstIssue(to);
      if (problem) return setError(problem);
      const renamed = await renameCredential(name, to);
      if (!renamed.ok) return report(renamed.error);
      await onChanged({ kind: 'renamed', from: name, to });
    } else if (mode === 'replace') {
      if (!field) return setError('Paste the new token.');
      const saved = await storeToken(name, field);
      if (!saved.ok) return report(saved.error);
      await onChanged({ kind: 'saved', name });
    } else {
      const deleted = await deleteToken(name);
      if (!deleted.ok) return report(deleted.error);
      await onChanged({ kind: 'deleted', name });
    }
    setRevealed(({ [name]: _gone, ...rest }) => rest);
    setEditing(null);
    setField('');
    setError(null);
  };

  const signIn = async (name: string) => {
    setError(null);
    const signedIn = await signInOAuth(name);
    if (!signedIn.ok) report(signedIn.error);
    await onChanged({ kind: 'saved', name });
  };

  const toggleReveal = async (name: string) => {
    if (revealed[name] !== undefined) return setRevealed(({ [name]: _hidden, ...rest }) => rest);
    const token = await revealToken(name);
    if (!token.ok) return report(token.error);
    setRevealed((current) => ({ ...current, [name]: token.value }));
  };

  return (
    <Modal testId="credential-dialog" title="Credentials" onCancel={onClose}>
      <p className="modal-hint">
        Tokens are kept in your OS keychain (service “Keypost”). Presets refer to them by name. Each goes only to the origins listed with it; sending it
        anywhere else asks first.
      </p>
      <ul className="credential-list">
        {credentials.length === 0 && <li className="sidebar-empty">No credentials yet.</li>}
        {credentials.map((credential) => {
          const mode = editing?.name === credential.name ? editing.mode : null;
          return (
            <li key={credential.name} data-testid="credential-row" data-name={credential.name}>
              <div className="credential-line">
                <strong>{credential.name}</strong>
                <span className="muted">
                  {credential.oauth && (
                    <span data-testid="credential-oauth" data-status={credential.oauth.state.status}>
                      OAuth 2.0, {OAUTH_FLOW_LABELS[credential.oauth.config.flow]}: {describeOAuthState({ flow: credential.oauth.config.flow, state: credential.oauth.state })} ·{' '}
                    </span>
                  )}
                  {credential.stored || credential.oauth ? '' : 'no token stored · '}
                  {credential.usedBy.length === 0 ? 'not used by presets' : `used by ${credential.usedBy.length} preset${credential.usedBy.length === 1 ? '' : 's'}`}
                </span>
                <span className="credential-actions">
                  {credential.oauth && (
                    <button type="button" data-testid="credential-sign-in" onClick={() => void signIn(credential.name)}>
                      {credential.oauth.config.flow === 'authorizationCode' ? 'Sign in…' : 'Get token'}
                    </button>
                  )}
                  {credential.stored && (
                    <button type="button" data-testid="credential-reveal" onClick={() => void toggleReveal(credential.name)}>
                      {revealed[credential.name] !== undefined ? 'Hide' : 'Show'}
                    </button>
                  )}
                  {!credential.oauth && (
                    <button type="button" data-testid="credential-replace" onClick={() => startEdit(credential.name, 'replace')}>
                      {credential.stored ? 'Replace' : 'Add token'}
                    </button>
                  )}
                  {credential.stored && (
                    <button type="button" data-testid="credential-rename" onClick={() => startEdit(credential.name, 'rename')}>
                      Rename
                    </button>
                  )}
                  {credential.stored && (
                    <button type="button" className="danger" data-testid="credential-delete" onClick={() => startEdit(credential.name, 'delete')}>
                      Delete
                    </button>
                  )}
                </span>
              </div>
              {(credential.stored || credential.oauth) && (
                <CredentialOrigins credential={credential} onChanged={() => onChanged({ kind: 'saved', name: credential.name })} onError={setError} />
              )}
              {revealed[credential.name] !== undefined && (
                <code className="credential-token" data-testid="credential-token">
                  {revealed[credential.name]}
                </code>
              )}
              {mode === 'delete' && (
                <div className="credential-edit" data-testid="credential-delete-warning">
                  {credential.usedBy.length > 0 ? (
                    <span>
                      Still used by: <strong>{credential.usedBy.join(', ')}</strong>. Those presets will have no token until you pick another
                      credential for them.
                    </span>
                  ) : (
                    <span>Delete the token “{credential.name}” from the keychain?</span>
                  )}
                  <button type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                  <button type="button" className="danger" data-testid="credential-delete-confirm" onClick={() => void apply()}>
                    Delete
                  </button>
                </div>
              )}
              {(mode === 'rename' || mode === 'replace') && (
                <form
                  className="credential-edit"
                  onSubmit={(event) => {
                    event.preventDefault();
                    void apply();
                  }}
                >
                  <TextInput
                    type={mode === 'rename' ? 'text' : 'password'}
                    data-testid={mode === 'rename' ? 'credential-rename-input' : 'credential-replace-input'}
                    aria-label={mode === 'rename' ? `New name for ${credential.name}` : `New token for ${credential.name}`}
                    placeholder={mode === 'rename' ? 'New name' : 'New token'}
                    autoFocus
                    value={field}
                    onChange={setField}
                  />
                  <button type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                  <button type="submit" className="primary" data-testid="credential-edit-save">
                    Save
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      <form
        className="credential-add"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <TextInput
          data-testid="credential-new-name"
          aria-label="New credential name"
          placeholder="Name, e.g. staging"
          value={newName}
          onChange={setNewName}
        />
        <TextInput
          type="password"
          data-testid="credential-new-token"
          aria-label="Token for the new credential"
          placeholder="Token"
          value={newToken}
          onChange={setNewToken}
        />
        <button type="submit" className="primary" data-testid="credential-add">
          Add
        </button>
      </form>
      <OAuthCredentialForm taken={credentials.map((credential) => credential.name)} onSaved={(name) => onChanged({ kind: 'saved', name })} onError={setError} />
      {error && <FieldError testId="credential-error">{error}</FieldError>}
      <ModalFooter leave={{ label: 'Done', testId: 'credential-close', onClick: onClose }} />
    </Modal>
  );
}
