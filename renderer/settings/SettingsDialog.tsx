// Settings (Ctrl+,): the in-memory body limit, the timeout, how many redirects are followed, the proxy, an extra CA
// file, the theme, the history's caps, and client certificates.
// Each valid change is saved at once; invalid input is shown as such and never saved.
import { useState } from 'react';
import type { KeypostError } from '../../shared/errors';
import { historyMaxEntriesSchema, historyMaxMbSchema, maxRedirectsSchema, type RendererSettings, THEMES, type ThemeSetting, timeoutSecondsSchema } from '../../shared/settings';
import { FieldError, ModalFooter } from '../ui';
import { BodyLimitField, WholeNumberField } from './BodyLimitField';
import { CaFileField } from './CaFileField';
import { Modal } from '../ui/Modal';
import { ProxyField } from './ProxyField';
import { ClientCertificatesField } from './ClientCertificatesField';
import { Http1OnlyField } from './Http1OnlyField';
import { CookieStorageField } from '../cookies/CookieStorageField';

const THEME_LABELS: Record<ThemeSetting, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

type Editable = Pick<RendererSettings, 'bodyLimitMb' | 'timeoutSeconds' | 'maxRedirects' | 'theme' | 'historyMaxEntries' | 'historyMaxMb' | 'proxy' | 'http1Only' | 'cookieStorage'>;

interface Props {
  /** The saved settings. */
  settings: RendererSettings;
  /** Saves one change; answers the error when it was not saved, else null. */
  onChange(patch: Partial<RendererSettings>): Promise<KeypostError | null>;
  /** Main's file dialog for a CA file; answers the refusal when the chosen file cannot serve, else null. */
  onChooseCaFile(): Promise<KeypostError | null>;
  onClose(): void;
}

export function SettingsDialog({ settings, onChange, onChooseCaFile, onClose }: Props) {
  // Choices being saved are shown at once, so the answer for an earlier keystroke ("3") never undoes a later one ("30").
  const [chosen, setChosen] = useState<Partial<Editable>>({});
  const [error, setError] = useState<KeypostError | null>(null);
  const shown: Editable = { ...settings, ...chosen };

  function save<K extends keyof Editable>(key: K, value: Editable[K]) {
    setChosen((current) => ({ ...current, [key]: value }));
    setError(null);
    void onChange({ [key]: value }).then((failed) => {
      if (!failed) return;
      setError(failed);
      // Back to the saved value, unless something newer was chosen meanwhile.
      setChosen((current) => {
        if (current[key] !== value) return current;
        const { [key]: _dropped, ...rest } = current;
        return rest as Partial<Editable>;
      });
    });
  }

  return (
    <Modal testId="settings-dialog" title="Settings" onCancel={onClose}>
      <div className="settings-fields">
        <BodyLimitField mb={shown.bodyLimitMb} disabled={false} onChange={(mb) => save('bodyLimitMb', mb)} />
        <WholeNumberField
          testId="settings-timeout"
          value={shown.timeoutSeconds}
          schema={timeoutSecondsSchema}
          onChange={(seconds) => save('timeoutSeconds', seconds)}
          before="Time out after"
          after="seconds without a complete response"
          format={(seconds) => `${seconds} s`}
          title="A request still waiting then fails with a timeout; Cancel stops one sooner."
        />
        <WholeNumberField
          testId="settings-redirects"
          value={shown.maxRedirects}
          schema={maxRedirectsSchema}
          onChange={(count) => save('maxRedirects', count)}
          before="Follow up to"
          after="redirects (0: show the redirect itself)"
          format={(count) => String(count)}
          title="Only redirects to the origin you typed are followed, so the token never goes elsewhere."
        />
        <ProxyField value={shown.proxy} onChange={(proxy) => save('proxy', proxy)} />
        <Http1OnlyField value={shown.http1Only} onChange={(on) => save('http1Only', on)} />
        <WholeNumberField
          testId="settings-history-entries"
          value={shown.historyMaxEntries}
          schema={historyMaxEntriesSchema}
          onChange={(count) => save('historyMaxEntries', count)}
          before="History keeps the last"
          after="requests"
          format={(count) => String(count)}
          title="Past this, the oldest requests leave the history, from the next send on."
        />
        <WholeNumberField
          testId="settings-history-mb"
          value={shown.historyMaxMb}
          schema={historyMaxMbSchema}
          onChange={(mb) => save('historyMaxMb', mb)}
          before="History uses at most"
          after="MB on disk"
          format={(mb) => `${mb} MB`}
          title="Past this, the oldest requests leave the history, from the next send on."
        />
        <div className="setting-field">
          <label>
            Theme{' '}
            <select data-testid="theme-select" value={shown.theme} onChange={(event) => save('theme', event.target.value as ThemeSetting)}>
              {THEMES.map((theme) => (
                <option key={theme} value={theme}>
                  {THEME_LABELS[theme]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <CaFileField caFile={settings.caFile} onChoose={onChooseCaFile} onRemove={() => onChange({ caFile: null })} />
        <ClientCertificatesField entries={settings.clientCertificates} />
        <CookieStorageField value={shown.cookieStorage} onChange={(storage) => save('cookieStorage', storage)} />
      </div>
      {error && <FieldError testId="settings-error">Not saved: {error.message}</FieldError>}
      <p className="modal-hint">Changes are saved as you make them.</p>
      <ModalFooter leave={{ label: 'Close', testId: 'settings-close', onClick: onClose }} />
    </Modal>
  );
}
