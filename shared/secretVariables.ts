// The one naming scheme of the environment variables that hand Keypost a secret outside the app (README, "Secrets from
// environment variables"): the Code dialog's snippets read them, and `keypost run` reads them before the keychain.
// Each is KEYPOST_<WHAT> for the credential "default" and KEYPOST_<WHAT>_<NAME> for another, NAME being the credential's
// (or the value's) name upper-cased with every other run of characters as `_`.
import { DEFAULT_CREDENTIAL } from './credentials';

/** The upper-case name part: `api.example` → `API_EXAMPLE`; '' when nothing is left. */
export const variableSuffix = (name: string) =>
  name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** KEYPOST_<what> for the credential "default" (or a name with no letter or digit), else KEYPOST_<what>_<NAME>. */
function credentialVariable(what: string, credential: string): string {
  const suffix = variableSuffix(credential);
  return credential === DEFAULT_CREDENTIAL || suffix === '' ? `KEYPOST_${what}` : `KEYPOST_${what}_${suffix}`;
}

/** KEYPOST_TOKEN for the credential "default"; KEYPOST_TOKEN_STAGING for "staging", KEYPOST_TOKEN_API_EXAMPLE for "api.example".
 *  The token, API key or Basic password of the credential. */
export const tokenVariable = (credential: string) => credentialVariable('TOKEN', credential);

/** KEYPOST_SECRET_API_KEY for a secret value named `api-key`: a secret environment variable ({{api-key}}), or in a
 *  snippet a secret header or query row; _2, _3 for a name already `taken` in the same snippet. */
export function secretVariable(name: string, taken: readonly string[] = []): string {
  const suffix = variableSuffix(name);
  const base = suffix === '' ? 'KEYPOST_SECRET' : `KEYPOST_SECRET_${suffix}`;
  for (let n = 1; ; n++) {
    const variable = n === 1 ? base : `${base}_${n}`;
    if (!taken.includes(variable)) return variable;
  }
}

/** The OAuth 2.0 client-credentials flow of a credential, from the environment (CI): its secret and its settings.
 *  Only `clientSecret` is a secret; the others are the settings the app keeps in its data folder (keypost-oauth.json). */
export function oauthVariables(credential: string) {
  return {
    clientSecret: credentialVariable('OAUTH_CLIENT_SECRET', credential),
    tokenUrl: credentialVariable('OAUTH_TOKEN_URL', credential),
    clientId: credentialVariable('OAUTH_CLIENT_ID', credential),
    scope: credentialVariable('OAUTH_SCOPE', credential),
    audience: credentialVariable('OAUTH_AUDIENCE', credential),
    /** `basic` (the default) or `post`: how the client secret goes to the token URL. */
    clientAuth: credentialVariable('OAUTH_CLIENT_AUTH', credential),
  };
}

/** The passphrase of `keypost run --cert` (an encrypted PEM key or a PKCS#12 file): never a flag, which `ps` shows. */
export const CERT_PASSPHRASE_VARIABLE = 'KEYPOST_CERT_PASSPHRASE';
