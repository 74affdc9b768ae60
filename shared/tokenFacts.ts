// What can be told about a token without sending it: a JWT's expiry, not-before, issuer and audience, decoded
// locally (jose), with no signature check implied. Main decodes stored tokens; the page decodes what is typed.
import { decodeJwt } from 'jose';
import { formatDuration } from './duration';

export type TokenFacts =
  | { kind: 'opaque' }
  /** Shaped like a JWT (three base64url parts, a JSON header) whose payload cannot be read. */
  | { kind: 'malformedJwt' }
  | { kind: 'jwt'; expiresAt: number | null; notBefore: number | null; issuer: string | null; audience: string | null };

/** A JWT's header is base64url of '{"…', which always starts "eyJ". */
const JWT_SHAPE = /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/;

export function tokenFacts(token: string): TokenFacts {
  const trimmed = token.trim();
  if (!JWT_SHAPE.test(trimmed)) return { kind: 'opaque' };
  try {
    const claims = decodeJwt(trimmed);
    const seconds = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value * 1000 : null);
    const audience = Array.isArray(claims.aud) ? claims.aud.join(', ') : (claims.aud ?? null);
    return { kind: 'jwt', expiresAt: seconds(claims.exp), notBefore: seconds(claims.nbf), issuer: claims.iss ?? null, audience };
  } catch {
    return { kind: 'malformedJwt' };
  }
}

export type TokenTiming = 'valid' | 'expired' | 'notYetValid' | 'noExpiry';

export function tokenTiming(facts: TokenFacts, now: number): TokenTiming | null {
  if (facts.kind !== 'jwt') return null;
  if (facts.notBefore !== null && now < facts.notBefore) return 'notYetValid';
  if (facts.expiresAt === null) return 'noExpiry';
  return now >= facts.expiresAt ? 'expired' : 'valid';
}

/** One line for the credential row: "expires in 3 h", "expired 1 h ago", "not valid for another 5 min". */
export function describeTiming(facts: TokenFacts, now: number): string | null {
  const timing = tokenTiming(facts, now);
  if (facts.kind === 'malformedJwt') return 'looks like a JWT, but its payload cannot be read';
  if (facts.kind !== 'jwt' || timing === null) return null;
  switch (timing) {
    case 'notYetValid':
      return `not valid for another ${formatDuration(facts.notBefore! - now, 'rounded')}`;
    case 'noExpiry':
      return 'no expiry';
    case 'expired':
      return `expired ${formatDuration(now - facts.expiresAt!, 'rounded')} ago`;
    case 'valid':
      return `expires in ${formatDuration(facts.expiresAt! - now, 'rounded')}`;
  }
}
