// A body over the size limit: where its temp file is, Open (in the system's app for its type), and the start of it.
import { useState } from 'react';
import type { SendResult } from '../../shared/http';
import { openBody } from './bodyActions';
import { formatBytes } from '../ui/format';

interface Props {
  savedFile: NonNullable<SendResult['savedFile']>;
  requestId: string;
  /** The start of the body, as text or a hex dump; or how much of it the view below shows. */
  preview: string | { shownBytes: number };
}

type Opening = { state: 'idle' } | { state: 'opening' } | { state: 'opened' } | { state: 'failed'; message: string };

export function SavedFileNotice({ savedFile, requestId, preview }: Props) {
  const [opening, setOpening] = useState<Opening>({ state: 'idle' });

  const open = async () => {
    setOpening({ state: 'opening' });
    // Main opens the temp file it kept for this request; the page never names a path.
    const opened = await openBody(requestId);
    if (opened.ok) setOpening({ state: 'opened' });
    else setOpening({ state: 'failed', message: [opened.error.message, opened.error.hint].filter(Boolean).join(' ') });
  };

  return (
    <div className="saved-file" data-testid="saved-file">
      <p className="notice">
        The body is {formatBytes(savedFile.sizeBytes)}, over the size limit, so it was written to a temporary file instead of memory:{' '}
        <code>{savedFile.path}</code>. Open it in your system’s app for its type, or use Save… to keep it.
        {typeof preview === 'string' ? ' Its start:' : ` Its first ${formatBytes(preview.shownBytes)} are shown below.`}
      </p>
      <div className="saved-file-actions">
        <button data-testid="open-body" onClick={() => void open()} disabled={opening.state === 'opening'}>
          Open
        </button>
        <span data-testid="open-body-status" role="status" className={opening.state === 'failed' ? 'field-error' : 'muted'}>
          {opening.state === 'opening' && 'Opening…'}
          {opening.state === 'opened' && 'Opened in your system’s app.'}
          {opening.state === 'failed' && opening.message}
        </span>
      </div>
      {typeof preview === 'string' && (
        <pre className="hex" data-testid="response-body">
          {preview}
        </pre>
      )}
    </div>
  );
}
