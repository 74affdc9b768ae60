// Shows which safety defaults the open request has relaxed, each with a way to turn it back off, and the switch of
// the collection's cookie jar for this request (on unless turned off; only "off" is saved in the file).
import type { RequestOptions as OptIns } from '../../shared/request';
import type { ErrorAction } from '../notices/ErrorBanner';
import type { KeypostError } from '../../shared/errors';

/** The relaxations; `cookies` is not one (it is on by default, and turning it off relaxes nothing). */
type SafetyOptIn = Exclude<keyof OptIns, 'cookies'>;

const LABELS: Record<SafetyOptIn, string> = {
  allowPlainHttp: 'Token may go over plain http',
  allowSelfSignedTls: 'Self-signed certificates accepted',
};

export function TransportOptIns({ optIns, onChange }: { optIns: OptIns; onChange(next: OptIns): void }) {
  const active = (Object.keys(LABELS) as SafetyOptIn[]).filter((key) => optIns[key]);
  const { cookies: _cookies, ...withCookies } = optIns;
  const cookies = (
    <label className="cookie-opt" title="Send the cookies of this collection’s jar, and keep the ones the server sets">
      <input
        type="checkbox"
        data-testid="cookies-opt"
        checked={optIns.cookies !== false}
        onChange={(event) => onChange(event.target.checked ? withCookies : { ...optIns, cookies: false })}
      />
      Cookies
    </label>
  );
  if (active.length === 0) return cookies;
  return (
    <>
      {cookies}
      <div className="opt-ins" data-testid="opt-ins">
        {active.map((key) => (
          <span key={key} className="opt-in">
            ⚠ {LABELS[key]}
            <button type="button" aria-label={`Turn off: ${LABELS[key]}`} onClick={() => onChange({ ...optIns, [key]: false })}>
              ×
            </button>
          </span>
        ))}
      </div>
    </>
  );
}

/** The opt-in that would let a refused request through, offered as a button on the error. */
export function optInFor(error: KeypostError, allow: (optIn: SafetyOptIn) => void): ErrorAction[] {
  if (error.code === 'INSECURE_HTTP') {
    return [{ label: 'Allow plain http for this request and send', testId: 'allow-plain-http', run: () => allow('allowPlainHttp') }];
  }
  if (error.code === 'TLS_ERROR') {
    return [{ label: 'Accept self-signed certificates for this request and send', testId: 'allow-self-signed', run: () => allow('allowSelfSignedTls') }];
  }
  return [];
}
