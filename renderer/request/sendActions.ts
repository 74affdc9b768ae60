// Sending a tab's request: the same checks main makes, first (nothing leaves on bad input), the token stored if one
// was typed, then the IPC call. The answer goes to the tab that sent it (by request id), whichever tab is active then.
import type { KeypostEvents } from '../../shared/api';
import { activeEnvironment, pageValues, resolveVariables, VARIABLE_HINT, variableProblem } from '../../shared/environments';
import { fail, type KeypostError } from '../../shared/errors';
import { BYTES_PER_MB } from '../../shared/http';
import { credentialOf, type RequestDocument } from '../../shared/request';
import { checkRequest } from '../../shared/requestChecks';
import { describeTiming, tokenTiming } from '../../shared/tokenFacts';
import { api } from '../api';
import { commitToken } from '../credentials/credentialActions';
import { credentialsStore, tokenFactsOf, type TokenField } from '../credentials/credentialsState';
import { environmentsStore } from '../environments/environmentsState';
import { captured, capturedStore, withCaptured } from '../environments/capturedState';
import { dismissNotice, reportError } from '../notices/notices';
import { settingsStore } from '../settings/settingsState';
import { dismissError, editDraft, responseStarted, sendFinished, sendRefused, sendStarted } from '../workspace/workspace';
import { workspaceStore } from '../workspace/workspaceStore';
import { collectionOfTab } from '../cookies/tabCollection';
import { libraryStore } from '../presets/library';

/** Requests cancelled before main had them (Cancel pressed while the token was being stored): never sent. */
const cancelledEarly = new Set<string>();

/** A response's head arrives before its body: its tab shows it, and the body as it comes. */
export const followResponses = (): (() => void) =>
  api?.on('responseStarted', (head) => workspaceStore.update((workspace) => responseStarted(workspace, head))) ?? (() => {});

/** Bytes received so far, for the request's progress line. */
export const onSendProgress = (listener: (progress: KeypostEvents['sendProgress']) => void): (() => void) => api?.on('sendProgress', listener) ?? (() => {});

/** Sends `request` (the tab's draft, or the editor's newer text) for the tab `tabId`. */
export async function sendTab(tabId: string, request?: RequestDocument, { sendExpired = false }: { sendExpired?: boolean } = {}): Promise<void> {
  const tab = workspaceStore.get().tabs.find((candidate) => candidate.id === tabId);
  if (!tab || tab.inFlight) return;
  const document = request ?? tab.draft;
  const refuse = (error: KeypostError) => workspaceStore.update((workspace) => sendRefused(workspace, tabId, error));
  if (!api) return refuse(fail('INTERNAL', 'Keypost’s bridge to the main process is missing; restart the app.').error);
  // An error left from an earlier action is not this send's.
  dismissNotice('error');
  // Main resolves {{variables}} with the secret values; here a stored secret stands in, so the checks still apply.
  const environments = environmentsStore.get();
  const resolved = resolveVariables(document, withCaptured(pageValues(environments, () => 'secret'), capturedStore.get(), () => 'secret'));
  const problem = variableProblem(resolved, activeEnvironment(environments));
  if (problem) return refuse({ code: 'UNRESOLVED_VARIABLE', message: problem, hint: VARIABLE_HINT });
  const checked = checkRequest(resolved.request);
  if (!checked.ok) return refuse(checked.error);
  // A token the server will refuse on its own say-so: ask first (the error's "Send anyway" sends it regardless).
  const { token } = credentialsStore.get();
  const untimely = sendExpired || credentialOf(document) !== token.credential ? null : untimelyToken(token, Date.now());
  if (untimely) return refuse(untimely);
  const requestId = crypto.randomUUID();
  workspaceStore.update((workspace) => sendStarted(workspace, tabId, requestId));
  const finish = (answer: Parameters<typeof sendFinished>[2]) => workspaceStore.update((workspace) => sendFinished(workspace, requestId, answer));
  if (document.auth.kind !== 'none') {
    const saved = await commitToken();
    const missing = !saved.ok
      ? saved.error
      : !saved.value
        ? { code: 'NO_TOKEN' as const, message: 'Enter a bearer token first.', hint: 'It is saved in your OS keychain, never in a file.' }
        : null;
    if (missing) return finish({ ok: false, error: missing });
  }
  if (cancelledEarly.delete(requestId)) return finish(fail('CANCELLED', 'The request was cancelled.'));
  const { settings } = settingsStore.get();
  const answer = await api.send({
    requestId,
    request: document,
    timeoutMs: settings.timeoutSeconds * 1000,
    maxRedirects: settings.maxRedirects,
    maxBodyBytes: settings.bodyLimitMb * BYTES_PER_MB,
    // Its collection's cookie jar (a new request: the default collection's).
    collectionId: collectionOfTab(tab, libraryStore.get()),
  });
  // What it captured, main keeps for the next sends; the page learns the names, so {{name}} is not flagged undefined.
  const captures = answer.ok ? answer.value.checks?.captures : undefined;
  if (captures) capturedStore.update((state) => captured(state, captures));
  finish(answer);
}

export const sendActiveTab = () => void sendTab(workspaceStore.get().activeId);

/** Ctrl+Enter in the body editor: its newer text goes, whatever the draft has caught up with. */
export function sendWithBody(tabId: string, body: RequestDocument['body']): Promise<void> {
  const draft = workspaceStore.get().tabs.find((tab) => tab.id === tabId)?.draft;
  return draft ? sendTab(tabId, { ...draft, body }) : Promise.resolve();
}

export function cancelSend(requestId: string | null): void {
  if (!requestId) return;
  cancelledEarly.add(requestId);
  void api?.cancel(requestId).then((result) => {
    // Main had it (and stops it): nothing left to do before sending.
    if (result.ok && result.value) cancelledEarly.delete(requestId);
  });
}

/** An opt-in becomes part of the draft (saved with the preset) and the request goes again. */
export function allowAndSend(tabId: string, optIn: 'allowPlainHttp' | 'allowSelfSignedTls'): void {
  workspaceStore.update((workspace) => editDraft(workspace, tabId, (draft) => ({ ...draft, options: { ...draft.options, [optIn]: true } })));
  void sendTab(tabId);
}

export const dismissTabError = (tabId: string) => workspaceStore.update((workspace) => dismissError(workspace, tabId));

/** A multipart file is picked in main's dialog; the page only ever holds its path. */
export async function chooseUploadFile(): Promise<string | null> {
  const chosen = await api!.chooseUploadFile();
  if (chosen.ok) return chosen.value;
  reportError(chosen.error);
  return null;
}

/** The error that asks before sending a JWT that has expired or is not valid yet; null when it may go. */
function untimelyToken(token: TokenField, now: number): KeypostError | null {
  const facts = tokenFactsOf(token);
  if (!facts) return null;
  const timing = tokenTiming(facts, now);
  if (timing !== 'expired' && timing !== 'notYetValid') return null;
  return {
    code: 'TOKEN_EXPIRED',
    message: `The token of credential “${token.credential}” ${describeTiming(facts, now)}.`,
    hint: 'The server will most likely refuse it. Store a fresh token (type it in the token field, or Manage…), or send it anyway.',
  };
}
