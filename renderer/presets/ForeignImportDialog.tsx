// Import an API: an OpenAPI document or a Postman collection, from a file or an address. Main reads and converts it;
// this shows what will arrive (requests by folder, credentials that will need a token, variables, what could not be
// mapped) and where it goes, then the import's progress. Nothing already in the collection is changed.
import { useState } from 'react';
import type { CollectionInfo } from '../../shared/collections';
import type { KeypostError } from '../../shared/errors';
import type { ForeignPreview } from '../../shared/foreignImport';
import { FieldError, ModalFooter, TextInput } from '../ui';
import { Modal } from '../ui/Modal';
import { dropForeignImport, importForeign, readForeignFile, readForeignUrl } from './foreignImportActions';

interface Props {
  collections: CollectionInfo[];
  /** The collection it goes into unless the user picks another (the sidebar's selection). */
  initialCollection: string;
  onClose(): void;
}

const inWords = (error: KeypostError) => [error.message, error.hint].filter(Boolean).join(' ');
const isError = (value: unknown): value is KeypostError => typeof value === 'object' && value !== null && 'code' in value && 'message' in value;

const CREDENTIAL_NEEDS: Record<ForeignPreview['credentials'][number]['kind'], string> = {
  token: 'needs its token (Credentials → Manage…)',
  oauth: 'OAuth 2.0 set up with its URLs; needs your client ID, then a sign-in',
  secret: 'its value from the file goes to the keychain',
};

export function ForeignImportDialog({ collections, initialCollection, onClose }: Props) {
  const writable = collections.filter((collection) => collection.state === 'ok');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<ForeignPreview | null>(null);
  const [collection, setCollection] = useState(writable.some((each) => each.id === initialCollection) ? initialCollection : (writable[0]?.id ?? ''));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const read = async (what: string, reading: () => Promise<ForeignPreview | KeypostError | null>) => {
    setBusy(what);
    setProblem(null);
    const answer = await reading();
    setBusy(null);
    if (isError(answer)) setProblem(inWords(answer));
    else if (answer) setPreview(answer);
  };
  const leave = () => {
    if (preview && !progress) dropForeignImport(preview.id);
    onClose();
  };
  const start = async () => {
    if (!preview) return;
    setProblem(null);
    setProgress({ done: 0, total: preview.requestCount });
    const failed = await importForeign(preview.id, collection, (done, total) => setProgress({ done, total }));
    if (failed) {
      setProgress(null);
      setProblem(inWords(failed));
    }
  };

  if (!preview) {
    return (
      <Modal testId="foreign-import-dialog" title="Import an API" onCancel={leave}>
        <p className="modal-hint">An OpenAPI 3.0 or 3.1 document (JSON or YAML; Swagger 2.0 is upgraded) or a Postman collection v2.1. Tokens never go into a file.</p>
        <button type="button" data-testid="foreign-import-file" disabled={busy !== null} onClick={() => void read('file', readForeignFile)}>
          Choose a file…
        </button>
        <form
          className="foreign-import-url"
          onSubmit={(event) => {
            event.preventDefault();
            if (url.trim() !== '') void read('url', () => readForeignUrl(url));
          }}
        >
          <label htmlFor="foreign-import-url">Or its address</label>
          <TextInput id="foreign-import-url" data-testid="foreign-import-url" placeholder="https://example.com/openapi.json" value={url} onChange={setUrl} />
          <button type="submit" data-testid="foreign-import-fetch" disabled={busy !== null || url.trim() === ''}>
            {busy === 'url' ? 'Fetching…' : 'Fetch'}
          </button>
        </form>
        {busy === 'file' && <p className="modal-hint">Reading…</p>}
        {problem && <FieldError testId="foreign-import-error">{problem}</FieldError>}
        <ModalFooter leave={{ label: 'Cancel', onClick: leave }} />
      </Modal>
    );
  }

  const count = preview.requestCount;
  return (
    // A Modal of its own (key): focus moves into the preview as it appears.
    <Modal key="preview" testId="foreign-import-dialog" title={`Import “${preview.title}”`} onCancel={progress ? () => {} : leave}>
      <p className="modal-text" data-testid="foreign-import-summary">
        {count} request{count === 1 ? '' : 's'} from {preview.source} ({preview.kind === 'openapi' ? 'OpenAPI' : 'Postman'}), into a new folder “{preview.title}”.
      </p>
      <ul className="foreign-import-list" data-testid="foreign-import-folders" aria-label="Folders">
        {preview.folders.map(({ folder, count: inFolder }) => (
          <li key={folder}>
            {folder === '' ? '(top of the folder)' : folder}: {inFolder}
          </li>
        ))}
      </ul>
      {preview.credentials.length > 0 && (
        <>
          <p className="modal-text">Credentials:</p>
          <ul className="foreign-import-list" data-testid="foreign-import-credentials">
            {preview.credentials.map((credential) => (
              <li key={credential.name}>
                “{credential.name}”, from the {credential.source}: {CREDENTIAL_NEEDS[credential.kind]}
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.variables.length > 0 && <p className="modal-hint">An environment “{preview.title}” with {preview.variables.map((name) => `{{${name}}}`).join(', ')}.</p>}
      {preview.notMapped.length > 0 && (
        <>
          <p className="modal-text">Not imported:</p>
          <ul className="foreign-import-list" data-testid="foreign-import-not-mapped">
            {preview.notMapped.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </>
      )}
      {preview.problems.length > 0 && (
        <ul className="foreign-import-list" data-testid="foreign-import-problems">
          {preview.problems.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      )}
      <label htmlFor="foreign-import-collection">Into the collection</label>
      <select id="foreign-import-collection" data-testid="foreign-import-collection" value={collection} disabled={progress !== null} onChange={(event) => setCollection(event.target.value)}>
        {writable.map((each) => (
          <option key={each.id} value={each.id}>
            {each.name}
          </option>
        ))}
      </select>
      {progress && (
        <p className="modal-hint" role="status">
          <progress data-testid="foreign-import-progress" max={progress.total} value={progress.done} /> {progress.done} of {progress.total} written
        </p>
      )}
      {problem && <FieldError testId="foreign-import-error">{problem}</FieldError>}
      <ModalFooter
        leave={progress ? undefined : { label: 'Cancel', onClick: leave }}
        action={{ label: `Import ${count} request${count === 1 ? '' : 's'}`, testId: 'foreign-import-confirm', disabled: progress !== null || collection === '', onClick: () => void start() }}
      />
    </Modal>
  );
}
