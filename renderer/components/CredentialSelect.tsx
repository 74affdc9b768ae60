// Which keychain credential this request uses (or none), how it is sent, and the way into managing them.
import type { CredentialInfo } from '../../shared/credentials';
import type { RequestAuth } from '../../shared/request';

interface Props {
  credentials: CredentialInfo[];
  /** The credential shown: the request's, or the last one chosen when the request sends none. */
  selected: string;
  auth: RequestAuth;
  onSelect(name: string): void;
  onNoAuth(): void;
  onManage(): void;
}

/** The select's value for "send no credential" (credential names cannot be empty). */
const NO_AUTH = '';

export function CredentialSelect({ credentials, selected, auth, onSelect, onNoAuth, onManage }: Props) {
  const names = credentials.map((c) => c.name);
  if (!names.includes(selected)) names.unshift(selected);
  const info = credentials.find((c) => c.name === selected);
  return (
    <div className="credential-select">
      <label htmlFor="credential">Credential</label>
      <select
        id="credential"
        data-testid="credential-select"
        value={auth.kind === 'none' ? NO_AUTH : selected}
        onChange={(event) => (event.target.value === NO_AUTH ? onNoAuth() : onSelect(event.target.value))}
      >
        <option value={NO_AUTH}>No authentication</option>
        {names.map((name) => {
          const missing = credentials.find((c) => c.name === name)?.stored === false;
          return (
            <option key={name} value={name}>
              {missing ? `${name} (no token)` : name}
            </option>
          );
        })}
      </select>
      <button type="button" data-testid="credential-manage" onClick={onManage}>
        Manage…
      </button>
      {auth.kind === 'apiKey' && (
        <span className="auth-kind" data-testid="auth-kind">
          sent as {auth.in === 'header' ? 'header' : 'query parameter'} “{auth.name}”
        </span>
      )}
      {auth.kind !== 'none' && info && !info.stored && (
        <span className="credential-missing" role="status" data-testid="credential-missing">
          No token is stored for “{selected}”: type one in the token field, or choose another credential.
        </span>
      )}
    </div>
  );
}
