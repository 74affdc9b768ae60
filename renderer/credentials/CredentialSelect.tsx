// Which keychain credential this request uses (or none), how it is sent, and the way into managing them.
import type { CredentialInfo } from '../../shared/credentials';
import type { RequestAuth } from '../../shared/request';
import { TextInput } from '../ui';

interface Props {
  credentials: CredentialInfo[];
  /** The credential shown: the request's, or the last one chosen when the request sends none. */
  selected: string;
  auth: RequestAuth;
  onSelect(name: string): void;
  onNoAuth(): void;
  /** How the credential goes along changed (bearer, API key in a header or the query, HTTP Basic). */
  onAuthChange(auth: RequestAuth): void;
  onManage(): void;
}

type SentAs = 'bearer' | 'apiKeyHeader' | 'apiKeyQuery' | 'basic';
const SENT_AS: Record<SentAs, string> = {
  bearer: 'as a Bearer token',
  apiKeyHeader: 'as an API key header',
  apiKeyQuery: 'as an API key query parameter',
  basic: 'as the HTTP Basic password',
};

const sentAsOf = (auth: RequestAuth): SentAs =>
  auth.kind === 'apiKey' ? (auth.in === 'header' ? 'apiKeyHeader' : 'apiKeyQuery') : auth.kind === 'basic' ? 'basic' : 'bearer';

/** The auth for a new choice of how to send `credential`, keeping the key name or user name already typed. */
function authFor(sentAs: SentAs, credential: string, current: RequestAuth): RequestAuth {
  const name = current.kind === 'apiKey' ? current.name : 'X-API-Key';
  switch (sentAs) {
    case 'bearer':
      return { kind: 'bearer', credential };
    case 'apiKeyHeader':
      return { kind: 'apiKey', credential, in: 'header', name };
    case 'apiKeyQuery':
      return { kind: 'apiKey', credential, in: 'query', name: current.kind === 'apiKey' ? current.name : 'api_key' };
    case 'basic':
      return { kind: 'basic', credential, username: current.kind === 'basic' ? current.username : '' };
  }
}

/** The select's value for "send no credential" (credential names cannot be empty). */
const NO_AUTH = '';

export function CredentialSelect({ credentials, selected, auth, onSelect, onNoAuth, onAuthChange, onManage }: Props) {
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
      {auth.kind !== 'none' && (
        <select aria-label="How the credential is sent" data-testid="auth-kind" value={sentAsOf(auth)} onChange={(event) => onAuthChange(authFor(event.target.value as SentAs, selected, auth))}>
          {(Object.keys(SENT_AS) as SentAs[]).map((sentAs) => (
            <option key={sentAs} value={sentAs}>
              {SENT_AS[sentAs]}
            </option>
          ))}
        </select>
      )}
      {auth.kind === 'apiKey' && (
        <TextInput
          className="auth-detail"
          aria-label={auth.in === 'header' ? 'Header name' : 'Query parameter name'}
          data-testid="auth-key-name"
          value={auth.name}
          onChange={(text) => onAuthChange({ ...auth, name: text })}
        />
      )}
      {auth.kind === 'basic' && (
        <TextInput
          className="auth-detail"
          aria-label="User name"
          placeholder="User name"
          data-testid="auth-username"
          value={auth.username}
          onChange={(text) => onAuthChange({ ...auth, username: text })}
        />
      )}
      {auth.kind !== 'none' && info && !info.stored && (
        <span className="credential-missing" role="status" data-testid="credential-missing">
          No token is stored for “{selected}”: type one in the token field, or choose another credential.
        </span>
      )}
    </div>
  );
}
