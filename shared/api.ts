// The IPC contract: one interface and one channel map (argument schemas: schemas.ts).
// The preload bridge, the main-process handlers and the E2E harness are all typed from here.
// No runtime imports: the sandboxed preload bundles this file.
import type { Result } from './errors';
import type {
  ConflictChoice,
  CredentialInfo,
  ExportOutcome,
  ImportOutcome,
  ImportPreview,
  Preset,
  PresetDraft,
  PresetSummary,
  RendererSettings,
  StoreStatus,
} from './presets';

export const httpMethods = ['POST', 'PUT', 'PATCH', 'DELETE', 'GET'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_CREDENTIAL = 'default';
/** Response bodies up to this many MB (1 MB = 1024 × 1024 bytes) stay in memory; bigger ones go to a temp file. A user setting. */
export const DEFAULT_BODY_LIMIT_MB = 100;
/** The highest limit anyone may set: main never holds more than 1 GB of one body. */
export const MAX_BODY_LIMIT_MB = 1024;
export const BYTES_PER_MB = 1024 * 1024;

/** Relaxations of Keypost's safe defaults, each an explicit opt-in the user makes for one preset. */
export interface TransportOptIns {
  /** Send the token over plain http to a host other than localhost. */
  allowPlainHttp?: boolean;
  /** Accept self-signed or otherwise untrusted TLS certificates (local development). */
  allowSelfSignedTls?: boolean;
}

export interface SendRequest extends TransportOptIns {
  /** Chosen by the renderer so it can cancel this request later. */
  requestId: string;
  url: string;
  method: HttpMethod;
  body: string;
  /** Name of the keychain entry whose token goes into the Authorization header. */
  credential: string;
  timeoutMs: number;
  /** Bodies larger than this (default 100 MB) go to a temp file instead of memory and the page. */
  maxBodyBytes?: number;
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
  /** Bytes on the wire (before gzip/br/deflate decoding) when the server sent Content-Length; else null. */
  wireBytes: number | null;
  /** Content-Encoding as received ('' for none); the body is always decoded. */
  contentEncoding: string;
  contentType: string;
  bodyKind: BodyKind;
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
  /** Saves the last response body of this request where the user picks (main asks); null when cancelled. */
  saveBody(requestId: string): Promise<Result<SavedBody | null>>;
  /** A part of the kept body from byte `offset`, at most maxBytes. */
  readBody(requestId: string, offset: number, maxBytes: number): Promise<Result<BodyPart>>;
  /** Opens a body that went to a temp file (over the size limit) in the OS's app for its type; fails for a body in memory. */
  openBody(requestId: string): Promise<Result<boolean>>;

  // Presets (presetApi.ts): the store status is a startup notice, e.g. where a damaged file was backed up.
  storeStatus(): Promise<Result<StoreStatus>>;
  listPresets(): Promise<Result<PresetSummary[]>>;
  getPreset(id: string): Promise<Result<Preset>>;
  createPreset(draft: PresetDraft): Promise<Result<Preset>>;
  updatePreset(id: string, draft: PresetDraft): Promise<Result<Preset>>;
  renamePreset(id: string, name: string): Promise<Result<PresetSummary>>;
  duplicatePreset(id: string): Promise<Result<PresetSummary>>;
  /** Answers the deleted preset, so the page can offer undo with restorePreset. */
  deletePreset(id: string): Promise<Result<Preset>>;
  restorePreset(preset: Preset): Promise<Result<PresetSummary>>;
  getSettings(): Promise<Result<RendererSettings>>;
  updateSettings(patch: Partial<RendererSettings>): Promise<Result<RendererSettings>>;

  // Credentials (credentialApi.ts); add, replace and delete are setToken / deleteToken.
  listCredentials(): Promise<Result<CredentialInfo[]>>;
  renameCredential(from: string, to: string): Promise<Result<{ updatedPresets: number }>>;

  // Export / import (presetTransfer.ts): main asks for the file; null when the user cancelled.
  exportPresets(ids: string[]): Promise<Result<ExportOutcome | null>>;
  readImportFile(): Promise<Result<ImportPreview | null>>;
  importPresets(presets: PresetDraft[], onConflict: ConflictChoice): Promise<Result<ImportOutcome>>;
}

export type ApiName = keyof KeypostApi;

/** Events main pushes to the renderer (no reply). */
export interface KeypostEvents {
  sendProgress: { requestId: string; receivedBytes: number; totalBytes: number | null };
}
export type EventName = keyof KeypostEvents;
export type Emit = <E extends EventName>(event: E, payload: KeypostEvents[E]) => void;

export const eventChannels = {
  sendProgress: 'keypost:event:send-progress',
} as const satisfies Record<EventName, string>;

/** What window.keypost offers: the calls, plus a subscription to main's events. */
export interface KeypostBridge extends KeypostApi {
  on<E extends EventName>(event: E, listener: (payload: KeypostEvents[E]) => void): () => void;
}

export const channels = {
  send: 'keypost:send',
  cancel: 'keypost:cancel',
  setToken: 'keypost:set-token',
  tokenStatus: 'keypost:token-status',
  revealToken: 'keypost:reveal-token',
  deleteToken: 'keypost:delete-token',
  saveBody: 'keypost:save-body',
  readBody: 'keypost:read-body',
  openBody: 'keypost:open-body',
  storeStatus: 'keypost:store-status',
  listPresets: 'keypost:list-presets',
  getPreset: 'keypost:get-preset',
  createPreset: 'keypost:create-preset',
  updatePreset: 'keypost:update-preset',
  renamePreset: 'keypost:rename-preset',
  duplicatePreset: 'keypost:duplicate-preset',
  deletePreset: 'keypost:delete-preset',
  restorePreset: 'keypost:restore-preset',
  getSettings: 'keypost:get-settings',
  updateSettings: 'keypost:update-settings',
  listCredentials: 'keypost:list-credentials',
  renameCredential: 'keypost:rename-credential',
  exportPresets: 'keypost:export-presets',
  readImportFile: 'keypost:read-import-file',
  importPresets: 'keypost:import-presets',
} as const satisfies Record<ApiName, string>;
