// The send, cancel and check calls: check the document, resolve its secrets (token, files), build it, send it.
import { openAsBlob } from 'node:fs';
import path from 'node:path';
import type { Emit, KeypostApi } from '../../../shared/api';
import { fail, ok, type Result } from '../../../shared/errors';
import { credentialOf, type RequestDocument } from '../../../shared/request';
import { checkRequest, checkToken } from '../../../shared/requestChecks';
import { checkResponseChecks } from '../../../shared/responseChecks';
import { tokenFacts } from '../../../shared/tokenFacts';
import { explainAuthFailure, isAuthRefusal } from './authFailure';
import { checkRequestFor } from '../../../shared/credentialCheck';
import type { SendResult } from '../../../shared/http';
import { checkVerdict } from '../credentials/credentialCheck';
import { buildOutgoing, type OutgoingRequest, type ResolvedSecrets } from './outgoingRequest';
import type { ResponseBodies } from '../body/responseBodies';
import type { ReceivedBody } from '../body/responseBody';
import type { CapturedVariables } from '../checks/capturedVariables';
import { evaluateChecks } from '../checks/evaluateChecks';
import type { Secret } from '../credentials/secret';
import type { Environments } from '../environments/environments';
import type { OAuthDeps } from '../credentials/oauthApi';
import type { OriginGate } from '../credentials/originGate';
import { sendRequest, type SendOptions } from './send';
import type { Vault } from '../credentials/vault';
import type { RouteFor } from '../network/proxyRoutes';
import type { CookieJars } from '../cookies/cookieJars';
import { DEFAULT_COLLECTION } from '../../../shared/collections';
import type { TrustOptions } from './trust';

/** A request ready for the wire, the token it carries, and the origin it goes to. */
interface Prepared {
  outgoing: OutgoingRequest;
  token: Secret | null;
  origin: string;
  /** The assertions with {{variables}} in their expected values resolved. */
  assertions: RequestDocument['assertions'];
}

interface SendDeps extends OAuthDeps {
  vault: Vault;
  environments: Environments;
  emit: Emit;
  bodies: ResponseBodies;
  originGate: OriginGate;
  /** Where the values the request captures are kept for the following requests. */
  captured: CapturedVariables;
  /** Which proxy carries each request (network/proxyRoutes.ts); direct when absent. */
  routeFor?: RouteFor;
  /** The collections' cookie jars; no cookies are sent or kept when absent. */
  cookieJars?: CookieJars;
  /** The certificates a request of a collection trusts (its keypost.collection.yaml's CA file); a collection file that
   *  cannot serve fails the send. Every request's set when absent. */
  trustFor?: (collectionId: string | undefined) => Result<TrustOptions | undefined>;
}

