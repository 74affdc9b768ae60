// cURL in: a command pasted into the URL field, or into Import cURL… (File menu), becomes the active tab's request (a
// new tab's when the active one has edits). Its bearer token is handled as a token typed into the token field: stored
// in the keychain under the selected credential, never kept in the draft. A notice lists what could not be mapped.
import { importCurl } from '../../shared/curl/curlImport';
import type { KeypostError } from '../../shared/errors';
import { api } from '../api';
import { refreshCredentials, refreshTokenStatus, selectedCredential, typeToken } from '../credentials/credentialActions';
import { closeDialog } from '../dialogs/dialog';
import { noticesStore, noticeShown, reportError } from '../notices/notices';
import { openTabWith } from '../workspace/tabActions';
import { openImported, TAB_LIMIT_NOTICE } from '../workspace/workspace';

/** Imports the command; else, with nothing changed, the error when it cannot be read or the tab limit's notice. */
export async function importCurlCommand(command: string): Promise<KeypostError | string | null> {
  const credential = selectedCredential();
  const imported = importCurl(command, credential);
  if (!imported.ok) return imported.error;
  const { request, bearerToken, unmapped } = imported.value;
  // Refused at the tab limit: the dialog keeps the command, and no token is stored.
  if (!openTabWith((workspace) => openImported(workspace, request))) return TAB_LIMIT_NOTICE;
  closeDialog();
  let storedAs: string | null = null;
  if (bearerToken !== null) {
    const stored = await api!.setToken(credential, bearerToken);
    if (stored.ok) {
      storedAs = credential;
      // Text typed into the token field earlier would be stored over the imported token on Send.
      typeToken('');
      await Promise.all([refreshTokenStatus(), refreshCredentials()]);
    } else {
      reportError(stored.error);
    }
  }
  noticesStore.update((notices) => noticeShown(notices, { id: 'curl', kind: 'curl', report: { unmapped, storedAs } }));
  return null;
}

/** Pasted into the URL field: imported, or the reason shown (the tab limit's is on show already). */
export function pasteCurlCommand(command: string): void {
  void importCurlCommand(command).then((problem) => {
    if (problem && typeof problem !== 'string') reportError(problem);
  });
}
