// The visible error message for the last action, with what to do about it.
import type { KeypostError } from '../../shared/errors';

export function ErrorBanner({ error, onDismiss }: { error: KeypostError; onDismiss(): void }) {
  return (
    <div className="error" role="alert" data-testid="error" data-code={error.code}>
      <strong>{error.message}</strong>
      {error.hint && <span className="hint"> {error.hint}</span>}
      <button type="button" className="dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
