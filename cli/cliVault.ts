// Where the runner's secrets come from: an environment variable first (the scheme of shared/secretVariables.ts, which
// the Code dialog's snippets read too: KEYPOST_TOKEN…, KEYPOST_SECRET_…), else the OS keychain as the app reads it.
// It only reads: the runner never writes into the user's keychain.
import { fail, ok } from '../shared/errors';
import { secretVariable, tokenVariable } from '../shared/secretVariables';
import { Secret } from '../electron/core/credentials/secret';
import type { Vault } from '../electron/core/credentials/vault';

const readOnly = () => fail('INTERNAL', 'keypost run does not change the keychain.');

/** The keychain under the app's service name ("Keypost"), or the one `serviceOf` makes of it, opened at its first use:
 *  keytar is a native module, and a run whose tokens all come from environment variables (a CI machine without a
 *  Secret Service) never loads it. */
export function lazyKeychain(serviceOf: (appService: string) => string = (appService) => appService): Vault {
  let opened: Promise<Vault> | undefined;
  const open = () => (opened ??= import('../electron/core/credentials/vault').then(({ createVault, KEYCHAIN_SERVICE }) => createVault(serviceOf(KEYCHAIN_SERVICE))));
  // The module's own error (a missing libsecret, say) is not repeated: it means nothing to the reader of a CI log.
  const unavailable = () =>
    fail('KEYCHAIN_UNAVAILABLE', 'The OS keychain could not be opened on this machine (no keychain service, or its library is missing), so the secret could not be read from it.', {
      hint: "Set the secret's environment variable instead.",
    });
  return {
    get: (credential) => open().then((vault) => vault.get(credential), unavailable),
    set: async () => readOnly(),
    delete: async () => readOnly(),
    list: () => open().then((vault) => vault.list(), unavailable),
  };
}

/** Secrets from `environment` (the process's variables) under the name `variableOf` gives a keychain account (a
 *  credential's token by default), else from `keychain`; read-only. A keychain that cannot be opened names the
 *  variable to set instead. */
export function cliVault(environment: NodeJS.ProcessEnv, keychain: Vault, variableOf: (account: string) => string = tokenVariable): Vault {
  return {
    async get(account) {
      const variable = variableOf(account);
      const value = environment[variable];
      if (value) return ok(new Secret(value));
      const stored = await keychain.get(account);
      if (!stored.ok && stored.error.code === 'KEYCHAIN_UNAVAILABLE') return fail('KEYCHAIN_UNAVAILABLE', stored.error.message, { hint: `Set ${variable} instead.` });
      return stored;
    },
    set: async () => readOnly(),
    delete: async () => readOnly(),
    list: () => keychain.list(),
  };
}

/** A secret environment variable's keychain account is `<environment id>/<name>` (electron/core/environments/): its
 *  variable is the name's, KEYPOST_SECRET_<NAME> (a variable name holds no `/`). */
export const environmentSecretVariable = (account: string) => secretVariable(account.slice(account.lastIndexOf('/') + 1));
