// The body, shown the way its type calls for: JSON as Pretty / Raw / Tree (or filtered), text with highlighting,
// images as an image, other binary as hex, an over-limit body as "saved to file" with its start.
import type { ReactNode } from 'react';
import type { SendResult } from '../../shared/api';
import { JSON_VIEW_LANGUAGE } from '../editor/jsonViewLanguage';
import { MonacoView } from '../editor/MonacoView';
import { formatBytes } from '../format';
import type { BodyText } from '../useBodyText';
import type { JsonBody } from '../useJsonBody';
import type { BodyViewName } from './BodyToolbar';
import { TreeView } from './TreeView';

export type Filtered = { state: 'off' } | { state: 'running' } | { state: 'done'; text: string; matches: number; shown: number } | { state: 'error'; error: string };

interface Props {
  result: SendResult;
  text: BodyText;
  json: JsonBody;
  view: BodyViewName;
  filtered: Filtered;
  onCopy: (text: string, what: string) => void;
}

export function BodyPane({ result, text: bodyText, json, view, filtered, onCopy }: Props) {
  if (result.savedFile) {
    return (
      <div className="saved-file" data-testid="saved-file">
        <p className="notice">
          The body is {formatBytes(result.savedFile.sizeBytes)}, over the size limit, so it was written to a temporary file instead of
          memory: <code>{result.savedFile.path}</code>. Use Save… to keep it. Its start:
        </p>
        <pre className="hex" data-testid="response-body">
          {result.body}
        </pre>
      </div>
    );
  }
  if (result.imageDataUrl) {
    return (
      <div className="image-body">
        <img data-testid="response-image" src={result.imageDataUrl} alt={`Response image (${result.contentType})`} />
      </div>
    );
  }
  if (result.bodyKind === 'binary') {
    return (
      <pre className="hex" data-testid="response-body">
        {result.body}
      </pre>
    );
  }
  if (bodyText.state === 'failed') return <p className="notice">The body could not be loaded: {bodyText.error}</p>;
  if (bodyText.state === 'loading') return <Waiting>Loading the body… {formatBytes(bodyText.receivedBytes)} of {formatBytes(result.sizeBytes)}</Waiting>;
  const text = bodyText.text;
  if (result.bodyKind === 'text') return <TextBody text={text} language={languageFor(result.contentType)} />;

  // JSON from here on.
  if (json.state === 'invalid') {
    return (
      <>
        <p className="notice" data-testid="parse-error">
          The body is labelled JSON but does not parse: {json.error}.
        </p>
        <TextBody text={text} language="plaintext" />
      </>
    );
  }
  if (view === 'raw') return <TextBody text={text} language={JSON_VIEW_LANGUAGE} />;
  if (json.state !== 'ready') return <Waiting>Formatting…</Waiting>;
  if (filtered.state === 'running') return <Waiting>Filtering…</Waiting>;
  if (filtered.state === 'error') return <p className="notice" data-testid="filter-error">{filtered.error}</p>;
  if (filtered.state === 'done') {
    return (
      <>
        <p className="notice" data-testid="filter-count">
          {filtered.matches === 1 ? '1 match' : `${filtered.matches} matches`}
          {filtered.shown < filtered.matches && `, first ${filtered.shown} shown`}
        </p>
        <TextBody text={filtered.text} language={JSON_VIEW_LANGUAGE} />
      </>
    );
  }
  if (view === 'tree') return <TreeView worker={json.worker} onCopy={onCopy} />;
  return <TextBody text={json.pretty} language={JSON_VIEW_LANGUAGE} />;
}

function TextBody({ text, language }: { text: string; language: string }) {
  return <MonacoView testId="response-body" ariaLabel="Response body" readOnly value={text} language={language} />;
}

function Waiting({ children }: { children: ReactNode }) {
  return <p className="notice">{children}</p>;
}

function languageFor(contentType: string): string {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  if (mime === 'text/html') return 'html';
  if (/[/+]xml$/.test(mime)) return 'xml';
  return 'plaintext';
}
