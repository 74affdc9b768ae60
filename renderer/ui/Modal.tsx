// An in-app modal: overlay, Escape to cancel, focus moved inside (never window.confirm, which blocks main).
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  testId: string;
  title: string;
  onCancel(): void;
  children: ReactNode;
}

export function Modal({ testId, title, onCancel, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>('[autofocus], input, select, textarea, button');
    first?.focus();
  }, []);
  return (
    <div className="modal-overlay" onMouseDown={(event) => event.target === event.currentTarget && onCancel()}>
      <div
        ref={box}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
      >
        <h3>{title}</h3>
        {children}
      </div>
    </div>
  );
}
