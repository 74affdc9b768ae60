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
  /** The field's words and test ids, for a collection's own CA file (renderer/collectionSettings/). */
  label?: string;
  none?: string;
  testId?: string;
}

export function CaFileField({ caFile, onChoose, onRemove, label = 'Extra CA certificates:', none = 'none (the system’s and built-in ones only)', testId = 'settings-ca-file' }: Props) {
  const [error, setError] = useState<KeypostError | null>(null);
  const run = (action: () => Promise<KeypostError | null>) => {
    setError(null);
    void action().then(setError);
  };
  return (
    <div className="setting-field" data-testid={testId}>
      <span>{label}</span>
      <code data-testid={`${testId}-path`}>{caFile ?? none}</code>
      <button type="button" data-testid={`${testId}-choose`} onClick={() => run(onChoose)}>
        Choose file…
      </button>
      {caFile && (
        <button type="button" data-testid={`${testId}-remove`} onClick={() => run(onRemove)}>
          Remove
        </button>
      )}
      {error && (
        <FieldError testId={`${testId}-error`}>
          {error.message}
          {error.hint ? ` ${error.hint}` : ''}
        </FieldError>
      )}
    </div>
  );
}
