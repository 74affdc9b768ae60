// Method, URL (a cURL command pasted into it is imported), the Send / Cancel button and Code.
import { looksLikeCurl } from '../../shared/curl/curlWords';
import { isMac } from '../platform';
import { TextInput } from '../ui';
import { MethodSelect } from './MethodSelect';

interface Props {
  method: string;
  /** The URL as sent: the document's URL with its enabled query rows. */
  url: string;
  /** The URL with its {{variables}} resolved, shown on hover; absent when it has none. */
  resolvedUrl?: string;
  onMethodChange(method: string): void;
  onUrlChange(url: string): void;
  inFlight: boolean;
  onSend(): void;
  onCancel(): void;
  /** A cURL command pasted into the URL field: imported instead of typed. */
  onPasteCurl(command: string): void;
  /** Opens the Code dialog (the request as curl, fetch or Python). */
  onShowCode(): void;
}

export function RequestBar({ method, url, resolvedUrl, onMethodChange, onUrlChange, inFlight, onSend, onCancel, onPasteCurl, onShowCode }: Props) {
  const shortcut = isMac ? '⌘↵' : 'Ctrl+Enter';
  return (
    <form
      className="request-bar"
      onSubmit={(event) => {
        event.preventDefault();
        onSend();
      }}
    >
      <MethodSelect method={method} onChange={onMethodChange} />
      <TextInput
        data-testid="url"
        aria-label="URL"
        className="url"
        placeholder="https://api.example.com/items"
        title={resolvedUrl}
        data-resolved={resolvedUrl}
        value={url}
        onChange={onUrlChange}
        onPaste={(event) => {
          const text = event.clipboardData.getData('text/plain');
          if (!looksLikeCurl(text)) return;
          event.preventDefault();
          onPasteCurl(text);
        }}
      />
      {inFlight ? (
        <>
          <button type="button" className="send busy" data-testid="send" disabled aria-busy="true">
            <span className="spinner" aria-hidden="true" /> Sending…
          </button>
          <button type="button" data-testid="cancel" onClick={onCancel}>
            Cancel
          </button>
        </>
      ) : (
        <button type="submit" className="send" data-testid="send" title={`Send (${shortcut})`}>
          Send <kbd>{shortcut}</kbd>
        </button>
      )}
      <button type="button" data-testid="code-open" title="The request as curl, fetch or Python code" onClick={onShowCode}>
        Code
      </button>
    </form>
  );
}
