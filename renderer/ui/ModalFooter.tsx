// A dialog's row of buttons: whatever else it offers, then the button that leaves it (Cancel, Close or Done), then its
// one action, last and primary.
import type { ReactNode } from 'react';

interface Leave {
  label: 'Cancel' | 'Close' | 'Done';
  onClick(): void;
  testId?: string;
}

interface Action {
  label: ReactNode;
  testId: string;
  /** A form's submit button (Enter in a field presses it); else onClick. */
  submit?: boolean;
  onClick?(): void;
  disabled?: boolean;
  /** Red, for an action that destroys something. */
  danger?: boolean;
}

interface Props {
  leave?: Leave;
  action?: Action;
  /** Before the buttons: a secondary button, or a word such as "Copied". */
  children?: ReactNode;
}

export function ModalFooter({ leave, action, children }: Props) {
  return (
    <div className="modal-buttons">
      {children}
      {leave && (
        <button type="button" data-testid={leave.testId} onClick={leave.onClick}>
          {leave.label}
        </button>
      )}
      {action && (
        <button
          type={action.submit ? 'submit' : 'button'}
          className={action.danger ? 'danger' : 'primary'}
          data-testid={action.testId}
          disabled={action.disabled}
          onClick={action.onClick}
        >
          {action.label}
        </button>
      )}
    </div>
  );
}
