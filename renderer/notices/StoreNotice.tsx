// Startup banner when a file (the presets, the environments, the open tabs) had to be repaired: what happened and where the original bytes are.
import type { StoreDamage } from '../../shared/storeFile';

interface Props {
  status: StoreDamage;
  onDismiss(): void;
  /** Which file: "presets", "environments" or "open tabs". */
  file?: string;
  testId?: string;
}

export function StoreNotice({ status, onDismiss, file = 'presets', testId = 'store-notice' }: Props) {
  return (
    <div className="store-notice" role="alert" data-testid={testId}>
      <strong>Your {file} file could not be read completely.</strong>{' '}
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
