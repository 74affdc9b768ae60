// The answer: status line, notices, headers table, and the body with its toolbar (views, filter, copy, save).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SendResult } from '../../shared/api';
import { api } from '../api';
import { copyText } from '../copyText';
import { formatBytes } from '../format';
import { useBodyText } from '../useBodyText';
import { useJsonBody } from '../useJsonBody';
import { BodyPane, type Filtered } from './BodyPane';
import { BodyToolbar, type BodyViewName } from './BodyToolbar';
import { HeadersTable } from './HeadersTable';
import { StatusLine } from './StatusLine';
import './response.css';

const FILTER_DELAY_MS = 250;

export function ResponseView({ result }: { result: SendResult }) {
  const [tab, setTab] = useState<'body' | 'headers'>('body');
  const [view, setView] = useState<BodyViewName>('pretty');
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  const bodyText = useBodyText(result);
  const text = bodyText.state === 'ready' ? bodyText.text : null;
  const json = useJsonBody(result, text);
  const filtered = useFilter(json, filter);
  const authenticate = result.headers.find(([name]) => name === 'www-authenticate')?.[1];

  useEffect(() => setStatus(''), [result]);

  const textual = !result.savedFile && result.bodyKind !== 'binary';
  const jsonReady = json.state === 'ready' && json.parsed;
  const available = { pretty: textual && json.state !== 'invalid', raw: textual, tree: jsonReady };
  const shownView: BodyViewName = available[view] ? view : available.pretty ? 'pretty' : 'raw';

  const onCopy = (text: string, what: string) =>
    void copyText(text).then((copied) => setStatus(copied ? `Copied ${what}` : 'Could not copy to the clipboard'));
  const onSave = async () => {
    const saved = await api!.saveBody(result.requestId);
    if (!saved.ok) setStatus(saved.error.message);
    else if (saved.value) setStatus(`Saved ${formatBytes(saved.value.sizeBytes)} to ${saved.value.path}`);
  };
  // Ctrl+F: Monaco opens its find widget in Pretty and Raw; in the tree, the JSONPath filter is the search.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'f' && (event.ctrlKey || event.metaKey) && shownView === 'tree') {
      event.preventDefault();
      filterRef.current?.focus();
    }
  };

  return (
    <section className="response" aria-label="Response">
      <StatusLine result={result} />
      {(result.status === 401 || result.status === 403) && (
        <p className="notice">
          The server refused the token ({result.status}). It may be expired, wrong, or lack the needed scope.
          {authenticate && <> Server says: <code>{authenticate}</code></>}
        </p>
      )}
      {result.redirects.length > 0 && (
        <p className="notice">
          Redirects: {result.redirects.map((hop) => `${hop.status} → ${hop.url}`).join(', ')}
          {result.blockedRedirect && <> — not followed: the token is only sent to the origin you typed.</>}
        </p>
      )}
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'body'} onClick={() => setTab('body')}>
          Body
        </button>
        <button role="tab" aria-selected={tab === 'headers'} onClick={() => setTab('headers')}>
          Headers ({result.headers.length})
        </button>
      </div>
      <HeadersTable headers={result.headers} hidden={tab !== 'headers'} />
      <div className="body-pane" hidden={tab !== 'body'} onKeyDown={onKeyDown}>
        <BodyToolbar
          view={shownView}
          onView={setView}
          available={available}
          filter={filter}
          onFilter={setFilter}
          filterEnabled={jsonReady}
          filterRef={filterRef}
          onCopyBody={() => text !== null && onCopy(text, 'the body')}
          onSaveBody={() => void onSave()}
          canCopy={textual && text !== null}
          status={status}
        />
        <BodyPane result={result} text={bodyText} json={json} view={shownView} filtered={filtered} onCopy={onCopy} />
      </div>
    </section>
  );
}

/** Runs the JSONPath filter in the worker a moment after typing stops; 'off' while the field is empty. */
function useFilter(json: ReturnType<typeof useJsonBody>, filter: string): Filtered {
  const [filtered, setFiltered] = useState<Filtered>({ state: 'off' });
  useEffect(() => {
    if (json.state !== 'ready' || !json.parsed || filter.trim() === '') {
      setFiltered({ state: 'off' });
      return;
    }
    let current = true;
    setFiltered({ state: 'running' });
    const timer = setTimeout(() => {
      void json.worker.request({ op: 'filter', path: filter }).then((reply) => {
        if (!current) return;
        setFiltered(reply.ok ? { state: 'done', text: reply.text, matches: reply.matches, shown: reply.shown } : { state: 'error', error: reply.error });
      });
    }, FILTER_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [json, filter]);
  return filtered;
}
