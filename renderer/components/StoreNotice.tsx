// Startup banner when the presets file had to be repaired: what happened and where the original bytes are.
import type { StoreStatus } from '../../shared/storeFile';

export function StoreNotice({ status, onDismiss }: { status: StoreStatus; onDismiss(): void }) {
  return (
    <div className="store-notice" role="alert" data-testid="store-notice">
      <strong>Your presets file could not be read completely.</strong>{' '}
      {status.problems.join(' ')}{' '}
      {status.backupPath && (
        <>
          The original file is saved unchanged at <code data-testid="store-backup-path">{status.backupPath}</code>.
        </>
      )}
      <button type="button" className="dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
