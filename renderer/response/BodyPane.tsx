// The body, shown the way its type calls for: JSON as Pretty / Raw / Tree (or filtered), text with highlighting,
// images as an image, other binary as hex, an over-limit body as "saved to file" with its start.
import type { ReactNode } from 'react';
import { isComplete, type ShownResponse } from '../../shared/http';
import { isXmlMediaType, mediaTypeOf } from '../../shared/mediaType';
import { formatBytes } from '../ui/format';
import type { Language } from './json/highlight';
import type { Body } from './useBody';
import type { BodyViewName } from './BodyToolbar';
import { LineView } from './LineView';
import { SavedFileNotice } from './SavedFileNotice';
import { TreeView } from './TreeView';

export type Filtered = { state: 'off' } | { state: 'running' } | { state: 'done'; matches: number; shown: number; run: number } | { state: 'error'; error: string };

interface Props {
  response: ShownResponse;
  body: Body;
  view: BodyViewName;
  filtered: Filtered;
  /** Changes on Ctrl+F in the response pane. */
  findRequest: number;
  onCopy: (text: string, what: string) => void;
}

export function BodyPane({ response, body, view, filtered, findRequest, onCopy }: Props) {
  const result = isComplete(response) ? response : null;
  const shown = body.state === 'shown' && body.receivedBytes > 0 ? body : null;
  if (result?.savedFile && !shown) {
    return <SavedFileNotice key={result.requestId} savedFile={result.savedFile} requestId={result.requestId} preview={result.body} />;
  }
  if (result?.imageDataUrl) {
    return (
      <div className="image-body">
        <img data-testid="response-image" src={result.imageDataUrl} alt={`Response image (${result.contentType})`} />
      </div>
    );
  }
  if (response.bodyKind === 'binary') {
    if (!result) return <Waiting>Receiving the body…</Waiting>;
    return (
      <pre className="hex" data-testid="response-body">
        {result.body}
      </pre>
    );
  }
  if (body.state === 'failed') return <p className="notice">The body could not be loaded: {body.error}</p>;
  if (body.state !== 'shown') return <Waiting>Waiting for the body…</Waiting>;
  // Keyed by response (and filter run), so folds, selection and find start fresh for new content.
  const lines = (name: 'pretty' | 'raw' | 'filtered', language: Language, revealOffset?: number) => (
    <LineView
      key={`${response.requestId}:${response.attempt}:${name}:${filtered.state === 'done' ? filtered.run : 0}`}
      worker={body.worker}
      view={name}
      language={language}
      testId="response-body"
      findRequest={findRequest}
      revealOffset={revealOffset}
      revision={`${body.receivedBytes}:${body.end}`}
      onCopy={onCopy}
    />
  );
  const savedFile = result?.savedFile && (
    <SavedFileNotice key={result.requestId} savedFile={result.savedFile} requestId={result.requestId} preview={{ shownBytes: body.receivedBytes }} />
  );
  // Below the lines, not above: when it goes (the body is all here), the lines on screen stay where they are.
  const arrival = <Arrival body={body} expectedBytes={response.expectedBytes} complete={result !== null} />;
  if (!body.json) {
    return (
      <>
        {savedFile}
        {lines('raw', languageFor(response.contentType))}
        {arrival}
      </>
    );
  }

  // JSON from here on.
  if (body.invalid !== null) {
    return (
      <>
        {savedFile}
        <p className="notice" data-testid="parse-error">
          The body is labelled JSON but does not parse: {body.invalid.error}.
        </p>
        {lines('raw', 'plain', body.invalid.offset)}
        {arrival}
      </>
    );
  }
  if (view === 'raw') {
    return (
      <>
        {savedFile}
        {lines('raw', 'json')}
        {arrival}
      </>
    );
  }
  if (filtered.state === 'running') return <Waiting>Filtering…</Waiting>;
  if (filtered.state === 'error') return <p className="notice" data-testid="filter-error">{filtered.error}</p>;
  if (filtered.state === 'done') {
    return (
      <>
        <p className="notice" data-testid="filter-count">
          {filtered.matches === 1 ? '1 match' : `${filtered.matches} matches`}
          {filtered.shown < filtered.matches && `, first ${filtered.shown} shown`}
        </p>
        {lines('filtered', 'json')}
      </>
    );
  }
  if (view === 'tree') return <TreeView worker={body.worker} onCopy={onCopy} />;
  return (
    <>
      {savedFile}
      {lines('pretty', 'json')}
      {arrival}
    </>
  );
}

/** How much of the body is shown, while it arrives and when it stopped short; nothing once it is all here (or in
 *  its temp file: SavedFileNotice says so). complete: the response has all arrived. */
function Arrival({ body, expectedBytes, complete }: { body: Extract<Body, { state: 'shown' }>; expectedBytes: number | null; complete: boolean }) {
  const received = formatBytes(body.receivedBytes);
  if (body.end === null) {
    return (
      <p className="notice muted arrival" data-testid="body-arriving" role="status">
        Showing the {received} received{expectedBytes === null ? '' : ` of ${formatBytes(expectedBytes)}`} so far; the rest is still arriving.
        {body.json && ' Folding, Tree and the filter work once it is all here.'}
      </p>
    );
  }
  if (body.end === 'spooled' && !complete) {
    return (
      <p className="notice muted arrival" data-testid="body-arriving" role="status">
        Showing the first {received}: the body is over the size limit, so the rest goes to a temporary file (Open and Save… once
        it has all arrived).
      </p>
    );
  }
  if (body.end === 'cut') {
    return (
      <p className="notice arrival" data-testid="body-incomplete" role="status">
        The body is incomplete: only the first {received}
        {expectedBytes === null ? '' : ` of ${formatBytes(expectedBytes)}`} arrived before the request stopped.
      </p>
    );
  }
  return null;
}

function Waiting({ children }: { children: ReactNode }) {
  return <p className="notice">{children}</p>;
}

function languageFor(contentType: string): Language {
  const mediaType = mediaTypeOf(contentType);
  if (mediaType === 'text/html') return 'html';
  if (isXmlMediaType(mediaType)) return 'xml';
  return 'plain';
}
