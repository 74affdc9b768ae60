// Settings → Certificates: the extra CA file (a company root) trusted beside the system's certificates, chosen in
// main's file dialog; a file that is refused is said beside the field, and the setting stays as it was.
import { useState } from 'react';
import type { KeypostError } from '../../shared/errors';
import { FieldError } from '../ui';

interface Props {
  caFile: string | null;
  /** Opens main's dialog; answers the refusal to show, or null (chosen or cancelled). */
  onChoose(): Promise<KeypostError | null>;
  onRemove(): Promise<KeypostError | null>;
}

export function CaFileField({ caFile, onChoose, onRemove }: Props) {
  const [error, setError] = useState<KeypostError | null>(null);
  const run = (action: () => Promise<KeypostError | null>) => {
    setError(null);
    void action().then(setError);
  };
  return (
    <div className="setting-field" data-testid="settings-ca-file">
      <span>Extra CA certificates:</span>
      <code data-testid="settings-ca-file-path">{caFile ?? 'none (the system’s and built-in ones only)'}</code>
      <button type="button" data-testid="settings-ca-file-choose" onClick={() => run(onChoose)}>
        Choose file…
      </button>
      {caFile && (
        <button type="button" data-testid="settings-ca-file-remove" onClick={() => run(onRemove)}>
          Remove
        </button>
      )}
      {error && (
        <FieldError testId="settings-ca-file-error">
          {error.message}
          {error.hint ? ` ${error.hint}` : ''}
        </FieldError>
      )}
    </div>
  );
}
