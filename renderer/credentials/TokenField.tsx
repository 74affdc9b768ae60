// The credential's secret (a bearer token, an API key or a Basic password): masked, show/hide, and a hint that a stored
// one exists without showing it. An OAuth 2.0 credential shows its token's state instead: Keypost gets that token.
import type { RequestAuth } from '../../shared/request';
import { refreshTokenStatus, toggleTokenReveal, typeToken } from './credentialActions';
import { credentialsStore, tokenFactsOf } from './credentialsState';
import { useStore } from '../state/useStore';
import { TextInput } from '../ui';
import { OAuthTokenLine } from './OAuthTokenLine';
import { TokenStatus } from './TokenStatus';

const SECRET_NAMES: Record<Exclude<RequestAuth['kind'], 'none'>, string> = { bearer: 'Bearer token', apiKey: 'API key', basic: 'Password' };

export function TokenField({ kind }: { kind: Exclude<RequestAuth['kind'], 'none'> }) {
  const token = useStore(credentialsStore, (state) => state.token);
  if (token.oauth) return <OAuthTokenLine credential={token.credential} oauth={token.oauth} onChanged={refreshTokenStatus} />;
  const what = SECRET_NAMES[kind];
  const placeholder = token.stored ? `${what} stored in your keychain — type to replace` : `Paste the ${what.toLowerCase()}`;
  return (
    <div className="token-field">
      <label htmlFor="token">{what}</label>
      <TextInput
        id="token"
        data-testid="token"
        type={token.revealed ? 'text' : 'password'}
        placeholder={placeholder}
        value={token.value}
        onChange={typeToken}
      />
      <button type="button" data-testid="token-reveal" aria-pressed={token.revealed} onClick={() => void toggleTokenReveal()}>
        {token.revealed ? 'Hide' : 'Show'}
      </button>
      {token.stored && !token.dirty && <span className="token-badge">Stored in keychain</span>}
      <TokenStatus facts={tokenFactsOf(token)} />
    </div>
  );
}
