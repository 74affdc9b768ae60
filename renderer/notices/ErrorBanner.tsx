// The visible error message for the last action, with what to do about it (and a button, where one helps).
import type { KeypostError } from '../../shared/errors';

export interface ErrorAction {
  label: string;
  testId: string;
  run(): void;
}

export function ErrorBanner({ error, actions = [], onDismiss }: { error: KeypostError; actions?: ErrorAction[]; onDismiss(): void }) {
  return (
    <div className="error" role="alert" data-testid="error" data-code={error.code}>
      <strong>{error.message}</strong>
      {error.hint && <span className="hint"> {error.hint}</span>}
      {actions.map((action) => (
        <button key={action.testId} type="button" className="error-action" data-testid={action.testId} onClick={action.run}>
          {action.label}
        </button>
      ))}
      <button type="button" className="dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
