// One HTTP exchange over undici's dispatcher API. Not fetch: fetch refuses every port on the Fetch standard's
// blocked list (6000, 6666, 10080, …), which curl, Python requests and the other API clients reach. Redirects are
// not followed here (send.ts decides), and the body is decoded as fetch would, keeping the Content-Encoding shown.
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import type { Dispatcher, FormData } from 'undici';
import type { HttpVersion } from '../../../shared/http';
import { httpVersionOf } from './httpVersion';
import { watchHttp2Resets } from './http2Resets';

export interface ExchangeInit {
  method: string;
  headers: Array<[string, string]>;
  body: string | FormData | undefined;
  signal: AbortSignal;
  dispatcher: Dispatcher;
}

export interface Exchange {
  status: number;
  statusText: string;
  /** In the order received; a repeated field is one entry per line. */
  headers: Array<[string, string]>;
  httpVersion: HttpVersion;
  /** The body decoded (gzip, deflate, br), to read once; or discard() it. */
  body(): AsyncIterable<Uint8Array>;
  discard(): void;
}

/** What Keypost asks for (derived headers, requestHeaders.ts) and so must be able to decode. */
const DECODERS: Record<string, () => zlib.Zlib & NodeJS.ReadWriteStream> = {
  gzip: () => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  'x-gzip': () => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  deflate: () => zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  br: () => zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }),
};

/** Responses that carry no body whatever their headers say (RFC 9110), so there is nothing to decode. */
const NO_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Methods fetch (and HTTP libraries generally) upper-case when typed in another case; others go as typed. */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

export async function exchange(url: URL, init: ExchangeInit): Promise<Exchange> {
  // An HTTP/2 body the server reset midway must fail, not end as if whole (http2Resets.ts).
  watchHttp2Resets();
  const method = NORMALIZED_METHODS.has(init.method.toUpperCase()) ? init.method.toUpperCase() : init.method;
  // A bare "?" is kept: the server gets exactly the query typed (URL.search drops an empty one).
  const query = url.search || (url.href.split('#')[0]!.endsWith('?') ? '?' : '');
  const response = await init.dispatcher.request({
    origin: url.origin,
    path: `${url.pathname}${query}`,
    method: method as Dispatcher.HttpMethod,
    headers: init.headers.flat(),
    body: init.body ?? null,
    signal: init.signal,
  });
  const headers = headerPairs(response.headers);
  const encoding = headers.filter(([name]) => name === 'content-encoding').map(([, value]) => value).join(',');
  const carriesBody = method !== 'HEAD' && !NO_BODY_STATUSES.has(response.statusCode);
  return {
    status: response.statusCode,
    statusText: response.statusText,
    headers,
    httpVersion: httpVersionOf(response.headers),
    body: () => (carriesBody ? decoded(response.body, encoding) : response.body),
    // Read and dropped rather than destroyed, so a small redirect body leaves the connection reusable.
    discard: () => void response.body.dump().catch(() => {}),
  };
}

/** undici gives lower-cased names with repeated fields as arrays; the page shows one row per field line. */
function headerPairs(headers: Record<string, string | string[] | undefined>): Array<[string, string]> {
  return Object.entries(headers).flatMap(([name, value]): Array<[string, string]> =>
    value === undefined ? [] : Array.isArray(value) ? value.map((one): [string, string] => [name, one]) : [[name, value]],
  );
}

/** The body with its content codings undone, last applied first; an unknown coding leaves it as received (as fetch does). */
function decoded(body: Readable, encoding: string): Readable {
  const codings = encoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity')
    .reverse();
  // More than a few codings is an attack on memory, not a real response (curl and urllib3 cap them too).
  if (codings.length === 0 || codings.length > 5 || codings.some((coding) => !DECODERS[coding])) return body;
  const decoders = codings.map((coding) => DECODERS[coding]!());
  // pipeline destroys every stage on an error and hands it to the last one, so the reader sees it.
  return pipeline([body, ...decoders], () => {}) as unknown as Readable;
}

/** Bodies a library reads whole through fetchThrough (token responses are a few KB). */
const FETCH_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * fetch's shape over exchange(), for a library that takes a fetch (oauth4webapi's customFetch): it then reaches every
 * port too. Failures look like fetch's (a TypeError whose cause is the network error; the signal's reason when aborted).
 */
export async function fetchThrough(url: string | URL, init: RequestInit, dispatcher: Dispatcher): Promise<Response> {
  const signal = init.signal ?? new AbortController().signal;
  const headers = [...new Headers(init.headers)];
  let body: string | undefined;
  if (init.body instanceof URLSearchParams) {
    body = init.body.toString();
    if (!headers.some(([name]) => name === 'content-type')) headers.push(['content-type', 'application/x-www-form-urlencoded;charset=UTF-8']);
  } else if (typeof init.body === 'string') {
    body = init.body;
  } else if (init.body != null) {
    throw new TypeError('fetchThrough sends only string and URLSearchParams bodies.');
  }
  try {
    const answer = await exchange(new URL(url), { method: init.method ?? 'GET', headers, body, signal, dispatcher });
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of answer.body()) {
      size += chunk.byteLength;
      if (size > FETCH_BODY_LIMIT) throw Object.assign(new Error('The answer is larger than 10 MB.'), { code: 'KP_BODY_TOO_LARGE' });
      chunks.push(chunk);
    }
    const noBody = NO_BODY_STATUSES.has(answer.status) || init.method === 'HEAD';
    // Decoded here, so the length and coding headers no longer describe the body.
    const described = answer.headers.filter(([name]) => name !== 'content-encoding' && name !== 'content-length');
    return new Response(noBody ? null : Buffer.concat(chunks, size), { status: answer.status, statusText: answer.statusText, headers: described });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new TypeError('fetch failed', { cause: error });
  }
}
