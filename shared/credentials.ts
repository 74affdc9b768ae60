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

export interface CredentialInfo {
  name: string;
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
