// Settings' "Keep cookies": on disk, encrypted with a key in the OS keychain, or only until Keypost quits (no file at all).
import { COOKIE_STORAGES, type CookieStorage } from '../../shared/cookies';

const LABELS: Record<CookieStorage, string> = { disk: 'On disk, encrypted', memory: 'Only until Keypost quits' };

export function CookieStorageField({ value, onChange }: { value: CookieStorage; onChange(next: CookieStorage): void }) {
  return (
    <div className="setting-field">
      <label title="Cookies are credentials: on disk they are encrypted with a key kept in your OS keychain; choosing memory removes the files.">
        Keep cookies{' '}
        <select data-testid="settings-cookie-storage" value={value} onChange={(event) => onChange(event.target.value as CookieStorage)}>
          {COOKIE_STORAGES.map((storage) => (
            <option key={storage} value={storage}>
              {LABELS[storage]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
