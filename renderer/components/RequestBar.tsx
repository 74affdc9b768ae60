// Method, URL and the Send / Cancel button.
import { isMac } from '../api';
import { MethodSelect } from './MethodSelect';

interface Props {
  method: string;
  /** The URL as sent: the document's URL with its enabled query rows. */
  url: string;
  onMethodChange(method: string): void;
  onUrlChange(url: string): void;
  inFlight: boolean;
  onSend(): void;
  onCancel(): void;
}

export function RequestBar({ method, url, onMethodChange, onUrlChange, inFlight, onSend, onCancel }: Props) {
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
      <input
        data-testid="url"
        aria-label="URL"
        className="url"
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder="https://api.example.com/items"
        value={url}
        onChange={(event) => onUrlChange(event.target.value)}
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
    </form>
  );
}
