// Sends one request built by outgoingRequest.ts (transport.ts does the exchange): timing, redirects, body reading, error codes.
import { formatDuration } from '../../../shared/duration';
import { fail, ok, type Result } from '../../../shared/errors';
import { BYTES_PER_MB, DEFAULT_BODY_LIMIT_MB, type RedirectHop, type ResponseHead, type SendResult } from '../../../shared/http';
import type { ArrivingBody } from '../body/arrivingBody';
import { DEFAULT_MAX_REDIRECTS } from '../../../shared/settings';
import { dispatcherFor } from '../network/proxyAgents';
import { classifyProxyError } from '../network/proxyErrors';
import { DIRECT, proxyLabel, type RouteFor } from '../network/proxyRoutes';
import { throughFirstReachable } from '../network/routeFallback';
import { classifyNetworkError } from './networkErrors';
import type { OutgoingHeaders, OutgoingRequest } from './outgoingRequest';
import { classifyBody, classifyFileHead, kindOf, readBody, spoolFileName, type ReceivedBody } from '../body/responseBody';
import { Secret } from '../credentials/secret';
import { exchange, type Exchange } from './transport';
import type { ClientTls } from '../network/clientCertificateFiles';
import type { TrustOptions } from './trust';

/** Same-origin redirects followed when the send does not say (the setting's default). */
export const MAX_REDIRECTS = DEFAULT_MAX_REDIRECTS;
export const DEFAULT_MAX_BODY_BYTES = DEFAULT_BODY_LIMIT_MB * BYTES_PER_MB;

export interface SendOptions {
  timeoutMs: number;
  /** Aborted when the user presses Cancel. */
  signal?: AbortSignal;
  /** Above this many bytes the body goes to a temp file instead of memory (default 100 MB). */
  maxBodyBytes?: number;
  allowSelfSignedTls?: boolean;
  /** Which proxy carries the request to a URL (network/proxyRoutes.ts); direct when absent. */
  routeFor?: RouteFor;
  /** Same-origin redirects to follow (default MAX_REDIRECTS); 0 answers the first redirect response itself. */
  maxRedirects?: number;
  /** Echoed in the result, so the page can later ask main to save this body. */
  requestId?: string;
  /** Bytes received so far, at most every PROGRESS_EVERY_MS (totalBytes from Content-Length, if sent). */
  onProgress?: (receivedBytes: number, totalBytes: number | null) => void;
  /** 1, or 2 for a retry (in the result and the head). */
  attempt?: number;
  /** The response's status and headers, before its body is read; the body as it arrives. */
  onHead?: (head: ResponseHead, body: ArrivingBody) => void;
  /** Receives the body as read (memory or temp file), for a later "save body". */
  onBody?: (body: ReceivedBody) => void;
  /** Only the status and headers matter (a credential check): the body is dropped unread. */
  discardBody?: boolean;
  /** The collection's cookie jar (cookies/cookieJars.ts): its cookies go out on every hop, and every hop's Set-Cookie is kept. */
  cookies?: {
    withCookies(url: URL, headers: Array<[string, string]>): Promise<Array<[string, string]>>;
    store(url: URL, setCookieLines: string[]): Promise<void>;
  };
  /** The certificates the request's collection trusts (trust.ts collectionTrust); every request's when absent. */
  trust?: TrustOptions;
}

