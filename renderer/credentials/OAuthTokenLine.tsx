// In place of the token field for an OAuth 2.0 credential: the state of the token Keypost holds (valid until …,
// expired, failed with the server's words) and the button that gets one now (a token request, or the browser sign-in).
import { useState } from 'react';
import type { TokenStatus } from '../../shared/credentials';
import { signInOAuth } from './credentialActions';
import { FieldError } from '../ui';

interface Props {
  credential: string;
  oauth: NonNullable<TokenStatus['oauth']>;
  /** Re-reads the state after a sign-in. */
  onChanged(): Promise<void>;
}

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function describeOAuthState({ state }: NonNullable<TokenStatus['oauth']>): string {
  switch (state.status) {
    case 'missing':
      return 'no token yet';
    case 'valid':
      return state.expiresAt === null ? 'token held (no expiry given)' : `token valid until ${time(state.expiresAt)}`;
    case 'expired':
      return state.hasRefreshToken ? 'token expired: refreshed on the next send' : 'token expired';
    case 'refreshing':
      return 'refreshing…';
    case 'failed':
      return `getting a token failed: ${state.error ?? 'see the error above'}`;
  }
}

export function OAuthTokenLine({ credential, oauth, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const browser = oauth.flow === 'authorizationCode';
  const getToken = async () => {
    setBusy(true);
    setProblem(null);
    const signedIn = await signInOAuth(credential);
    setBusy(false);
    if (!signedIn.ok) setProblem(signedIn.error.hint ? `${signedIn.error.message} ${signedIn.error.hint}` : signedIn.error.message);
    await onChanged();
  };
  return (
    <div className="token-field oauth-line">
      <span className="oauth-state" data-testid="oauth-state" data-status={oauth.state.status}>
        OAuth 2.0: {describeOAuthState(oauth)}
      </span>
      <button type="button" data-testid="oauth-sign-in" disabled={busy} onClick={() => void getToken()}>
        {busy ? (browser ? 'Waiting for the browser…' : 'Getting a token…') : browser ? 'Sign in…' : 'Get token'}
      </button>
      {problem && (
        <FieldError testId="oauth-error" inline>
          {problem}
        </FieldError>
      )}
    </div>
  );
}
