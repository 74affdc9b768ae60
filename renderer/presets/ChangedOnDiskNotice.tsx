// Shown on a tab whose saved request's file changed outside Keypost (a git pull, an editor) while it had unsaved
// edits: nothing was written over either way, and the user picks which version goes on.
interface Props {
  name: string;
  onReload(): void;
  onSaveMine(): void;
}

export function ChangedOnDiskNotice({ name, onReload, onSaveMine }: Props) {
  return (
    <div className="error" role="status" data-testid="changed-on-disk">
      <strong>“{name}” was changed outside Keypost while you were editing it.</strong>
      <span className="hint"> Your edits are kept here, and the file keeps the other version until you choose.</span>
      <button type="button" className="error-action" data-testid="changed-on-disk-reload" onClick={onReload}>
        Reload from disk
      </button>
      <button type="button" className="error-action" data-testid="changed-on-disk-overwrite" onClick={onSaveMine}>
        Save mine over it
      </button>
    </div>
  );
}