export async function sendRequest(request: OutgoingRequest, options: SendOptions): Promise<Result<SendResult>> {
  // One controller for Cancel and the deadline: cheaper per request than AbortSignal.timeout + any().
  const controller = new AbortController();
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const cancel = () => controller.abort();
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener('abort', cancel, { once: true });
  const signal = controller.signal;
  const started = performance.now();
  const redirects: RedirectHop[] = [];
  let url = request.url;
  // Every URL the page sees is concealed: an API key the builder put in the query never reaches it.
  const shown = (current: URL | string) => request.conceal(typeof current === 'string' ? current : current.href);
  let method = request.method;
  let body = request.body;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  let proxy: URL | null = null;
  let proxyAuthorization: Secret | undefined;
  let clientCertificate: ClientTls | undefined;

  try {
    for (;;) {
      // Per URL, as the OS's proxy configuration answers per URL.
      const route = options.routeFor ? await options.routeFor(url) : DIRECT;
      if (!route.ok) return route;
      // The client certificate is the target's (the same whichever proxy carries it).
      ({ clientCertificate } = route.value);
      const headers = revealed(request.headers);
      const sentHeaders = options.cookies ? await options.cookies.withCookies(url, headers) : headers;
      // A PAC answer's next choice when its proxy cannot be reached; proxy names the one that carried it, or failed.
      const response = await throughFirstReachable(route.value, (choice) => {
        ({ proxy, authorization: proxyAuthorization } = choice);
        return exchange(url, {
          method,
          headers: sentHeaders,
          body,
          signal,
          dispatcher: dispatcherFor(proxy, options.allowSelfSignedTls ?? false, proxyAuthorization, clientCertificate, options.trust),
        });
      });
      await options.cookies?.store(url, response.headers.filter(([name]) => name === 'set-cookie').map(([, value]) => value));
      const ttfbMs = performance.now() - started;
      const location = headerOf(response, 'location');

      if (isRedirect(response.status) && location) {
        const next = new URL(location, url);
        // The token only ever goes to the origin the user typed.
        const crossOrigin = next.origin !== request.url.origin;
        // Following none means the user wants to see the redirect itself: it is the response, and no hop was taken.
        if (!crossOrigin && maxRedirects === 0) return ok(await buildResult(response, shown(url), started, ttfbMs, redirects, { ...options, proxy, presented: clientCertificate?.label }));
        redirects.push({ status: response.status, url: shown(next) });
        if (!crossOrigin) {
          if (redirects.length > maxRedirects) {
            response.discard();
            return fail('TOO_MANY_REDIRECTS', `Stopped after ${maxRedirects} redirect${maxRedirects === 1 ? '' : 's'}.`, {
              hint: `Last location: ${shown(next)}. How many redirects are followed is set in Settings.`,
            });
          }
          response.discard();
          if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
          }
          url = next;
          continue;
        }
        return ok(await buildResult(response, shown(url), started, ttfbMs, redirects, { ...options, proxy, presented: clientCertificate?.label }, shown(next)));
      }
      return ok(await buildResult(response, shown(url), started, ttfbMs, redirects, { ...options, proxy, presented: clientCertificate?.label }));
    }
  } catch (error) {
    if (options.signal?.aborted) return fail('CANCELLED', 'The request was cancelled.');
    if (timedOut) {
      return fail('TIMEOUT', `No complete response from ${url.host} within ${formatDuration(options.timeoutMs)}.`, {
        hint: 'The server may be slow or not answering; try again or raise the timeout.',
      });
    }
    return (proxy && classifyProxyError(error, proxy)) || (await classifyNetworkError(error, url, { proxy, authorization: proxyAuthorization, clientCertificate, trust: options.trust }));
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', cancel);
  }
}

/** The header list the transport gets: the token leaves its Secret here, and only here. */
const revealed = (headers: OutgoingHeaders): Array<[string, string]> =>
  headers.map(([name, value]) => [name, value instanceof Secret ? value.reveal() : value]);

/** A response header's value, repeated lines joined as HTTP allows (null when absent). */
function headerOf(response: Exchange, name: string): string | null {
  const values = response.headers.filter(([field]) => field === name).map(([, value]) => value);
  return values.length > 0 ? values.join(', ') : null;
}

function isRedirect(status: number): boolean {
  return [301, 302, 303, 307, 308].includes(status);
}

async function buildResult(
  response: Exchange,
  /** The URL of the response, as the page may see it (concealed). */
  shownUrl: string,
  started: number,
  ttfbMs: number,
  redirects: RedirectHop[],
  options: SendOptions & { proxy: URL | null; presented?: string },
  blockedRedirect?: string,
): Promise<SendResult> {
  const contentType = headerOf(response, 'content-type') ?? '';
  const contentEncoding = headerOf(response, 'content-encoding') ?? '';
  // The body is decoded as it is read, so Content-Length is the only count of wire bytes we get.
  const declared = Number(headerOf(response, 'content-length') ?? NaN);
  const wireBytes = Number.isSafeInteger(declared) ? declared : null;
  const head: ResponseHead = {
    requestId: options.requestId ?? '',
    attempt: options.attempt ?? 1,
    status: response.status,
    statusText: response.statusText,
    url: shownUrl,
    headers: response.headers,
    ttfbMs,
    contentEncoding,
    contentType,
    bodyKind: kindOf(contentType),
    expectedBytes: contentEncoding ? null : wireBytes,
    redirects,
    ...(blockedRedirect ? { blockedRedirect } : {}),
    ...(options.proxy ? { proxy: proxyLabel(options.proxy) } : {}),
    ...(options.presented ? { clientCertificate: options.presented } : {}),
    httpVersion: response.httpVersion,
  };
  if (options.discardBody) response.discard();
  const received = await readBody(options.discardBody ? null : response.body(), {
    limit: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    fileName: spoolFileName(contentType),
    onProgress: options.onProgress && ((bytes) => options.onProgress!(bytes, head.expectedBytes)),
    onArriving: options.onHead && ((body) => options.onHead!(head, body)),
  });
  options.onBody?.(received);
  const { sizeBytes } = received;
  return {
    ...head,
    elapsedMs: performance.now() - started,
    sizeBytes,
    wireBytes: wireBytes ?? (contentEncoding ? null : sizeBytes),
    ...(received.where === 'memory'
      ? classifyBody(contentType, received.bytes)
      : { ...classifyFileHead(contentType, received.head, sizeBytes), savedFile: { path: received.path, sizeBytes } }),
  };
}

