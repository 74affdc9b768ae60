// Shows which safety defaults the open request has relaxed, each with a way to turn it back off.
import type { RequestOptions as OptIns } from '../../shared/request';
import type { ErrorAction } from '../notices/ErrorBanner';
import type { KeypostError } from '../../shared/errors';

const LABELS: Record<keyof OptIns, string> = {
  allowPlainHttp: 'Token may go over plain http',
  allowSelfSignedTls: 'Self-signed certificates accepted',
};

export function TransportOptIns({ optIns, onChange }: { optIns: OptIns; onChange(next: OptIns): void }) {
  const active = (Object.keys(LABELS) as Array<keyof OptIns>).filter((key) => optIns[key]);
  if (active.length === 0) return null;
  return (
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
  );
}

/** The opt-in that would let a refused request through, offered as a button on the error. */
export function optInFor(error: KeypostError, allow: (optIn: keyof OptIns) => void): ErrorAction[] {
  if (error.code === 'INSECURE_HTTP') {
    return [{ label: 'Allow plain http for this request and send', testId: 'allow-plain-http', run: () => allow('allowPlainHttp') }];
  }
  if (error.code === 'TLS_ERROR') {
    return [{ label: 'Accept self-signed certificates for this request and send', testId: 'allow-self-signed', run: () => allow('allowSelfSignedTls') }];
  }
  return [];
}
