// A dismissible one-line confirmation (export written, import done).
export function InfoNotice({ text, onDismiss }: { text: string; onDismiss(): void }) {
  return (
    <div className="info-notice" role="status" data-testid="notice">
      <span>{text}</span>
      <button type="button" className="dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
