// Where the runner's tokens come from: an environment variable first (KEYPOST_TOKEN, KEYPOST_TOKEN_<NAME>: the names
// the Code dialog's snippets read, from the same function), else the OS keychain as the app reads it. It only reads:
// the runner never writes into the user's keychain.
import { fail, ok } from '../shared/errors';
import { tokenVariable } from '../shared/codeExport/exportPlan';
import { Secret } from '../electron/core/credentials/secret';
import type { Vault } from '../electron/core/credentials/vault';

const readOnly = () => fail('INTERNAL', 'keypost run does not change the keychain.');

/** The keychain under the app's service name ("Keypost"), or the one `serviceOf` makes of it, opened at its first use:
 *  keytar is a native module, and a run whose tokens all come from environment variables (a CI machine without a
 *  Secret Service) never loads it. */
export function lazyKeychain(serviceOf: (appService: string) => string = (appService) => appService): Vault {
  let opened: Promise<Vault> | undefined;
  const open = () => (opened ??= import('../electron/core/credentials/vault').then(({ createVault, KEYCHAIN_SERVICE }) => createVault(serviceOf(KEYCHAIN_SERVICE))));
  const unavailable = (error: unknown) =>
    fail('KEYCHAIN_UNAVAILABLE', 'The OS keychain could not be opened, so the token could not be read.', {
      hint: `Set the credential's environment variable instead. Detail: ${error instanceof Error ? error.message : String(error)}`,
    });
  return {
    get: (credential) => open().then((vault) => vault.get(credential), unavailable),
    set: async () => readOnly(),
    delete: async () => readOnly(),
    list: () => open().then((vault) => vault.list(), unavailable),
  };
}

/** Tokens from `environment` (the process's variables), else from `keychain`; read-only. */
export function cliVault(environment: NodeJS.ProcessEnv, keychain: Vault): Vault {
  return {
    async get(credential) {
      const value = environment[tokenVariable(credential)];
      return value ? ok(new Secret(value)) : keychain.get(credential);
    },
    set: async () => readOnly(),
    delete: async () => readOnly(),
    list: () => keychain.list(),
  };
}
