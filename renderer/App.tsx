// The request composer: presets on the left; the open requests as tabs, each with URL, credential, token and
// body; the active tab's response on the right. The tabs live in the workspace store (workspace/).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KeypostError } from '../shared/errors';
import { credentialOf, withCredential, type RequestDocument } from '../shared/request';
import { activeEnvironment, pageValues, referencedVariables, resolveVariables, variableProblem } from '../shared/environments';
import { checkUrl } from '../shared/requestChecks';
import { credentialNameFor, movedToKeychain, secretRows, type SecretRow } from '../shared/secrets';
import { joinUrl, queryFromUrlText } from '../shared/urlQuery';
import { api, isMac } from './api';
import { AboutDialog } from './components/AboutDialog';
import { CodeDialog } from './components/CodeDialog';
import { CredentialCheck } from './components/CredentialCheck';
import { EnvironmentSelect } from './components/EnvironmentSelect';
import { EnvironmentsDialog } from './components/EnvironmentsDialog';
import { CredentialSelect } from './components/CredentialSelect';
import { ErrorBanner } from './components/ErrorBanner';
import { InfoNotice } from './components/InfoNotice';
import { PresetSidebar } from './components/PresetSidebar';
import { SidebarTabs } from './components/SidebarTabs';
import { PresetTitle } from './components/PresetTitle';
import { RequestBar } from './components/RequestBar';
import { RequestEditor } from './components/RequestEditor';
import { RequestTabs } from './components/RequestTabs';
import { ResponseView } from './components/ResponseView';
import { SecretNotice } from './components/SecretNotice';
import { SettingsDialog } from './components/SettingsDialog';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { StoreNotice } from './components/StoreNotice';
import { TokenField } from './components/TokenField';
import { optInFor, TransportOptIns } from './components/TransportOptIns';
import { platform } from './platform';
import { applyTheme } from './theme';
import { useCommands, type CommandActions } from './useCommands';
import { useCredentials } from './useCredentials';
import { useCurlImport } from './useCurlImport';
import { useEnvironments } from './useEnvironments';
import { usePresetCommands } from './usePresetCommands';
import { usePresets } from './usePresets';
import { useSend } from './useSend';
import { useSettings } from './useSettings';
import { useToken } from './useToken';
import { activate, activeTab, closeDialog, cycle, dismissError, dismissNotice, editDraft, isDirty, openDialog } from './workspace/workspace';
import { useWorkspace, workspaceStore } from './workspace/workspaceStore';

