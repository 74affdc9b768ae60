// A collection's cookies as the page sees them (the Cookies dialog): which cookie (domain, path, name), never its value
// unless revealed on request, and the edits the page may ask for. The jars themselves live in main (electron/core/cookies/).
import { z } from 'zod';
import { collectionIdSchema } from './collections';

/** RFC 6265's size a cookie may have (name, value and attributes): a larger one is not kept. */
export const COOKIE_MAX_BYTES = 4096;

/** One cookie of a jar, without its value. */
export interface CookieRow {
  domain: string;
  path: string;
  name: string;
  /** When it expires, in ms since the epoch; null for a session cookie (set with no expiry: an API client keeps it as the jar is kept, so a login survives a restart). */
  expires: number | null;
  secure: boolean;
  httpOnly: boolean;
  /** Sent to its domain only (no Domain attribute), not to the domain's subdomains. */
  hostOnly: boolean;
}

export interface CookieList {
  cookies: CookieRow[];
  /** Where the jar is kept, in words ("on disk, encrypted", "in memory until Keypost quits", and why). */
  storage: string;
  /** A problem with the jar's file (set aside, unreadable); null when all is well. */
  notice: string | null;
}

export const cookieRefSchema = z
  .object({ domain: z.string().min(1).max(255), path: z.string().min(1).max(4_096), name: z.string().max(COOKIE_MAX_BYTES) })
  .strict();
export type CookieRef = z.infer<typeof cookieRefSchema>;

/** A cookie's new value and expiry. A ; or a control character would end the Cookie header's pair, and a header holds
 *  Latin-1 only (as a header row's value: requestChecks.ts), so those are refused. */
export const cookieEditSchema = z
  .object({
    value: z
      .string()
      .max(COOKIE_MAX_BYTES, `A cookie value is at most ${COOKIE_MAX_BYTES} bytes.`)
      .regex(/^[^;\p{Cc}\u0100-\u{10FFFF}]*$/u, 'A cookie value cannot contain ;, control characters or characters beyond Latin-1.'),
    expires: z.number().int().positive().nullable(),
  })
  .strict();
export type CookieEdit = z.infer<typeof cookieEditSchema>;

/** A jar is named after its collection's id ('default', 'c-<hex>'), and its file after the jar: letters, digits and - only. */
export const cookieJarIdSchema = collectionIdSchema.regex(/^[A-Za-z0-9-]+$/, 'That is not a collection.');

/** "Keep cookies": on disk, encrypted (the default), or only until Keypost quits. */
export const COOKIE_STORAGES = ['disk', 'memory'] as const;
export type CookieStorage = (typeof COOKIE_STORAGES)[number];
export const cookieStorageSchema = z.enum(COOKIE_STORAGES, { error: 'Cookies are kept "disk" (encrypted) or "memory" (until Keypost quits).' });