export function createSendApi({ vault, environments, emit, bodies, oauth, oauthConfigs, originGate, captured, routeFor, cookieJars, trustFor }: SendDeps): Pick<KeypostApi, 'send' | 'cancel' | 'checkCredential'> {
  const inFlight = new Map<string, AbortController>();

  /** The credential's token, checked to fit a header; null when the request sends none. An OAuth 2.0 credential's
   *  access token is refreshed first when it is about to expire. */
  async function tokenFor(request: RequestDocument, signal?: AbortSignal): Promise<Result<Secret | null>> {
    const credential = credentialOf(request);
    if (credential === null) return ok(null);
    const config = oauthConfigs.get(credential);
    if (config) return oauth.accessToken(credential, config, { signal });
    const stored = await vault.get(credential);
    if (!stored.ok) return stored;
    if (!stored.value) return fail('NO_TOKEN', 'No token is stored yet.', { hint: 'Type your bearer token in the token field, then send.' });
    const token = checkToken(stored.value.reveal());
    return token.ok ? ok(stored.value) : token;
  }

  /** The request as it goes on the wire, with the token it carries. Nothing is read from the keychain or the disk
   *  for a request that cannot go out, and no token goes to an origin the gate did not approve (`approved`: the
   *  origin already approved for this send, when it is built again for a retry). */
  async function prepare(request: RequestDocument, signal?: AbortSignal, approved?: string): Promise<Result<Prepared>> {
    // {{variables}} first: the checks apply to what will be sent.
    const resolved = await environments.resolve(request);
    if (!resolved.ok) return resolved;
    const checked = checkRequest(resolved.value.request);
    if (!checked.ok) return checked;
    const checks = checkResponseChecks(request);
    if (!checks.ok) return checks;
    const token = await tokenFor(request, signal);
    if (!token.ok) return token;
    const files = await filesFor(resolved.value.request);
    if (!files.ok) return files;
    const secrets = { token: token.value, files: files.value, hidden: resolved.value.secrets };
    const outgoing = buildOutgoing(checked.value, secrets);
    // The origin of the URL the token is about to go to, {{variables}} resolved: bound to it, bound by this first send,
    // or allowed by the user in main's dialog, before any byte leaves (redirects never leave it: send.ts).
    const { origin } = outgoing.url;
    const credential = credentialOf(request);
    if (token.value && credential !== null && origin !== approved) {
      const allowed = await originGate.approve(credential, origin);
      if (!allowed.ok) return allowed;
    }
    return ok({ outgoing, token: token.value, origin, assertions: resolved.value.request.assertions });
  }

  /** After a 401: the request again with a refreshed OAuth 2.0 token, or null (not OAuth, or no new token to try). */
  async function retryWithFreshToken(request: RequestDocument, rejected: Secret, signal: AbortSignal, approved: string): Promise<Prepared | null> {
    const credential = credentialOf(request);
    const config = credential === null ? undefined : oauthConfigs.get(credential);
    if (!credential || !config) return null;
    const fresh = await oauth.afterUnauthorized(credential, config, rejected, { signal });
    if (!fresh.ok || fresh.value.reveal() === rejected.reveal()) return null;
    // Approved for the first attempt: not asked again (an origin changed meanwhile is).
    const again = await prepare(request, signal, approved);
    return again.ok ? again.value : null;
  }

  /** Why a 401 or 403 happened, from the server's challenge and what the token sent says about itself (read only then:
   *  decoding a JWT costs every other answer about 0.007 ms for nothing). */
  const explain = (request: RequestDocument, token: Secret | null, answer: SendResult) =>
    explainAuthFailure({
      status: answer.status,
      headers: answer.headers,
      credential: credentialOf(request),
      facts: token && isAuthRefusal(answer.status) ? tokenFacts(token.reveal()) : null,
      now: Date.now(),
      clientCertificate: answer.clientCertificate,
    });

  /** The jar of the request's collection for one send, unless the request turned cookies off. */
  const jarFor = (request: RequestDocument, collectionId: string | undefined) =>
    request.options.cookies === false ? undefined : cookieJars?.forSend(collectionId ?? DEFAULT_COLLECTION);

  return {
    async send({ requestId, request, timeoutMs, maxBodyBytes, maxRedirects, collectionId }) {
      // Registered before the first await: a Cancel that arrives while the keychain or a file is read still stops it.
      const controller = new AbortController();
      inFlight.get(requestId)?.abort();
      inFlight.set(requestId, controller);
      try {
        const trust = trustFor?.(collectionId) ?? ok(undefined);
        if (!trust.ok) return trust;
        const prepared = await prepare(request, controller.signal);
        if (!prepared.ok) return prepared;
        const { outgoing, token } = prepared.value;
        // The body of the answer shown (the retry's, after a refreshed token), once it has all arrived: the checks read it.
        let body: ReceivedBody | null = null;
        const cookies = jarFor(request, collectionId);
        const options: SendOptions = {
          timeoutMs,
          signal: controller.signal,
          allowSelfSignedTls: request.options.allowSelfSignedTls ?? false,
          routeFor,
          maxBodyBytes,
          maxRedirects,
          requestId,
          onProgress: (receivedBytes, totalBytes) => emit('sendProgress', { requestId, receivedBytes, totalBytes }),
          onHead: (head, body) => {
            bodies.start(requestId, body, head.contentType);
            emit('responseStarted', head);
          },
          onBody: (received) => {
            body = received;
            bodies.keep(requestId, received);
          },
          cookies,
          trust: trust.value,
        };
        let sentWith = token;
        let sent = await sendRequest(outgoing, options);
        // An OAuth 2.0 token the server refused is refreshed once and the request sent again; a second 401 is shown.
        const retry = sent.ok && sent.value.status === 401 && token ? await retryWithFreshToken(request, token, controller.signal, prepared.value.origin) : null;
        if (retry) {
          sentWith = retry.token;
          sent = await sendRequest(retry.outgoing, { ...options, attempt: 2 });
        }
        if (!sent.ok) return sent;
        const authFailure = await explain(request, sentWith, sent.value);
        // Assertions and captures, only when the request declares some; the captured values serve the next sends.
        const evaluated = await evaluateChecks(request, sent.value, body, prepared.value.assertions);
        if (evaluated) captured.keep(evaluated.captured);
        const cookieNotices = cookies?.notices.length ? { cookieNotices: [...cookies.notices] } : {};
        return ok({ ...sent.value, ...(authFailure ? { authFailure } : {}), ...(evaluated ? { checks: evaluated.results } : {}), ...cookieNotices });
      } finally {
        if (inFlight.get(requestId) === controller) inFlight.delete(requestId);
      }
    },

    async cancel(requestId) {
      const controller = inFlight.get(requestId);
      controller?.abort();
      return ok(controller !== undefined);
    },

    async checkCredential({ request, timeoutMs, collectionId }) {
      const document = checkRequestFor(request);
      const trust = trustFor?.(collectionId) ?? ok(undefined);
      if (!trust.ok) return ok(checkVerdict(trust, document));
      const prepared = await prepare(document);
      if (!prepared.ok) return ok(checkVerdict(prepared, document));
      const sent = await sendRequest(prepared.value.outgoing, {
        timeoutMs,
        allowSelfSignedTls: document.options.allowSelfSignedTls ?? false,
        routeFor,
        discardBody: true,
        cookies: jarFor(document, collectionId),
        trust: trust.value,
      });
      const authFailure = sent.ok ? await explain(document, prepared.value.token, sent.value) : undefined;
      return ok(checkVerdict(sent, document, authFailure));
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