export function App() {
  const [reportedError, setReportedError] = useState<KeypostError | null>(null);
  const presets = usePresets(setReportedError);
  const tabs = useWorkspace((workspace) => workspace.tabs);
  const tab = useWorkspace(activeTab);
  const credential = credentialOf(tab.draft) ?? presets.lastCredential;
  const token = useToken(setReportedError, credential);
  const credentials = useCredentials(setReportedError);
  const { settings, loaded: settingsLoaded, save: saveSettings } = useSettings(presets.savedSettings);
  const environments = useEnvironments(setReportedError);
  const [environmentsNoticeDismissed, setEnvironmentsNoticeDismissed] = useState(false);
  const sending = useSend(token, settings, environments.state);
  useEffect(() => applyTheme(settings.theme), [settings.theme]);
  const commands = usePresetCommands({ presets, credentials, token, onError: setReportedError });
  const curl = useCurlImport({ credential, token, onError: setReportedError, onStored: () => void credentials.refresh() });
  // Saving a typed token on Send can create a credential, and saved presets change which are in use.
  const refreshCredentials = credentials.refresh;
  useEffect(() => void refreshCredentials(), [token.stored, presets.list, refreshCredentials]);
  const error = tab.error ?? reportedError;
  const dirty = isDirty(tab);

  const tabId = tab.id;
  const setDraft = useCallback((change: (draft: RequestDocument) => RequestDocument) => workspaceStore.update((workspace) => editDraft(workspace, tabId, change)), [tabId]);
  const send = useCallback(() => void sending.send(tabId, activeTab(workspaceStore.get()).draft), [sending, tabId]);
  // An opt-in becomes part of the draft (saved with the preset) and the request goes again.
  const allowAndSend = useCallback(
    (optIn: 'allowPlainHttp' | 'allowSelfSignedTls') => {
      setDraft((draft) => ({ ...draft, options: { ...draft.options, [optIn]: true } }));
      send();
    },
    [send, setDraft],
  );
  const selectCredential = useCallback(
    (name: string) => {
      setDraft((draft) => withCredential(draft, name));
      presets.rememberCredential(name);
    },
    [presets, setDraft],
  );

  // An expired token is only sent once the user says so.
  const sendAnywayFor = (shown: KeypostError) =>
    shown.code === 'TOKEN_EXPIRED'
      ? [{ label: 'Send anyway', testId: 'send-anyway', run: () => void sending.send(tabId, activeTab(workspaceStore.get()).draft, { sendExpired: true }) }]
      : [];

  // {{variables}}: those the active environment does not define, flagged as you type; the URL resolved, on hover
  // (a secret as dots: the page never has its value).
  const variables = useMemo(() => {
    if (referencedVariables(tab.draft).length === 0) return { problem: null, resolvedUrl: undefined };
    const resolved = resolveVariables(tab.draft, pageValues(environments.state, () => '••••••'));
    return { problem: variableProblem(resolved, activeEnvironment(environments.state)), resolvedUrl: joinUrl(resolved.request.url, resolved.request.query) };
  }, [tab.draft, environments.state]);

  const openSettings = useCallback(() => workspaceStore.update((workspace) => openDialog(workspace, { kind: 'settings' })), []);
  const dialog = useWorkspace((workspace) => workspace.dialog);
  const tabsNotice = useWorkspace((workspace) => workspace.notice);

  // A secret typed into the header or query table moves into the keychain as a credential of its own.
  const secrets = useMemo(() => secretRows(tab.draft), [tab.draft]);
  const moveSecret = useCallback(
    async (row: SecretRow) => {
      const draft = activeTab(workspaceStore.get()).draft;
      const host = checkUrl(joinUrl(draft.url, draft.query));
      const name = credentialNameFor(host.ok ? host.value.hostname : '', row.name, credentials.credentials.map((known) => known.name));
      const moved = movedToKeychain(draft, row, name);
      const stored = await api!.setToken(name, moved.token);
      if (!stored.ok) return setReportedError(stored.error);
      setDraft(() => moved.request);
      presets.rememberCredential(name);
      await credentials.refresh();
    },
    [credentials, presets, setDraft],
  );

  // A multipart file is picked in main's dialog; the page only ever holds its path.
  const chooseFile = useCallback(async () => {
    const chosen = await api!.chooseUploadFile();
    if (chosen.ok) return chosen.value;
    setReportedError(chosen.error);
    return null;
  }, []);

  // The window's commands (shared/shortcuts.ts), from their keys and from the application menu. The body editor binds
  // Ctrl+Enter / ⌘↵ itself. None until the open tabs are back: they would act on a stand-in the tabs then replace.
  const showDialog = (kind: 'about' | 'shortcuts') => workspaceStore.update((workspace) => openDialog(workspace, { kind }));
  const commandActions: CommandActions = {
    send,
    newTab: commands.startNew,
    save: () => void commands.save(),
    saveAs: commands.saveAs,
    importPresets: () => void commands.importPresets(),
    importCurl: curl.openImportDialog,
    exportPresets: commands.exportAll,
    settings: openSettings,
    closeTab: () => commands.close(workspaceStore.get().activeId),
    nextTab: () => workspaceStore.update((workspace) => cycle(workspace, 1)),
    previousTab: () => workspaceStore.update((workspace) => cycle(workspace, -1)),
    shortcuts: () => showDialog('shortcuts'),
    about: () => showDialog('about'),
  };
  useCommands(presets.restored ? commandActions : null);

  // Jump to a JSON syntax error once per error, not on every render.
  const jsonErrorAt = useMemo(
    // A new object per error: the editor moves the cursor when it gets one.
    () => (error?.code === 'INVALID_JSON' && error.position ? { ...error.position } : undefined),
    [error],
  );

  // Until the open tabs are back there is nothing to type into: what was typed into a stand-in would be replaced.
  if (!presets.restored) {
    return (
      <div className="shell restoring" role="status" aria-busy="true" data-testid="restoring">
        Opening your tabs…
      </div>
    );
  }

  return (
    <div className="shell">
      <SidebarTabs
        onError={setReportedError}
        presets={
          <PresetSidebar
            presets={presets.list}
            currentId={tab.preset?.id ?? null}
            dirty={dirty}
            onOpen={(id) => void commands.open(id)}
            onNew={commands.startNew}
            onRename={presets.rename}
            onDuplicate={presets.duplicate}
            onDelete={commands.remove}
            onExport={commands.exportPresets}
            onImport={commands.importPresets}
          />
        }
      />
      <main className="app">
        <RequestTabs
          tabs={tabs}
          activeId={tab.id}
          onActivate={(id) => workspaceStore.update((workspace) => activate(workspace, id))}
          onClose={commands.close}
          onNew={commands.startNew}
        />
        <header className="composer">
          {presets.status && <StoreNotice status={presets.status} onDismiss={presets.dismissStatus} />}
          {tabsNotice && <InfoNotice text={tabsNotice} testId="tabs-notice" onDismiss={() => workspaceStore.update(dismissNotice)} />}
          {presets.workspaceDamage && <StoreNotice status={presets.workspaceDamage} file="open tabs" testId="workspace-notice" onDismiss={presets.dismissWorkspaceDamage} />}
          {environments.state.damage && !environmentsNoticeDismissed && (
            <StoreNotice status={environments.state.damage} file="environments" testId="environments-notice" onDismiss={() => setEnvironmentsNoticeDismissed(true)} />
          )}
          <div className="title-row">
            <PresetTitle name={tab.preset?.name ?? null} dirty={dirty} onSave={() => void commands.save()} onSaveAs={commands.saveAs} />
            <span className="title-actions">
              <EnvironmentSelect
                state={environments.state}
                onChange={(id) => void environments.setActive(id)}
                onManage={() => workspaceStore.update((workspace) => openDialog(workspace, { kind: 'environments' }))}
              />
              <button type="button" className="settings-open" data-testid="settings-open" title={`Settings (${isMac ? '⌘' : 'Ctrl+'},)`} onClick={openSettings}>
                Settings
              </button>
              <button type="button" data-testid="shortcuts-open" aria-label="Keyboard shortcuts" title={`Keyboard shortcuts (${isMac ? '⌘' : 'Ctrl+'}/)`} onClick={() => showDialog('shortcuts')}>
                ?
              </button>
              <button type="button" data-testid="about-open" onClick={() => showDialog('about')}>
                About
              </button>
            </span>
          </div>
          <RequestBar
            method={tab.draft.method}
            url={joinUrl(tab.draft.url, tab.draft.query)}
            resolvedUrl={variables.resolvedUrl}
            onMethodChange={(method) => setDraft((draft) => ({ ...draft, method }))}
            onUrlChange={(text) => setDraft((draft) => ({ ...draft, ...queryFromUrlText(text, draft.query) }))}
            inFlight={tab.inFlight !== null}
            onSend={send}
            onCancel={() => sending.cancel(tab.inFlight)}
            onPasteCurl={curl.pasteCommand}
            onShowCode={() => workspaceStore.update((workspace) => openDialog(workspace, { kind: 'code' }))}
          />
          {variables.problem && (
            <p className="field-error" role="status" data-testid="unresolved-variables">
              {variables.problem}
            </p>
          )}
          <div className="credential-row">
            <CredentialSelect
              credentials={credentials.credentials}
              selected={credential}
              auth={tab.draft.auth}
              onSelect={selectCredential}
              onNoAuth={() => setDraft((draft) => ({ ...draft, auth: { kind: 'none' } }))}
              onAuthChange={(auth) => setDraft((draft) => ({ ...draft, auth }))}
              onManage={commands.manageCredentials}
            />
            {tab.draft.auth.kind !== 'none' && <TokenField token={token} kind={tab.draft.auth.kind} />}
            {tab.draft.auth.kind !== 'none' && <CredentialCheck key={`${tab.id}:${token.credential}`} request={tab.draft} token={token} timeoutMs={settings.timeoutSeconds * 1000} />}
          </div>
          <SecretNotice rows={secrets} onMove={(row) => void moveSecret(row)} />
          <TransportOptIns optIns={tab.draft.options} onChange={(options) => setDraft((draft) => ({ ...draft, options }))} />
          {commands.infoNotice}
          {curl.notice}
          {error && (
            <ErrorBanner
              error={error}
              actions={[...optInFor(error, allowAndSend), ...sendAnywayFor(error)]}
              onDismiss={() => {
                workspaceStore.update((workspace) => dismissError(workspace, tabId));
                setReportedError(null);
              }}
            />
          )}
        </header>
        <div className="panes">
          <RequestEditor
            // One editor per tab: its undo history, cursor and open section belong to that tab.
            key={tab.id}
            request={tab.draft}
            onChange={setDraft}
            onChooseFile={chooseFile}
            onSubmitBody={(body) => void sending.send(tabId, { ...activeTab(workspaceStore.get()).draft, body })}
            reveal={jsonErrorAt}
          />
          {tab.response ? (
            <ResponseView key={`${tab.response.requestId}:${tab.response.attempt}`} response={tab.response} receiving={tab.inFlight === tab.response.requestId} old={tab.responseIsOld} />
          ) : (
            <section className="response empty">
              <p>Press Send to see the response here.</p>
            </section>
          )}
        </div>
      </main>
      {commands.overlays}
      {dialog?.kind === 'environments' && <EnvironmentsDialog environments={environments} onClose={() => workspaceStore.update(closeDialog)} />}
      {dialog?.kind === 'settings' && settingsLoaded && (
        <SettingsDialog settings={settings} onChange={saveSettings} onClose={() => workspaceStore.update(closeDialog)} />
      )}
      {dialog?.kind === 'about' && <AboutDialog onClose={() => workspaceStore.update(closeDialog)} />}
      {dialog?.kind === 'shortcuts' && <ShortcutsDialog platform={platform} onClose={() => workspaceStore.update(closeDialog)} />}
      {dialog?.kind === 'code' && (
        // Plain variables resolved; a secret one stays {{name}}: the page never has its value to put in a snippet.
        <CodeDialog request={resolveVariables(tab.draft, pageValues(environments.state, (name) => `{{${name}}}`)).request} onClose={() => workspaceStore.update(closeDialog)} />
      )}
      {curl.overlay}
    </div>
  );
}
