// A dismissible one-line message: a confirmation (export written, import done) or something to know (the tab limit).
export function InfoNotice({ text, onDismiss, testId = 'notice' }: { text: string; onDismiss(): void; testId?: string }) {
  return (
    <div className="info-notice" role="status" data-testid={testId}>
      <span>{text}</span>
      <button type="button" className="dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
