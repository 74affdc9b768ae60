// What a send gives back to the page (the response, its body in parts) and the limits on how bodies travel.
import type { CheckResults } from './responseChecks';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Response bodies up to this many MB (1 MB = 1024 × 1024 bytes) stay in memory; bigger ones go to a temp file. A user setting. */
export const DEFAULT_BODY_LIMIT_MB = 100;
/** The highest limit anyone may set: main never holds more than 1 GB of one body. */
export const MAX_BODY_LIMIT_MB = 1024;
export const BYTES_PER_MB = 1024 * 1024;

/** The HTTP version a response came over (HTTP/2 when the server offers it over TLS, unless HTTP/1.1 only is set). */
export type HttpVersion = '1.1' | '2';

/** How the page shows a response body. */
export type ResponseBodyKind = 'json' | 'text' | 'binary';

export interface RedirectHop {
  status: number;
  url: string;
}

/**
 * What is known of a response once its status and headers have arrived. Main sends it (the responseStarted event)
 * before reading the body, so the page shows the response, and the body as it arrives, while the rest is on its way.
 */
export interface ResponseHead {
  /** The request this answers; main keeps its body (by this id) for readBody and "Save…". */
  requestId: string;
  /** 1, or 2 for the one retry after an OAuth 2.0 token was refreshed: a new response, with a new body. */
  attempt: number;
  status: number;
  statusText: string;
  /** URL of the response shown (after same-origin redirects). */
  url: string;
  headers: Array<[name: string, value: string]>;
  /** Time until the response headers arrived. */
  ttfbMs: number;
  /** Content-Encoding as received ('' for none); the body is always decoded. */
  contentEncoding: string;
  contentType: string;
  /** From the content type; the complete answer may still find that a body with none is text. */
  bodyKind: ResponseBodyKind;
  /** The decoded size the server announced (Content-Length, nothing compressed); null when unknown. */
  expectedBytes: number | null;
  redirects: RedirectHop[];
  /** Set when a redirect to another origin was not followed, so the token stayed here. */
  blockedRedirect?: string;
  /** The proxy that carried it (host:port), when one did. */
  proxy?: string;
  /** The client certificate it presented (its host pattern and file), when one was. */
  clientCertificate?: string;
  /** The HTTP version it came over. */
  httpVersion: HttpVersion;
}

/** The complete answer, once the whole body has arrived. */
export interface SendResult extends ResponseHead {
  elapsedMs: number;
  /** Decoded body size in bytes. */
  sizeBytes: number;
  /** Bytes on the wire (before gzip/br/deflate decoding) when the server sent Content-Length; else null. */
  wireBytes: number | null;
  /** A hex dump of the first bytes for binary; the start of the body when savedFile is set; empty for json/text,
   *  whose bytes the page reads with readBody as they arrive (so no IPC message carries a whole body). */
  body: string;
  /** For image/* bodies up to 10 MB: a data: URL the page shows in an <img>. */
  imageDataUrl?: string;
  /** Set when the body passed the size limit: it went to this temp file, not into memory. */
  savedFile?: { path: string; sizeBytes: number };
  /** Set for a 401 or 403: what is likely wrong with the credential (electron/core/send/authFailure.ts). */
  authFailure?: AuthFailure;
  /** Set when the request declares assertions or captures: what each found (shared/responseChecks.ts). */
  checks?: CheckResults;
  /** Cookies the server set that the jar did not keep, each in words ("Cookie “x” from host was not kept: why."). */
  cookieNotices?: string[];
}

/** A response shown in the page: the complete answer, or its head while the body arrives (or when it was cut short). */
export type ShownResponse = ResponseHead | SendResult;

export const isComplete = (response: ShownResponse): response is SendResult => 'elapsedMs' in response;

/** A 401 or 403 explained: the credential it names, the likely cause, and the server's own words if it sent any. */
export interface AuthFailure {
  status: 401 | 403;
  /** The credential sent; null when the request sent none. */
  credential: string | null;
  likely: 'noCredential' | 'expired' | 'invalid' | 'scope' | 'unknown';
  /** One or two sentences for the user. */
  message: string;
  /** From WWW-Authenticate (RFC 6750): error, error_description and the scope asked for. */
  serverError?: string;
  serverDescription?: string;
  scope?: string;
}

/** The page reads large bodies in parts of this size: small enough that no IPC message or copy in flight is big
 *  (at 10 MB, main peaked at 3x the body with 1 MB parts, 4.4x with 4 MB, equally fast); 100 MB is 100 round trips. */
export const BODY_PART_BYTES = 1024 * 1024;

/** How often a downloading response is shown again, at most: main's progress events and the body view's updates
 *  share this clock. Four times a second is enough to watch a body grow, and each update costs the page IPC, a render
 *  and garbage: at ten progress events a second, a body dripping in over 10 s peaked at 2.9x its size in the page,
 *  2.5x at four. */
export const PROGRESS_EVERY_MS = 250;

/** How a body's bytes ended: all of them, cut short (cancelled, timed out, dropped), or the rest went to a temp file
 *  (the body passed the size limit) and main no longer holds them. */
export type BodyEnd = 'complete' | 'cut' | 'spooled';

export interface BodyPart {
  bytes: Uint8Array;
  /** Where the next part starts. */
  nextOffset: number;
  /** Set on the last part: nothing follows it. */
  end: BodyEnd | null;
}

export interface SavedBody {
  path: string;
  sizeBytes: number;
}
