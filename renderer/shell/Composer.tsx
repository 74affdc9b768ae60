// The composer above the panes: notices, the request's title, environment and help buttons, the request line, its
// credential, and the tab's own error with what can be done about it. Wired to the stores and actions.
import { useMemo } from 'react';
import type { KeypostError } from '../../shared/errors';
import { activeEnvironment, pageValues, referencedVariables, resolveVariables, variableProblem } from '../../shared/environments';
import { secretRows } from '../../shared/secrets';
import { joinUrl, queryFromUrlText } from '../../shared/urlQuery';
import { CredentialCheck } from '../credentials/CredentialCheck';
import { CredentialSelect } from '../credentials/CredentialSelect';
import { EnvironmentSelect } from '../environments/EnvironmentSelect';
import { ErrorBanner } from '../notices/ErrorBanner';
import { ChangedOnDiskNotice } from '../presets/ChangedOnDiskNotice';
import { PresetTitle } from '../presets/PresetTitle';
import { RequestBar } from '../request/RequestBar';
import { SecretNotice } from '../request/SecretNotice';
import { TokenField } from '../credentials/TokenField';
import { optInFor, TransportOptIns } from '../request/TransportOptIns';
import { chooseCredential, moveSecretToKeychain, refreshCredentials } from '../credentials/credentialActions';
import { credentialsStore } from '../credentials/credentialsState';
import { pasteCurlCommand } from '../curl/curlActions';
import { openDialog } from '../dialogs/dialog';
import { activateEnvironment } from '../environments/environmentActions';
import { environmentsStore } from '../environments/environmentsState';
import { capturedStore, withCaptured } from '../environments/capturedState';
import { NoticeHost } from '../notices/NoticeHost';
import { isMac } from '../platform';
import { overwriteOnDisk, reloadFromDisk, saveActiveTab, saveActiveTabAs } from '../presets/presetActions';
import { allowAndSend, cancelSend, dismissTabError, sendTab } from '../request/sendActions';
import { settingsStore } from '../settings/settingsState';
import { useStore } from '../state/useStore';
import { editTabDraft } from '../workspace/tabActions';
import { activeTab, isDirty } from '../workspace/workspace';
import { useWorkspace } from '../workspace/workspaceStore';

export function Composer() {
  const tab = useWorkspace(activeTab);
  const credentials = useStore(credentialsStore, (state) => state.list);
  const credential = useStore(credentialsStore, (state) => state.token.credential);
  const environments = useStore(environmentsStore, (state) => state);
  const capturedVariables = useStore(capturedStore, (state) => state);
  const timeoutSeconds = useStore(settingsStore, (state) => state.settings.timeoutSeconds);
  const tabId = tab.id;
  const edit = (change: Parameters<typeof editTabDraft>[1]) => editTabDraft(tabId, change);

  // {{variables}}: those the active environment does not define, flagged as you type; the URL resolved, on hover
  // (a secret as dots: the page never has its value).
  const variables = useMemo(() => {
    if (referencedVariables(tab.draft).length === 0) return { problem: null, resolvedUrl: undefined };
    const resolved = resolveVariables(tab.draft, withCaptured(pageValues(environments, () => '••••••'), capturedVariables, () => '••••••'));
    return { problem: variableProblem(resolved, activeEnvironment(environments)), resolvedUrl: joinUrl(resolved.request.url, resolved.request.query) };
  }, [tab.draft, environments, capturedVariables]);
  const secrets = useMemo(() => secretRows(tab.draft), [tab.draft]);

  // An expired token is only sent once the user says so.
  const sendAnywayFor = (shown: KeypostError) =>
    shown.code === 'TOKEN_EXPIRED' ? [{ label: 'Send anyway', testId: 'send-anyway', run: () => void sendTab(tabId, undefined, { sendExpired: true }) }] : [];

  return (
    <header className="composer">
      <NoticeHost />
      <div className="title-row">
        <PresetTitle name={tab.preset?.name ?? null} dirty={isDirty(tab)} onSave={() => void saveActiveTab()} onSaveAs={saveActiveTabAs} />
        <span className="title-actions">
          <EnvironmentSelect state={environments} onChange={(id) => void activateEnvironment(id)} onManage={() => openDialog({ kind: 'environments' })} />
          <button type="button" className="settings-open" data-testid="settings-open" title={`Settings (${isMac ? '⌘' : 'Ctrl+'},)`} onClick={() => openDialog({ kind: 'settings' })}>
            Settings
          </button>
          <button type="button" data-testid="shortcuts-open" aria-label="Keyboard shortcuts" title={`Keyboard shortcuts (${isMac ? '⌘' : 'Ctrl+'}/)`} onClick={() => openDialog({ kind: 'shortcuts' })}>
            ?
          </button>
          <button type="button" data-testid="about-open" onClick={() => openDialog({ kind: 'about' })}>
            About
          </button>
        </span>
      </div>
      {tab.changedOnDisk && tab.preset && (
        <ChangedOnDiskNotice name={tab.preset.name} onReload={() => void reloadFromDisk(tabId)} onSaveMine={() => void overwriteOnDisk(tabId)} />
      )}
      <RequestBar
        method={tab.draft.method}
        url={joinUrl(tab.draft.url, tab.draft.query)}
        resolvedUrl={variables.resolvedUrl}
        onMethodChange={(method) => edit((draft) => ({ ...draft, method }))}
        onUrlChange={(text) => edit((draft) => ({ ...draft, ...queryFromUrlText(text, draft.query) }))}
        inFlight={tab.inFlight !== null}
        onSend={() => void sendTab(tabId)}
        onCancel={() => cancelSend(tab.inFlight)}
        onPasteCurl={pasteCurlCommand}
        onShowCode={() => openDialog({ kind: 'code' })}
      />
      {variables.problem && (
        <p className="field-error" role="status" data-testid="unresolved-variables">
          {variables.problem}
        </p>
      )}
      <div className="credential-row">
        <CredentialSelect
          credentials={credentials}
          selected={credential}
          auth={tab.draft.auth}
          onSelect={(name) => chooseCredential(tabId, name)}
          onNoAuth={() => edit((draft) => ({ ...draft, auth: { kind: 'none' } }))}
          onAuthChange={(auth) => edit((draft) => ({ ...draft, auth }))}
          onManage={() => {
            openDialog({ kind: 'credentials' });
            // Sends bind credentials to origins in main: the manager shows where each may go as it is now.
            void refreshCredentials();
          }}
        />
        {tab.draft.auth.kind !== 'none' && <TokenField kind={tab.draft.auth.kind} />}
        {tab.draft.auth.kind !== 'none' && <CredentialCheck key={`${tab.id}:${credential}`} request={tab.draft} timeoutMs={timeoutSeconds * 1000} />}
      </div>
      <SecretNotice rows={secrets} onMove={(row) => void moveSecretToKeychain(tabId, row)} />
      <TransportOptIns optIns={tab.draft.options} onChange={(options) => edit((draft) => ({ ...draft, options }))} />
      {tab.error && (
        <ErrorBanner
          error={tab.error}
          actions={[...optInFor(tab.error, (optIn) => allowAndSend(tabId, optIn)), ...sendAnywayFor(tab.error)]}
          onDismiss={() => dismissTabError(tabId)}
        />
      )}
    </header>
  );
}
