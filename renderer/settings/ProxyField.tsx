// The proxy setting in the Settings dialog: System, Environment, Manual (address and bypass list) or None. A manual
// address is saved only once it is usable; until then what was typed stays in the field with the reason beside it.
import { useEffect, useState } from 'react';
import { PROXY_MODES, proxyUrlProblem, type ProxyMode, type ProxySetting } from '../../shared/proxy';
import { FieldError } from '../ui';

const MODE_LABELS: Record<ProxyMode, string> = {
  system: 'System (the OS proxy settings)',
  environment: 'Environment (HTTPS_PROXY, NO_PROXY…)',
  manual: 'Manual',
  none: 'None (connect directly)',
};

export function ProxyField({ value, onChange }: { value: ProxySetting; onChange(next: ProxySetting): void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const problem = draft.mode !== 'manual' ? null : draft.url.trim() === '' ? 'Type the proxy’s address, as http://host:port.' : proxyUrlProblem(draft.url);

  function change(next: ProxySetting) {
    setDraft(next);
    const unusable = next.url.trim() !== '' && proxyUrlProblem(next.url) !== null;
    if (next.mode === 'manual' && (unusable || next.url.trim() === '')) return;
    // Another mode keeps a usable manual address for later, and drops one that could not be saved.
    onChange({ ...next, url: unusable ? '' : next.url.trim() });
  }

  return (
    <div className="setting-field proxy-field">
      <label>
        Proxy{' '}
        <select data-testid="proxy-mode" value={draft.mode} onChange={(event) => change({ ...draft, mode: event.target.value as ProxyMode })}>
          {PROXY_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {MODE_LABELS[mode]}
            </option>
          ))}
        </select>
      </label>
      {draft.mode === 'manual' && (
        <>
          <label>
            Address{' '}
            <input
              className="proxy-url"
              data-testid="proxy-url"
              placeholder="http://proxy.example.com:8080"
              value={draft.url}
              aria-invalid={problem !== null}
              aria-describedby={problem ? 'proxy-url-error' : undefined}
              onChange={(event) => change({ ...draft, url: event.target.value })}
            />
          </label>
          <label title="Hosts reached directly, as NO_PROXY lists them: example.com (and its subdomains), .internal, host:port, or * for all.">
            Bypass{' '}
            <input className="proxy-bypass" data-testid="proxy-bypass" placeholder="localhost, 127.0.0.1, .internal" value={draft.bypass} onChange={(event) => change({ ...draft, bypass: event.target.value })} />
          </label>
          {problem && (
            <FieldError testId="proxy-url-error" id="proxy-url-error">
              {problem} {value.mode === 'manual' ? `${value.url} still applies.` : 'The proxy setting is unchanged until then.'}
            </FieldError>
          )}
        </>
      )}
    </div>
  );
}
