// The send and cancel calls: gate the request (URL, JSON, token), then send with the keychain token.
import type { Emit, KeypostApi } from '../../shared/api';
import { fail, ok } from '../../shared/errors';
import { checkJsonBody, checkToken, checkTransport, checkUrl } from '../../shared/requestChecks';
import type { ResponseBodies } from './responseBodies';
import { sendRequest } from './send';
import type { Vault } from './vault';

export function createSendApi({ vault, emit, bodies }: { vault: Vault; emit: Emit; bodies: ResponseBodies }): Pick<KeypostApi, 'send' | 'cancel'> {
  const inFlight = new Map<string, AbortController>();

  return {
    async send(request) {
      const url = checkUrl(request.url);
      if (!url.ok) return url;
      const transport = checkTransport(url.value, request.allowPlainHttp ?? false);
      if (!transport.ok) return transport;
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
          allowSelfSignedTls: request.allowSelfSignedTls ?? false,
          maxBodyBytes: request.maxBodyBytes,
          requestId: request.requestId,
          onProgress: (receivedBytes, totalBytes) => emit('sendProgress', { requestId: request.requestId, receivedBytes, totalBytes }),
          onBody: (received, contentType) => bodies.keep(request.requestId, received, contentType),
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
