// What the token says about itself, beside the token field: a JWT's expiry or not-before, its issuer and audience.
// Decoded locally, so no signature check is implied; an opaque token shows nothing.
import { useEffect, useState } from 'react';
import { describeTiming, tokenTiming, type TokenFacts } from '../../shared/tokenFacts';

/** The relative times ("expires in 3 h") are redrawn this often. */
const TICK_MS = 30_000;

export function TokenStatus({ facts }: { facts: TokenFacts | null }) {
  const now = useNow(TICK_MS);
  if (!facts || facts.kind === 'opaque') return null;
  const timing = tokenTiming(facts, now) ?? 'malformed';
  const details = facts.kind === 'jwt' ? [facts.issuer && `issuer ${facts.issuer}`, facts.audience && `audience ${facts.audience}`].filter(Boolean).join(' · ') : '';
  return (
    <span className={`token-status token-${timing}`} data-testid="token-status" data-state={timing} title="Read from the token itself; its signature is not checked.">
      JWT: {describeTiming(facts, now)}
      {details && <span className="token-claims"> · {details}</span>}
    </span>
  );
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
