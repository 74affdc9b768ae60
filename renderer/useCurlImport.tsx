// cURL in: a command pasted into the URL field, or into Import cURL… (File menu), becomes the active tab's request (a
// new tab's when the active one has edits). Its bearer token is handled as a token typed into the token field: stored
// in the keychain under the selected credential, never kept in the draft. A notice lists what could not be mapped.
import { useCallback, useState, type ReactNode } from 'react';
import { importCurl } from '../shared/curl/curlImport';
import type { KeypostError } from '../shared/errors';
import { api } from './api';
import { CurlImportDialog } from './components/CurlImportDialog';
import { CurlUnmappedNotice, type CurlImportReport } from './components/CurlUnmappedNotice';
import type { TokenState } from './useToken';
import { activeTab, closeDialog, openDialog, openImported, TAB_LIMIT_NOTICE } from './workspace/workspace';
import { useWorkspace, workspaceStore } from './workspace/workspaceStore';

interface Deps {
  /** The selected credential: the imported request sends it, and a bearer token is stored under it. */
  credential: string;
  token: TokenState;
  onError(error: KeypostError): void;
  /** A token was stored: the credential list may have a new entry. */
  onStored(): void;
}

export function useCurlImport({ credential, token, onError, onStored }: Deps) {
  const dialog = useWorkspace((workspace) => workspace.dialog);
  const [report, setReport] = useState<CurlImportReport | null>(null);

  /** Imports the command; else, with nothing changed, the error when it cannot be read or the tab limit's notice. */
  const importCommand = useCallback(
    async (command: string): Promise<KeypostError | string | null> => {
      const imported = importCurl(command, credential);
      if (!imported.ok) return imported.error;
      const { request, bearerToken, unmapped } = imported.value;
      workspaceStore.update((workspace) => openImported(workspace, request));
      // Not shown: the tab limit refused it (the workspace's notice says so). The dialog keeps the command, and
      // no token is stored.
      if (activeTab(workspaceStore.get()).draft !== request) return TAB_LIMIT_NOTICE;
      workspaceStore.update(closeDialog);
      let storedAs: string | null = null;
      if (bearerToken !== null && api) {
        const stored = await api.setToken(credential, bearerToken);
        if (stored.ok) {
          storedAs = credential;
          // Text typed into the token field earlier would be stored over the imported token on Send.
          token.setValue('');
          await token.refresh();
          onStored();
        } else {
          onError(stored.error);
        }
      }
      setReport({ unmapped, storedAs });
      return null;
    },
    [credential, token, onError, onStored],
  );

  /** Pasted into the URL field: imported, or the reason in the error banner (the tab limit's is shown already). */
  const pasteCommand = useCallback(
    (command: string) =>
      void importCommand(command).then((problem) => {
        if (problem && typeof problem !== 'string') onError(problem);
      }),
    [importCommand, onError],
  );

  const openImportDialog = useCallback(() => workspaceStore.update((workspace) => openDialog(workspace, { kind: 'curlImport' })), []);

  const overlay: ReactNode =
    dialog?.kind === 'curlImport' ? (
      <CurlImportDialog
        onCancel={() => workspaceStore.update(closeDialog)}
        onImport={async (command) => {
          const problem = await importCommand(command);
          return problem && typeof problem !== 'string' ? [problem.message, problem.hint].filter(Boolean).join(' ') : problem;
        }}
      />
    ) : null;
  const notice: ReactNode = report ? <CurlUnmappedNotice report={report} onDismiss={() => setReport(null)} /> : null;

  return { pasteCommand, openImportDialog, overlay, notice };
}
