// "Deleted X — Undo" for a few seconds after a delete.
import { useEffect } from 'react';

const UNDO_WINDOW_MS = 8_000;

export function UndoToast({ message, onUndo, onExpire }: { message: string; onUndo(): void; onExpire(): void }) {
  useEffect(() => {
    const timer = setTimeout(onExpire, UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [message, onExpire]);
  return (
    <div className="toast" role="status" data-testid="undo-toast">
      <span>{message}</span>
      <button type="button" data-testid="undo" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
