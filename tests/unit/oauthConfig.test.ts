// The OAuth credential's configuration schema (shared/oauth.ts) and its keychain entry format (tokenSet.ts).
import { describe, expect, it } from 'vitest';
import { parseTokenSet, serializeTokenSet } from '../../electron/core/credentials/oauth/tokenSet';
import { Secret } from '../../electron/core/credentials/secret';
import { oauthConfigSchema } from '../../shared/oauth';

const clientCredentials = { flow: 'clientCredentials', tokenUrl: 'https://id.example.com/oauth/token', clientId: 'svc', clientAuth: 'basic' } as const;
const firstIssue = (value: unknown) => {
  const parsed = oauthConfigSchema.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0]!.message;
};

describe('OAuth configuration', () => {
  it.each([
    ['client credentials', { ...clientCredentials, scope: 'read write', audience: 'https://api.example.com' }],
    ['client credentials, secret in the body', { ...clientCredentials, clientAuth: 'post' }],
    ['refresh token for a public client', { flow: 'refreshToken', tokenUrl: 'https://id.example.com/token', clientId: 'app', clientAuth: 'none' }],
    [
      'authorization code',
      { flow: 'authorizationCode', authorizationUrl: 'https://id.example.com/authorize', tokenUrl: 'https://id.example.com/token', clientId: 'app', scope: 'openid offline_access', clientAuth: 'none' },
    ],
    ['http on 127.0.0.1', { ...clientCredentials, tokenUrl: 'http://127.0.0.1:8080/token' }],
    ['http on [::1]', { ...clientCredentials, tokenUrl: 'http://[::1]:8080/token' }],
    ['http on localhost', { ...clientCredentials, tokenUrl: 'http://localhost/token' }],
  ])('accepts %s', (_what, value) => {
    expect(firstIssue(value)).toBeNull();
  });

  it.each([
    ['http to another host', { ...clientCredentials, tokenUrl: 'http://id.example.com/token' }, /https:\/\/ URL \(http:\/\/ only for 127\.0\.0\.1, \[::1\] or localhost\)/],
    ['a user name in the URL', { ...clientCredentials, tokenUrl: 'https://me:pw@id.example.com/token' }, /without a user name, password/],
    ['not a URL', { ...clientCredentials, tokenUrl: 'id.example.com/token' }, /token URL must be an https:\/\/ URL/],
    ['an http authorization URL', { flow: 'authorizationCode', authorizationUrl: 'http://id.example.com/auth', tokenUrl: 'https://id.example.com/token', clientId: 'a', clientAuth: 'none' }, /authorization URL must be/],
    ['client credentials without a secret', { ...clientCredentials, clientAuth: 'none' }, /./],
    ['an empty client ID', { ...clientCredentials, clientId: '' }, /client ID is missing/],
    ['a scope with a quote', { ...clientCredentials, scope: 'read "all"' }, /Scopes are words/],
    ['a secret in the configuration', { ...clientCredentials, clientSecret: 'x' }, /./],
    ['an unknown flow', { ...clientCredentials, flow: 'password' }, /./],
  ])('refuses %s', (_what, value, message) => {
    expect(firstIssue(value)).toMatch(message);
  });
});

describe('the keychain entry of an OAuth credential', () => {
  it('round-trips every field, and the serialised entry never prints', () => {
    const entry = serializeTokenSet({
      accessToken: new Secret('at-1'),
      refreshToken: new Secret('rt-1'),
      expiresAt: 1_700_000_000_000,
      clientSecret: new Secret('cs-1'),
    });
    expect(`${entry}`).toBe('[secret]');
    const parsed = parseTokenSet('c', entry);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.accessToken?.reveal()).toBe('at-1');
    expect(parsed.value.refreshToken?.reveal()).toBe('rt-1');
    expect(parsed.value.clientSecret?.reveal()).toBe('cs-1');
    expect(parsed.value.expiresAt).toBe(1_700_000_000_000);
  });

  it('writes only the fields it has', () => {
    expect(serializeTokenSet({ clientSecret: new Secret('cs') }).reveal()).toBe('{"clientSecret":"cs"}');
  });

  it.each([
    ['plain text', 'a-bearer-token'],
    ['JSON of another shape', '{"token":"a-bearer-token"}'],
    ['a wrong type', '{"accessToken":42}'],
    ['an array', '["a-bearer-token"]'],
  ])('calls %s damaged, without quoting it', (_what, text) => {
    const parsed = parseTokenSet('prod', new Secret(text));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('OAUTH_ENTRY_DAMAGED');
    expect(JSON.stringify(parsed.error)).not.toContain('a-bearer-token');
  });
});
