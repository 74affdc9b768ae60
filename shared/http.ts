// What a send gives back to the page (the response, its body in parts) and the limits on how bodies travel.

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Response bodies up to this many MB (1 MB = 1024 × 1024 bytes) stay in memory; bigger ones go to a temp file. A user setting. */
export const DEFAULT_BODY_LIMIT_MB = 100;
/** The highest limit anyone may set: main never holds more than 1 GB of one body. */
export const MAX_BODY_LIMIT_MB = 1024;
export const BYTES_PER_MB = 1024 * 1024;

/** How the page shows a response body. */
export type ResponseBodyKind = 'json' | 'text' | 'binary';

export interface RedirectHop {
  status: number;
  url: string;
}

export interface SendResult {
  status: number;
  statusText: string;
  /** URL of the response shown (after same-origin redirects). */
  url: string;
  headers: Array<[name: string, value: string]>;
  elapsedMs: number;
  /** Time until the response headers arrived. */
  ttfbMs: number;
  /** Decoded body size in bytes. */
  sizeBytes: number;
  /** Bytes on the wire (before gzip/br/deflate decoding) when the server sent Content-Length; else null. */
  wireBytes: number | null;
  /** Content-Encoding as received ('' for none); the body is always decoded. */
  contentEncoding: string;
  contentType: string;
  bodyKind: ResponseBodyKind;
  /** Text for json/text; a hex dump of the first bytes for binary; the start of the body when savedFile is set.
   *  Empty when bodyInParts is set: the page then reads the bytes with readBody, a part at a time. */
  body: string;
  /** Set for json/text bodies over 256 KB: the page reads their bytes in parts, so no IPC message carries a whole
   *  100 MB body and no string holds it. */
  bodyInParts?: boolean;
  /** For image/* bodies up to 10 MB: a data: URL the page shows in an <img>. */
  imageDataUrl?: string;
  /** Set when the body passed the size limit: it went to this temp file, not into memory. */
  savedFile?: { path: string; sizeBytes: number };
  /** The request this answers; main keeps its body so saveBody needn't send it back. */
  requestId: string;
  redirects: RedirectHop[];
  /** Set when a redirect to another origin was not followed, so the token stayed here. */
  blockedRedirect?: string;
  /** Set for a 401 or 403: what is likely wrong with the credential (electron/core/authFailure.ts). */
  authFailure?: AuthFailure;
}

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

export interface BodyPart {
  bytes: Uint8Array;
  /** Where the next part starts; equals the body size after the last part. */
  nextOffset: number;
}

export interface SavedBody {
  path: string;
  sizeBytes: number;
}
