// Asks before something is lost (unsaved edits, a credential presets still use).
import type { ReactNode } from 'react';
import { Modal } from './Modal';

interface Props {
  testId: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ testId, title, children, confirmLabel, onConfirm, onCancel }: Props) {
  return (
    <Modal testId={testId} title={title} onCancel={onCancel}>
      <div className="modal-text">{children}</div>
      <div className="modal-buttons">
        <button type="button" data-testid="dialog-cancel" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" data-testid="dialog-confirm" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
