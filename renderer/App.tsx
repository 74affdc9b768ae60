// The request composer: URL, token, JSON body on the left; the response on the right.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KeypostError } from '../shared/errors';
import { ErrorBanner } from './components/ErrorBanner';
import { RequestBar } from './components/RequestBar';
import { ResponseView } from './components/ResponseView';
import { TokenField } from './components/TokenField';
import { MonacoView } from './editor/MonacoView';
import { useSend, type Draft } from './useSend';
import { useToken } from './useToken';

const EXAMPLE_BODY = '{\n  "hello": "world"\n}\n';

export function App() {
  const [draft, setDraft] = useState<Draft>({ url: '', method: 'POST', body: EXAMPLE_BODY });
  const [reportedError, setReportedError] = useState<KeypostError | null>(null);
  const token = useToken(setReportedError);
  const request = useSend(token);
  const error = request.error ?? reportedError;

  const send = useCallback(() => void request.send(draft), [request, draft]);

  // Ctrl+Enter / Cmd+Enter anywhere in the window (the body editor binds it itself).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        send();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [send]);

  // Jump to a JSON syntax error once per error, not on every render.
  const jsonErrorAt = useMemo(
    () => (error?.code === 'INVALID_JSON' && error.position ? { ...error.position, nonce: Date.now() } : undefined),
    [error],
  );

  return (
    <main className="app">
      <header className="composer">
        <RequestBar
          method={draft.method}
          url={draft.url}
          onUrlChange={(url) => setDraft((d) => ({ ...d, url }))}
          inFlight={request.inFlight}
          onSend={send}
          onCancel={request.cancel}
        />
        <TokenField token={token} />
        {error && (
          <ErrorBanner
            error={error}
            onDismiss={() => {
              request.setError(null);
              setReportedError(null);
            }}
          />
        )}
      </header>
      <div className="panes">
        <section className="request-body" aria-label="Request body">
          <h2>Body (JSON)</h2>
          <MonacoView
            testId="body"
            ariaLabel="Request body (JSON)"
            language="json"
            value={draft.body}
            onChange={(body) => setDraft((d) => ({ ...d, body }))}
            onSubmit={send}
            reveal={jsonErrorAt}
          />
        </section>
        {request.result ? (
          <ResponseView result={request.result} />
        ) : (
          <section className="response empty">
            <p>Press Send to see the response here.</p>
          </section>
        )}
      </div>
    </main>
  );
}
