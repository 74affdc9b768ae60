// The IPC contract: one interface and one channel map (argument schemas: schemas.ts).
// The preload bridge, the main-process handlers and the E2E harness are all typed from here.
// No runtime imports: the sandboxed preload bundles this file.
import type { Result } from './errors';

export const httpMethods = ['POST', 'PUT', 'PATCH', 'DELETE', 'GET'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_CREDENTIAL = 'default';

export interface SendRequest {
  /** Chosen by the renderer so it can cancel this request later. */
  requestId: string;
  url: string;
  method: HttpMethod;
  body: string;
  /** Name of the keychain entry whose token goes into the Authorization header. */
  credential: string;
  timeoutMs: number;
}

export type BodyKind = 'json' | 'text' | 'binary';

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
  contentType: string;
  bodyKind: BodyKind;
  /** Text for json/text; a hex dump of the first bytes for binary. */
  body: string;
  redirects: RedirectHop[];
  /** Set when a redirect to another origin was not followed, so the token stayed here. */
  blockedRedirect?: string;
}

export interface TokenStatus {
  stored: boolean;
}

export interface KeypostApi {
  send(request: SendRequest): Promise<Result<SendResult>>;
  cancel(requestId: string): Promise<Result<boolean>>;
  setToken(credential: string, token: string): Promise<Result<void>>;
  tokenStatus(credential: string): Promise<Result<TokenStatus>>;
  revealToken(credential: string): Promise<Result<string>>;
  deleteToken(credential: string): Promise<Result<boolean>>;
}

export type ApiName = keyof KeypostApi;

export const channels = {
  send: 'keypost:send',
  cancel: 'keypost:cancel',
  setToken: 'keypost:set-token',
  tokenStatus: 'keypost:token-status',
  revealToken: 'keypost:reveal-token',
  deleteToken: 'keypost:delete-token',
} as const satisfies Record<ApiName, string>;
