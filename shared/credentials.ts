// Credentials: named keychain entries holding tokens. Only their names ever leave the main process.
import { z } from 'zod';
import type { OAuthConfig, OAuthTokenState } from './oauth';
import type { TokenFacts } from './tokenFacts';

export const DEFAULT_CREDENTIAL = 'default';

/** Keychain account names: also used in file names by some keychains, so a conservative alphabet. */
export const credentialNameSchema = z
  .string()
  .min(1, 'A credential needs a name.')
  .max(64, 'A credential name can be at most 64 characters.')
  .regex(/^[\w .@-]+$/, 'A credential name may use letters, digits, space, _ . @ - only.');

/** The most characters an origin may have (a host name is at most 253, plus scheme and port). */
const ORIGIN_MAX = 300;
const ORIGIN_EXAMPLE = 'such as https://api.example.com or http://127.0.0.1:8080';

/**
 * An origin a credential may be sent to (scheme://host:port), as typed in the credential manager: http or https,
 * nothing but the origin (a trailing slash is fine), normalised as URLs serialise it (lower-case host, no default
 * port), which is the form main compares with the URL it sends to.
 */
export const credentialOriginSchema = z
  .string()
  .trim()
  .min(1, `Type an origin, ${ORIGIN_EXAMPLE}.`)
  .max(ORIGIN_MAX, 'That origin is too long.')
  .transform((text, context) => {
    const url = URL.parse(text);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      context.addIssue({ code: 'custom', message: `That is not an origin: write scheme://host or scheme://host:port with http or https, ${ORIGIN_EXAMPLE}.` });
      return z.NEVER;
    }
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
      context.addIssue({ code: 'custom', message: `An origin is only scheme://host:port: leave out the user name, path, query and #fragment (here: ${url.origin}).` });
      return z.NEVER;
    }
    return url.origin;
  });

export interface CredentialInfo {
  name: string;
  /**
   * The origins (scheme://host:port) its token may be sent to without asking; null until its first send, which binds
   * it to that send's origin. An empty list (every origin removed) means every send asks.
   */
  origins: string[] | null;
  /** False when presets refer to a name the keychain does not hold (deleted, or imported from elsewhere). */
  stored: boolean;
  /** Names of the presets that use it. */
  usedBy: string[];
  /** Set for an OAuth 2.0 credential: how Keypost gets its tokens, and the state of the one it holds. */
  oauth?: { config: OAuthConfig; state: OAuthTokenState };
}

export interface TokenStatus {
  stored: boolean;
  /** What the stored token says about itself (a JWT's expiry, issuer, audience); absent when none is stored. */
  facts?: TokenFacts;
  /** Set for an OAuth 2.0 credential, whose tokens Keypost gets itself (nothing is typed). */
  oauth?: { flow: OAuthConfig['flow']; state: OAuthTokenState };
}
