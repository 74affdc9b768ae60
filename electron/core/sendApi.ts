// The send and cancel calls: check the document, resolve its secrets (token, files), build it, send it.
import { openAsBlob } from 'node:fs';
import path from 'node:path';
import type { Emit, KeypostApi } from '../../shared/api';
import { fail, ok, type Result } from '../../shared/errors';
import { credentialOf, type RequestDocument } from '../../shared/request';
import { checkRequest, checkToken } from '../../shared/requestChecks';
import { buildOutgoing, type ResolvedSecrets } from './outgoingRequest';
import type { ResponseBodies } from './responseBodies';
import type { Secret } from './secret';
import { sendRequest } from './send';
import type { Vault } from './vault';

export function createSendApi({ vault, emit, bodies }: { vault: Vault; emit: Emit; bodies: ResponseBodies }): Pick<KeypostApi, 'send' | 'cancel'> {
  const inFlight = new Map<string, AbortController>();

  /** The credential's token, checked to fit a header; null when the request sends none. */
  async function tokenFor(request: RequestDocument): Promise<Result<Secret | null>> {
    const credential = credentialOf(request);
    if (credential === null) return ok(null);
    const stored = await vault.get(credential);
    if (!stored.ok) return stored;
    if (!stored.value) return fail('NO_TOKEN', 'No token is stored yet.', { hint: 'Type your bearer token in the token field, then send.' });
    const token = checkToken(stored.value.reveal());
    return token.ok ? ok(stored.value) : token;
  }

  return {
    async send({ requestId, request, timeoutMs, maxBodyBytes, maxRedirects }) {
      // Registered before the first await: a Cancel that arrives while the keychain or a file is read still stops it.
      const controller = new AbortController();
      inFlight.get(requestId)?.abort();
      inFlight.set(requestId, controller);
      try {
        // Nothing is read from the keychain or the disk for a request that cannot go out.
        const checked = checkRequest(request);
        if (!checked.ok) return checked;
        const token = await tokenFor(request);
        if (!token.ok) return token;
        const files = await filesFor(request);
        if (!files.ok) return files;
        const outgoing = buildOutgoing(checked.value, { token: token.value, files: files.value });
        return await sendRequest(outgoing, {
          timeoutMs,
          signal: controller.signal,
          allowSelfSignedTls: request.options.allowSelfSignedTls ?? false,
          maxBodyBytes,
          maxRedirects,
          requestId,
          onProgress: (receivedBytes, totalBytes) => emit('sendProgress', { requestId, receivedBytes, totalBytes }),
          onBody: (received, contentType) => bodies.keep(requestId, received, contentType),
        });
      } finally {
        if (inFlight.get(requestId) === controller) inFlight.delete(requestId);
      }
    },

    async cancel(requestId) {
      const controller = inFlight.get(requestId);
      controller?.abort();
      return ok(controller !== undefined);
    },
  };
}

/** The multipart body's files, opened (not read into memory) from the paths the user picked through main. */
async function filesFor(request: RequestDocument): Promise<Result<ResolvedSecrets['files']>> {
  const files = new Map<string, Blob>();
  if (request.body.kind !== 'multipart') return ok(files);
  for (const part of request.body.parts) {
    if (!part.enabled || part.kind !== 'file' || files.has(part.path)) continue;
    try {
      files.set(part.path, await openAsBlob(part.path));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it no longer exists' : 'it cannot be read';
      return fail('FILE_ERROR', `The file ${path.basename(part.path)} for the form field “${part.name}” was not sent: ${reason}.`, {
        hint: `Pick the file again (it was ${part.path}).`,
      });
    }
  }
  return ok(files);
}
