// OAuth 2.0 credentials: the non-secret configuration (one schema per flow) and the token state the UI shows.
// Secrets (client secret, access and refresh tokens) never appear here: they live in the keychain, in main.
import { z } from 'zod';

const URL_MAX = 2_048;
const LOOPBACK_HOSTS = ['127.0.0.1', '[::1]', 'localhost'];

/** https anywhere; plain http only to this machine, where nothing on the network can read the secret. */
const endpointUrl = (what: string) =>
  z
    .string()
    .max(URL_MAX, `The ${what} is too long.`)
    .refine((text) => {
      const url = URL.parse(text);
      if (!url || url.username || url.password || url.hash) return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname));
    }, `The ${what} must be an https:// URL (http:// only for 127.0.0.1, [::1] or localhost), without a user name, password or #fragment.`);

const clientId = z.string().min(1, 'The client ID is missing.').max(512, 'The client ID is too long.');
/** Space-separated scope tokens (RFC 6749 §3.3: printable ASCII except space, " and \). */
const scope = z
  .string()
  .max(2_048)
  .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'Scopes are words separated by single spaces, without " or \\.')
  .optional();

export const oauthConfigSchema = z.discriminatedUnion('flow', [
  z
    .object({
      flow: z.literal('clientCredentials'),
      tokenUrl: endpointUrl('token URL'),
      clientId,
      scope,
      /** Auth0-style `audience` parameter, sent when set. */
      audience: z.string().min(1).max(URL_MAX).optional(),
      /** How the client secret is sent: HTTP Basic, or in the form body. */
      clientAuth: z.enum(['basic', 'post']),
    })
    .strict(),
  z
    .object({
      flow: z.literal('refreshToken'),
      tokenUrl: endpointUrl('token URL'),
      clientId,
      scope,
      clientAuth: z.enum(['basic', 'post', 'none']),
    })
    .strict(),
  z
    .object({
      /** Authorization code with PKCE (S256), through the system browser and a loopback redirect (RFC 8252). */
      flow: z.literal('authorizationCode'),
      authorizationUrl: endpointUrl('authorization URL'),
      tokenUrl: endpointUrl('token URL'),
      clientId,
      scope,
      /** Public clients (no secret) use none. */
      clientAuth: z.enum(['basic', 'post', 'none']),
    })
    .strict(),
]);

export type OAuthConfig = z.infer<typeof oauthConfigSchema>;

/** Secrets typed when an OAuth 2.0 credential is set up: they go straight to the keychain (an empty one is not changed). */
export const oauthSecretsSchema = z
  .object({
    clientSecret: z.string().max(16_384).optional(),
    refreshToken: z.string().max(16_384).optional(),
  })
  .strict();
export type OAuthSecrets = z.infer<typeof oauthSecretsSchema>;

/** How each flow is named to the user. */
export const OAUTH_FLOW_LABELS: Record<OAuthConfig['flow'], string> = {
  clientCredentials: 'client credentials',
  refreshToken: 'refresh token',
  authorizationCode: 'authorization code with PKCE (browser sign-in)',
};
export type OAuthFlow = OAuthConfig['flow'];
export type OAuthClientAuth = OAuthConfig['clientAuth'];

export interface OAuthTokenState {
  status: 'missing' | 'valid' | 'expired' | 'refreshing' | 'failed';
  /** Milliseconds since the epoch; null when the server gave no expiry (the token is used until a 401). */
  expiresAt: number | null;
  hasRefreshToken: boolean;
  /** For status failed: the last refresh's error, in words (never a secret). */
  error?: string;
}
