// The send and cancel calls: gate the request (URL, JSON, token), then send with the keychain token.
import type { KeypostApi } from '../../shared/api';
import { fail, ok } from '../../shared/errors';
import { checkJsonBody, checkToken, checkUrl } from '../../shared/requestChecks';
import { sendRequest } from './send';
import type { Vault } from './vault';

export function createSendApi({ vault }: { vault: Vault }): Pick<KeypostApi, 'send' | 'cancel'> {
  const inFlight = new Map<string, AbortController>();

  return {
    async send(request) {
      const url = checkUrl(request.url);
      if (!url.ok) return url;
      const body = checkJsonBody(request.body);
      if (!body.ok) return body;
      const stored = await vault.get(request.credential);
      if (!stored.ok) return stored;
      if (!stored.value) {
        return fail('NO_TOKEN', 'No token is stored yet.', { hint: 'Type your bearer token in the token field, then send.' });
      }
      const token = checkToken(stored.value.reveal());
      if (!token.ok) return token;

      const controller = new AbortController();
      inFlight.get(request.requestId)?.abort();
      inFlight.set(request.requestId, controller);
      try {
        return await sendRequest({
          url: url.value,
          method: request.method,
          body: request.body,
          token: stored.value,
          timeoutMs: request.timeoutMs,
          signal: controller.signal,
        });
      } finally {
        if (inFlight.get(request.requestId) === controller) inFlight.delete(request.requestId);
      }
    },

    async cancel(requestId) {
      const controller = inFlight.get(requestId);
      controller?.abort();
      return ok(controller !== undefined);
    },
  };
}
