// What Keypost tells about a token before sending it (JWT timing, issuer, audience), and how it explains a 401/403.
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { explainAuthFailure } from '../../electron/core/send/authFailure';
import { describeTiming, tokenFacts, tokenTiming } from '../../shared/tokenFacts';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const HOUR = 3600_000;
const key = new TextEncoder().encode('a-test-signing-key-of-32-bytes!!');
const jwt = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key);
const seconds = (ms: number) => Math.floor(ms / 1000);

describe('tokenFacts and tokenTiming', () => {
  it.each([
    ['valid for 3 more hours', { exp: seconds(NOW + 3 * HOUR) }, 'valid', 'expires in 3 h'],
    ['expired an hour ago', { exp: seconds(NOW - HOUR) }, 'expired', 'expired 1 h ago'],
    ['not valid for 5 more minutes', { nbf: seconds(NOW + 5 * 60_000), exp: seconds(NOW + HOUR) }, 'notYetValid', 'not valid for another 5 min'],
    ['without exp', { sub: 'x' }, 'noExpiry', 'no expiry'],
    ['valid for days', { exp: seconds(NOW + 72 * HOUR) }, 'valid', 'expires in 3 d'],
  ])('a JWT %s', async (_name, claims, timing, text) => {
    const facts = tokenFacts(await jwt(claims));
    expect(tokenTiming(facts, NOW)).toBe(timing);
    expect(describeTiming(facts, NOW)).toBe(text);
  });

  it('reads the issuer and the audience (a list joined)', async () => {
    const facts = tokenFacts(await jwt({ iss: 'https://id.example', aud: ['orders', 'billing'], exp: seconds(NOW + HOUR) }));
    expect(facts).toEqual({ kind: 'jwt', issuer: 'https://id.example', audience: 'orders, billing', expiresAt: seconds(NOW + HOUR) * 1000, notBefore: null });
  });

  it('tells an opaque token (no timing shown) from a JWT whose payload cannot be read', () => {
    expect(tokenFacts('kp-opaque-token-123')).toEqual({ kind: 'opaque' });
    expect(describeTiming(tokenFacts('kp-opaque-token-123'), NOW)).toBeNull();
    const malformed = 'eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln';
    expect(tokenFacts(malformed)).toEqual({ kind: 'malformedJwt' });
    expect(describeTiming(tokenFacts(malformed), NOW)).toMatch(/cannot be read/);
  });
});

describe('explainAuthFailure', () => {
  const refused = (status: number, challenge: string | null, extra: Partial<Parameters<typeof explainAuthFailure>[0]> = {}) =>
    explainAuthFailure({ status, headers: challenge ? [['www-authenticate', challenge]] : [], credential: 'staging', facts: null, now: NOW, ...extra });

  it('leaves other statuses alone', async () => {
    expect(await refused(200, null)).toBeUndefined();
    expect(await refused(404, 'Bearer error="invalid_token"')).toBeUndefined();
  });

  it.each([
    ['invalid_token', 401, 'Bearer realm="api", error="invalid_token", error_description="Token revoked"', 'invalid', 'does not accept the token of credential “staging”'],
    ['an expiry the server names', 401, 'Bearer error="invalid_token", error_description="The access token expired"', 'expired', 'has expired'],
    ['insufficient_scope', 403, 'Bearer error="insufficient_scope", scope="orders:write"', 'scope', 'It needs the scope “orders:write”'],
    ['a bare 403', 403, null, 'scope', 'lacks permission'],
    ['a bare 401', 401, null, 'unknown', 'may be expired, wrong'],
    ['a challenge that does not parse', 401, 'Bearer ,,,="', 'unknown', 'refused the token of credential “staging”'],
  ])('%s', async (_name, status, challenge, likely, words) => {
    const failure = await refused(status, challenge);
    expect(failure).toMatchObject({ status, credential: 'staging', likely });
    expect(failure!.message).toContain(words);
  });

  it('says the token expired when the JWT says so, even if the server does not', async () => {
    const facts = tokenFacts(await jwt({ exp: seconds(NOW - HOUR) }));
    expect(await refused(401, 'Bearer error="invalid_token"', { facts })).toMatchObject({ likely: 'expired' });
  });

  it('asks for a credential when the request sent none', async () => {
    expect(await refused(401, 'Bearer realm="api"', { credential: null })).toMatchObject({ likely: 'noCredential', message: expect.stringContaining('sends none') });
  });
});
