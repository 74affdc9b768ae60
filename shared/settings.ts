// The app's settings: their shapes, limits and defaults (one schema per setting, so one bad value never costs the others).
import { z } from 'zod';
import { credentialNameSchema } from './credentials';
import { DEFAULT_BODY_LIMIT_MB, DEFAULT_TIMEOUT_MS, MAX_BODY_LIMIT_MB } from './http';
import { presetIdSchema } from './presets';
import { defaultProxySetting, proxySettingSchema, type ProxySetting } from './proxy';
import { clientCertificatesSchema, type ClientCertificate } from './clientCertificates';
import { cookieStorageSchema, type CookieStorage } from './cookies';

export const windowBoundsSchema = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    maximized: z.boolean(),
  })
  .strict();
export type WindowBounds = z.infer<typeof windowBoundsSchema>;

/** "Keep response bodies up to N MB in memory": whole MB, 1 to 1024. */
export const bodyLimitMbSchema = z
  .number()
  .int('The body size limit is a whole number of MB.')
  .min(1, 'The body size limit is at least 1 MB.')
  .max(MAX_BODY_LIMIT_MB, `The body size limit is at most ${MAX_BODY_LIMIT_MB} MB.`);

/** The default timeout for a send, in whole seconds: 1 to 600 (10 minutes). */
export const DEFAULT_TIMEOUT_SECONDS = DEFAULT_TIMEOUT_MS / 1000;
export const MAX_TIMEOUT_SECONDS = 600;
export const timeoutSecondsSchema = z
  .number({ error: 'The timeout is a number of seconds.' })
  .int('The timeout is a whole number of seconds.')
  .min(1, 'The timeout is at least 1 second.')
  .max(MAX_TIMEOUT_SECONDS, `The timeout is at most ${MAX_TIMEOUT_SECONDS} seconds.`);

/** How many same-origin redirects a send follows: 0 shows the first redirect response itself. */
export const DEFAULT_MAX_REDIRECTS = 5;
export const MAX_REDIRECTS_LIMIT = 20;
export const maxRedirectsSchema = z
  .number({ error: 'The number of redirects followed is a number.' })
  .int('The number of redirects followed is a whole number.')
  .min(0, 'The number of redirects followed cannot be negative.')
  .max(MAX_REDIRECTS_LIMIT, `At most ${MAX_REDIRECTS_LIMIT} redirects can be followed.`);

/** Request history's caps (electron/core/history/historyFile.ts): the newest N sends, in at most N MB of file. */
export const DEFAULT_HISTORY_MAX_ENTRIES = 500;
export const DEFAULT_HISTORY_MAX_MB = 20;
export const historyMaxEntriesSchema = z
  .number({ error: 'The number of history entries is a number.' })
  .int('The number of history entries is a whole number.')
  .min(10, 'History keeps at least 10 entries.')
  .max(100_000, 'History keeps at most 100000 entries.');
export const historyMaxMbSchema = z
  .number({ error: 'The history size is a number of MB.' })
  .int('The history size is a whole number of MB.')
  .min(1, 'The history size is at least 1 MB.')
  .max(1024, 'The history size is at most 1024 MB.');

/** The colour theme: the OS's light or dark mode ('system', the default), or one of them always. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeSetting = (typeof THEMES)[number];
export const themeSchema = z.enum(THEMES, { error: 'The theme is "system", "light" or "dark".' });

/** An extra CA file (PEM) whose certificates are trusted beside the system's and Node's: its absolute path, or null.
 *  Chosen through main's file dialog and read there first (electron/core/send/trust.ts), never typed by the page. */
export const caFileSchema = z.string().min(1, 'The CA file needs a path.').nullable();

/** A whole-number setting as typed in a field: its value when the schema accepts it, else null.
 *  Only digits count, so "", " ", "-1", "1.5" and "1e3" are refused rather than read as something else. */
export function parseWholeNumber(text: string, schema: z.ZodNumber): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const parsed = schema.safeParse(Number(text));
  return parsed.success ? parsed.data : null;
}

