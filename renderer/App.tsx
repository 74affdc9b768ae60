// The request composer: presets on the left, then URL, credential, token and JSON body; the response on the right.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KeypostError } from '../shared/errors';
import { joinUrl, queryFromUrlText } from '../shared/urlQuery';
import { BodyLimitField } from './components/BodyLimitField';
import { CredentialSelect } from './components/CredentialSelect';
import { ErrorBanner } from './components/ErrorBanner';
import { PresetSidebar } from './components/PresetSidebar';
import { PresetTitle } from './components/PresetTitle';
import { RequestBar } from './components/RequestBar';
import { RequestBodyEditor } from './components/RequestBodyEditor';
import { ResponseView } from './components/ResponseView';
import { SendProgress } from './components/SendProgress';
import { StoreNotice } from './components/StoreNotice';
import { TokenField } from './components/TokenField';
import { optInFor, TransportOptIns } from './components/TransportOptIns';
import { useBodyLimit } from './useBodyLimit';
import { useCredentials } from './useCredentials';
import { usePresetCommands } from './usePresetCommands';
import { usePresets } from './usePresets';
import { useSend } from './useSend';
import { useToken } from './useToken';

export function App() {
  const [reportedError, setReportedError] = useState<KeypostError | null>(null);
  const presets = usePresets(setReportedError);
  const { draft, setDraft } = presets;
  const token = useToken(setReportedError, presets.credential);
  const credentials = useCredentials(setReportedError);
  const bodyLimit = useBodyLimit(presets.savedBodyLimitMb, setReportedError);
  const request = useSend(token, bodyLimit.mb);
  const commands = usePresetCommands({ presets, credentials, token, onError: setReportedError });
  // Saving a typed token on Send can create a credential, and saved presets change which are in use.
  const refreshCredentials = credentials.refresh;
  useEffect(() => void refreshCredentials(), [token.stored, presets.list, refreshCredentials]);
  const error = request.error ?? reportedError;

  const send = useCallback(() => void request.send(draft), [request, draft]);
  // An opt-in becomes part of the draft (saved with the preset) and the request goes again.
  const allowAndSend = useCallback(
    (optIn: 'allowPlainHttp' | 'allowSelfSignedTls') => {
      const next = { ...draft, options: { ...draft.options, [optIn]: true } };
      setDraft(next);
      void request.send(next);
    },
    [draft, request, setDraft],
  );

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
    <div className="shell">
      <PresetSidebar
        presets={presets.list}
        currentId={presets.current?.id ?? null}
        dirty={presets.dirty}
        onOpen={commands.open}
        onNew={commands.startNew}
        onRename={presets.rename}
        onDuplicate={presets.duplicate}
        onDelete={commands.remove}
        onExport={commands.exportPresets}
        onImport={commands.importPresets}
      />
      <main className="app">
        <header className="composer">
          {presets.status && <StoreNotice status={presets.status} onDismiss={presets.dismissStatus} />}
          <PresetTitle name={presets.current?.name ?? null} dirty={presets.dirty} onSave={() => void commands.save()} onSaveAs={commands.saveAs} />
          <RequestBar
            method={draft.method}
            url={joinUrl(draft.url, draft.query)}
            onMethodChange={(method) => setDraft((d) => ({ ...d, method }))}
            onUrlChange={(text) => setDraft((d) => ({ ...d, ...queryFromUrlText(text, d.query) }))}
            inFlight={request.inFlight}
            onSend={send}
            onCancel={request.cancel}
          />
          <div className="credential-row">
            <CredentialSelect
              credentials={credentials.credentials}
              selected={presets.credential}
              onSelect={presets.selectCredential}
              onManage={commands.manageCredentials}
            />
            <TokenField token={token} />
          </div>
          <TransportOptIns optIns={draft.options} onChange={(options) => setDraft((d) => ({ ...d, options }))} />
          <BodyLimitField mb={bodyLimit.mb} disabled={!bodyLimit.loaded} onChange={bodyLimit.set} />
          {commands.infoNotice}
          {request.inFlight && <SendProgress />}
          {error && (
            <ErrorBanner
              error={error}
              actions={optInFor(error, allowAndSend)}
              onDismiss={() => {
                request.setError(null);
                setReportedError(null);
              }}
            />
          )}
        </header>
        <div className="panes">
          <RequestBodyEditor
            body={draft.body}
            method={draft.method}
            onChange={(body) => setDraft((d) => ({ ...d, body }))}
            onSubmit={(body) => void request.send({ ...draft, body })}
            reveal={jsonErrorAt}
          />
          {request.result ? (
            <ResponseView result={request.result} />
          ) : (
            <section className="response empty">
              <p>Press Send to see the response here.</p>
            </section>
          )}
        </div>
      </main>
      {commands.overlays}
    </div>
  );
}
