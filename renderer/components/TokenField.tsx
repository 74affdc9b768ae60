// The credential's secret (a bearer token, an API key or a Basic password): masked, show/hide, and a hint that a stored
// one exists without showing it. An OAuth 2.0 credential shows its token's state instead: Keypost gets that token.
import type { RequestAuth } from '../../shared/request';
import { TextInput } from '../ui';
import type { TokenState } from '../useToken';
import { OAuthTokenLine } from './OAuthTokenLine';
import { TokenStatus } from './TokenStatus';

const SECRET_NAMES: Record<Exclude<RequestAuth['kind'], 'none'>, string> = { bearer: 'Bearer token', apiKey: 'API key', basic: 'Password' };

export function TokenField({ token, kind }: { token: TokenState; kind: Exclude<RequestAuth['kind'], 'none'> }) {
  if (token.oauth) return <OAuthTokenLine credential={token.credential} oauth={token.oauth} onChanged={token.refresh} />;
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
        onChange={(text) => token.setValue(text)}
      />
      <button type="button" data-testid="token-reveal" aria-pressed={token.revealed} onClick={() => void token.toggleReveal()}>
        {token.revealed ? 'Hide' : 'Show'}
      </button>
      {token.stored && !token.dirty && <span className="token-badge">Stored in keychain</span>}
      <TokenStatus facts={token.facts} />
    </div>
  );
}
