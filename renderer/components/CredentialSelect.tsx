// Which keychain credential this request uses, and the way into managing them.
import type { CredentialInfo } from '../../shared/credentials';

interface Props {
  credentials: CredentialInfo[];
  selected: string;
  onSelect(name: string): void;
  onManage(): void;
}

export function CredentialSelect({ credentials, selected, onSelect, onManage }: Props) {
  const names = credentials.map((c) => c.name);
  if (!names.includes(selected)) names.unshift(selected);
  const info = credentials.find((c) => c.name === selected);
  return (
    <div className="credential-select">
      <label htmlFor="credential">Credential</label>
      <select id="credential" data-testid="credential-select" value={selected} onChange={(event) => onSelect(event.target.value)}>
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
      {info && !info.stored && (
        <span className="credential-missing" role="status" data-testid="credential-missing">
          No token is stored for “{selected}”: type one in the token field, or choose another credential.
        </span>
      )}
    </div>
  );
}
