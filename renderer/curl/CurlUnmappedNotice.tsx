// After a cURL import: what the command held that the request does not (each with its reason), and where the token went.
import type { Unmapped } from '../../shared/curl/curlImport';
import './code.css';

export interface CurlImportReport {
  unmapped: Unmapped[];
  /** The credential the command's bearer token was stored under, if it had one. */
  storedAs: string | null;
}

export function CurlUnmappedNotice({ report, onDismiss }: { report: CurlImportReport; onDismiss(): void }) {
  const { unmapped, storedAs } = report;
  return (
    <div className="info-notice curl-unmapped" role="status" data-testid="curl-unmapped">
      <span>
        Imported from cURL.{storedAs !== null && ` Its bearer token is stored in the keychain as credential “${storedAs}”.`}
        {unmapped.length === 0 ? ' Everything in the command was mapped.' : ` Not imported (${unmapped.length}):`}
      </span>
      {unmapped.length > 0 && (
        <ul>
          {unmapped.map((entry, index) => (
            <li key={index}>
              <code>{entry.what}</code>: {entry.why}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
