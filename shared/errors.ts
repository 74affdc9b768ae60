// Error codes crossing the IPC boundary: the UI picks its message and hint by code.

export const errorCodes = [
  'INVALID_ARGUMENT',
  'INVALID_URL',
  'UNSUPPORTED_SCHEME',
  'INVALID_JSON',
  'HEADER_INJECTION',
  'INVALID_HEADER',
  'INVALID_METHOD',
  'INSECURE_HTTP',
  'NO_TOKEN',
  'TOKEN_EXPIRED',
  'UNRESOLVED_VARIABLE',
  'KEYCHAIN_UNAVAILABLE',
  'CONNECTION_REFUSED',
  'CONNECTION_RESET',
  'DNS_FAILURE',
  'TLS_ERROR',
  'TIMEOUT',
  'CANCELLED',
  'NETWORK_ERROR',
  /** A proxy refused, could not be reached, asked for authentication, or is of a kind not supported (SOCKS). */
  'PROXY_ERROR',
  'TOO_MANY_REDIRECTS',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'DUPLICATE_NAME',
  'STORE_WRITE_FAILED',
  /** A saved request's file changed outside Keypost since it was read: it is not written over. */
  'CHANGED_ON_DISK',
  /** A request or environment to be saved holds a secret (a key format, a JWT, a password in the URL) where a file
   *  would keep it: a file must never hold one. */
  'SECRET_IN_REQUEST',
  'IMPORT_INVALID',
  'FILE_ERROR',
  // A credential about to go to an origin it is not bound to, and the user (main's own dialog) did not allow it.
  'ORIGIN_NOT_ALLOWED',
  // OAuth 2.0 credentials (electron/core/credentials/oauth/): the token endpoint's answer or the browser sign-in, in words.
  'OAUTH_ERROR',
  'OAUTH_INVALID_CLIENT',
  'OAUTH_INVALID_GRANT',
  'OAUTH_SIGN_IN_REQUIRED',
  'OAUTH_ACCESS_DENIED',
  'OAUTH_NO_CLIENT_SECRET',
  'OAUTH_ENTRY_DAMAGED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface KeypostError {
  code: ErrorCode;
  /** One sentence for the user; never contains the token. */
  message: string;
  /** What the user can do about it. */
  hint?: string;
  /** For INVALID_JSON: where the parser stopped (1-based). */
  position?: { line: number; column: number };
  /** For SECRET_IN_REQUEST from an environment's save: the plain variables whose value is a secret (the page offers
   *  to mark them secret); for UNRESOLVED_VARIABLE, the variables with no value (the runner names what to set).
   *  Names only, never a value. */
  variables?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KeypostError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (
  code: ErrorCode,
  message: string,
  extra: Omit<KeypostError, 'code' | 'message'> = {},
): { ok: false; error: KeypostError } => ({ ok: false, error: { code, message, ...extra } });
