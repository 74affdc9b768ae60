// OAuth 2.0 in a run: the settings of each credential from environment variables (CI) or else from the app's data
// folder (a desktop), the client secret from its environment variable or else the keychain, and the client-credentials
// flow run by the app's own code (electron/core/credentials/oauth/). Tokens a run gets are kept in memory only.
import { createOAuthConfigs, OAUTH_CONFIG_NAME, type OAuthConfigs } from '../electron/core/credentials/oauthConfigFile';
import { createOAuthCredentials, type OAuthCredentials } from '../electron/core/credentials/oauth/oauthCredentials';
import { serializeTokenSet } from '../electron/core/credentials/oauth/tokenSet';
import { Secret } from '../electron/core/credentials/secret';
import type { Vault } from '../electron/core/credentials/vault';
import { fail, ok } from '../shared/errors';
import { oauthConfigSchema } from '../shared/oauth';
import { oauthVariables } from '../shared/secretVariables';
import { appStoreCopy } from './appData';
import { RunRefused } from './collectionRun';
import type { RouteFor } from '../electron/core/network/proxyRoutes';

export interface RunOAuthInputs {
  /** The process's environment variables. */
  variables: NodeJS.ProcessEnv;
  /** The app's keychain (service "Keypost"), where the app keeps each OAuth credential's client secret and tokens. */
  keychain: Vault;
  /** The app's data folder, or null to read nothing from it. */
  dataDir: string | null;
  /** The credentials the run's requests use. */
  credentials: string[];
  /** The proxy for token requests (the environment's, as curl reads it). */
  routeFor: RouteFor;
}

export function runOAuth({ variables, keychain, dataDir, credentials, routeFor }: RunOAuthInputs): { oauth: OAuthCredentials; oauthConfigs: OAuthConfigs } {
  const fromApp = appStoreCopy(dataDir, OAUTH_CONFIG_NAME);
  const appConfigs = createOAuthConfigs(fromApp);
  const fromEnvironment = Object.fromEntries(credentials.flatMap((credential) => {
    const config = environmentConfig(credential, variables);
    return config ? [[credential, config]] : [];
  }));
  for (const credential of credentials) {
    const secret = oauthVariables(credential).clientSecret;
    if (variables[secret] && !(credential in fromEnvironment) && !appConfigs.get(credential)) {
      const { tokenUrl, clientId } = oauthVariables(credential);
      throw new RunRefused(`${secret} is set, but the credential “${credential}” has no OAuth 2.0 settings: set ${tokenUrl} and ${clientId} too, or set it up in Keypost on this machine.`);
    }
  }
  // An environment variable wins: a credential set up there replaces the app's settings for the run.
  const appCredentials = fromApp.store.credentials && typeof fromApp.store.credentials === 'object' ? fromApp.store.credentials : {};
  const oauthConfigs = createOAuthConfigs({ path: fromApp.path, store: { credentials: { ...appCredentials, ...fromEnvironment } } });
  return { oauth: createOAuthCredentials({ vault: runTokenSets(variables, keychain), routeFor }), oauthConfigs };
}

/** The client-credentials settings of `credential` from its KEYPOST_OAUTH_… variables; null when none is set. */
function environmentConfig(credential: string, variables: NodeJS.ProcessEnv) {
  const names = oauthVariables(credential);
  const read = (name: string) => variables[name] || undefined;
  const tokenUrl = read(names.tokenUrl);
  const clientId = read(names.clientId);
  if (tokenUrl === undefined && clientId === undefined) return null;
  if (tokenUrl === undefined || clientId === undefined) {
    throw new RunRefused(`${tokenUrl === undefined ? names.clientId : names.tokenUrl} is set, but not ${tokenUrl === undefined ? names.tokenUrl : names.clientId}: the OAuth 2.0 client-credentials flow of the credential “${credential}” needs both.`);
  }
  const clientAuth = read(names.clientAuth) ?? 'basic';
  const parsed = oauthConfigSchema.safeParse({
    flow: 'clientCredentials',
    tokenUrl,
    clientId,
    clientAuth,
    ...(read(names.scope) ? { scope: read(names.scope) } : {}),
    ...(read(names.audience) ? { audience: read(names.audience) } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const from: Record<string, string> = { tokenUrl: names.tokenUrl, clientId: names.clientId, scope: names.scope, audience: names.audience, clientAuth: names.clientAuth };
    const variable = from[String(issue.path[0])] ?? names.tokenUrl;
    const words = issue.path[0] === 'clientAuth' ? 'it is basic (the default) or post.' : issue.message;
    throw new RunRefused(`${variable} does not hold a setting Keypost can use for the credential “${credential}”: ${words}`);
  }
  return parsed.data;
}

/** What the OAuth code keeps per credential (the keychain entry: client secret and tokens): for the run, in memory over
 *  the client secret of KEYPOST_OAUTH_CLIENT_SECRET… when set (a fresh start from it), else over the app's entry. */
function runTokenSets(variables: NodeJS.ProcessEnv, keychain: Vault): Vault {
  const kept = new Map<string, Secret>();
  return {
    async get(credential) {
      const held = kept.get(credential);
      if (held) return ok(held);
      const secret = variables[oauthVariables(credential).clientSecret];
      if (secret) return ok(serializeTokenSet({ clientSecret: new Secret(secret) }));
      const stored = await keychain.get(credential);
      if (!stored.ok && stored.error.code === 'KEYCHAIN_UNAVAILABLE') return fail('KEYCHAIN_UNAVAILABLE', stored.error.message, { hint: `Set ${oauthVariables(credential).clientSecret} instead.` });
      return stored;
    },
    async set(credential, entry) {
      kept.set(credential, entry);
      return ok(undefined);
    },
    async delete(credential) {
      return ok(kept.delete(credential));
    },
    list: () => keychain.list(),
  };
}
