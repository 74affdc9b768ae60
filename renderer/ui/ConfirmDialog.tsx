// Asks before something is lost (unsaved edits, a credential presets still use).
import type { ReactNode } from 'react';
import { ModalFooter } from './ModalFooter';
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
      <ModalFooter leave={{ label: 'Cancel', testId: 'dialog-cancel', onClick: onCancel }} action={{ label: confirmLabel, testId: 'dialog-confirm', danger: true, onClick: onConfirm }} />
    </Modal>
  );
}
