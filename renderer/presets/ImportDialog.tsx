// Confirms an import: what the file holds, rename-or-replace for names that exist, a credential for missing ones.
import { useState } from 'react';
import type { CredentialInfo } from '../../shared/credentials';
import type { PresetDraft } from '../../shared/presets';
import { credentialOf, withCredential } from '../../shared/request';
import type { ConflictChoice, ImportPreview } from '../../shared/transfer';
import { ModalFooter } from '../ui';
import { Modal } from '../ui/Modal';

interface Props {
  preview: ImportPreview;
  credentials: CredentialInfo[];
  onImport(presets: PresetDraft[], onConflict: ConflictChoice): void;
  onCancel(): void;
}

export function ImportDialog({ preview, credentials, onImport, onCancel }: Props) {
  const [choice, setChoice] = useState<ConflictChoice>('rename');
  // Missing credential name -> the stored one to use instead ('' keeps the name, to add its token later).
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const stored = credentials.filter((c) => c.stored).map((c) => c.name);
  const count = preview.presets.length;

  return (
    <Modal testId="import-dialog" title={`Import from ${preview.fileName}`} onCancel={onCancel}>
      <p className="modal-text">
        {count} preset{count === 1 ? '' : 's'} to import
        {preview.skipped > 0 && `; ${preview.skipped} invalid entr${preview.skipped === 1 ? 'y' : 'ies'} will be skipped`}. Tokens are never part of
        an export.
      </p>
      {preview.conflicts.length > 0 && (
        <fieldset className="import-conflicts" data-testid="import-conflicts">
          <legend>Already here: {preview.conflicts.join(', ')}</legend>
          <label>
            <input type="radio" name="conflict" data-testid="import-rename" checked={choice === 'rename'} onChange={() => setChoice('rename')} /> Keep
            both (imported ones get a new name)
          </label>
          <label>
            <input type="radio" name="conflict" data-testid="import-replace" checked={choice === 'replace'} onChange={() => setChoice('replace')} />{' '}
            Replace the existing presets
          </label>
        </fieldset>
      )}
      {preview.missingCredentials.length > 0 && (
        <div className="import-missing" data-testid="import-missing">
          <p>These credentials are not in your keychain:</p>
          {preview.missingCredentials.map((name) => (
            <label key={name}>
              “{name}” →{' '}
              <select
                data-testid="import-credential-map"
                data-credential={name}
                value={mapping[name] ?? ''}
                onChange={(event) => setMapping((current) => ({ ...current, [name]: event.target.value }))}
              >
                <option value="">keep “{name}” (add its token later)</option>
                {stored.map((option) => (
                  <option key={option} value={option}>
                    use “{option}”
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      <ModalFooter
        leave={{ label: 'Cancel', onClick: onCancel }}
        action={{ label: 'Import', testId: 'import-confirm', onClick: () => onImport(preview.presets.map((preset) => withCredentialMapped(preset, mapping)), choice) }}
      />
    </Modal>
  );
}

/** The preset with its credential pointed at the one the user chose for it (unchanged when none was chosen). */
function withCredentialMapped(preset: PresetDraft, mapping: Record<string, string>): PresetDraft {
  const credential = credentialOf(preset.request);
  const chosen = credential === null ? '' : mapping[credential];
  return chosen ? { ...preset, request: withCredential(preset.request, chosen) } : preset;
}
