// The bearer token: masked, show/hide, and a hint that a stored token exists without showing it.
import type { TokenState } from '../useToken';
import { OAuthTokenLine } from './OAuthTokenLine';
import { TokenStatus } from './TokenStatus';

export function TokenField({ token }: { token: TokenState }) {
  if (token.oauth) return <OAuthTokenLine credential={token.credential} oauth={token.oauth} onChanged={token.refresh} />;
  const placeholder = token.stored ? 'Token stored in your keychain — type to replace' : 'Paste your bearer token';
  return (
    <div className="token-field">
      <label htmlFor="token">Bearer token</label>
      <input
        id="token"
        data-testid="token"
        type={token.revealed ? 'text' : 'password'}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        value={token.value}
        onChange={(event) => token.setValue(event.target.value)}
      />
      <button type="button" data-testid="token-reveal" aria-pressed={token.revealed} onClick={() => void token.toggleReveal()}>
        {token.revealed ? 'Hide' : 'Show'}
      </button>
      {token.stored && !token.dirty && <span className="token-badge">Stored in keychain</span>}
      <TokenStatus facts={token.facts} />
    </div>
  );
}