/** Each setting is validated on its own, so one bad value never costs the others. */
export const settingsFields = {
  lastPresetId: presetIdSchema.nullable(),
  selectedCredential: credentialNameSchema.nullable(),
  windowBounds: windowBoundsSchema.nullable(),
  bodyLimitMb: bodyLimitMbSchema,
  timeoutSeconds: timeoutSecondsSchema,
  maxRedirects: maxRedirectsSchema,
  theme: themeSchema,
  historyMaxEntries: historyMaxEntriesSchema,
  historyMaxMb: historyMaxMbSchema,
  caFile: caFileSchema,
  proxy: proxySettingSchema,
  clientCertificates: clientCertificatesSchema,
  http1Only: z.boolean({ error: '"Use HTTP/1.1 only" is true or false.' }),
  cookieStorage: cookieStorageSchema,
};
export interface Settings {
  lastPresetId: string | null;
  selectedCredential: string | null;
  windowBounds: WindowBounds | null;
  /** Response bodies up to this many MB stay in memory; bigger ones go to a temp file. */
  bodyLimitMb: number;
  /** A send with no complete response after this many seconds fails with TIMEOUT. */
  timeoutSeconds: number;
  /** Same-origin redirects followed per send (0: the redirect response itself is shown). */
  maxRedirects: number;
  theme: ThemeSetting;
  /** History keeps at most this many sends, the newest. */
  historyMaxEntries: number;
  /** History's file holds at most this many MB (the oldest sends go first). */
  historyMaxMb: number;
  /** A PEM file of CA certificates trusted beside the built-in ones (company roots), or null. */
  caFile: string | null;
  /** Which proxy carries a send (shared/proxy.ts). */
  proxy: ProxySetting;
  /** Client certificates per host pattern (shared/clientCertificates.ts): changed only through their own calls, which check the files. */
  clientCertificates: ClientCertificate[];
  /** Never offer HTTP/2 (for a server or middlebox that mishandles it), as curl --http1.1. */
  http1Only: boolean;
  /** "Keep cookies": on disk, encrypted (electron/core/cookies/), or only until Keypost quits. */
  cookieStorage: CookieStorage;
}
/** The part of the settings the page may change (window bounds belong to main). */
export type RendererSettings = Omit<Settings, 'windowBounds'>;
export const rendererSettingsPatchSchema = z
  .object({
    lastPresetId: settingsFields.lastPresetId.optional(),
    selectedCredential: settingsFields.selectedCredential.optional(),
    bodyLimitMb: settingsFields.bodyLimitMb.optional(),
    timeoutSeconds: settingsFields.timeoutSeconds.optional(),
    maxRedirects: settingsFields.maxRedirects.optional(),
    theme: settingsFields.theme.optional(),
    historyMaxEntries: settingsFields.historyMaxEntries.optional(),
    historyMaxMb: settingsFields.historyMaxMb.optional(),
    // The page may only remove the CA file: choosing one goes through chooseCaFile, which reads it first.
    caFile: z.null().optional(),
    proxy: settingsFields.proxy.optional(),
    http1Only: settingsFields.http1Only.optional(),
    cookieStorage: settingsFields.cookieStorage.optional(),
  })
  .strict();

// A file written before a setting existed simply lacks it: the loader keeps these defaults for what is missing.
export const emptySettings = (): Settings => ({
  lastPresetId: null,
  selectedCredential: null,
  windowBounds: null,
  bodyLimitMb: DEFAULT_BODY_LIMIT_MB,
  timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
  maxRedirects: DEFAULT_MAX_REDIRECTS,
  theme: 'system',
  historyMaxEntries: DEFAULT_HISTORY_MAX_ENTRIES,
  historyMaxMb: DEFAULT_HISTORY_MAX_MB,
  caFile: null,
  proxy: defaultProxySetting(),
  clientCertificates: [],
  http1Only: false,
  cookieStorage: 'disk',
});
