// Sending the active tab: the same checks main makes, first (nothing leaves on bad input), then the IPC call.
// The answer goes to the tab that sent it (by request id), whichever tab is active when it arrives.
import { useCallback, useEffect } from 'react';
import { fail, type KeypostError } from '../shared/errors';
import { BYTES_PER_MB } from '../shared/http';
import { credentialOf, type RequestDocument } from '../shared/request';
import type { RendererSettings } from '../shared/settings';
import { activeEnvironment, pageValues, resolveVariables, VARIABLE_HINT, variableProblem, type EnvironmentsState } from '../shared/environments';
import { checkRequest } from '../shared/requestChecks';
import { describeTiming, tokenTiming } from '../shared/tokenFacts';
import { api } from './api';
import type { TokenState } from './useToken';
import { responseStarted, sendFinished, sendRefused, sendStarted } from './workspace/workspace';
import { workspaceStore } from './workspace/workspaceStore';

/** Requests cancelled before main had them (Cancel pressed while the token was being saved): never sent. */
const cancelledEarly = new Set<string>();

/** settings: the timeout, redirects followed, and the body size kept in memory (bigger bodies go to a temp file). */
/** environments: the page's view of them (no secret values), to refuse a request with undefined variables at once. */
export function useSend(token: TokenState, settings: RendererSettings, environments: EnvironmentsState) {
  // A response's head arrives before its body: its tab shows it, and the body as it comes.
  useEffect(() => api?.on('responseStarted', (head) => workspaceStore.update((workspace) => responseStarted(workspace, head))), []);

  /** Sends `request` (the tab's draft, or the editor's newer text) for the tab `tabId`. */
  const send = useCallback(
    async (tabId: string, request: RequestDocument, { sendExpired = false }: { sendExpired?: boolean } = {}) => {
      const tab = workspaceStore.get().tabs.find((candidate) => candidate.id === tabId);
      if (!tab || tab.inFlight) return;
      const refuse = (error: Parameters<typeof sendRefused>[2]) => workspaceStore.update((workspace) => sendRefused(workspace, tabId, error));
      if (!api) return refuse(fail('INTERNAL', 'Keypost’s bridge to the main process is missing; restart the app.').error);
      // Main resolves {{variables}} with the secret values; here a stored secret stands in, so the checks still apply.
      const resolved = resolveVariables(request, pageValues(environments, () => 'secret'));
      const problem = variableProblem(resolved, activeEnvironment(environments));
      if (problem) return refuse({ code: 'UNRESOLVED_VARIABLE', message: problem, hint: VARIABLE_HINT });
      const checked = checkRequest(resolved.request);
      if (!checked.ok) return refuse(checked.error);
      // A token the server will refuse on its own say-so: ask first (the error's "Send anyway" sends it regardless).
      const untimely = sendExpired || credentialOf(request) !== token.credential ? null : untimelyToken(token, Date.now());
      if (untimely) return refuse(untimely);
      const requestId = crypto.randomUUID();
      workspaceStore.update((workspace) => sendStarted(workspace, tabId, requestId));
      if (request.auth.kind !== 'none') {
        const saved = await token.commit();
        const problem = !saved.ok
          ? saved.error
          : !saved.value
            ? { code: 'NO_TOKEN' as const, message: 'Enter a bearer token first.', hint: 'It is saved in your OS keychain, never in a file.' }
            : null;
        if (problem) return workspaceStore.update((workspace) => sendFinished(workspace, requestId, { ok: false, error: problem }));
      }
      if (cancelledEarly.delete(requestId)) {
        return workspaceStore.update((workspace) => sendFinished(workspace, requestId, fail('CANCELLED', 'The request was cancelled.')));
      }
      const answer = await api.send({
        requestId,
        request,
        timeoutMs: settings.timeoutSeconds * 1000,
        maxRedirects: settings.maxRedirects,
        maxBodyBytes: settings.bodyLimitMb * BYTES_PER_MB,
      });
      workspaceStore.update((workspace) => sendFinished(workspace, requestId, answer));
    },
    [token, settings, environments],
  );

  const cancel = useCallback((requestId: string | null) => {
    if (!requestId) return;
    cancelledEarly.add(requestId);
    void api?.cancel(requestId).then((result) => {
      // Main had it (and stops it): nothing left to do before sending.
      if (result.ok && result.value) cancelledEarly.delete(requestId);
    });
  }, []);

  return { send, cancel };
}

/** The error that asks before sending a JWT that has expired or is not valid yet; null when it may go. */
function untimelyToken(token: TokenState, now: number): KeypostError | null {
  if (!token.facts) return null;
  const timing = tokenTiming(token.facts, now);
  if (timing !== 'expired' && timing !== 'notYetValid') return null;
  return {
    code: 'TOKEN_EXPIRED',
    message: `The token of credential “${token.credential}” ${describeTiming(token.facts, now)}.`,
    hint: 'The server will most likely refuse it. Store a fresh token (type it in the token field, or Manage…), or send it anyway.',
  };
}
