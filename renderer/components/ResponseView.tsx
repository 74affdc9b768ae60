// The answer: status, timing, size, headers, and the body as text (JSON pretty-printed; never as HTML).
import { useEffect, useState } from 'react';
import type { SendResult } from '../../shared/api';
import { MonacoView } from '../editor/MonacoView';
import { formatBytes, formatDuration, statusClass } from '../format';
import { formatJson } from '../formatJson';

type Shown = { state: 'formatting' } | { state: 'ready'; text: string; language: string; note?: string };

export function ResponseView({ result }: { result: SendResult }) {
  const [tab, setTab] = useState<'body' | 'headers'>('body');
  const shown = useDisplayedBody(result);
  const authenticate = result.headers.find(([name]) => name === 'www-authenticate')?.[1];

  return (
    <section className="response" aria-label="Response">
      <div className="status-line">
        <span data-testid="status" className={`status ${statusClass(result.status)}`}>
          {result.status} {result.statusText}
        </span>
        <span data-testid="elapsed" title={`Time to first byte: ${formatDuration(result.ttfbMs)}`}>
          {formatDuration(result.elapsedMs)}
        </span>
        <span data-testid="size">{formatBytes(result.sizeBytes)}</span>
        <span className="content-type">{result.contentType || 'no content type'}</span>
      </div>
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
      <table className="headers" data-testid="response-headers" hidden={tab !== 'headers'}>
        <tbody>
          {result.headers.map(([name, value], index) => (
            <tr key={index}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="body-pane" hidden={tab !== 'body'}>
        {shown.state === 'formatting' && <p className="notice">Formatting…</p>}
        {shown.state === 'ready' && shown.note && <p className="notice">{shown.note}</p>}
        {result.bodyKind === 'binary' ? (
          <pre className="hex" data-testid="response-body">
            {result.body}
          </pre>
        ) : (
          <MonacoView
            testId="response-body"
            ariaLabel="Response body"
            readOnly
            value={shown.state === 'ready' ? shown.text : ''}
            language={shown.state === 'ready' ? shown.language : 'plaintext'}
          />
        )}
      </div>
    </section>
  );
}

function useDisplayedBody(result: SendResult): Shown {
  const [shown, setShown] = useState<Shown>({ state: 'formatting' });
  useEffect(() => {
    if (result.bodyKind !== 'json') {
      setShown({ state: 'ready', text: result.body, language: 'plaintext' });
      return;
    }
    let current = true;
    setShown({ state: 'formatting' });
    void formatJson(result.body).then((reply) => {
      if (!current) return;
      setShown(
        reply.ok
          ? { state: 'ready', text: reply.text, language: 'json' }
          : { state: 'ready', text: result.body, language: 'plaintext', note: `The body is labelled JSON but does not parse: ${reply.error}.` },
      );
    });
    return () => {
      current = false;
    };
  }, [result]);
  return shown;
}
