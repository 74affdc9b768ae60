// The answer: status line, notices, the assertions' results, headers table, and the body with its toolbar (views, filter, copy, save).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { isComplete, type ShownResponse } from '../../shared/http';
import { shortcutFor } from '../../shared/shortcuts';
import { saveBody } from './bodyActions';
import { copyText } from '../ui/copyText';
import { formatBytes } from '../ui/format';
import { platform } from '../platform';
import { isWhole, useBody, type Body } from './useBody';
import { BodyPane, type Filtered } from './BodyPane';
import { BodyToolbar, type BodyViewName } from './BodyToolbar';
import { CheckResults } from './CheckResults';
import { HeadersTable } from './HeadersTable';
import { StatusLine } from './StatusLine';
import './response.css';

const FILTER_DELAY_MS = 250;

/** response: complete, or its head while the body arrives (receiving) or after a send that failed mid-body.
 *  old: a later send of this request failed, so this answer is not the current one. */
export function ResponseView({ response, receiving, old = false, onCookies }: { response: ShownResponse; receiving: boolean; old?: boolean; onCookies?(): void }) {
  const [tab, setTab] = useState<'body' | 'headers'>('body');
  const [view, setView] = useState<BodyViewName>('pretty');
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState('');
  const [findRequest, setFindRequest] = useState(0);
  const filterRef = useRef<HTMLInputElement>(null);
  const body = useBody(response);
  const filtered = useFilter(body, filter);
  const result = isComplete(response) ? response : null;
  const authenticate = response.headers.find(([name]) => name === 'www-authenticate')?.[1];

  useEffect(() => setStatus(''), [response.requestId]);

  const textual = response.bodyKind !== 'binary' && !(result?.savedFile && body.state === 'shown' && body.receivedBytes === 0);
  const invalid = body.state === 'shown' ? body.invalid : null;
  const jsonReady = isWhole(body) && body.json && invalid === null;
  const available = { pretty: textual && invalid === null, raw: textual, tree: jsonReady };
  const shownView: BodyViewName = available[view] ? view : available.pretty ? 'pretty' : 'raw';

  const onCopy = (text: string, what: string) =>
    void copyText(text).then((copied) => setStatus(copied ? `Copied ${what}` : 'Could not copy to the clipboard'));
  const onSave = async () => {
    const saved = await saveBody(response.requestId);
    if (!saved.ok) setStatus(saved.error.message);
    else if (saved.value) setStatus(`Saved ${formatBytes(saved.value.sizeBytes)} to ${saved.value.path}`);
  };
  const onCopyBody = async () => {
    if (body.state !== 'shown') return;
    const whole = await body.worker.request({ op: 'text' });
    if (whole.ok) onCopy(whole.text, 'the body');
  };
  // Ctrl+F: the find bar in Pretty and Raw; in the tree, the JSONPath filter is the search.
  const onKeyDown = (event: KeyboardEvent) => {
    if (shortcutFor(event, platform, 'response') !== 'find') return;
    event.preventDefault();
    if (shownView === 'tree') filterRef.current?.focus();
    else setFindRequest((n) => n + 1);
  };

  return (
    <section className="response" aria-label="Response" data-request-id={response.requestId}>
      {old && (
        <p className="response-old" data-testid="response-old" role="status">
          The last send failed: this response is from an earlier request.
        </p>
      )}
      <StatusLine response={response} receiving={receiving} />
      {result?.authFailure && (
        <p className="notice" role="status" data-testid="auth-failure" data-likely={result.authFailure.likely}>
          {result.authFailure.message}
          {/* A challenge main could not read is still shown as the server sent it. */}
          {authenticate && !result.authFailure.serverError && (
            <>
              {' '}
              Server says: <code>{authenticate}</code>
            </>
          )}
        </p>
      )}
      {result?.checks && <CheckResults checks={result.checks} />}
      {result?.cookieNotices && (
        <p className="notice" role="status" data-testid="cookie-notices">
          {result.cookieNotices.join(' ')}
        </p>
      )}
      {response.redirects.length > 0 && (
        <p className="notice">
          Redirects: {response.redirects.map((hop) => `${hop.status} → ${hop.url}`).join(', ')}
          {response.blockedRedirect && <> — not followed: the token is only sent to the origin you typed.</>}
        </p>
      )}
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'body'} onClick={() => setTab('body')}>
          Body
        </button>
        <button role="tab" aria-selected={tab === 'headers'} onClick={() => setTab('headers')}>
          Headers ({response.headers.length})
        </button>
        {onCookies && (
          <button type="button" className="tabs-aside" data-testid="open-cookies" title="This collection’s cookie jar: what is sent with its requests" onClick={onCookies}>
            Cookies…
          </button>
        )}
      </div>
      <HeadersTable headers={response.headers} hidden={tab !== 'headers'} />
      <div className="body-pane" hidden={tab !== 'body'} onKeyDown={onKeyDown}>
        <BodyToolbar
          view={shownView}
          onView={setView}
          available={available}
          filter={filter}
          onFilter={setFilter}
          filterEnabled={jsonReady}
          filterRef={filterRef}
          onCopyBody={() => void onCopyBody()}
          onSaveBody={() => void onSave()}
          canCopy={textual && body.state === 'shown' && body.end !== null}
          canSave={result !== null || (body.state === 'shown' && body.end === 'cut')}
          status={status}
        />
        <BodyPane response={response} body={body} view={shownView} filtered={filtered} findRequest={findRequest} onCopy={onCopy} />
      </div>
    </section>
  );
}

/** Runs the JSONPath filter in the worker a moment after typing stops; 'off' while the field is empty. */
function useFilter(body: Body, filter: string): Filtered {
  const [filtered, setFiltered] = useState<Filtered>({ state: 'off' });
  const runs = useRef(0);
  useEffect(() => {
    if (!isWhole(body) || !body.json || body.invalid !== null || filter.trim() === '') {
      setFiltered({ state: 'off' });
      return;
    }
    let current = true;
    setFiltered({ state: 'running' });
    const timer = setTimeout(() => {
      void body.worker.request({ op: 'filter', path: filter }).then((reply) => {
        if (!current) return;
        setFiltered(reply.ok ? { state: 'done', matches: reply.matches, shown: reply.shown, run: ++runs.current } : { state: 'error', error: reply.error });
      });
    }, FILTER_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [body, filter]);
  return filtered;
}
