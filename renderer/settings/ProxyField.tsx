// The proxy setting in the Settings dialog: System, Environment, Manual (address and bypass list) or None. A manual
// address is saved only once it is usable; until then what was typed stays in the field with the reason beside it.
import { useEffect, useState } from 'react';
import { PROXY_MODES, proxyUrlProblem, type ProxyMode, type ProxySetting } from '../../shared/proxy';
import { FieldError } from '../ui';
import { saveProxyPassword } from './settingsActions';

const MODE_LABELS: Record<ProxyMode, string> = {
  system: 'System (the OS proxy settings)',
  environment: 'Environment (HTTPS_PROXY, NO_PROXY…)',
  manual: 'Manual',
  none: 'None (connect directly)',
};

export function ProxyField({ value, onChange }: { value: ProxySetting; onChange(next: ProxySetting): void }) {
  const [draft, setDraft] = useState(value);
  const [password, setPassword] = useState('');
  const [passwordNote, setPasswordNote] = useState<{ failed: boolean; text: string } | null>(null);
  useEffect(() => setDraft(value), [value]);
  const problem = draft.mode !== 'manual' ? null : draft.url.trim() === '' ? 'Type the proxy’s address, as http://host:port.' : proxyUrlProblem(draft.url);

  function change(next: ProxySetting) {
    setDraft(next);
    const unusable = next.url.trim() !== '' && proxyUrlProblem(next.url) !== null;
    if (next.mode === 'manual' && (unusable || next.url.trim() === '')) return;
    // Another mode keeps a usable manual address for later, and drops one that could not be saved.
    onChange({ ...next, url: unusable ? '' : next.url.trim() });
  }

  // A password goes with the saved address's user (http://user@host:port); it is kept in the keychain, never here.
  const user = value.mode === 'manual' && URL.canParse(value.url) ? decodeURIComponent(new URL(value.url).username) : '';
  async function keepPassword(typed: string | null) {
    const failed = await saveProxyPassword(typed);
    if (!failed) setPassword('');
    setPasswordNote(failed ? { failed: true, text: `Not saved: ${failed.message}` } : { failed: false, text: typed === null ? 'Password forgotten.' : 'Password saved in the keychain.' });
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
          <label title="An HTTP proxy (http://host:port), one reached over TLS (https://host:port), or a SOCKS5 proxy (socks5://host:port).">
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
          {user && !problem && (
            <label>
              Password for {user}{' '}
              <input className="proxy-password" data-testid="proxy-password" type="password" autoComplete="off" value={password} onChange={(event) => setPassword(event.target.value)} />
              <button type="button" data-testid="proxy-password-save" disabled={password === ''} onClick={() => void keepPassword(password)}>
                Save password
              </button>
              <button type="button" data-testid="proxy-password-forget" onClick={() => void keepPassword(null)}>
                Forget
              </button>
            </label>
          )}
          {passwordNote &&
            (passwordNote.failed ? (
              <FieldError testId="proxy-password-note">{passwordNote.text}</FieldError>
            ) : (
              <span data-testid="proxy-password-note">{passwordNote.text}</span>
            ))}
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
