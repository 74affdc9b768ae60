// Adds an OAuth 2.0 credential: the flow, the endpoints and client ID (saved to a file), the client secret or
// refresh token (straight to the keychain, via main). A credential that needs no browser gets its first token at once,
// so a wrong secret or URL shows here, not on the first send.
import { useState } from 'react';
import { credentialNameSchema } from '../../shared/credentials';
import type { KeypostError } from '../../shared/errors';
import { OAUTH_FLOW_LABELS, oauthConfigSchema, type OAuthClientAuth, type OAuthFlow } from '../../shared/oauth';
import { saveOAuthCredential, signInOAuth } from './credentialActions';
import { TextInput } from '../ui';

interface Props {
  /** Names already taken (tokens and OAuth credentials alike). */
  taken: string[];
  onSaved(name: string): Promise<void>;
  onError(message: string | null): void;
}

const FLOWS = Object.keys(OAUTH_FLOW_LABELS) as OAuthFlow[];
const CLIENT_AUTH: Record<OAuthClientAuth, string> = {
  basic: 'client secret in HTTP Basic',
  post: 'client secret in the form body',
  none: 'no client secret (public client)',
};

const describe = (error: KeypostError) => (error.hint ? `${error.message} ${error.hint}` : error.message);

export function OAuthCredentialForm({ taken, onSaved, onError }: Props) {
  const [fields, setFields] = useState({
    name: '',
    flow: 'clientCredentials' as OAuthFlow,
    tokenUrl: '',
    authorizationUrl: '',
    clientId: '',
    clientSecret: '',
    clientAuth: 'basic' as OAuthClientAuth,
    scope: '',
    audience: '',
    refreshToken: '',
  });
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof fields>) => setFields((current) => ({ ...current, ...patch }));
  const { flow } = fields;
  const clientAuths = (Object.keys(CLIENT_AUTH) as OAuthClientAuth[]).filter((auth) => flow !== 'clientCredentials' || auth !== 'none');
  const needsSecret = fields.clientAuth !== 'none';

  const add = async () => {
    const name = fields.name.trim();
    const nameProblem = credentialNameSchema.safeParse(name);
    if (!nameProblem.success) return onError(nameProblem.error.issues[0]?.message ?? 'That name cannot be used.');
    if (taken.includes(name)) return onError(`A credential named “${name}” already exists.`);
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    const config = oauthConfigSchema.safeParse({
      flow,
      tokenUrl: fields.tokenUrl.trim(),
      clientId: fields.clientId.trim(),
      scope: optional(fields.scope),
      clientAuth: fields.clientAuth,
      ...(flow === 'clientCredentials' ? { audience: optional(fields.audience) } : {}),
      ...(flow === 'authorizationCode' ? { authorizationUrl: fields.authorizationUrl.trim() } : {}),
    });
    if (!config.success) return onError(config.error.issues[0]?.message ?? 'Check the OAuth 2.0 settings.');
    if (needsSecret && !fields.clientSecret) return onError('Paste the client secret, or choose “no client secret” for a public client.');
    if (flow === 'refreshToken' && !fields.refreshToken) return onError('Paste the refresh token.');
    setBusy(true);
    const saved = await saveOAuthCredential(name, config.data, {
      ...(needsSecret ? { clientSecret: fields.clientSecret } : {}),
      ...(flow === 'refreshToken' ? { refreshToken: fields.refreshToken } : {}),
    });
    // No browser needed: the first token now, so a wrong secret or URL is said here.
    const first = saved.ok && flow !== 'authorizationCode' ? await signInOAuth(name) : null;
    setBusy(false);
    if (!saved.ok) return onError(describe(saved.error));
    onError(first && !first.ok ? `Saved “${name}”, but getting its first token failed: ${describe(first.error)}` : null);
    setFields((current) => ({ ...current, name: '', clientSecret: '', refreshToken: '' }));
    await onSaved(name);
  };

  const text = (key: keyof typeof fields, label: string, testId: string, options: { secret?: boolean; placeholder?: string } = {}) => (
    <label className="oauth-field">
      <span>{label}</span>
      <TextInput
        type={options.secret ? 'password' : 'text'}
        data-testid={testId}
        placeholder={options.placeholder}
        value={fields[key]}
        onChange={(text) => set({ [key]: text })}
      />
    </label>
  );

  return (
    <details className="oauth-add" data-testid="oauth-add-section">
      <summary>Add an OAuth 2.0 credential</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        {text('name', 'Name', 'oauth-new-name', { placeholder: 'e.g. orders-api' })}
        <label className="oauth-field">
          <span>Flow</span>
          <select
            data-testid="oauth-flow"
            value={flow}
            onChange={(event) => {
              const next = event.target.value as OAuthFlow;
              set({ flow: next, clientAuth: next === 'authorizationCode' ? 'none' : 'basic' });
            }}
          >
            {FLOWS.map((value) => (
              <option key={value} value={value}>
                {OAUTH_FLOW_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        {flow === 'authorizationCode' && text('authorizationUrl', 'Authorization URL', 'oauth-authorization-url', { placeholder: 'https://id.example.com/authorize' })}
        {text('tokenUrl', 'Token URL', 'oauth-token-url', { placeholder: 'https://id.example.com/oauth/token' })}
        {text('clientId', 'Client ID', 'oauth-client-id')}
        <label className="oauth-field">
          <span>Client authentication</span>
          <select data-testid="oauth-client-auth" value={fields.clientAuth} onChange={(event) => set({ clientAuth: event.target.value as OAuthClientAuth })}>
            {clientAuths.map((value) => (
              <option key={value} value={value}>
                {CLIENT_AUTH[value]}
              </option>
            ))}
          </select>
        </label>
        {needsSecret && text('clientSecret', 'Client secret (kept in the keychain)', 'oauth-client-secret', { secret: true })}
        {flow === 'refreshToken' && text('refreshToken', 'Refresh token (kept in the keychain)', 'oauth-refresh-token', { secret: true })}
        {text('scope', 'Scope (optional)', 'oauth-scope', { placeholder: 'read:orders write:orders' })}
        {flow === 'clientCredentials' && text('audience', 'Audience (optional)', 'oauth-audience')}
        <button type="submit" className="primary" data-testid="oauth-add" disabled={busy}>
          {busy ? 'Adding…' : flow === 'authorizationCode' ? 'Add' : 'Add and get a token'}
        </button>
      </form>
    </details>
  );
}
