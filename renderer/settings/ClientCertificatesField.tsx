// Settings → Client certificates (mutual TLS): the entries per host pattern, and a form to add or change one. Files are
// picked in main's dialog (never typed); the passphrase is sent to main once, for the keychain, and never kept here.
// A refusal is said beside the form, which keeps what was typed.
import { useState } from 'react';
import { hostPatternProblem, type CertificateFileRole, type ClientCertificate } from '../../shared/clientCertificates';
import type { KeypostError } from '../../shared/errors';
import { FieldError } from '../ui';
import { chooseCertificateFile, removeClientCertificate, saveClientCertificate } from './clientCertificateActions';

interface Draft {
  id: string;
  host: string;
  kind: ClientCertificate['kind'];
  certificateFile: string | null;
  keyFile: string | null;
  passphrase: string;
  /** Changing a saved entry: an empty passphrase keeps the stored one. */
  editing: boolean;
}

const newDraft = (): Draft => ({ id: crypto.randomUUID(), host: '', kind: 'pem', certificateFile: null, keyFile: null, passphrase: '', editing: false });
const fileName = (file: string) => file.split(/[\\/]/).pop();

export function ClientCertificatesField({ entries }: { entries: readonly ClientCertificate[] }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<KeypostError | null>(null);
  const [note, setNote] = useState<string | null>(null);

  async function choose(role: CertificateFileRole) {
    setError(null);
    const chosen = await chooseCertificateFile(role);
    if ('error' in chosen) return setError(chosen.error);
    if (chosen.path === null) return;
    const path = chosen.path;
    setDraft((current) => current && (role === 'key' ? { ...current, keyFile: path } : { ...current, certificateFile: path }));
  }

  async function save(current: Draft) {
    setError(null);
    setNote(null);
    const { id, host, kind, certificateFile, keyFile, passphrase, editing } = current;
    const saved = await saveClientCertificate(
      { id, host: host.trim(), kind, certificateFile: certificateFile!, keyFile: kind === 'pem' ? keyFile : null },
      passphrase !== '' ? passphrase : editing ? undefined : null,
    );
    if ('error' in saved) return setError(saved.error);
    setDraft(null);
    setNote(saved.warning ?? `Saved: ${host.trim()} gets this certificate.`);
  }

  async function remove(id: string) {
    setNote(null);
    setError(await removeClientCertificate(id));
  }

  const hostProblem = draft && draft.host.trim() !== '' ? hostPatternProblem(draft.host) : null;
  const ready = draft && draft.host.trim() !== '' && !hostProblem && draft.certificateFile && (draft.kind === 'pkcs12' || draft.keyFile);
  return (
    <div className="setting-field client-certificates" data-testid="client-certificates">
      <span>Client certificates (mutual TLS):</span>
      {entries.length === 0 && <span data-testid="client-certificates-none">none</span>}
      <ul>
        {entries.map((entry) => (
          <li key={entry.id} data-testid="client-certificate-row">
            <code>{entry.host}</code> {entry.kind === 'pem' ? `${fileName(entry.certificateFile)} + ${fileName(entry.keyFile ?? '')}` : fileName(entry.certificateFile)}
            {entry.hasPassphrase && ' (passphrase in the keychain)'}{' '}
            <button type="button" data-testid="client-certificate-change" onClick={() => setDraft({ ...entry, passphrase: '', editing: true })}>
              Change…
            </button>
            <button type="button" data-testid="client-certificate-remove" onClick={() => void remove(entry.id)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {!draft && (
        <button type="button" data-testid="client-certificate-add" onClick={() => setDraft(newDraft())}>
          Add client certificate…
        </button>
      )}
      {draft && (
        <div className="client-certificate-form" data-testid="client-certificate-form">
          <label title="The host that gets this certificate: api.example.com (that host only), *.example.com (its subdomains), or host:port.">
            Host{' '}
            <input
              data-testid="client-certificate-host"
              placeholder="api.example.com"
              value={draft.host}
              aria-invalid={hostProblem !== null}
              onChange={(event) => setDraft({ ...draft, host: event.target.value })}
            />
          </label>
          <label>
            Kind{' '}
            <select data-testid="client-certificate-kind" value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value as Draft['kind'] })}>
              <option value="pem">PEM certificate and key</option>
              <option value="pkcs12">PKCS#12 (.p12, .pfx)</option>
            </select>
          </label>
          <span>
            <button type="button" data-testid="client-certificate-choose" onClick={() => void choose(draft.kind === 'pem' ? 'certificate' : 'pkcs12')}>
              {draft.kind === 'pem' ? 'Choose certificate…' : 'Choose file…'}
            </button>{' '}
            <code data-testid="client-certificate-file">{draft.certificateFile ?? 'no file chosen'}</code>
          </span>
          {draft.kind === 'pem' && (
            <span>
              <button type="button" data-testid="client-certificate-choose-key" onClick={() => void choose('key')}>
                Choose key…
              </button>{' '}
              <code data-testid="client-certificate-key-file">{draft.keyFile ?? 'no file chosen'}</code>
            </span>
          )}
          <label title="Only for an encrypted key or a PKCS#12 file. Kept in the system keychain, never in a file.">
            Passphrase{' '}
            <input
              data-testid="client-certificate-passphrase"
              type="password"
              autoComplete="off"
              placeholder={draft.editing ? 'unchanged' : 'none'}
              value={draft.passphrase}
              onChange={(event) => setDraft({ ...draft, passphrase: event.target.value })}
            />
          </label>
          <button type="button" data-testid="client-certificate-save" disabled={!ready} onClick={() => void save(draft)}>
            Check and save
          </button>
          <button type="button" data-testid="client-certificate-cancel" onClick={() => (setDraft(null), setError(null))}>
            Cancel
          </button>
          {hostProblem && <FieldError testId="client-certificate-host-error">{hostProblem}</FieldError>}
        </div>
      )}
      {error && (
        <FieldError testId="client-certificate-error">
          {error.message}
          {error.hint ? ` ${error.hint}` : ''}
        </FieldError>
      )}
      {note && <span data-testid="client-certificate-note">{note}</span>}
    </div>
  );
}
